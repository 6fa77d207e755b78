/**
 * History: every committed change to a registrant or household is kept as an immutable, whole-record version
 * with when, who and why. Answers "this record as of instant T" exactly.
 *
 * <p>Owns table {@code record_version}. Writers (the person and household modules) call {@link
 * org.populus.history.History#append} (or {@code appendAll}, for bulk imports) in the same transaction as their change; a database constraint trigger
 * refuses any registrant or household write that has no matching version. {@link
 * org.populus.history.History#changesAfter} reads the versions as a change feed, in the order of the transactions
 * that wrote them, never ahead of a transaction still running.
 */
@org.springframework.modulith.ApplicationModule(displayName = "History")
package org.populus.history;
