package org.populus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Which API surface a path belongs to, and whether an error answer is in that surface's documented format:
 * OpenG2P's {@code {"errorCode","errorMessage","errorDescription"}}, the Census API's JSON object ({@code {}} or
 * {@code {"attr":[{"error":…}]}}), the Admin API's (and everything else's) RFC 9457 problem details.
 */
public enum SurfaceFormats {
    OPENG2P, CENSUS, ADMIN, OTHER;

    private static final Pattern CENSUS_PATH = Pattern.compile("^/api/v1/([^/]+/)?people(/.*)?$");

    /**
     * The surface of the path as sent, else of the path it aims at once {@code //}, dot segments (also encoded),
     * path parameters and backslashes are resolved: the server answers such a path in that surface's format.
     */
    public static SurfaceFormats of(String path) {
        String p = path == null ? "" : path;
        int query = p.indexOf('?');
        if (query >= 0) {
            p = p.substring(0, query);
        }
        SurfaceFormats sent = asSent(p);
        return sent != OTHER ? sent : asSent(normalized(p));
    }

    private static String normalized(String raw) {
        String s = raw.replaceAll("(?i)%2e", ".").replaceAll("(?i)%2f|%5c", "/").replace('\\', '/');
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : s.split("/")) {
            String name = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
            if (name.equals("..")) {
                segments.pollLast();
            } else if (!name.isEmpty() && !name.equals(".")) {
                segments.addLast(name);
            }
        }
        String path = "/" + String.join("/", segments);
        return s.endsWith("/") && !segments.isEmpty() ? path + "/" : path;
    }

    private static SurfaceFormats asSent(String p) {
        if (p.startsWith("/api/v1/registry") || p.startsWith("/session/auth")) {
            return OPENG2P;
        }
        if (CENSUS_PATH.matcher(p).matches()) {
            return CENSUS;
        }
        if (p.equals("/admin/api") || p.startsWith("/admin/api/")) {
            return ADMIN;
        }
        return OTHER;
    }

    /** Null when the answer is in this surface's error format, else what is wrong with it. */
    public String problemWith(Api.Response r) {
        String type = r.header("Content-Type");
        JsonNode body;
        try {
            body = r.json();
        } catch (RuntimeException e) {
            return "body is not JSON";
        }
        if (body == null || !body.isObject()) {
            return "body is not a JSON object";
        }
        if (body.has("timestamp") && body.has("path")) {
            return "Spring Boot's default error body";
        }
        String internals = r.body().replaceAll("\\\\u0000", "");
        for (String leak : new String[] {"java.lang", "java.util", "org.populus", "tools.jackson", "org.springframework",
                "org.apache", "Exception:"}) {
            if (internals.contains(leak)) {
                return "names an internal class (" + leak + ")";
            }
        }
        return switch (this) {
            case OPENG2P -> type != null && type.startsWith("application/json") && body.has("errorCode")
                    && body.has("errorMessage") && body.has("errorDescription") ? null : "not an OpenG2P error";
            case CENSUS -> type != null && type.startsWith("application/json") ? null : "not application/json";
            case ADMIN, OTHER -> type != null && type.startsWith("application/problem+json")
                    && body.path("status").asInt() == r.status() && body.hasNonNull("title") ? null
                    : "not problem details with this status";
        };
    }

    public static void assertErrorFormat(String path, Api.Response r) {
        String problem = of(path).problemWith(r);
        assertThat(problem).as("answer to %s: %s", path, r).isNull();
    }
}
