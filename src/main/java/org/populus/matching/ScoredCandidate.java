package org.populus.matching;

/** A possible duplicate found by {@link DuplicateFinder}: the other person's id and how alike the two are. */
public record ScoredCandidate(long id, MatchScore score) {
}
