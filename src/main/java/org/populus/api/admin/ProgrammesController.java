package org.populus.api.admin;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.populus.api.admin.CatalogDtos.ProgrammeIn;
import org.populus.api.admin.CatalogDtos.ProgrammeOut;
import org.populus.catalog.Catalog;
import org.populus.catalog.Programme;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The programmes individuals or groups may be enrolled in. */
@RestController
@RequestMapping(path = ProgrammesController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Programmes", description = "Programmes for individuals or for groups")
@CatalogSummaries(list = "List the programmes, active or not", get = "Get one programme",
        create = "Create a programme {name, target_type: individual|group, description?, active?}; "
                + "201 with its Location",
        update = "Replace a programme {name, target_type, description, active, version}",
        delete = "Delete a programme; 409 while registrants are enrolled in it")
class ProgrammesController extends CatalogController<Programme, ProgrammeIn, ProgrammeOut> {

    static final String KIND = "programmes";
    static final String PATH = BASE + "/" + KIND;

    ProgrammesController(Catalog catalog) {
        super(KIND, "Programme", new Entries<>(catalog::programmes, catalog::programme, ProgrammeOut::of,
                in -> catalog.createProgramme(in.name(), target(in.targetType()), in.description(),
                        flag(in.active(), true)),
                in -> {
                    Programme.TargetType target = target(in.targetType());
                    boolean active = flag(in.active(), true);
                    return (id, version) -> catalog.updateProgramme(id, in.name(), target, in.description(), active,
                            version);
                },
                catalog::deleteProgramme));
    }

    private static Programme.TargetType target(String code) {
        for (Programme.TargetType t : Programme.TargetType.values()) {
            if (t.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw AdminProblem.invalid("target_type", "Field 'target_type' is 'individual' or 'group'.");
    }
}
