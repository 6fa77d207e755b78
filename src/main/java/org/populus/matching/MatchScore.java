package org.populus.matching;

import java.util.List;

/**
 * How alike two people are: the sum of the fields' weights (log2 of how much more likely the fields' agreement is
 * among true duplicates than among different people), and each field's part in it.
 */
public record MatchScore(double weight, List<FieldComparison> fields) {

    public MatchScore {
        fields = List.copyOf(fields);
    }
}
