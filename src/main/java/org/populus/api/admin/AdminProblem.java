package org.populus.api.admin;

import org.springframework.http.HttpStatus;

/** A request this surface refuses, with the HTTP status and the field it is about (if any). */
final class AdminProblem extends RuntimeException {

    final HttpStatus status;
    final String field;

    AdminProblem(HttpStatus status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    /** 422: the request is well-formed but a value is not acceptable. */
    static AdminProblem invalid(String field, String detail) {
        return new AdminProblem(HttpStatus.UNPROCESSABLE_CONTENT, field, detail);
    }

    /** 400: the body is not the expected shape. */
    static AdminProblem badRequest(String field, String detail) {
        return new AdminProblem(HttpStatus.BAD_REQUEST, field, detail);
    }

    static AdminProblem notFound(String detail) {
        return new AdminProblem(HttpStatus.NOT_FOUND, null, detail);
    }

    static AdminProblem conflict(String detail) {
        return new AdminProblem(HttpStatus.CONFLICT, null, detail);
    }
}
