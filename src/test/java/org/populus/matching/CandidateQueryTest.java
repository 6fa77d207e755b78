package org.populus.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Each blocking key of the candidate query finds a person on its own, typing errors allowed. */
class CandidateQueryTest {

    private static final MatchRecord INDEXED = new MatchRecord(7, "Mitchell", "Green", null,
            LocalDate.of(1956, 4, 9), null, List.of("1804974"), List.of("+34 612 345 678"), null, "2119");

    @Test
    void aNameWithTwoTypingErrorsIsFound() throws IOException {
        assertThat(found(onlyName("mithcel", null))).containsExactly(7L);
    }

    @Test
    void aNameThatSoundsAlikeIsFound() throws IOException {
        assertThat(found(onlyName(null, "Grene"))).containsExactly(7L);
    }

    @Test
    void theBirthDateWithDayAndMonthSwappedIsFound() throws IOException {
        assertThat(found(onlyBirthdate(LocalDate.of(1956, 9, 4)))).containsExactly(7L);
    }

    @Test
    void theBirthDateWithOneDigitWrongIsFound() throws IOException {
        assertThat(found(onlyBirthdate(LocalDate.of(1958, 4, 9)))).containsExactly(7L);
        assertThat(found(onlyBirthdate(LocalDate.of(1956, 4, 19)))).containsExactly(7L);
    }

    @Test
    void aBirthDateTwoDigitsApartIsNotAKey() throws IOException {
        assertThat(found(onlyBirthdate(LocalDate.of(1958, 4, 19)))).isEmpty();
    }

    @Test
    void aDocumentWithOneCharacterWrongIsFound() throws IOException {
        assertThat(found(only(List.of("1804975"), List.of(), null))).containsExactly(7L);
    }

    @Test
    void aPhoneWrittenWithoutItsCountryCodeIsFound() throws IOException {
        assertThat(found(only(List.of(), List.of("612-345-678"), null))).containsExactly(7L);
    }

    @Test
    void thePostcodeIsAKey() throws IOException {
        assertThat(found(only(List.of(), List.of(), "2119"))).containsExactly(7L);
        assertThat(found(only(List.of(), List.of(), "2118"))).isEmpty();
    }

    @Test
    void aRecordWithNoKeysFindsNobody() throws IOException {
        assertThat(found(only(List.of(), List.of(), null))).isEmpty();
    }

    @Test
    void thePersonSharingMoreKeysRanksFirst() throws IOException {
        MatchRecord namesake = new MatchRecord(8, "Mitchell", "Green", null, LocalDate.of(1990, 1, 1), null,
                List.of(), List.of(), null, "3000");
        MatchRecord probe = new MatchRecord(9, "Mitchell", "Green", null, LocalDate.of(1956, 4, 9), null,
                List.of(), List.of(), null, null);
        try (InMemoryPeople people = new InMemoryPeople(namesake, INDEXED)) {
            ScoreDoc[] hits = people.searcher().search(CandidateQuery.of(probe), 10).scoreDocs;
            assertThat(hits).hasSize(2);
            assertThat(people.searcher().storedFields().document(hits[0].doc).get("id")).isEqualTo("7");
        }
    }

    private static List<Long> found(MatchRecord probe) throws IOException {
        try (InMemoryPeople people = new InMemoryPeople(INDEXED)) {
            IndexSearcher searcher = people.searcher();
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(CandidateQuery.of(probe), 10).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).getField("id").numericValue().longValue());
            }
            return ids;
        }
    }

    private static MatchRecord onlyName(String given, String family) {
        return new MatchRecord(1, given, family, null, null, null, List.of(), List.of(), null, null);
    }

    private static MatchRecord onlyBirthdate(LocalDate birthdate) {
        return new MatchRecord(1, null, null, null, birthdate, null, List.of(), List.of(), null, null);
    }

    private static MatchRecord only(List<String> documents, List<String> phones, String postcode) {
        return new MatchRecord(1, null, null, null, null, null, documents, phones, null, postcode);
    }

    @Test
    void theFirstPassFindsTheBirthDateWithATypingErrorButNoNameWithOne() throws IOException {
        assertThat(foundBy(CandidateQuery.exact(onlyBirthdate(LocalDate.of(1956, 9, 4))))).containsExactly(7L);
        assertThat(foundBy(CandidateQuery.exact(onlyName("mithcel", null)))).isEmpty();
    }

    @Test
    void theFirstPassFindsTheSameDocumentButNotOneCharacterWrong() throws IOException {
        assertThat(foundBy(CandidateQuery.exact(only(List.of("1804974"), List.of(), null)))).containsExactly(7L);
        assertThat(foundBy(CandidateQuery.exact(only(List.of("1804975"), List.of(), null)))).isEmpty();
    }

    @Test
    void birthDateTyposAreRealDatesOneErrorAway() {
        assertThat(CandidateQuery.birthdateTypos("19560409")).extracting(BytesRef::utf8ToString)
                .contains("19560904", "19580409", "19560419", "19650409")
                .doesNotContain("19560409", "19560400", "19561409", "19581409");
    }

    private static List<Long> foundBy(Query query) throws IOException {
        try (InMemoryPeople people = new InMemoryPeople(INDEXED)) {
            IndexSearcher searcher = people.searcher();
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, 10).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).getField("id").numericValue().longValue());
            }
            return ids;
        }
    }
}
