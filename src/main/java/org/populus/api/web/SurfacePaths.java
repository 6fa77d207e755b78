package org.populus.api.web;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The path a client meant, for choosing the format of an error answer only: a path that a firewall or Tomcat
 * refuses for its {@code //}, dot segments ({@code .}, {@code ..}, also encoded as {@code %2e}), path parameters
 * ({@code ;…}) or backslashes is still answered in the format of the surface it aims at (e.g.
 * {@code //api/v1/registry/individual/} or {@code /x/%2e%2e/admin/api/users}). Nothing is ever routed by it.
 */
final class SurfacePaths {

    private SurfacePaths() {
    }

    /**
     * The raw path with encoded dots, slashes and backslashes decoded, empty, {@code .} and {@code ..} segments
     * resolved (never above the root) and path parameters dropped; a trailing slash is kept.
     */
    static String normalized(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "/";
        }
        String s = raw.replaceAll("(?i)%2e", ".").replaceAll("(?i)%2f|%5c", "/").replace('\\', '/');
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : s.split("/")) {
            int semicolon = segment.indexOf(';');
            String name = semicolon >= 0 ? segment.substring(0, semicolon) : segment;
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(name);
            }
        }
        String path = "/" + String.join("/", segments);
        return s.endsWith("/") && !segments.isEmpty() ? path + "/" : path;
    }
}
