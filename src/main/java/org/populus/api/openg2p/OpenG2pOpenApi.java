package org.populus.api.openg2p;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.populus.api.web.OpenApiDocument;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenG2P surface in the OpenAPI document: login needs nothing, everything else a user's credentials; errors
 * are OpenG2P's envelope ({@code G2pError}: {@code errorCode}, {@code errorMessage}, {@code errorDescription}).
 */
@Configuration(proxyBeanMethods = false)
class OpenG2pOpenApi {

    static final String ERROR = "G2pError";

    @Bean
    OpenApiCustomizer openG2pOpenApiCustomizer() {
        return openApi -> {
            openApi.getComponents().addSchemas(ERROR, new ObjectSchema()
                    .description("OpenG2P's error envelope: a G2P-REQ-… code for invalid requests (HTTP 400), the "
                            + "HTTP status as text for the others")
                    .addProperty("errorCode", new StringSchema()).addProperty("errorMessage", new StringSchema())
                    .addProperty("errorDescription", new StringSchema())
                    .required(List.of("errorCode", "errorMessage", "errorDescription")));
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/v1/registry/") && !path.startsWith("/session/auth/")) {
                    return;
                }
                boolean login = path.startsWith("/session/auth/login");
                for (Operation operation : item.readOperations()) {
                    operation.setSecurity(login ? List.of() : OpenApiDocument.userSecurity());
                    ApiResponses responses = operation.getResponses();
                    Map<String, String> errors = login
                            ? Map.of("400", "login or password missing (G2P-REQ-012)", "401", "Wrong login or password",
                                    "default", "Any other error (405, 413, 415…)")
                            : Map.of("400", "Invalid request: a G2P-REQ-… code", "401", "Session expired or missing",
                                    "403", "The user lacks the role this request needs", "default",
                                    "Any other error (404, 405, 409, 413, 415…)");
                    errors.forEach((status, description) -> {
                        if (!responses.containsKey(status)) {
                            responses.addApiResponse(status, error(description));
                        }
                    });
                }
            });
        };
    }

    static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR))));
    }
}
