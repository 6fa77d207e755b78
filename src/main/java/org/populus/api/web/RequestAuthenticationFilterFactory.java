package org.populus.api.web;

/** Makes the authentication filter for a surface's security chain. */
@FunctionalInterface
public interface RequestAuthenticationFilterFactory {

    RequestAuthenticationFilter create();
}
