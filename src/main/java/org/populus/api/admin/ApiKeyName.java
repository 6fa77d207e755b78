package org.populus.api.admin;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.populus.access.ApiKeys;

/**
 * An API key's name as the key will keep it: stripped, at most {@value ApiKeys#MAX_NAME} characters, no control
 * character (null is valid: {@code @NotBlank} says whether it is required).
 */
@Documented
@Constraint(validatedBy = ApiKeyName.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiKeyName {

    String message() default "{org.populus.api.admin.ApiKeyName.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check; the detail travels as the violation's dynamic payload, never through message interpolation. */
    final class Check implements ConstraintValidator<ApiKeyName, String> {

        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            String detail = name == null ? null : detail(name);
            if (detail == null) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(detail);
            return false;
        }

        static String detail(String name) {
            String stripped = name.strip();
            if (stripped.length() > ApiKeys.MAX_NAME) {
                return "Field 'name' is longer than " + ApiKeys.MAX_NAME + " characters.";
            }
            if (name.chars().anyMatch(Character::isISOControl)) {
                return "Field 'name' must not contain control characters.";
            }
            return null;
        }
    }
}
