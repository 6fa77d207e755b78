package org.populus.scope;

import java.util.Map;

/** A kind of scope ({@code country}, {@code province}, …) with its name and plural per locale. */
public record ScopeType(long id, String code, Map<String, String> name, Map<String, String> plural) {

    public ScopeType {
        name = Texts.copy(name);
        plural = Texts.copy(plural);
    }
}
