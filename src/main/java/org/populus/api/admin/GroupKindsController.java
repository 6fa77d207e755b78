package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.populus.api.admin.CatalogDtos.GroupKindIn;
import org.populus.api.admin.CatalogDtos.GroupKindOut;
import org.populus.catalog.Catalog;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The kinds of group, e.g. Household or Family. */
@RestController
@RequestMapping(path = GroupKindsController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Group kinds", description = "Kinds of group, e.g. Household or Family")
class GroupKindsController {

    static final String KIND = "group-kinds";
    static final String PATH = CatalogSupport.BASE + "/" + KIND;

    private final Catalog catalog;

    GroupKindsController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "List the group kinds")
    @GetMapping
    List<GroupKindOut> list() {
        return catalog.groupKinds().stream().map(GroupKindOut::of).toList();
    }

    @Operation(summary = "Get one group kind")
    @GetMapping("/{id}")
    GroupKindOut get(@PathVariable long id) {
        return GroupKindOut.of(CatalogSupport.found(catalog.groupKind(id), "Group kind", id));
    }

    @Operation(summary = "Create a group kind {name}; 201 with its Location")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<GroupKindOut> create(@RequestBody(required = false) GroupKindIn body) {
        GroupKindIn in = valid(body);
        var created = catalog.createGroupKind(in.name());
        return CatalogSupport.created(KIND, created.id(), GroupKindOut.of(created));
    }

    @Operation(summary = "Rename a group kind {name, version}")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    GroupKindOut update(@PathVariable long id, @RequestBody(required = false) GroupKindIn body) {
        GroupKindIn in = valid(body);
        int version = Checks.version(in.version());
        CatalogSupport.found(catalog.groupKind(id), "Group kind", id);
        return GroupKindOut.of(catalog.updateGroupKind(id, in.name(), version));
    }

    @Operation(summary = "Delete a group kind; 409 while groups have it")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable long id) {
        catalog.deleteGroupKind(id);
        return ResponseEntity.noContent().build();
    }

    private static GroupKindIn valid(GroupKindIn body) {
        GroupKindIn in = Checks.body(body);
        Checks.noUnknownFields(in.unknown());
        Checks.name(in.name(), "name");
        return in;
    }
}
