package org.populus.api.census;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.populus.api.web.OpenApiDocument;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Census API in the OpenAPI document. Its controllers read their parameters through {@link CensusParams}, so
 * springdoc sees none: this is where each operation's parameters, bodies (form fields or JSON, at the root or under
 * {@code person}), answers and errors ({@code {}}, or {@code 422} with the original's keys) are described, and
 * its security (the allowed networks need nothing, anywhere else a client application's API key).
 */
@Configuration(proxyBeanMethods = false)
class CensusOpenApi {

    static final String TAG = "Census API v1";
    static final List<String> LOCALES = List.of("es", "ca", "eu", "en", "gl");
    private static final String REF = "#/components/schemas/";

    /** The person data a registration or data change carries. */
    static final List<String> PERSON_FIELDS = List.of("first_name", "last_name1", "last_name2", "document_type",
            "document_id", "document_scope_code", "born_at", "gender", "address", "address_scope_code",
            "postal_code", "email", "scope_code", "phone");

    @Bean
    OpenApiCustomizer censusOpenApiCustomizer() {
        return openApi -> {
            schemas(openApi.getComponents());
            openApi.getPaths().forEach((path, item) -> {
                String suffix = suffix(path);
                if (suffix != null) {
                    describe(path, suffix, item);
                }
            });
        };
    }

    /** {@code /api/v1/people/{id}/procedures} → {@code /{id}/procedures}; null outside the Census API. */
    static String suffix(String path) {
        for (String prefix : List.of("/api/v1/people", "/api/v1/{locale}/people")) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return path.substring(prefix.length());
            }
        }
        return null;
    }

    private static void describe(String path, String suffix, PathItem item) {
        for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
            Operation op = e.getValue();
            PathItem.HttpMethod method = e.getKey();
            op.setTags(List.of(TAG));
            op.setSecurity(List.of(new SecurityRequirement(),
                    new SecurityRequirement().addList(OpenApiDocument.API_KEY)));
            List<Parameter> parameters = new ArrayList<>();
            if (path.contains("{locale}")) {
                parameters.add(new Parameter().in("path").name("locale").required(true)
                        .description("Only changes the language of the SMS text")
                        .schema(new StringSchema()._enum(LOCALES)));
            }
            if (suffix.startsWith("/{id}")) {
                parameters.add(new Parameter().in("path").name("id").required(true)
                        .description("A qualified id: N@census (registrant N), N@<system> (an external id), "
                                + "<document>@document_id (the primary document)")
                        .schema(new StringSchema().example("1@census")));
            }
            op.setParameters(parameters);
            ApiResponses responses = new ApiResponses();
            switch (method + " " + suffix) {
                case "POST " -> {
                    op.summary("Registration: a registration procedure for a new person (again while pending: the "
                            + "same registration updated)");
                    op.requestBody(body("CensusRegistration", true));
                    responses.addApiResponse("202", json("Accepted", ref("CensusPersonId")));
                }
                case "PATCH /{id}", "PUT /{id}" -> {
                    op.summary("Data change: the values that differ from the person's");
                    op.requestBody(body("CensusDataChange", false));
                    responses.addApiResponse("202", json("Accepted", ref("CensusEmpty")));
                    responses.addApiResponse("204", new ApiResponse().description("Nothing to change"));
                }
                case "DELETE /{id}" -> {
                    op.summary("Cancellation of the person's registration");
                    op.requestBody(body("CensusCancellation", true));
                    responses.addApiResponse("202", json("Accepted", ref("CensusEmpty")));
                }
                case "GET /{id}" -> {
                    op.summary("The person (as of version_at when given)");
                    parameters.add(query("includes[]", "Only these attributes", true));
                    parameters.add(query("excludes[]", "All attributes but these; adds scopes", true));
                    parameters.add(query("version_at", "The person as of this instant: ISO 8601, or YYYY-MM-DD "
                            + "HH:MM[:SS] with an offset or UTC (no offset: UTC). An instant PostgreSQL cannot hold "
                            + "(before -4713-11-24T00:00:00Z or after 294276-12-31T23:59:59.999999Z), or a number, "
                            + "is invalid (422)", false));
                    parameters.add(query("with_scope", "true adds the person's scopes", false));
                    responses.addApiResponse("200", json("The person", ref("CensusPerson")));
                    responses.addApiResponse("404", json("Nobody by that id (at that instant)", ref("CensusEmpty")));
                }
                case "POST /{id}/additional_informations" -> {
                    op.summary("Set (or, with json_value null, remove) one key of the additional information");
                    op.requestBody(body("CensusAdditionalInformation", true));
                    responses.addApiResponse("202", json("Done", ref("CensusEmpty")));
                }
                case "POST /{id}/membership_levels" -> {
                    op.summary("Membership level change");
                    op.requestBody(body("CensusMembershipLevel", true));
                    responses.addApiResponse("202", json("Accepted", ref("CensusEmpty")));
                    responses.addApiResponse("204", new ApiResponse().description("Already at that level"));
                }
                case "POST /{id}/document_verifications" -> {
                    op.summary("Document verification: scans of the identity document (at least 2, 1 for a "
                            + "passport)");
                    op.requestBody(body("CensusDocumentVerification", true));
                    responses.addApiResponse("202", json("Accepted", ref("CensusEmpty")));
                }
                case "GET /{id}/phone_verifications/new" -> {
                    op.summary("Send a verification code by SMS to phone, or to the person's phone");
                    parameters.add(query("phone", "The phone to verify (else the person's)", false));
                    responses.addApiResponse("202", json("Sent", ref("CensusEmpty")));
                    responses.addApiResponse("429", json("Too many SMS to this person", ref("CensusEmpty")));
                }
                case "POST /{id}/phone_verifications" -> {
                    op.summary("Verify the phone with the received code");
                    op.requestBody(body("CensusPhoneVerification", true));
                    responses.addApiResponse("202", json("Verified", ref("CensusEmpty")));
                }
                case "GET /{id}/procedures" -> {
                    op.summary("The person's pending procedures, newest first");
                    responses.addApiResponse("200", json("Pending procedures",
                            new ArraySchema().items(ref("CensusProcedure"))));
                    responses.addApiResponse("422", json("Nobody by that id", ref("CensusEmpty")));
                }
                default -> {
                    // not described here yet: OpenApiContractHttpTest fails until it is (the document still serves)
                    if (op.getResponses() != null) {
                        op.getResponses().forEach(responses::addApiResponse);
                    }
                }
            }
            if (op.getRequestBody() != null || method == PathItem.HttpMethod.POST) {
                responses.putIfAbsent("400", json("Malformed body", ref("CensusEmpty")));
                responses.putIfAbsent("422", json("Invalid parameters, with the original's error keys",
                        ref("CensusInvalid")));
            }
            responses.addApiResponse("403", json("Not from an allowed network and no valid API key, or an "
                    + "unknown or revoked key", ref("CensusEmpty")));
            responses.addApiResponse("default", json("Any other error (404, 405, 409, 413, 415…)",
                    ref("CensusEmpty")));
            op.setResponses(responses);
        }
    }

    private static Parameter query(String name, String description, boolean array) {
        return new Parameter().in("query").name(name).description(description).required(false)
                .schema(array ? new ArraySchema().items(new StringSchema()) : new StringSchema())
                .style(Parameter.StyleEnum.FORM).explode(array ? Boolean.TRUE : null);
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref(REF + name);
    }

    private static ApiResponse json(String description, Schema<?> schema) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType().schema(schema)));
    }

    /**
     * The same fields as JSON ({@code schema}) or as a form ({@code schema + "Form"}): the form's properties are the
     * field names as sent, Rack-style ({@code person[first_name]}, {@code files[][filename]}).
     */
    private static RequestBody body(String schema, boolean required) {
        return new RequestBody().required(required)
                .description("JSON, or form fields with Rack-style names (person[first_name]=…, "
                        + "files[][filename]=…); the fields at the root or under person (nested wins)")
                .content(new Content()
                        .addMediaType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                new MediaType().schema(ref(schema + "Form")))
                        .addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                new MediaType().schema(ref(schema))));
    }

    /**
     * A JSON body schema's form twin: each property as a form field name (objects as {@code name[key]}, arrays of
     * objects as {@code name[][key]}, repeated). Form values are text: the fields are not typed.
     */
    private static Schema<?> form(Components c, Schema<?> json) {
        ObjectSchema form = new ObjectSchema();
        form.description(json.getDescription());
        json.getProperties().forEach((name, property) -> {
            Schema<?> target = property.get$ref() != null
                    ? c.getSchemas().get(property.get$ref().substring(REF.length())) : property;
            if (target.getProperties() != null) {
                target.getProperties().forEach((key, p) -> form.addProperty(name + "[" + key + "]", field(p)));
            } else if (target.getItems() != null && target.getItems().getProperties() != null) {
                target.getItems().getProperties().forEach((key, p) -> form.addProperty(name + "[][" + key + "]",
                        new ArraySchema().items(field(p))));
            } else {
                form.addProperty(name, field(property));
            }
        });
        return form;
    }

    private static Schema<?> field(Schema<?> json) {
        Schema<?> f = new Schema<>();
        f.setDescription(json.getDescription());
        f.setEnum(null);
        f.setNullable(true);
        return f;
    }

    private static void schemas(Components c) {
        c.addSchemas("CensusEmpty", new ObjectSchema().description("The empty body of the original: {}"));
        c.addSchemas("CensusInvalid", new ObjectSchema()
                .description("422: per attribute, its errors with the original's keys (blank, invalid, inclusion, "
                        + "too_short, should_be_local, cant_register_again, invalid_format…)")
                .additionalProperties(new ArraySchema().items(new ObjectSchema()
                        .addProperty("error", new StringSchema()).required(List.of("error")))));
        c.addSchemas("CensusPersonId", new ObjectSchema().addProperty("person_id", new IntegerSchema().format("int64"))
                .required(List.of("person_id")));
        ObjectSchema personData = new ObjectSchema();
        personData.description("The person's data");
        for (String field : PERSON_FIELDS) {
            personData.addProperty(field, field.equals("document_type")
                    ? new StringSchema()._enum(List.of("dni", "nie", "passport"))
                    : field.equals("born_at") ? new StringSchema().format("date") : new StringSchema());
        }
        c.addSchemas("CensusPersonData", personData);
        c.addSchemas("CensusRegistration", withPerson(personData, "All fields required but last_name2 and phone")
                .addProperty("origin_qualified_id", new StringSchema().description("<int>@<system>, kept as an "
                        + "external id").example("8926202@decidim-1"))
                .addProperty("person_id", new StringSchema().description("Older name of origin_qualified_id")));
        c.addSchemas("CensusDataChange", withPerson(personData, "Only the values that differ are changed")
                .addProperty("ignore_email", flag()));
        c.addSchemas("CensusCancellation", new ObjectSchema().addProperty("channel", new StringSchema())
                .addProperty("reason", new StringSchema()));
        c.addSchemas("CensusAdditionalInformation", new ObjectSchema()
                .addProperty("key", new StringSchema().pattern("^[a-z][_a-z0-9]+$"))
                .addProperty("json_value", new StringSchema().nullable(true)
                        .description("Serialized JSON; null removes the key")));
        c.addSchemas("CensusMembershipLevel", new ObjectSchema().addProperty("membership_level",
                new StringSchema()._enum(List.of("follower", "member"))));
        c.addSchemas("CensusDocumentVerification", new ObjectSchema()
                .addProperty("files", new ArraySchema().items(new ObjectSchema()
                        .addProperty("filename", new StringSchema()).addProperty("content_type", new StringSchema())
                        .addProperty("base64_content", new StringSchema().format("byte"))
                        .addProperty("base_64_content", new StringSchema().format("byte"))
                        .addProperty("content", new StringSchema())))
                .addProperty("prioritize", flag()).addProperty("prioritized", flag()));
        c.addSchemas("CensusPhoneVerification", new ObjectSchema().addProperty("received_code", new StringSchema())
                .addProperty("phone", new StringSchema()));
        for (String body : List.of("CensusRegistration", "CensusDataChange", "CensusCancellation",
                "CensusAdditionalInformation", "CensusMembershipLevel", "CensusDocumentVerification",
                "CensusPhoneVerification")) {
            c.addSchemas(body + "Form", form(c, c.getSchemas().get(body)));
        }
        c.addSchemas("CensusProcedure", new ObjectSchema().addProperty("id", new IntegerSchema().format("int64"))
                .addProperty("type", new StringSchema().example("Procedures::Registration"))
                .addProperty("state", new StringSchema()).addProperty("information", new ObjectSchema()
                        .nullable(true)));
        ObjectSchema person = new ObjectSchema();
        person.description("The original's attributes in its order (cancelled or trashed people: the first seven "
                + "only); includes[]/excludes[] narrow it");
        person.addProperty("person_id", new IntegerSchema().format("int64"));
        person.addProperty("external_ids", new ObjectSchema().additionalProperties(new IntegerSchema()
                .format("int64")));
        for (String s : List.of("scope_code", "state", "membership_level", "verification", "phone_verification")) {
            person.addProperty(s, new StringSchema().nullable(true));
        }
        for (String field : PERSON_FIELDS) {
            person.addProperty(field, new StringSchema().nullable(true));
        }
        person.addProperty("additional_information", new ObjectSchema().nullable(true));
        person.addProperty("membership_allowed?", new BooleanSchema());
        person.addProperty("created_at", new StringSchema().format("date-time").nullable(true));
        person.addProperty("scopes", new ArraySchema().items(new ObjectSchema()
                .addProperty("id", new IntegerSchema().format("int64")).addProperty("name", new ObjectSchema())
                .addProperty("scope_type", new ObjectSchema()).addProperty("code", new StringSchema())
                .addProperty("mappings", new ObjectSchema())));
        c.addSchemas("CensusPerson", person);
    }

    private static ObjectSchema withPerson(ObjectSchema personData, String description) {
        ObjectSchema s = new ObjectSchema();
        s.description(description + "; the fields at the root or under person");
        personData.getProperties().forEach(s::addProperty);
        s.addProperty("person", ref("CensusPersonData"));
        return s;
    }

    /** true/false, 1/0, yes/no as text, or a JSON boolean. */
    private static Schema<?> flag() {
        return new Schema<>().description("true or false (also as text)");
    }
}
