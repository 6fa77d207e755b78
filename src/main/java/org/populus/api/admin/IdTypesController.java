package org.populus.api.admin;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.populus.api.admin.CatalogDtos.IdTypeIn;
import org.populus.api.admin.CatalogDtos.IdTypeOut;
import org.populus.catalog.Catalog;
import org.populus.catalog.IdType;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ID types a registrant's identity documents may have. */
@RestController
@RequestMapping(path = IdTypesController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: ID types", description = "Kinds of identity document, with an optional whole-value regex")
@CatalogSummaries(list = "List the ID types", get = "Get one ID type",
        create = "Create an ID type {name, validation_regex?, unique_values?}; 201 with its Location",
        update = "Replace an ID type {name, validation_regex, unique_values, version}",
        delete = "Delete an ID type; 409 while identity documents use it")
class IdTypesController extends CatalogController<IdType, IdTypeIn, IdTypeOut> {

    static final String KIND = "id-types";
    static final String PATH = BASE + "/" + KIND;

    private final Catalog catalog;

    IdTypesController(Catalog catalog) {
        super(KIND, "ID type");
        this.catalog = catalog;
    }

    @Override
    List<IdType> entries() {
        return catalog.idTypes();
    }

    @Override
    Optional<IdType> entry(long id) {
        return catalog.idType(id);
    }

    @Override
    IdTypeOut out(IdType type) {
        return IdTypeOut.of(type);
    }

    @Override
    IdType add(IdTypeIn in) {
        return catalog.createIdType(in.name(), in.validationRegex(),
                flag(in.uniqueValues(), true));
    }

    @Override
    Replacement<IdType> replacement(IdTypeIn in) {
        boolean unique = flag(in.uniqueValues(), true);
        return (id, version) -> catalog.updateIdType(id, in.name(), in.validationRegex(), unique, version);
    }

    @Override
    void remove(long id) {
        catalog.deleteIdType(id);
    }
}
