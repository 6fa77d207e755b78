package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.populus.api.admin.CatalogDtos.GenderIn;
import org.populus.api.admin.CatalogDtos.GenderOut;
import org.populus.catalog.Catalog;
import org.populus.catalog.Gender;
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

/**
 * The genders. Registrants store the code as text, so deleting a gender does not check whether it is in use:
 * deactivate it ({@code active: false}) to stop new use while stored values still show.
 */
@RestController
@RequestMapping(path = GendersController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Genders", description = "Gender codes clients may send, with their labels")
class GendersController {

    static final String KIND = "genders";
    static final String PATH = CatalogSupport.BASE + "/" + KIND;

    private final Catalog catalog;

    GendersController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "List the genders, active or not")
    @GetMapping
    List<GenderOut> list() {
        return catalog.genders().stream().map(GenderOut::of).toList();
    }

    @Operation(summary = "Get one gender")
    @GetMapping("/{id}")
    GenderOut get(@PathVariable long id) {
        return GenderOut.of(CatalogSupport.found(byId(id), "Gender", id));
    }

    @Operation(summary = "Create a gender {code, value, active?}; 201 with its Location")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<GenderOut> create(@RequestBody(required = false) GenderIn body) {
        GenderIn in = valid(body);
        var created = catalog.createGender(in.code(), in.value(),
                CatalogSupport.flag(in.active(), "active", true, false));
        return CatalogSupport.created(KIND, created.id(), GenderOut.of(created));
    }

    @Operation(summary = "Replace a gender {code, value, active, version}")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    GenderOut update(@PathVariable long id, @RequestBody(required = false) GenderIn body) {
        GenderIn in = valid(body);
        boolean active = CatalogSupport.flag(in.active(), "active", true, true);
        int version = Checks.version(in.version());
        CatalogSupport.found(byId(id), "Gender", id);
        return GenderOut.of(catalog.updateGender(id, in.code(), in.value(), active, version));
    }

    @Operation(summary = "Delete a gender (prefer deactivating one that registrants use)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable long id) {
        catalog.deleteGender(id);
        return ResponseEntity.noContent().build();
    }

    private Optional<Gender> byId(long id) {
        return catalog.genders().stream().filter(g -> g.id() == id).findFirst();
    }

    private static GenderIn valid(GenderIn body) {
        GenderIn in = Checks.body(body);
        Checks.noUnknownFields(in.unknown());
        Checks.name(in.code(), "code");
        Checks.name(in.value(), "value");
        return in;
    }
}
