package org.populus.api.office;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The CSRF token kept in the HTTP session as text (sessions hold no Java objects). Forms send it as the parameter
 * {@value #PARAMETER}, htmx as the header {@value #HEADER}.
 */
final class SessionCsrfTokens implements CsrfTokenRepository {

    static final String ATTRIBUTE = "populus.office.csrf";
    static final String HEADER = "X-CSRF-TOKEN";
    static final String PARAMETER = "_csrf";

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return new DefaultCsrfToken(HEADER, PARAMETER, UUID.randomUUID().toString());
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
        } else {
            request.getSession(true).setAttribute(ATTRIBUTE, token.getToken());
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof String token
                ? new DefaultCsrfToken(HEADER, PARAMETER, token) : null;
    }
}
