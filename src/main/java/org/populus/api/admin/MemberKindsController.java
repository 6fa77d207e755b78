package org.populus.api.admin;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.populus.api.admin.CatalogDtos.MemberKindIn;
import org.populus.api.admin.CatalogDtos.MemberKindOut;
import org.populus.catalog.Catalog;
import org.populus.catalog.MemberKind;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The roles an individual may have in a group; a unique one (Head) is held by one member per group. */
@RestController
@RequestMapping(path = MemberKindsController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Member kinds", description = "Roles of individuals in groups, e.g. Head (unique per group)")
@CatalogSummaries(list = "List the member kinds", get = "Get one member kind",
        create = "Create a member kind {name, unique?}; 201 with its Location",
        update = "Replace a member kind {name, unique, version}",
        delete = "Delete a member kind; 409 while group members have it")
class MemberKindsController extends CatalogController<MemberKind, MemberKindIn, MemberKindOut> {

    static final String KIND = "member-kinds";
    static final String PATH = BASE + "/" + KIND;

    MemberKindsController(Catalog catalog) {
        super(KIND, "Member kind", new Entries<>(catalog::memberKinds, catalog::memberKind, MemberKindOut::of,
                in -> catalog.createMemberKind(in.name(), flag(in.unique(), false)),
                in -> {
                    boolean unique = flag(in.unique(), false);
                    return (id, version) -> catalog.updateMemberKind(id, in.name(), unique, version);
                },
                catalog::deleteMemberKind));
    }
}
