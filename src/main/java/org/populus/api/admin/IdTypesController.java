package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.populus.api.admin.CatalogDtos.IdTypeIn;
import org.populus.api.admin.CatalogDtos.IdTypeOut;
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

/** The ID types a registrant's identity documents may have. */
@RestController
@RequestMapping(path = IdTypesController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: ID types", description = "Kinds of identity document, with an optional whole-value regex")
class IdTypesController {

    static final String KIND = "id-types";
    static final String PATH = CatalogSupport.BASE + "/" + KIND;

    private final Catalog catalog;

    IdTypesController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "List the ID types")
    @GetMapping
    List<IdTypeOut> list() {
        return catalog.idTypes().stream().map(IdTypeOut::of).toList();
    }

    @Operation(summary = "Get one ID type")
    @GetMapping("/{id}")
    IdTypeOut get(@PathVariable long id) {
        return IdTypeOut.of(CatalogSupport.found(catalog.idType(id), "ID type", id));
    }

    @Operation(summary = "Create an ID type {name, validation_regex?, unique_values?}; 201 with its Location")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<IdTypeOut> create(@RequestBody(required = false) IdTypeIn body) {
        IdTypeIn in = valid(body);
        var created = catalog.createIdType(in.name(), in.validationRegex(),
                CatalogSupport.flag(in.uniqueValues(), "unique_values", true, false));
        return CatalogSupport.created(KIND, created.id(), IdTypeOut.of(created));
    }

    @Operation(summary = "Replace an ID type {name, validation_regex, unique_values, version}")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    IdTypeOut update(@PathVariable long id, @RequestBody(required = false) IdTypeIn body) {
        IdTypeIn in = valid(body);
        boolean unique = CatalogSupport.flag(in.uniqueValues(), "unique_values", true, true);
        int version = Checks.version(in.version());
        CatalogSupport.found(catalog.idType(id), "ID type", id);
        return IdTypeOut.of(catalog.updateIdType(id, in.name(), in.validationRegex(), unique, version));
    }

    @Operation(summary = "Delete an ID type; 409 while identity documents use it")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable long id) {
        catalog.deleteIdType(id);
        return ResponseEntity.noContent().build();
    }

    private static IdTypeIn valid(IdTypeIn body) {
        IdTypeIn in = Checks.body(body);
        Checks.noUnknownFields(in.unknown());
        Checks.name(in.name(), "name");
        Checks.text(in.validationRegex(), "validation_regex", Checks.MAX_REGEX);
        return in;
    }
}
