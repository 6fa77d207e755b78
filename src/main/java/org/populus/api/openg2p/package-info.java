/**
 * The OpenG2P Registry REST API (15.0 generation) over the registry: {@code /api/v1/registry/individual…},
 * {@code /api/v1/registry/group…} and {@code /session/auth/login|logout}, with the documented field names and
 * OpenG2P's error envelope {@code {"errorCode","errorMessage","errorDescription"}}. The compatibility decisions
 * are written down in {@code docs/openg2p-api.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "OpenG2P Registry API")
package org.populus.api.openg2p;
