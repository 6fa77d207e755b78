package org.populus.api.admin;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.populus.api.admin.CatalogDtos.GenderIn;
import org.populus.api.admin.CatalogDtos.GenderOut;
import org.populus.catalog.Catalog;
import org.populus.catalog.Gender;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The genders. Registrants store the code as text: a gender people carry cannot be deleted nor its code changed
 * (409); deactivate it ({@code active: false}) to stop new use while stored values still show.
 */
@RestController
@RequestMapping(path = GendersController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Genders", description = "Gender codes clients may send, with their labels")
@CatalogSummaries(list = "List the genders, active or not", get = "Get one gender",
        create = "Create a gender {code, value, active?}; 201 with its Location",
        update = "Replace a gender {code, value, active, version}",
        delete = "Delete a gender nobody carries (409 for one that people carry: deactivate it instead)")
class GendersController extends CatalogController<Gender, GenderIn, GenderOut> {

    static final String KIND = "genders";
    static final String PATH = BASE + "/" + KIND;

    GendersController(Catalog catalog) {
        super(KIND, "Gender", new Entries<>(catalog::genders,
                id -> catalog.genders().stream().filter(g -> g.id() == id).findFirst(), GenderOut::of,
                in -> catalog.createGender(in.code(), in.value(), flag(in.active(), true)),
                in -> {
                    boolean active = flag(in.active(), true);
                    return (id, version) -> catalog.updateGender(id, in.code(), in.value(), active, version);
                },
                catalog::deleteGender));
    }
}
