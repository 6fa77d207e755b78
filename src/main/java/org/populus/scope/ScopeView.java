package org.populus.scope;

import java.util.Map;

/**
 * A scope as the Census API lists it under {@code scopes}: {@code {id, name, scope_type, code, mappings}}.
 *
 * @param name locale → text
 * @param scopeType the type's name, locale → text
 */
public record ScopeView(long id, Map<String, String> name, Map<String, String> scopeType, String code,
        Map<String, String> mappings) {

    public ScopeView {
        name = Texts.copy(name);
        scopeType = Texts.copy(scopeType);
        mappings = Texts.copy(mappings);
    }
}
