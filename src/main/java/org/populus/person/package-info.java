/**
 * Person: registrants — individuals, and the registrant part of groups — with their identity documents,
 * phones, programme memberships, external ids and Census states.
 *
 * <p>Owns tables {@code party}, {@code party_identifier}, {@code party_phone}, {@code programme_membership}.
 * Every write goes through {@link org.populus.person.Registrants}, which records the new version in the history
 * module in the same transaction, or, for bulk imports, {@link org.populus.person.RegistrantImport}, which checks
 * the same rules and writes the same versions set-wise. Public API: {@link org.populus.person.Registrants}, {@link
 * org.populus.person.Registrant} and its value types, {@link org.populus.person.RegistrantDraft}, {@link
 * org.populus.person.RegistrantImport}, the name searches ({@link org.populus.person.NameSearches}, {@link
 * org.populus.person.PeopleSearch}, {@link org.populus.person.RegistrantQuery}), answered by a {@link
 * org.populus.person.NameIndex} when one can (the search module's), else by PostgreSQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Person")
package org.populus.person;
