/**
 * Household: groups — their kind, and who belongs to them with which member kinds (one Head per group).
 *
 * <p>Owns tables {@code household}, {@code group_membership}, {@code group_membership_kind}. A group's
 * registrant data (name, IDs, phones, programmes) lives in the person module; creating a group creates it and its
 * members there, in the same transaction. Every household change appends a version (kind and member list) to
 * history. Public API: {@link org.populus.household.Households}, {@link org.populus.household.GroupView}. Also
 * the command {@code import-people <file.csv>}, which imports people and households in bulk ({@code PeopleImport}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Household")
package org.populus.household;
