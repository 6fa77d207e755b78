package org.populus.api.admin;

/** {@code limit} (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and {@code offset} (0 or more). */
record Paging(int limit, long offset) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /** The page the query asks for; a value out of range is a 400 naming it. */
    static Paging of(Integer limit, Long offset) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        long o = offset == null ? 0 : offset;
        if (l < 1 || l > MAX_LIMIT) {
            throw AdminProblem.badRequest("limit", "Parameter 'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        if (o < 0) {
            throw AdminProblem.badRequest("offset", "Parameter 'offset' must not be negative.");
        }
        return new Paging(l, o);
    }
}
