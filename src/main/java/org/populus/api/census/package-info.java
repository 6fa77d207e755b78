/**
 * The Census API v1 over the registry: {@code /api/v1/people…} and {@code /api/v1/{locale}/people…}, with the
 * original's qualified ids ({@code N@census}, {@code N@<system>}, {@code <doc>@document_id}), attribute names and
 * bodies ({@code {}} for 403/404/405/413, {@code {"<attr>":[{"error":"<key>"}]}} for 422). Callers from the
 * allowed networks need no credentials unless API keys are required; a client application's API key
 * ({@code Authorization: Bearer populus_…}, managed in the Admin API) works from anywhere (see
 * {@code CensusSecurity}). Every caller acts as a client of one origin ({@code CensusCallers}) and reaches only its
 * origin's people and those shared with it; anyone else is answered as nobody. Document verifications may be as
 * large as the upload limit. What is kept compatible
 * with the original server and its real client, and where Populus differs, is written down in
 * {@code docs/census-api.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Census API v1")
package org.populus.api.census;
