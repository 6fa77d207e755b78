package org.populus.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.populus.person.CensusStatus;
import org.populus.procedure.ReviewRefused.Reason;

/** {@link Procedure}'s transitions and their refusals, without a database. */
class ProcedureTransitionsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration CLAIM = Duration.ofMinutes(30);
    private static final Duration UNDO = Duration.ofMinutes(30);
    private static final ProcedureRequest LEVEL = new ProcedureRequest.MembershipLevelChange(
            CensusStatus.MembershipLevel.MEMBER);

    private static Procedure pending() {
        return new Procedure(7, 42, LEVEL, List.of(), ProcedureState.PENDING, null, null, null, null, null, null,
                null, null, null, T0, T0, 3);
    }

    private static Procedure accepted(String by, Instant at) {
        return pending().decided(ProcedureState.ACCEPTED, by, at, null, LEVEL, List.of(), 4, 5);
    }

    private static void refused(ThrowingCallable transition, Reason reason) {
        assertThatThrownBy(transition).isInstanceOfSatisfying(ReviewRefused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aClaimRecordsTheReviewerAndTheTimeAndKeepsEverythingElse() {
        Procedure claimed = pending().withClaim("user:alice", T0, CLAIM);
        assertThat(claimed.claimedBy()).isEqualTo("user:alice");
        assertThat(claimed.claimedAt()).isEqualTo(T0);
        assertThat(claimed).usingRecursiveComparison().ignoringFields("claimedBy", "claimedAt").isEqualTo(pending());
    }

    @Test
    void aReviewerMayClaimAgainWhatTheyHold() {
        Procedure again = pending().withClaim("user:alice", T0, CLAIM).withClaim("user:alice", T0.plusSeconds(60),
                CLAIM);
        assertThat(again.claimedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void anotherReviewersLastingClaimRefusesAClaimAsClaimedByOther() {
        Procedure claimed = pending().withClaim("user:alice", T0, CLAIM);
        refused(() -> claimed.withClaim("user:bob", T0.plus(Duration.ofMinutes(29)), CLAIM), Reason.CLAIMED_BY_OTHER);
    }

    @Test
    void aLapsedClaimNoLongerKeepsOthersAway() {
        Procedure claimed = pending().withClaim("user:alice", T0, CLAIM);
        assertThat(claimed.withClaim("user:bob", T0.plus(Duration.ofMinutes(31)), CLAIM).claimedBy())
                .isEqualTo("user:bob");
    }

    @Test
    void releasingClearsTheClaim() {
        Procedure released = pending().withClaim("user:alice", T0, CLAIM).released("user:alice", T0, CLAIM);
        assertThat(released.claimedBy()).isNull();
        assertThat(released.claimedAt()).isNull();
    }

    @Test
    void releasingAnotherReviewersClaimIsRefusedAsClaimedByOther() {
        Procedure claimed = pending().withClaim("user:alice", T0, CLAIM);
        refused(() -> claimed.released("user:bob", T0, CLAIM), Reason.CLAIMED_BY_OTHER);
    }

    @Test
    void claimingADecidedProcedureIsRefusedAsNotPending() {
        refused(() -> accepted("user:alice", T0).withClaim("user:alice", T0, CLAIM), Reason.NOT_PENDING);
    }

    @Test
    void reviewingADecidedProcedureIsRefusedAsNotPending() {
        refused(() -> accepted(null, T0).reviewableBy("user:alice", T0, CLAIM), Reason.NOT_PENDING);
    }

    @Test
    void aDecisionRecordsWhoWhenTheCommentAndThePersonVersionsAndEndsTheClaim() {
        Procedure decided = pending().withClaim("user:alice", T0, CLAIM).decided(ProcedureState.REJECTED,
                "user:alice", T0.plusSeconds(5), "not this one", LEVEL, List.of(), 4, 6);
        assertThat(decided.state()).isEqualTo(ProcedureState.REJECTED);
        assertThat(decided.processedBy()).isEqualTo("user:alice");
        assertThat(decided.processedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(decided.comment()).isEqualTo("not this one");
        assertThat(decided.personVersionBefore()).isEqualTo(4);
        assertThat(decided.personVersionAfter()).isEqualTo(6);
        assertThat(decided.claimedBy()).isNull();
        assertThat(decided.claimedAt()).isNull();
    }

    @Test
    void aDecisionKeepsTheRequestAsItsEffectLeftItAndTheIssuesOverridden() {
        var cancellation = new ProcedureRequest.Cancellation("decidim", null, null);
        Procedure p = new Procedure(8, 42, cancellation, List.of(), ProcedureState.PENDING, null, null, null, null,
                null, null, null, null, null, T0, T0, 1);
        Procedure decided = p.decided(ProcedureState.ACCEPTED, "user:alice", T0, "ok",
                cancellation.cancelledFrom(CensusStatus.State.ENABLED), List.of(11L, 12L), 1, 2);
        assertThat(decided.request()).isEqualTo(new ProcedureRequest.Cancellation("decidim", null,
                CensusStatus.State.ENABLED));
        assertThat(decided.overriddenIssues()).containsExactly(11L, 12L);
    }

    @Test
    void decidingTwiceIsRefusedAsNotPending() {
        refused(() -> accepted(null, T0).decided(ProcedureState.REJECTED, "user:alice", T0, "x", LEVEL, List.of(),
                5, 5), Reason.NOT_PENDING);
    }

    @Test
    void askingAgainReplacesTheRequestAndKeepsAPriorityOnceGiven() {
        Procedure prioritized = pending().askedAgain(LEVEL, null, T0);
        var follower = new ProcedureRequest.MembershipLevelChange(CensusStatus.MembershipLevel.FOLLOWER);
        Procedure again = prioritized.askedAgain(follower, null, null);
        assertThat(again.request()).isEqualTo(follower);
        assertThat(again.prioritizedAt()).isEqualTo(T0);
    }

    @Test
    void askingAgainADecidedProcedureIsRefusedAsNotPending() {
        refused(() -> accepted(null, T0).askedAgain(LEVEL, null, null), Reason.NOT_PENDING);
    }

    @Test
    void rejectingWithoutACommentIsRefusedAsCommentRequired() {
        refused(() -> Procedure.decisionComment(Decision.REJECT, "  "), Reason.COMMENT_REQUIRED);
    }

    @Test
    void dismissingWithoutACommentIsRefusedAsCommentRequired() {
        refused(() -> Procedure.decisionComment(Decision.DISMISS, null), Reason.COMMENT_REQUIRED);
    }

    @Test
    void acceptingNeedsNoCommentAndAGivenOneIsStripped() {
        assertThat(Procedure.decisionComment(Decision.ACCEPT, " ")).isNull();
        assertThat(Procedure.decisionComment(Decision.ACCEPT, " fine ")).isEqualTo("fine");
    }

    @Test
    void undoingPutsTheProcedureBackToPendingClaimedByTheReviewer() {
        Procedure undone = accepted("user:alice", T0).undone("user:alice", T0.plus(Duration.ofMinutes(10)), UNDO);
        assertThat(undone.state()).isEqualTo(ProcedureState.PENDING);
        assertThat(undone.claimedBy()).isEqualTo("user:alice");
        assertThat(undone.claimedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(undone.processedBy()).isNull();
        assertThat(undone.processedAt()).isNull();
        assertThat(undone.personVersionBefore()).isNull();
        assertThat(undone.personVersionAfter()).isNull();
    }

    @Test
    void theDecidingReviewerMayUndoUntilTheWindowEndsAndNoOneElseEver() {
        Procedure decided = accepted("user:alice", T0);
        assertThat(decided.undoableBy("user:alice", T0.plus(UNDO), UNDO)).isTrue();
        assertThat(decided.undoableBy("user:alice", T0.plus(UNDO).plusSeconds(1), UNDO)).isFalse();
        assertThat(decided.undoableBy("user:bob", T0, UNDO)).isFalse();
        assertThat(accepted(null, T0).undoableBy("user:alice", T0, UNDO)).isFalse();
    }

    @Test
    void undoingAnotherReviewersDecisionIsRefusedAsNotUndoable() {
        refused(() -> accepted("user:alice", T0).undone("user:bob", T0, UNDO), Reason.NOT_UNDOABLE);
    }

    @Test
    void undoingTheQueuesDecisionIsRefusedAsNotUndoable() {
        refused(() -> accepted(null, T0).undone("user:alice", T0, UNDO), Reason.NOT_UNDOABLE);
    }

    @Test
    void undoingADismissalIsRefusedAsNotUndoable() {
        Procedure dismissed = pending().decided(ProcedureState.DISMISSED, "user:alice", T0, "x", LEVEL, List.of(),
                4, 4);
        refused(() -> dismissed.undone("user:alice", T0, UNDO), Reason.NOT_UNDOABLE);
    }

    @Test
    void undoingAPendingProcedureIsRefusedAsNotUndoable() {
        refused(() -> pending().undone("user:alice", T0, UNDO), Reason.NOT_UNDOABLE);
    }

    @Test
    void undoingAfterTheWindowIsRefusedAsUndoExpired() {
        refused(() -> accepted("user:alice", T0).undone("user:alice", T0.plus(Duration.ofMinutes(31)), UNDO),
                Reason.UNDO_EXPIRED);
    }

    @Test
    void aDecisionThatChangedThePersonHasSomethingToRestore() {
        assertThat(accepted("user:alice", T0).changedPerson()).isTrue();
        assertThat(pending().decided(ProcedureState.DISMISSED, null, T0, "x", LEVEL, List.of(), 4, 4)
                .changedPerson()).isFalse();
    }
}
