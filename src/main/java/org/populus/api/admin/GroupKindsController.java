package org.populus.api.admin;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.populus.api.admin.CatalogDtos.GroupKindIn;
import org.populus.api.admin.CatalogDtos.GroupKindOut;
import org.populus.catalog.Catalog;
import org.populus.catalog.GroupKind;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The kinds of group, e.g. Household or Family. */
@RestController
@RequestMapping(path = GroupKindsController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Group kinds", description = "Kinds of group, e.g. Household or Family")
@CatalogSummaries(list = "List the group kinds", get = "Get one group kind",
        create = "Create a group kind {name}; 201 with its Location", update = "Rename a group kind {name, version}",
        delete = "Delete a group kind; 409 while groups have it")
class GroupKindsController extends CatalogController<GroupKind, GroupKindIn, GroupKindOut> {

    static final String KIND = "group-kinds";
    static final String PATH = BASE + "/" + KIND;

    GroupKindsController(Catalog catalog) {
        super(KIND, "Group kind", new Entries<>(catalog::groupKinds, catalog::groupKind, GroupKindOut::of,
                in -> catalog.createGroupKind(in.name()),
                in -> (id, version) -> catalog.updateGroupKind(id, in.name(), version),
                catalog::deleteGroupKind));
    }
}
