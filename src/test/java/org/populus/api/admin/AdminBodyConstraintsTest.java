package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.groups.Default;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.populus.api.admin.ApiKeyDtos.ApiKeyIn;
import org.populus.api.admin.CatalogDtos.GenderIn;
import org.populus.api.admin.CatalogDtos.ProgrammeIn;
import org.populus.api.admin.ReviewDtos.ResolveIn;
import org.populus.api.admin.UserDtos.NewUserIn;
import org.populus.api.admin.UserDtos.PasswordIn;
import org.populus.api.admin.UserDtos.RolesIn;
import org.populus.api.admin.UserDtos.UserUpdateIn;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The constraints on the Admin API's request bodies and their refusal ({@link AdminErrors#invalidBody}), without
 * the server: a body is validated as Spring MVC validates a {@code @Valid} body, and the refusal must be the 422
 * naming the field (by its JSON name) with the wording the API has always used.
 */
class AdminBodyConstraintsTest {

    private static final LocalValidatorFactoryBean VALIDATOR = validator();

    private static LocalValidatorFactoryBean validator() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return validator;
    }

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    private static BindingResult validate(Object body, Class<?>... groups) {
        DataBinder binder = new DataBinder(body, "body");
        binder.setValidator(VALIDATOR);
        binder.validate((Object[]) (groups.length == 0 ? new Class<?>[] {Default.class} : groups));
        return binder.getBindingResult();
    }

    /** The refusal of a body that must break a constraint. */
    private static AdminProblem refusal(Object body, Class<?>... groups) {
        BindingResult result = validate(body, groups);
        assertThat(result.hasErrors()).as("%s is refused", body).isTrue();
        AdminProblem problem = AdminErrors.invalidBody(result, body);
        assertThat(problem.status).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        return problem;
    }

    private static void refused(Object body, String field, String detail, Class<?>... groups) {
        AdminProblem problem = refusal(body, groups);
        assertThat(problem.field).isEqualTo(field);
        assertThat(problem.getMessage()).isEqualTo(detail);
    }

    private static NewUserIn user(String login, String displayName, String password, List<String> roles) {
        return new NewUserIn(login, displayName, password, roles);
    }

    @Test
    void aValidBodyBreaksNoConstraint() {
        assertThat(validate(user("ann", "Ann", "long enough", List.of("admin"))).hasErrors()).isFalse();
        assertThat(validate(new GenderIn("x", "X", null, null)).hasErrors()).isFalse();
    }

    @Test
    void anAbsentRequiredFieldIsRequired() {
        refused(user(null, null, "long enough", List.of()), "login", "Field 'login' is required.");
        refused(new ResolveIn(null, null, null), "resolution", "Field 'resolution' is required.");
    }

    @Test
    void aBlankNameIsRequiredAndMustNotBeBlank() {
        refused(new GenderIn(" ", "X", null, null), "code", "Field 'code' is required and must not be blank.");
        refused(new ApiKeyIn(null), "name", "Field 'name' is required and must not be blank.");
    }

    @Test
    void anOverlongTextNamesItsJsonFieldAndItsLimit() {
        refused(new UserUpdateIn("d".repeat(201), 0), "display_name",
                "Field 'display_name' is longer than 200 characters.");
        refused(user("l".repeat(101), null, "long enough", List.of()), "login",
                "Field 'login' is longer than 100 characters.");
    }

    @Test
    void aNulCharacterIsRefusedNamingTheField() {
        refused(new ResolveIn("fraud", null, "a\u0000b"), "comment",
                "Field 'comment' must not contain the NUL character.");
    }

    @Test
    void aNegativeVersionIsRefused() {
        refused(new RolesIn(List.of("admin"), -1), "version", "Field 'version' must not be negative.");
    }

    @Test
    void aPasswordTooShortOrTooLongIsRefusedInItsOwnWords() {
        refused(new PasswordIn("short", 0), "password", "A password has at least 8 characters.");
        refused(new PasswordIn("é".repeat(37), 0), "password", "A password has at most 72 bytes (in UTF-8).");
    }

    @Test
    void unknownRolesAreNamedWithTheRolesThereAre() {
        refused(new RolesIn(List.of("admin", "superuser", "root"), 0), "roles",
                "Unknown roles 'superuser', 'root'; the roles are registry-read, registry-write, admin, registrar, "
                        + "data.");
    }

    @Test
    void aNullRoleIsRefused() {
        refused(new RolesIn(Arrays.asList("admin", null), 0), "roles", "Field 'roles' must not contain null.");
    }

    @Test
    void anApiKeyNameIsCheckedAsItWillBeKept() {
        refused(new ApiKeyIn("  " + "k".repeat(101) + "  "), "name", "Field 'name' is longer than 100 characters.");
        refused(new ApiKeyIn("a\u0001b"), "name", "Field 'name' must not contain control characters.");
        assertThat(validate(new ApiKeyIn("  " + "k".repeat(100) + "  ")).hasErrors()).isFalse();
    }

    @Test
    void ofSeveralWrongFieldsTheFirstOfTheRecordIsNamed() {
        refused(user(null, "d".repeat(201), null, null), "login", "Field 'login' is required.");
        refused(user("ann", "d".repeat(201), null, null), "display_name",
                "Field 'display_name' is longer than 200 characters.");
    }

    @Test
    void ofAFieldsBrokenConstraintsTheFirstWrittenIsReported() {
        refused(new UserUpdateIn("\u0000".repeat(201), 0), "display_name",
                "Field 'display_name' is longer than 200 characters.");
    }

    @Test
    void aReplaceRequiresTheVersionAndTheFlagsACreateDoesNot() {
        GenderIn withoutVersion = new GenderIn("x", "X", true, null);
        assertThat(validate(withoutVersion).hasErrors()).isFalse();
        refused(withoutVersion, "version", "Field 'version' is required.", Default.class,
                CatalogController.Replace.class);
        refused(new ProgrammeIn("P", "group", null, null, 1), "active", "Field 'active' is required.",
                Default.class, CatalogController.Replace.class);
    }
}
