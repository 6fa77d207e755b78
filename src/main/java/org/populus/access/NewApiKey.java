package org.populus.access;

/**
 * A key just created, with its secret: the only time the secret exists outside the client application (only
 * its hash is stored).
 */
public record NewApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "NewApiKey[" + key + ", secret=" + key.prefix() + "…]";
    }
}
