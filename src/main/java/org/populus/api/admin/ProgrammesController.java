package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.populus.api.admin.CatalogDtos.ProgrammeIn;
import org.populus.api.admin.CatalogDtos.ProgrammeOut;
import org.populus.catalog.Catalog;
import org.populus.catalog.Programme;
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

/** The programmes individuals or groups may be enrolled in. */
@RestController
@RequestMapping(path = ProgrammesController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Programmes", description = "Programmes for individuals or for groups")
class ProgrammesController {

    static final String KIND = "programmes";
    static final String PATH = CatalogSupport.BASE + "/" + KIND;

    private final Catalog catalog;

    ProgrammesController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "List the programmes, active or not")
    @GetMapping
    List<ProgrammeOut> list() {
        return catalog.programmes().stream().map(ProgrammeOut::of).toList();
    }

    @Operation(summary = "Get one programme")
    @GetMapping("/{id}")
    ProgrammeOut get(@PathVariable long id) {
        return ProgrammeOut.of(CatalogSupport.found(catalog.programme(id), "Programme", id));
    }

    @Operation(summary = "Create a programme {name, target_type: individual|group, description?, active?}; "
            + "201 with its Location")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ProgrammeOut> create(@RequestBody(required = false) ProgrammeIn body) {
        ProgrammeIn in = valid(body);
        var created = catalog.createProgramme(in.name(), target(in.targetType()), in.description(),
                CatalogSupport.flag(in.active(), "active", true, false));
        return CatalogSupport.created(KIND, created.id(), ProgrammeOut.of(created));
    }

    @Operation(summary = "Replace a programme {name, target_type, description, active, version}")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProgrammeOut update(@PathVariable long id, @RequestBody(required = false) ProgrammeIn body) {
        ProgrammeIn in = valid(body);
        Programme.TargetType target = target(in.targetType());
        boolean active = CatalogSupport.flag(in.active(), "active", true, true);
        int version = Checks.version(in.version());
        CatalogSupport.found(catalog.programme(id), "Programme", id);
        return ProgrammeOut.of(catalog.updateProgramme(id, in.name(), target, in.description(), active, version));
    }

    @Operation(summary = "Delete a programme; 409 while registrants are enrolled in it")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable long id) {
        catalog.deleteProgramme(id);
        return ResponseEntity.noContent().build();
    }

    private static Programme.TargetType target(String code) {
        Checks.required(code, "target_type");
        for (Programme.TargetType t : Programme.TargetType.values()) {
            if (t.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw AdminProblem.invalid("target_type", "Field 'target_type' is 'individual' or 'group'.");
    }

    private static ProgrammeIn valid(ProgrammeIn body) {
        ProgrammeIn in = Checks.body(body);
        Checks.noUnknownFields(in.unknown());
        Checks.name(in.name(), "name");
        Checks.text(in.description(), "description", Checks.MAX_DESCRIPTION);
        return in;
    }
}
