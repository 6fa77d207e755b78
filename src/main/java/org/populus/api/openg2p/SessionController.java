package org.populus.api.openg2p;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.populus.access.Sessions;
import org.populus.access.UserAccounts;
import org.populus.api.openg2p.Requests.LoginIn;
import org.populus.api.openg2p.Responses.LoginOut;
import org.populus.api.openg2p.Responses.MessageOut;
import org.populus.api.openg2p.Responses.SessionOut;
import org.populus.api.web.Callers;
import org.populus.api.web.RequestAuthenticationFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** OpenG2P session login and logout ({@code base_rest_auth_user_service}). */
@RestController
@RequestMapping(path = "/session/auth", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "OpenG2P: User authentication")
class SessionController {

    private static final DateTimeFormatter ODOO_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final UserAccounts accounts;
    private final Sessions sessions;

    SessionController(UserAccounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Operation(summary = "Log in with {login, password[, db]} or the JSON-RPC form {jsonrpc, params:{…}}; the "
            + "session id is returned and set as cookie session_id; send it back as header X-Openerp-Session-Id")
    @PostMapping(path = {"/login", "/login/"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> login(@RequestBody LoginIn in, HttpServletRequest request) {
        String login = in == null ? null : in.params() != null ? in.params().login() : in.login();
        String password = in == null ? null : in.params() != null ? in.params().password() : in.password();
        if (login == null || login.isBlank() || password == null) {
            throw new G2pException(G2pError.REQUIRED, "login and password are required.");
        }
        if (org.populus.shared.TextLimits.hasNul(login) || org.populus.shared.TextLimits.hasNul(password)
                || login.length() > 1_000 || password.length() > 1_000) {
            // no such account can exist (and PostgreSQL text cannot hold NUL)
            return ResponseEntity.status(401).contentType(MediaType.APPLICATION_JSON)
                    .body(ErrorEnvelope.http(401, "Wrong login or password."));
        }
        var outcome = accounts.attempt(login, password, request.getRemoteAddr());
        if (outcome.retryAfter().isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds()))
                    .body(ErrorEnvelope.http(429, "Too many failed logins. Try again later."));
        }
        var account = outcome.account();
        if (account.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(ErrorEnvelope.http(401, "Wrong login or password."));
        }
        var ticket = sessions.open(account.get());
        ResponseCookie cookie = ResponseCookie.from(RequestAuthenticationFilter.SESSION_COOKIE, ticket.sid())
                .httpOnly(true).secure(request.isSecure()).sameSite("Lax").path("/")
                .maxAge(Duration.between(Instant.now(), ticket.expiresAt())).build();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString())
                .body(new LoginOut(account.get().id(), account.get().login(), account.get().displayName(),
                        new SessionOut(ticket.sid(), ODOO_DATETIME.format(ticket.expiresAt()))));
    }

    @Operation(summary = "End the current session; its id stops working at once")
    @PostMapping(path = {"/logout", "/logout/"})
    ResponseEntity<MessageOut> logout(HttpServletRequest request) {
        Callers.current().map(u -> u.sessionId()).ifPresent(sessions::close);
        ResponseCookie expired = ResponseCookie.from(RequestAuthenticationFilter.SESSION_COOKIE, "")
                .httpOnly(true).sameSite("Lax").path("/").maxAge(0).build();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, expired.toString())
                .body(new MessageOut("Successful logout"));
    }
}
