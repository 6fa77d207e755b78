/**
 * HTTP adapters. Each sub-package is one API surface with its own DTOs and error format ({@code openg2p},
 * {@code admin}, later {@code census}); they share only the plumbing in {@code web} and never depend on each
 * other. No domain logic lives here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "HTTP APIs")
package org.populus.api;
