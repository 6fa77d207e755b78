package org.populus.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** The request as if made to this path (an error dispatch's original path, or Tomcat's raw URI). */
final class RequestAtPath extends HttpServletRequestWrapper {

    private final String path;

    RequestAtPath(HttpServletRequest request, String path) {
        super(request);
        this.path = path;
    }

    @Override
    public String getRequestURI() {
        return path;
    }

    @Override
    public String getServletPath() {
        return path;
    }

    @Override
    public String getPathInfo() {
        return null;
    }
}
