package org.populus.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;

/** What the index holds of a person, and the record read back from it. */
class MatchFieldsTest {

    private static final MatchRecord FULL = new MatchRecord(5, "María José", "Núñez", "García",
            LocalDate.of(1980, 2, 29), "female", List.of("12345678Z", "X-1"), List.of("+34 612 345 678"),
            "Calle Mayor 3, Madrid", "28013");

    @Test
    void theStoredRecordReadsBackAsTyped() throws IOException {
        try (InMemoryPeople people = new InMemoryPeople(FULL)) {
            assertThat(MatchFields.read(people.searcher().storedFields().document(0), 5)).isEqualTo(FULL);
        }
    }

    @Test
    void anEmptyRecordReadsBackEmpty() throws IOException {
        MatchRecord empty = new MatchRecord(6, null, null, null, null, null, null, null, null, null);
        try (InMemoryPeople people = new InMemoryPeople(empty)) {
            assertThat(MatchFields.read(people.searcher().storedFields().document(0), 6)).isEqualTo(empty);
        }
    }

    @Test
    void everyFieldIsNamedWithTheMatchingPrefix() {
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        MatchFields.addTo(doc, FULL);
        assertThat(doc.getFields()).extracting(IndexableField::name).allMatch(name -> name.startsWith("m_"));
    }

    @Test
    void namesAreIndexedWithoutAccentsOrCaseWordByWord() {
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        MatchFields.addTo(doc, FULL);
        assertThat(doc.getValues(MatchFields.NAME)).containsExactly("maria", "jose", "nunez", "garcia");
        assertThat(doc.getFields(MatchFields.GIVEN)).extracting(IndexableField::stringValue)
                .containsExactly("maria jose");
    }
}
