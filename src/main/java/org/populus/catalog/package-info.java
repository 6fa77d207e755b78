/**
 * Catalogue: the reference lists a registrant's data must come from — ID types (with an optional whole-value
 * regex), genders, group kinds, member kinds (some unique per group, like Head) and programmes.
 *
 * <p>Owns tables {@code id_type}, {@code gender}, {@code group_kind}, {@code member_kind}, {@code programme}.
 * Reads are served from an in-memory snapshot refreshed after every local change and every few seconds, so
 * several instances on one database converge quickly.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package org.populus.catalog;
