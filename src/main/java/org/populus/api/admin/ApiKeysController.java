package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.populus.access.ApiKeys;
import org.populus.access.AuthenticatedUser;
import org.populus.access.NewApiKey;
import org.populus.api.admin.ApiKeyDtos.ApiKeyIn;
import org.populus.api.admin.ApiKeyDtos.ApiKeyOut;
import org.populus.api.admin.ApiKeyDtos.CreatedOut;
import org.populus.api.web.Callers;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * API keys of the Census API's client applications, one per application. A key's secret is shown once, in the
 * answer to its creation; afterwards only its prefix. Revoking a key (DELETE) stops it working at once on this
 * instance and within seconds on the others; the revoked key stays listed.
 */
@RestController
@RequestMapping(path = ApiKeysController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: API keys", description = "Keys of the Census API's client applications")
class ApiKeysController {

    static final String PATH = AdminErrors.PREFIX + "/api-keys";

    private final ApiKeys apiKeys;

    ApiKeysController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Operation(summary = "List every API key, revoked ones included, oldest first (never the secrets)")
    @GetMapping
    List<ApiKeyOut> list() {
        return apiKeys.list().stream().map(ApiKeyOut::of).toList();
    }

    @Operation(summary = "Get one API key (never its secret)")
    @GetMapping("/{id}")
    ApiKeyOut get(@PathVariable long id) {
        return ApiKeyOut.of(apiKeys.find(id)
                .orElseThrow(() -> AdminProblem.notFound("API key " + id + " does not exist.")));
    }

    @Operation(summary = "Create an API key {name, origin}; 201 with the secret 'key', shown this once only")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedOut> create(@Valid @RequestBody(required = false) ApiKeyIn body) {
        ApiKeyIn in = Checks.body(body);
        NewApiKey created = apiKeys.create(in.name(), in.origin(), caller());
        var location = UriComponentsBuilder.newInstance().path(PATH + "/{id}")
                .buildAndExpand(created.key().id()).toUri();
        return ResponseEntity.created(location).body(CreatedOut.of(created));
    }

    @Operation(summary = "Revoke an API key: it stops working at once; revoking a revoked key changes nothing")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(@PathVariable long id) {
        apiKeys.revoke(id, caller());
        return ResponseEntity.noContent().build();
    }

    private static String caller() {
        return Callers.current().map(AuthenticatedUser::login).orElse(null);
    }
}
