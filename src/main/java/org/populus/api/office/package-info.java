/**
 * The back office under {@code /office}: server-rendered pages (Spring MVC, Thymeleaf templates under
 * {@code templates/office/}, htmx from its webjar) where registrars and administrators do their daily work. A
 * browser asking for {@code /} is sent here. It calls the domain modules' public APIs directly — never the JSON
 * Admin API — and shares only the plumbing in {@code api.web} with the other surfaces.
 *
 * <p>Pages: the dashboard, the review queue (claim the next procedure, compare, view attachments, decide, undo),
 * issues (side by side, resolve) and the administration (users, catalogues, API keys, scope files, the effective
 * configuration with secrets masked), each through the same domain services and with the same roles as the Admin
 * API.
 *
 * <p>Security ({@link org.populus.api.office.OfficeSecurity}): a form sign-in with the users, passwords and roles
 * of the APIs, throttled like every login; an HTTP session stored by Spring Session JDBC (cookie
 * {@code populus_office}: {@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} on HTTPS requests, path
 * {@code /office}; 30 minutes idle at most, and the APIs' session lifetime at most in all), which is a login
 * session of the {@code access} module, so a change to the user or signing out ends it on every instance; CSRF
 * tokens on every state-changing request; a strict content security policy (nothing from another origin, no
 * inline script or style).
 *
 * <p>Roles are checked on the server per section: {@link org.populus.api.office.OfficeSection} names each
 * section's path and the roles that may use it (any one of them), and the filter chain turns each into a rule for
 * that path and everything under it; the navigation shows only the sections the user may use. To require a role:
 * put the page under the path of the section whose roles it needs, or add a section. Inside a page, what needs a
 * further role (e.g. a decision button) is shown by asking {@code roles.contains('<role code>')} in the template and is
 * refused by the controller with {@code Callers.current()} — the button's absence is never the only check.
 *
 * <p>Adding a page: one controller in this package (mapped under its section's path, returning
 * {@code office/<page>}), one template {@code templates/office/<page>.html} that fills the layout
 * ({@code th:replace="~{office/layout :: page(~{::title}, ~{::section})}"}), and its texts in
 * {@code messages.properties} and {@code messages_es.properties}. Forms use {@code th:action} (which adds the CSRF
 * field); htmx requests carry the token by themselves ({@code office.js}). A page refuses a request by throwing
 * {@link org.populus.api.office.OfficeProblem}; every error under {@code /office} (an unknown path, a failure) is a
 * page in the layout ({@link org.populus.api.office.OfficeErrors}), never the APIs' JSON. See {@code docs/office.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Back office")
package org.populus.api.office;
