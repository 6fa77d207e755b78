package org.populus.api.openg2p;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.populus.api.openg2p.Requests.GroupIn;
import org.populus.api.openg2p.Responses.GroupOut;
import org.populus.api.web.Callers;
import org.populus.household.Households;
import org.populus.person.RegistrantKind;
import org.populus.person.RegistrantQuery;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/registry/group", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "OpenG2P: Group Registration")
class GroupController {

    private final Households households;
    private final OpenG2pMapper mapper;
    private final RegistrySearch search;

    GroupController(Households households, OpenG2pMapper mapper, RegistrySearch search) {
        this.households = households;
        this.mapper = mapper;
        this.search = search;
    }

    @Operation(summary = "Search for groups by id and/or name; short form unless include_members_full=true; "
            + "the full result is streamed unless limit is given")
    @ApiResponse(responseCode = "200", description = "The matching groups (with their members in full when "
            + "include_members_full=true)", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(anyOf = {Responses.GroupShortOut.class, Responses.GroupOut.class}))))
    @GetMapping({"", "/", "/search", "/search/"})
    void search(@RequestParam(required = false) Long id, @RequestParam(required = false) String name,
            @RequestParam(name = "include_members_full", required = false) Boolean includeMembersFull,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset,
            HttpServletResponse response) throws IOException {
        boolean full = Boolean.TRUE.equals(includeMembersFull);
        search.write(RegistrantQuery.of(RegistrantKind.GROUP, id, name), limit, offset, response,
                page -> full ? households.views(page).stream().map(mapper::group).toList()
                        : page.stream().map(mapper::groupShort).toList());
    }

    @Operation(summary = "Get a group's information with its members")
    @GetMapping("/{id}")
    GroupOut get(@PathVariable long id) {
        return households.find(id).map(mapper::group)
                .orElseThrow(() -> new G2pException(G2pError.NOT_PRESENT, "Record is not present in the database."));
    }

    @Operation(summary = "Create a new group and its members (new individuals), all or nothing")
    @PostMapping(path = {"", "/"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    GroupOut create(@RequestBody GroupIn in, HttpServletRequest request) {
        if (in == null) {
            throw new G2pException(G2pError.REQUIRED, "A JSON body is required.");
        }
        var group = mapper.group(in);
        var members = mapper.members(in.members());
        return mapper.group(households.create(group, in.kind(), in.isPartialGroup(), members,
                Callers.provenance(request)));
    }
}
