package org.populus.matching;

/**
 * One field of two records compared, before weighing: the level reached (a key of {@link MatchWeights}), its
 * wording for people, and the name value whose frequency may adjust the weight (null when none applies).
 */
record Comparison(String field, String level, String label, String nameValue) {

    static Comparison of(String field, String level) {
        return new Comparison(field, level, level.replace('_', ' '), null);
    }

    static Comparison of(String field, String level, String label) {
        return new Comparison(field, level, label, null);
    }
}
