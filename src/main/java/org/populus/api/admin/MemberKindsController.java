package org.populus.api.admin;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
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

    private final Catalog catalog;

    MemberKindsController(Catalog catalog) {
        super(KIND, "Member kind");
        this.catalog = catalog;
    }

    @Override
    List<MemberKind> entries() {
        return catalog.memberKinds();
    }

    @Override
    Optional<MemberKind> entry(long id) {
        return catalog.memberKind(id);
    }

    @Override
    MemberKindOut out(MemberKind kind) {
        return MemberKindOut.of(kind);
    }

    @Override
    MemberKind add(MemberKindIn in) {
        return catalog.createMemberKind(in.name(), flag(in.unique(), false));
    }

    @Override
    Replacement<MemberKind> replacement(MemberKindIn in) {
        boolean unique = flag(in.unique(), false);
        return (id, version) -> catalog.updateMemberKind(id, in.name(), unique, version);
    }

    @Override
    void remove(long id) {
        catalog.deleteMemberKind(id);
    }
}
