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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.populus.access.Role;

/**
 * A list of role codes, each known and none null (a null list is valid: {@code @NotNull} says whether it is
 * required). The problem's detail names the unknown codes and the known ones.
 */
@Documented
@Constraint(validatedBy = RoleCodes.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface RoleCodes {

    String message() default "{org.populus.api.admin.RoleCodes.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check; the detail travels as the violation's dynamic payload, never through message interpolation. */
    final class Check implements ConstraintValidator<RoleCodes, List<String>> {

        @Override
        public boolean isValid(List<String> codes, ConstraintValidatorContext context) {
            String detail = codes == null ? null : detail(codes);
            if (detail == null) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(detail);
            return false;
        }

        /** What is wrong with these codes; null when nothing is. */
        static String detail(List<String> codes) {
            List<String> unknown = new ArrayList<>();
            for (String code : codes) {
                if (code == null) {
                    return "Field 'roles' must not contain null.";
                }
                if (Role.of(code).isEmpty()) {
                    unknown.add(code);
                }
            }
            if (unknown.isEmpty()) {
                return null;
            }
            return "Unknown role" + (unknown.size() > 1 ? "s " : " ")
                    + unknown.stream().map(c -> "'" + Checks.shown(c) + "'").collect(Collectors.joining(", "))
                    + "; the roles are " + EnumSet.allOf(Role.class).stream().map(Role::code)
                            .collect(Collectors.joining(", ")) + ".";
        }
    }
}
