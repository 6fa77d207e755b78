/**
 * Plumbing shared by the API adapters: who is calling (session header or cookie, HTTP Basic), how large a body
 * may be, and the provenance recorded with each change.
 */
@org.springframework.modulith.NamedInterface("web")
package org.populus.api.web;
