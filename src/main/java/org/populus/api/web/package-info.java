/**
 * Plumbing shared by the API adapters: who is calling (session header or cookie, HTTP Basic) and the provenance
 * recorded with each change ({@code Callers}); how large a body may be, per path ({@code BodySizeLimitFilter},
 * {@code UploadEndpoint}); requests refused before any controller — malformed paths and query strings
 * ({@code MalformedRequestFilter}), what the firewall or Tomcat refuses, failures outside controllers — answered
 * in the format of the surface their path belongs to ({@code SurfaceErrors}, {@code SurfaceErrorController},
 * {@code SurfaceErrorReportValve}, {@code FallbackErrorAdvice}); the reverse-proxy setting that decides whose
 * address and scheme a request has ({@code ReverseProxy}); the security of everything outside the three surfaces
 * ({@code PlatformSecurity}); and the parts of the OpenAPI document the surfaces share ({@code OpenApiDocument}).
 */
@org.springframework.modulith.NamedInterface("web")
package org.populus.api.web;
