package org.populus.api.openg2p;

/** A request refused with one of OpenG2P's error codes (HTTP 400). */
final class G2pException extends RuntimeException {

    final G2pError error;

    G2pException(G2pError error, String description) {
        super(description);
        this.error = error;
    }
}
