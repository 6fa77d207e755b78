package org.populus.matching;

/**
 * How common a name is among the people already registered, so that agreeing on a common name counts for less
 * than agreeing on a rare one.
 */
public interface NameFrequencies {

    /** No frequencies known: every name counts at the model's average weight. */
    NameFrequencies NONE = (field, value) -> 0;

    /**
     * The share of people (0 to 1) whose {@code field} has {@code value}; 0 when not known.
     *
     * @param field {@code given_name} or {@code family_name}
     * @param value the name as normalised by {@link MatchFields#key(String)}
     */
    double share(String field, String value);
}
