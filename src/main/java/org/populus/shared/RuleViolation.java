package org.populus.shared;

import java.util.Objects;

/**
 * A change refused because it breaks a registry rule. Nothing was changed.
 *
 * @see Rule
 */
public class RuleViolation extends RuntimeException {

    private final Rule rule;
    private final String field;
    private final String value;

    /**
     * @param field the attribute at fault, as the domain names it (e.g. {@code birthdate}, {@code ids})
     * @param value the offending value, or the name the message is about (may be null)
     * @param message a complete human sentence
     */
    public RuleViolation(Rule rule, String field, String value, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule);
        this.field = field;
        this.value = value;
    }

    public Rule rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
