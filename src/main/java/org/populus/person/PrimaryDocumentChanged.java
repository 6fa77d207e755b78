package org.populus.person;

/**
 * Published, inside the transaction that made it, when a person's primary document got another value outside a
 * Census procedure (the OpenG2P {@code updateIdentification}), so that the checks a Census data change of the
 * document goes through (duplicated document…) run for it too.
 */
public record PrimaryDocumentChanged(long personId) {
}
