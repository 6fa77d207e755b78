package org.populus.matching;

/**
 * Where a match weight becomes a possible duplicate worth a person's look.
 *
 * @param possibleDuplicate the least total weight (log2 odds) of a pair reported as a possible duplicate
 */
public record MatchThresholds(double possibleDuplicate) {

    /**
     * The default, 14.5: the middle of the thresholds (13 to 16) at which the one-record-at-a-time procedure reached
     * its best pairwise F1 on the training set, FEBRL 4a and 4b as one set of 10,000 records (docs/matching.md). A
     * pair at this weight is 2^14.5, about 23,000, times more likely among duplicates than among different people.
     */
    public static final MatchThresholds DEFAULT = new MatchThresholds(14.5);
}
