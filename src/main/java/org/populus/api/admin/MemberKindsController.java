package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.populus.api.admin.CatalogDtos.MemberKindIn;
import org.populus.api.admin.CatalogDtos.MemberKindOut;
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

/** The roles an individual may have in a group; a unique one (Head) is held by one member per group. */
@RestController
@RequestMapping(path = MemberKindsController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Member kinds", description = "Roles of individuals in groups, e.g. Head (unique per group)")
class MemberKindsController {

    static final String KIND = "member-kinds";
    static final String PATH = CatalogSupport.BASE + "/" + KIND;

    private final Catalog catalog;

    MemberKindsController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "List the member kinds")
    @GetMapping
    List<MemberKindOut> list() {
        return catalog.memberKinds().stream().map(MemberKindOut::of).toList();
    }

    @Operation(summary = "Get one member kind")
    @GetMapping("/{id}")
    MemberKindOut get(@PathVariable long id) {
        return MemberKindOut.of(CatalogSupport.found(catalog.memberKind(id), "Member kind", id));
    }

    @Operation(summary = "Create a member kind {name, unique?}; 201 with its Location")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<MemberKindOut> create(@RequestBody(required = false) MemberKindIn body) {
        MemberKindIn in = valid(body);
        var created = catalog.createMemberKind(in.name(), CatalogSupport.flag(in.unique(), "unique", false, false));
        return CatalogSupport.created(KIND, created.id(), MemberKindOut.of(created));
    }

    @Operation(summary = "Replace a member kind {name, unique, version}")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    MemberKindOut update(@PathVariable long id, @RequestBody(required = false) MemberKindIn body) {
        MemberKindIn in = valid(body);
        boolean unique = CatalogSupport.flag(in.unique(), "unique", false, true);
        int version = Checks.version(in.version());
        CatalogSupport.found(catalog.memberKind(id), "Member kind", id);
        return MemberKindOut.of(catalog.updateMemberKind(id, in.name(), unique, version));
    }

    @Operation(summary = "Delete a member kind; 409 while group members have it")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable long id) {
        catalog.deleteMemberKind(id);
        return ResponseEntity.noContent().build();
    }

    private static MemberKindIn valid(MemberKindIn body) {
        MemberKindIn in = Checks.body(body);
        Checks.noUnknownFields(in.unknown());
        Checks.name(in.name(), "name");
        return in;
    }
}
