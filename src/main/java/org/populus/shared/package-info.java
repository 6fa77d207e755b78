/**
 * Shared kernel: the few domain types every module and adapter speaks — the registry's {@link
 * org.populus.shared.Rule}s and the {@link org.populus.shared.RuleViolation} that reports a broken one (each API
 * adapter maps it onto its own error format), the maximum length of every stored text and the NUL check
 * ({@link org.populus.shared.TextLimits}), the range of every date and instant the registry accepts
 * ({@link org.populus.shared.DateRanges}), name normalisation for matching ({@link org.populus.shared.Names}), and
 * the form of a Census client's origin ({@link org.populus.shared.ClientOrigins}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        displayName = "Shared kernel")
package org.populus.shared;
