package org.populus.matching;

/**
 * Where a match weight becomes a possible duplicate worth a person's look.
 *
 * <p>The weights of the model are odds between two given records; the chance that a new person's record has a
 * duplicate among {@code n} people, each as likely as the next, falls with {@code n}: the same evidence names twice
 * as many strangers in a registry twice as large. So the threshold {@link #among rises} by log2 of the registry's
 * size over the training set's ({@link #TRAINING_PEOPLE}), and never falls below the configured value.
 *
 * @param possibleDuplicate the least total weight (log2 odds) of a pair reported as a possible duplicate, in a
 *     registry of at most {@link #TRAINING_PEOPLE} people
 */
public record MatchThresholds(double possibleDuplicate) {

    /**
     * The default, 14.5: the middle of the thresholds (13 to 16) at which the one-record-at-a-time procedure reached
     * its best pairwise F1 on the training set, FEBRL 4a and 4b as one set of 10,000 records (docs/matching.md). A
     * pair at this weight is 2^14.5, about 23,000, times more likely among duplicates than among different people.
     */
    public static final MatchThresholds DEFAULT = new MatchThresholds(14.5);

    /** The size of the training set the threshold was fitted on. */
    public static final long TRAINING_PEOPLE = 10_000;

    /**
     * The threshold in a registry of {@code people}: {@link #possibleDuplicate} plus log2(people / 10,000) when
     * larger (a million people: +6.6).
     */
    public double among(long people) {
        return possibleDuplicate + Math.max(0, Math.log((double) people / TRAINING_PEOPLE) / Math.log(2));
    }
}
