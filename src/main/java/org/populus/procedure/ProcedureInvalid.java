package org.populus.procedure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request refused by validation; nothing was stored. {@link #errors()} lists, per attribute in validation order,
 * the error keys of the original Census ({@code blank}, {@code invalid}, {@code inclusion}, {@code too_short},
 * {@code should_be_local}, {@code cant_register_again}, {@code invalid_format}) with their extra details
 * ({@code value}, {@code count}).
 */
public class ProcedureInvalid extends RuntimeException {

    private final Map<String, List<Map<String, Object>>> errors;

    public ProcedureInvalid(Map<String, List<Map<String, Object>>> errors) {
        super(errors.toString(), null, false, false);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static ProcedureInvalid of(String attribute, String key) {
        return new ProcedureInvalid(Map.of(attribute, List.of(detail(key))));
    }

    /** One error on one attribute, with details after the key, in order: {@code of("files", "too_short", "count", 2)}. */
    public static ProcedureInvalid of(String attribute, String key, Object... details) {
        return new ProcedureInvalid(Map.of(attribute, List.of(detail(key, details))));
    }

    /** {@code {"error": key, <details in order>}}, keeping that order in JSON. */
    public static Map<String, Object> detail(String key, Object... details) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", key);
        for (int i = 0; i + 1 < details.length; i += 2) {
            m.put((String) details[i], details[i + 1]);
        }
        return m;
    }

    public Map<String, List<Map<String, Object>>> errors() {
        return errors;
    }

    /** Collects errors in the order they are found. */
    static final class Collector {
        private final Map<String, List<Map<String, Object>>> errors = new LinkedHashMap<>();

        void add(String attribute, String key) {
            add(attribute, detail(key));
        }

        void add(String attribute, Map<String, Object> detail) {
            errors.computeIfAbsent(attribute, k -> new java.util.ArrayList<>()).add(detail);
        }

        boolean has(String attribute) {
            return errors.containsKey(attribute);
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ProcedureInvalid(errors);
            }
        }
    }
}
