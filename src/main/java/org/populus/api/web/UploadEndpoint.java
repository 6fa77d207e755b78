package org.populus.api.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests that may carry an upload (a scope file, a document's scans): their bodies may be as large as
 * {@code populus.http.max-upload-size} instead of {@code populus.http.max-body-size}. Each API surface declares
 * its own upload endpoints as beans; {@link BodySizeLimitFilter} asks them.
 */
@FunctionalInterface
public interface UploadEndpoint {

    boolean matches(HttpServletRequest request);
}
