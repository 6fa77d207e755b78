package org.populus.procedure;

/** A pending procedure as reviewers see it in the review list. */
public record ReviewItem(Procedure procedure, boolean openIssues) {
}
