package org.populus.api.admin;

import io.swagger.v3.oas.annotations.tags.Tag;
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

    IdTypesController(Catalog catalog) {
        super(KIND, "ID type", new Entries<>(catalog::idTypes, catalog::idType, IdTypeOut::of,
                in -> catalog.createIdType(in.name(), in.validationRegex(), flag(in.uniqueValues(), true)),
                in -> {
                    boolean unique = flag(in.uniqueValues(), true);
                    return (id, version) -> catalog.updateIdType(id, in.name(), in.validationRegex(), unique,
                            version);
                },
                catalog::deleteIdType));
    }
}
