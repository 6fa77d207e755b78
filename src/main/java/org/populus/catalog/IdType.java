package org.populus.catalog;

import java.util.regex.Pattern;

/**
 * A kind of identity document. When {@code validationRegex} is set, a value must match it as a whole.
 * When {@code uniqueValues} is set, one value belongs to one registrant only.
 */
public record IdType(long id, String name, String validationRegex, boolean uniqueValues, int version) {

    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    public boolean accepts(String value) {
        return validationRegex == null || validationRegex.isBlank()
                || PATTERNS.computeIfAbsent(validationRegex, Pattern::compile).matcher(value).matches();
    }
}
