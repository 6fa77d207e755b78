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
import org.populus.api.openg2p.Requests.IndividualIn;
import org.populus.api.openg2p.Requests.UpdateIdentificationIn;
import org.populus.api.openg2p.Responses.IdentificationOut;
import org.populus.api.openg2p.Responses.IndividualOut;
import org.populus.api.web.Callers;
import org.populus.person.Identifier;
import org.populus.person.RegistrantKind;
import org.populus.person.RegistrantQuery;
import org.populus.person.Registrants;
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/registry/individual", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "OpenG2P: Individual Registration")
class IndividualController {

    private final Registrants registrants;
    private final OpenG2pMapper mapper;
    private final RegistrySearch search;

    IndividualController(Registrants registrants, OpenG2pMapper mapper, RegistrySearch search) {
        this.registrants = registrants;
        this.mapper = mapper;
        this.search = search;
    }

    @Operation(summary = "Search for individuals by id and/or name (case- and accent-insensitive substring); "
            + "the full result is streamed unless limit is given")
    @ApiResponse(responseCode = "200", description = "The matching individuals", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = Responses.IndividualOut.class))))
    @GetMapping({"", "/", "/search", "/search/"})
    void search(@RequestParam(required = false) Long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset,
            HttpServletResponse response) throws IOException {
        search.write(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, id, name), limit, offset, response,
                page -> page.stream().map(mapper::individual).toList());
    }

    @Operation(summary = "Get an individual's information")
    @GetMapping("/{id}")
    IndividualOut get(@PathVariable long id) {
        return registrants.find(id).filter(r -> r.kind() == RegistrantKind.INDIVIDUAL && !r.discarded())
                .map(mapper::individual)
                .orElseThrow(() -> new G2pException(G2pError.NOT_PRESENT, "Record is not present in the database."));
    }

    @Operation(summary = "Create a new individual")
    @PostMapping(path = {"", "/"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    IndividualOut create(@RequestBody IndividualIn in, HttpServletRequest request) {
        if (in == null) {
            throw new G2pException(G2pError.REQUIRED, "A JSON body is required.");
        }
        return mapper.individual(registrants.create(mapper.individual(in, true), Callers.provenance(request)));
    }

    @Operation(summary = "Update an individual's identification: the ID of that type, or a new one if absent")
    @PatchMapping(path = {"/updateIdentification", "/updateIdentification/"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    IdentificationOut updateIdentification(@RequestBody UpdateIdentificationIn in, HttpServletRequest request) {
        if (in == null) {
            throw new G2pException(G2pError.REQUIRED, "A JSON body is required.");
        }
        if (in.partnerId() == null) {
            throw new G2pException(G2pError.REQUIRED, "partner_id is required.");
        }
        try {
            Identifier saved = registrants.putIdentifier(in.partnerId(), in.idType(), in.value(), in.expiryDate(),
                    Callers.provenance(request));
            return mapper.identification(saved, in.partnerId());
        } catch (RuleViolation v) {
            if (v.rule() == Rule.ID_TYPE_UNKNOWN) {
                throw new G2pException(G2pError.INVALID_ID, "The provided ID type - "
                        + org.populus.api.web.Quoted.value(in.idType()) + " is Invalid.");
            }
            throw v;
        }
    }
}
