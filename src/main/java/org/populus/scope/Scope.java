package org.populus.scope;

import java.util.List;
import java.util.Map;

/**
 * A territorial scope.
 *
 * @param name locale → text
 * @param parentId null for the roots ({@code ES} and {@code XX})
 * @param parentCode the parent's code, null for the roots
 * @param partOf its own id followed by its ancestors' ids, root last
 * @param mappings code in other encodings, e.g. {@code INE-PROV → 24}
 * @param metadata free key → value pairs from the loaded file
 */
public record Scope(long id, String code, Map<String, String> name, ScopeType type, Long parentId,
        String parentCode, List<Long> partOf, int childrenCount, Map<String, String> mappings,
        Map<String, String> metadata, int version) {

    public Scope {
        name = Texts.copy(name);
        partOf = List.copyOf(partOf);
        mappings = Texts.copy(mappings);
        metadata = Texts.copy(metadata);
    }
}
