package org.populus.matching;

/**
 * One field of a comparison: what was compared, how alike it was, and the evidence that adds (positive: points
 * to the same person; negative: to different people; zero: no evidence, as when the field is missing).
 *
 * @param field the model's name of the field, e.g. {@code family_name}
 * @param level how alike, in words, e.g. {@code exact} or {@code similar (Jaro-Winkler 0.93)}
 * @param weight log2 of m/u for that level
 */
public record FieldComparison(String field, String level, double weight) {
}
