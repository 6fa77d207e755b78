package org.populus.api.web;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The OpenAPI document ({@code /v3/api-docs}, OpenAPI 3.0) describes the wire format exactly. Each surface adds its
 * own operations' security, bodies and error schemas with an {@code OpenApiCustomizer} in its package; here is what
 * they share:
 * <ul>
 * <li>Property names as the application's Jackson 3 mapper writes and reads them. springdoc introspects with
 * Jackson 2, which does not see Jackson 3's {@code @JsonNaming}; its mapper is taught to read that annotation,
 * so a DTO's snake_case names ({@code display_name}, {@code validation_regex}) appear as they are sent.</li>
 * <li>Jackson 3's {@code JsonNode} (free JSON such as {@code additional_g2p_info}) is any JSON value.</li>
 * <li>Bean Validation constraints on request bodies (the Admin API checks its bodies with them) are not turned
 * into schema keywords: a value they refuse is answered with the surface's documented error, as a value the
 * domain refuses is, so the schemas stay the wire format alone.</li>
 * <li>The security schemes: the session id as header {@link #SESSION} or cookie {@link #SESSION_COOKIE}, HTTP
 * {@link #BASIC}, and the Census client applications' {@link #API_KEY} (a bearer token).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocument {

    public static final String SESSION = "session";
    public static final String SESSION_COOKIE = "sessionCookie";
    public static final String BASIC = "basic";
    public static final String API_KEY = "apiKey";

    /** Any of the three ways a user authenticates (OpenG2P and Admin operations). */
    public static List<SecurityRequirement> userSecurity() {
        return List.of(new SecurityRequirement().addList(SESSION), new SecurityRequirement().addList(SESSION_COOKIE),
                new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OpenAPI populusOpenApi(ObjectMapperProvider springdocMappers) {
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class, new Schema<>()
                .description("Any JSON value"));
        wireNames(springdocMappers.jsonMapper());
        withoutBeanValidation();
        return new OpenAPI()
                .info(new Info().title("Populus").version("v1")
                        .description("People and households registry: the OpenG2P Registry REST API, the Census API "
                                + "v1 and the Admin API over one data model.")
                        .license(new License().name("Open source")))
                .components(new Components()
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(RequestAuthenticationFilter.SESSION_HEADER)
                                .description("The sid from POST /session/auth/login"))
                        .addSecuritySchemes(SESSION_COOKIE, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name(RequestAuthenticationFilter.SESSION_COOKIE)
                                .description("The cookie set by POST /session/auth/login"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("login:password of a Populus user"))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("populus_…")
                                .description("A Census client application's API key (Census API only)")));
    }

    /**
     * The application's mapper writes every property, {@code null} included, and reads {@code null} as absent: a
     * property that is not required may be {@code null} on the wire.
     */
    @Bean
    GlobalOpenApiCustomizer nullableProperties() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            openApi.getComponents().getSchemas().values().forEach(OpenApiDocument::nullable);
        };
    }

    private static void nullable(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (!required.contains(name) && property.get$ref() == null) {
                property.setNullable(true);
            }
            nullable(property);
            if (property.getItems() != null) {
                nullable(property.getItems());
            }
        });
    }

    /** Tells springdoc's model resolvers to leave Bean Validation annotations out of the schemas. */
    static void withoutBeanValidation() {
        for (boolean openApi31 : new boolean[] {false, true}) {
            for (ModelConverter converter : ModelConverters.getInstance(openApi31).getConverters()) {
                if (converter instanceof ModelResolver resolver) {
                    io.swagger.v3.core.util.Configuration configuration = resolver.getConfiguration() == null
                            ? new io.swagger.v3.core.util.Configuration() : resolver.getConfiguration();
                    resolver.setConfiguration(configuration.groupsValidationStrategy(
                            io.swagger.v3.core.util.Configuration.GroupsValidationStrategy.NEVER));
                }
            }
        }
    }

    /** Teaches springdoc's (Jackson 2) mapper the names the application's (Jackson 3) mapper uses. */
    static void wireNames(ObjectMapper mapper) {
        AnnotationIntrospector current = mapper.getSerializationConfig().getAnnotationIntrospector();
        if (current.allIntrospectors().stream().anyMatch(Jackson3Naming.class::isInstance)) {
            return;
        }
        mapper.setAnnotationIntrospector(AnnotationIntrospector.pair(new Jackson3Naming(), current));
    }

    /** Jackson 3's {@code @JsonNaming} with one of Jackson's strategies, read as Jackson 2's same strategy. */
    static final class Jackson3Naming extends NopAnnotationIntrospector {

        @Override
        public Object findNamingStrategy(AnnotatedClass ac) {
            JsonNaming naming = ac.getAnnotation(JsonNaming.class);
            if (naming == null) {
                return null;
            }
            if (naming.value().getEnclosingClass() != tools.jackson.databind.PropertyNamingStrategies.class) {
                throw new IllegalStateException("No OpenAPI equivalent for " + naming.value().getName() + " on "
                        + ac.getName());
            }
            return switch (naming.value().getSimpleName()) {
                case "SnakeCaseStrategy" -> PropertyNamingStrategies.SNAKE_CASE;
                case "UpperSnakeCaseStrategy" -> PropertyNamingStrategies.UPPER_SNAKE_CASE;
                case "KebabCaseStrategy" -> PropertyNamingStrategies.KEBAB_CASE;
                case "LowerCaseStrategy" -> PropertyNamingStrategies.LOWER_CASE;
                case "LowerDotCaseStrategy" -> PropertyNamingStrategies.LOWER_DOT_CASE;
                case "UpperCamelCaseStrategy" -> PropertyNamingStrategies.UPPER_CAMEL_CASE;
                case "LowerCamelCaseStrategy" -> PropertyNamingStrategies.LOWER_CAMEL_CASE;
                default -> throw new IllegalStateException("No OpenAPI equivalent for " + naming.value().getName()
                        + " on " + ac.getName());
            };
        }
    }
}
