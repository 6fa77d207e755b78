package org.populus.api.admin;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
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
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The Admin API in the OpenAPI document: a user's credentials on every operation, and its errors as RFC 9457
 * problem details ({@code Problem}, {@code application/problem+json}).
 */
@Configuration(proxyBeanMethods = false)
class AdminOpenApi {

    static final String PROBLEM = "Problem";

    @Bean
    OpenApiCustomizer adminOpenApiCustomizer() {
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSchemas(PROBLEM, new ObjectSchema()
                    .description("RFC 9457 problem details; 'field' names the request field at fault, 'reason' "
                            + "the kind of refused review, 'line' the scope file's line at fault, 'limit' the "
                            + "largest body accepted (bytes)")
                    .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema()).addProperty("field", new StringSchema())
                    .addProperty("reason", new StringSchema()).addProperty("line", new IntegerSchema())
                    .addProperty("limit", new IntegerSchema().format("int64")));
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith(AdminErrors.PREFIX + "/")) {
                    return;
                }
                if (path.equals(ScopesController.PATH) && item.getPost() != null
                        && item.getPost().getRequestBody() != null) {
                    // the raw-body handler reads an InputStream, which springdoc does not see as a body
                    Content content = item.getPost().getRequestBody().getContent();
                    for (String type : List.of(ScopesController.TSV, ScopesController.CSV,
                            org.springframework.http.MediaType.TEXT_PLAIN_VALUE,
                            org.springframework.http.MediaType.APPLICATION_OCTET_STREAM_VALUE)) {
                        content.addMediaType(type, new MediaType().schema(new StringSchema()
                                .description("The scope file (TSV or CSV, UTF-8)")));
                    }
                }
                if (path.equals(AdminSecurity.PROCEDURES + "/next") && item.getPost() != null) {
                    item.getPost().getResponses().addApiResponse("204",
                            new ApiResponse().description("No procedure can be accepted now"));
                }
                for (Operation operation : item.readOperations()) {
                    operation.setSecurity(OpenApiDocument.userSecurity());
                    ApiResponses responses = operation.getResponses();
                    for (Map.Entry<String, String> e : Map.of("401", "No or invalid credentials",
                            "403", "The user lacks the role this path needs", "default",
                            "Any other error (404, 405, 409, 413, 415, 422…)").entrySet()) {
                        if (!responses.containsKey(e.getKey())) {
                            responses.addApiResponse(e.getKey(), problem(e.getValue()));
                        }
                    }
                }
            });
        };
    }

    /** The summaries of the operations a catalogue controller inherits, from its {@link CatalogSummaries}. */
    @Bean
    OperationCustomizer catalogSummariesCustomizer() {
        return (operation, handlerMethod) -> {
            CatalogSummaries summaries = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(),
                    CatalogSummaries.class);
            if (summaries != null) {
                switch (handlerMethod.getMethod().getName()) {
                    case "list" -> operation.setSummary(summaries.list());
                    case "get" -> operation.setSummary(summaries.get());
                    case "create" -> operation.setSummary(summaries.create());
                    case "update" -> operation.setSummary(summaries.update());
                    case "delete" -> operation.setSummary(summaries.delete());
                    default -> {
                        // an operation of its own keeps the summary of its @Operation
                    }
                }
            }
            return operation;
        };
    }

    static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
