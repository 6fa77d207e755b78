package org.populus.api.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the RFC 9457 problem details this surface answers with. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail of(HttpStatusCode status, String detail, String field, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        if (request != null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException e) {
                // a path that is no valid URI reference: leave instance out
            }
        }
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String detail, String field,
            HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(of(status, detail, field, request));
    }
}
