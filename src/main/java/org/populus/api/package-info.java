/**
 * HTTP adapters. Each sub-package is one API surface with its own DTOs and error format ({@code openg2p},
 * {@code census}, {@code admin}); they share only the plumbing in {@code web} and never depend on each
 * other. No domain logic lives here. What each surface keeps compatible with the system it imitates is written
 * down in {@code docs/openg2p-api.md} and {@code docs/census-api.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "HTTP APIs")
package org.populus.api;
