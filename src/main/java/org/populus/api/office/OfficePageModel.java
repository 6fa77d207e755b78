package org.populus.api.office;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.populus.access.AuthenticatedUser;
import org.populus.access.Role;
import org.populus.api.web.Callers;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout of every back-office page needs, added to the model of each back-office controller: the
 * signed-in user ({@code officeUser}, null on the sign-in form), their role codes ({@code roles}, e.g.
 * {@code th:if="${roles.contains('registrar')}"}), the sections they may use ({@code sections}, for
 * the navigation), the section of the page ({@code currentSection}) and the CSRF token ({@code csrfToken}, for
 * htmx; forms built with {@code th:action} get it as a hidden field by themselves). The token is made here, before
 * the page is rendered, so the session that keeps it is saved before the response starts.
 */
@ControllerAdvice(basePackageClasses = OfficePageModel.class)
class OfficePageModel {

    @ModelAttribute("officeUser")
    AuthenticatedUser officeUser() {
        return Callers.current().orElse(null);
    }

    /** The codes of the signed-in user's roles ({@code registry-write} adds {@code registry-read}), for templates. */
    @ModelAttribute("roles")
    Set<String> roles() {
        return Callers.current().map(u -> Arrays.stream(Role.values()).filter(u::has).map(Role::code)
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    @ModelAttribute("sections")
    List<OfficeSection> sections() {
        return Callers.current().map(u -> Arrays.stream(OfficeSection.values())
                .filter(s -> s.inNavigation() && s.allows(u)).toList())
                .orElse(List.of());
    }

    @ModelAttribute("currentSection")
    OfficeSection currentSection(HttpServletRequest request) {
        String path = request.getRequestURI();
        return Arrays.stream(OfficeSection.values()).filter(s -> s.contains(path))
                .max(Comparator.comparingInt(s -> s.path().length())).orElse(null);
    }

    @ModelAttribute("csrfToken")
    String csrfToken(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token.getToken() : null;
    }

    /** Every attribute above, for a page rendered outside a controller's model (the error pages). */
    java.util.Map<String, Object> layout(HttpServletRequest request) {
        java.util.Map<String, Object> model = new java.util.HashMap<>();
        model.put("officeUser", officeUser());
        model.put("roles", roles());
        model.put("sections", sections());
        model.put("currentSection", currentSection(request));
        model.put("csrfToken", csrfToken(request));
        return model;
    }
}
