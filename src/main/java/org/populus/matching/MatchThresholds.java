package org.populus.matching;

/**
 * Where a match weight becomes a possible duplicate worth a person's look.
 *
 * @param possibleDuplicate the least total weight (log2 odds) of a pair reported as a possible duplicate
 */
public record MatchThresholds(double possibleDuplicate) {

    /**
     * The default: the threshold that gave the best pairwise F1 on the training set (FEBRL 4a and 4b as one set of
     * 10,000 records, docs/matching.md). At this weight, with the prior odds of a random pair being a duplicate,
     * a pair is far more likely a duplicate than not.
     */
    public static final MatchThresholds DEFAULT = new MatchThresholds(14.5);
}
