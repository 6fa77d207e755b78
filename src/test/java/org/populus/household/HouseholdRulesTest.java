package org.populus.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;

/** The household aggregate guards its own invariants. */
class HouseholdRulesTest {

    static final long HEAD = 1;
    static final long CAREGIVER = 2;

    static Membership member(long individual, LocalDate ended, Long... kinds) {
        return new Membership(null, individual, List.of(kinds), LocalDate.of(2024, 1, 1), ended);
    }

    static Household household(Membership... members) {
        return Household.of(10, 1L, false, List.of(members), kind -> kind == HEAD, kind -> kind == HEAD ? "Head" : "Caregiver");
    }

    @Test
    void oneHeadPerGroup() {
        assertThat(household(member(1, null, HEAD), member(2, null, CAREGIVER), member(3, null)).members()).hasSize(3);
        assertThatThrownBy(() -> household(member(1, null, HEAD), member(2, null, HEAD)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.rule()).isEqualTo(Rule.UNIQUE_MEMBER_KIND_TAKEN);
                    assertThat(v.getMessage()).isEqualTo("Only one Head is allowed per group.");
                });
    }

    @Test
    void nonUniqueKindsMayRepeat() {
        assertThat(household(member(1, null, CAREGIVER), member(2, null, CAREGIVER)).members()).hasSize(2);
    }

    @Test
    void anEndedHeadDoesNotBlockANewOne() {
        assertThat(household(member(1, LocalDate.of(2024, 6, 1), HEAD), member(2, null, HEAD)).members()).hasSize(2);
    }

    @Test
    void anIndividualBelongsOnce() {
        assertThatThrownBy(() -> household(member(1, null), member(1, null)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.MEMBER_REPEATED));
    }
}
