/**
 * Search: a Lucene index of every registrant (individuals and households), derived from the registry and never
 * the other way round. It answers the name searches ({@link org.populus.person.NameIndex}) and finds duplicate
 * candidates. PostgreSQL stays the only source of truth: the index is rebuilt from it when it is missing, corrupt,
 * of another schema or incomplete, and kept current from the history's change feed (and, on the instance that wrote,
 * right after the commit). Owns no tables; its files live under {@code POPULUS_DATA_DIR/search/}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.populus.search;
