package org.populus.api.web;

import java.io.IOException;

/** A request body that is not what its content type says: bytes that are not well-formed UTF-8. */
public final class MalformedBodyException extends IOException {

    public MalformedBodyException(String message) {
        super(message);
    }
}
