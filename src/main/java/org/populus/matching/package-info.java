/**
 * Matching: finds and scores possible duplicates of a person with a Fellegi–Sunter model that anyone can explain
 * field by field (names, birth date, identity documents, phones, address, postcode, gender), each field compared
 * at a few levels (exact, similar, different, missing) that add or take away evidence in log2 odds.
 *
 * <p>Pure: no tables, no Spring beans, no HTTP. It knows only the shared kernel and the libraries that do the
 * work (Apache Lucene for the candidate search, Commons Text for Jaro–Winkler and Levenshtein, Commons Codec for
 * Double Metaphone). The search module keeps the Lucene index of all people: it adds this module's {@code m_*}
 * fields with {@link org.populus.matching.MatchFields#addTo}, and asks {@link
 * org.populus.matching.DuplicateFinder#find} for the candidates of a person at or above {@link
 * org.populus.matching.MatchThresholds}. Public API: {@link org.populus.matching.MatchRecord}, {@link
 * org.populus.matching.MatchFields}, {@link org.populus.matching.CandidateQuery}, {@link
 * org.populus.matching.MatchModel} with {@link org.populus.matching.MatchScore} and {@link
 * org.populus.matching.FieldComparison}, {@link org.populus.matching.NameFrequencies} (and {@link
 * org.populus.matching.IndexNameFrequencies} over a Lucene index), {@link org.populus.matching.DuplicateFinder}
 * with {@link org.populus.matching.ScoredCandidate}. How the model was fitted and how well it does:
 * {@code docs/matching.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matching", allowedDependencies = "shared")
package org.populus.matching;
