package org.populus.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * The Fellegi–Sunter model: two records are compared field by field ({@link FieldComparators}); each field's
 * level weighs log2(m/u) ({@link MatchWeights}), and the weights add up. A missing field weighs nothing.
 *
 * <p>Agreeing on a common name is weaker evidence than agreeing on a rare one: for an exact name, u is the share
 * of people with that name ({@link NameFrequencies}) when that share is larger than the average u of the level.
 * Only common names are adjusted, so a small index, where every name looks rare, does not inflate the weights.
 */
public final class MatchModel {

    private MatchModel() {
    }

    /** How alike {@code a} and {@code b} are, field by field. */
    public static MatchScore score(MatchRecord a, MatchRecord b, NameFrequencies tf) {
        List<FieldComparison> fields = new ArrayList<>();
        double total = 0;
        for (Comparison c : FieldComparators.compare(a, b)) {
            double weight = weigh(c, tf);
            fields.add(new FieldComparison(c.field(), c.label(), weight));
            total += weight;
        }
        return new MatchScore(total, fields);
    }

    private static double weigh(Comparison c, NameFrequencies tf) {
        MatchWeights.MU mu = MatchWeights.of(c.field(), c.level());
        if (mu == null) {
            return 0;
        }
        if (c.nameValue() == null) {
            return mu.weight();
        }
        double share = tf.share(c.field(), c.nameValue());
        return new MatchWeights.MU(mu.m(), Math.max(mu.u(), share)).weight();
    }
}
