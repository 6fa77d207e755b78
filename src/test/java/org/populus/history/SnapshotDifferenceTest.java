package org.populus.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnapshotDifferenceTest {

    @Test
    void givenANestedValueChangedThenItIsNamedByItsPath() {
        assertThat(SnapshotDifference.changedFields(
                "{\"id\":1,\"data\":{\"given_name\":\"Ana\",\"family_name\":\"Ruiz\"}}",
                "{\"id\":1,\"data\":{\"given_name\":\"Anna\",\"family_name\":\"Ruiz\"}}"))
                .containsExactly("data.given_name");
    }

    @Test
    void givenAListChangedThenTheListIsNamedWhole() {
        assertThat(SnapshotDifference.changedFields(
                "{\"phones\":[{\"number\":\"600\"}]}",
                "{\"phones\":[{\"number\":\"600\"},{\"number\":\"601\"}]}"))
                .containsExactly("phones");
    }

    @Test
    void givenOnlyTheVersionAndUpdateTimeChangedThenNothingChanged() {
        assertThat(SnapshotDifference.changedFields(
                "{\"version\":1,\"updated_at\":\"2026-01-01T00:00:00Z\",\"data\":{\"email\":\"a@b.es\"}}",
                "{\"version\":2,\"updated_at\":\"2026-01-02T00:00:00Z\",\"data\":{\"email\":\"a@b.es\"}}"))
                .isEmpty();
    }

    @Test
    void givenAValueRemovedOrSetToNullThenItChanged() {
        assertThat(SnapshotDifference.changedFields(
                "{\"data\":{\"email\":\"a@b.es\",\"address\":\"Calle 1\"}}",
                "{\"data\":{\"email\":null}}"))
                .containsExactly("data.email", "data.address");
    }

    @Test
    void givenNullAndAnEmptyListThenNothingChanged() {
        assertThat(SnapshotDifference.changedFields("{\"phones\":null,\"data\":{}}", "{\"phones\":[]}"))
                .isEmpty();
    }

    @Test
    void givenNoPreviousVersionThenEveryFieldWithAValueChanged() {
        assertThat(SnapshotDifference.changedFields(null,
                "{\"id\":7,\"version\":1,\"data\":{\"given_name\":\"Ana\",\"email\":null},\"phones\":[]}"))
                .containsExactly("id", "data.given_name");
    }
}
