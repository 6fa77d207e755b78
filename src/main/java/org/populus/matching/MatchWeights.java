package org.populus.matching;

import java.util.Map;

/**
 * The model's m and u probabilities per field and level: m is how often true duplicates reach the level, u how
 * often two different people do. Estimated on FEBRL 4a and 4b taken as one set of 10,000 records (docs/matching.md):
 * m over its 5,000 true pairs, u over random pairs of different people; each count has one added, so that no level
 * is impossible. Fields the training set does not have (phone, gender) have m and u set by hand, written down in
 * docs/matching.md.
 */
final class MatchWeights {

    /** m and u of one level. */
    record MU(double m, double u) {

        double weight() {
            return Math.log(m / u) / Math.log(2);
        }
    }

    private static final Map<String, Map<String, MU>> TABLE = Map.of(
            "given_name", Map.of(
                    "exact", new MU(0.735, 0.00330),
                    "close", new MU(0.101, 0.000940),
                    "similar", new MU(0.0471, 0.00423),
                    "different", new MU(0.117, 0.992)),
            "family_name", Map.of(
                    "exact", new MU(0.722, 0.00337),
                    "close", new MU(0.147, 0.000606),
                    "similar", new MU(0.0459, 0.00164),
                    "different", new MU(0.0845, 0.994)),
            "birthdate", Map.of(
                    "exact", new MU(0.944, 0.0000301),
                    // FEBRL makes no day-month swaps: m set by hand (docs/matching.md), u estimated
                    "day_month_swapped", new MU(0.002, 0.00000860),
                    "one_typing_error", new MU(0.00951, 0.000962),
                    "different", new MU(0.0460, 0.999)),
            "document", Map.of(
                    "exact", new MU(0.912, 0.00000100),
                    "one_typing_error", new MU(0.0488, 0.00000200),
                    "different", new MU(0.0394, 1.0)),
            // not in FEBRL: set by hand, u allowing for phones shared in a household (docs/matching.md)
            "phone", Map.of(
                    "exact", new MU(0.85, 0.001),
                    "one_typing_error", new MU(0.05, 0.001),
                    "different", new MU(0.10, 0.998)),
            // agreeing levels set by hand to +8 / +7.5 / +5 (u = m / 2^weight): FEBRL has no households, and its
            // estimates (+17.5 for an exact address) would make every parent and child at one address a possible
            // duplicate (docs/matching.md, "Households")
            "address", Map.of(
                    "exact", new MU(0.187, 0.187 / Math.pow(2, 8)),
                    "close", new MU(0.383, 0.383 / Math.pow(2, 7.5)),
                    "similar", new MU(0.333, 0.333 / Math.pow(2, 5)),
                    "different", new MU(0.0967, 1.0)),
            "postcode", Map.of(
                    "exact", new MU(0.843, 0.000988),
                    "one_typing_error", new MU(0.143, 0.0128),
                    "different", new MU(0.0136, 0.986)),
            // not in FEBRL: set by hand
            "gender", Map.of(
                    "exact", new MU(0.98, 0.5),
                    "different", new MU(0.02, 0.5)));

    private MatchWeights() {
    }

    /** The m and u of a field's level; null for {@code missing}, which weighs nothing. */
    static MU of(String field, String level) {
        return TABLE.get(field).get(level);
    }
}
