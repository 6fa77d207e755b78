package org.populus.api.openg2p;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OpenG2P's error body. */
record ErrorEnvelope(@JsonProperty("errorCode") String errorCode, @JsonProperty("errorMessage") String errorMessage,
        @JsonProperty("errorDescription") String errorDescription) {

    static ErrorEnvelope of(G2pError error, String description) {
        return new ErrorEnvelope(error.code, error.message, description == null ? "" : description);
    }

    static ErrorEnvelope http(int status, String message) {
        return new ErrorEnvelope(String.valueOf(status), message, "");
    }
}
