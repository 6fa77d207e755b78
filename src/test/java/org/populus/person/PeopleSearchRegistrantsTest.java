package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.history.Provenance;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registrars' name search and the OpenG2P substring filter, on stored people. Every name holds a word made for
 * the test (a tag), so the answers are the test's people whatever else the database holds.
 */
class PeopleSearchRegistrantsTest extends HttpTest {

    @Autowired
    Registrants registrants;

    @Autowired
    TransactionTemplate tx;

    long person(String name) {
        String[] words = name.split(" ", 2);
        return registrants.create(new RegistrantDraft(RegistrantKind.INDIVIDUAL, new PersonalData(name, words[0],
                words.length > 1 ? words[1] : "X", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null), List.of(), List.of(), List.of(), null, CensusStatus.enabled()),
                new Provenance("system", "test")).id();
    }

    static String tag() {
        // one letter per hex digit, all equally likely, so that any part of it is as unique as its length allows
        return "t" + unique().chars().mapToObj(c -> String.valueOf((char) ('g' + Character.digit(c, 16))))
                .collect(java.util.stream.Collectors.joining());
    }

    List<Long> ids(String text) {
        return ids(text, false);
    }

    List<Long> ids(String text, boolean discarded) {
        PeopleSearch.Result r = registrants.find(PeopleSearch.of(text, discarded), 0, 100);
        assertThat(r.fuzzy()).as("fuzzy answer to " + text).isFalse();
        return r.people().stream().map(Registrant::id).toList();
    }

    @Test
    void aSearchWithoutAccentsFindsTheNameWithThem() {
        String tag = tag();
        long jose = person("José García López " + tag);
        assertThat(ids("jose garcia " + tag)).containsExactly(jose);
        assertThat(ids("JOSÉ GARCÍA " + tag.toUpperCase())).containsExactly(jose);
    }

    @Test
    void everyWordOfTheSearchStartsAWordOfTheName() {
        String tag = tag();
        long jose = person("José García López " + tag);
        assertThat(ids("jose garc " + tag)).containsExactly(jose);
        assertThat(ids("lóp jo " + tag.substring(0, 6))).contains(jose);
        assertThat(ids("garc " + tag + " lo")).containsExactly(jose);
    }

    @Test
    void aWordInsideAWordOfTheNameIsNoMatch() {
        String tag = tag();
        person("José García López " + tag);
        PeopleSearch.Result r = registrants.find(PeopleSearch.of("arcia " + tag, false), 0, 10);
        assertThat(r.people().isEmpty() || r.fuzzy()).as("only a fuzzy answer, if any").isTrue();
    }

    @Test
    void everyWordMustMatch() {
        String tag = tag();
        long garcia = person("José García López " + tag);
        long perez = person("José Pérez Ruiz " + tag);
        assertThat(ids("jose " + tag)).containsExactly(garcia, perez);
        assertThat(ids("jose lopez " + tag)).containsExactly(garcia);
        assertThat(ids("jose ruiz " + tag)).containsExactly(perez);
    }

    @Test
    void aOneLetterWordNarrowsWhatTheOtherWordsFind() {
        String tag = tag();
        long jose = person("José García " + tag);
        long juan = person("Juan Pérez " + tag);
        long maria = person("María López " + tag);
        assertThat(ids("j " + tag)).containsExactly(jose, juan);
        assertThat(ids(tag + " m")).containsExactly(maria);
        assertThat(ids("j g " + tag)).containsExactly(jose);
    }

    @Test
    void wordsJoinedByPunctuationAreWordsToo() {
        String tag = tag();
        long jeanPierre = person("Jean-Pierre O'Brien " + tag);
        assertThat(ids("pierre " + tag)).containsExactly(jeanPierre);
        assertThat(ids("jean-pi " + tag)).containsExactly(jeanPierre);
        assertThat(ids("brien " + tag)).containsExactly(jeanPierre);
        assertThat(ids("o'bri " + tag)).containsExactly(jeanPierre);
    }

    @Test
    void aWordLongerThanTheIndexedPrefixesStillMatchesExactly() {
        String tag = tag();
        String longWord = "wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft";
        long wolfe = person("Hubert " + longWord + " " + tag);
        assertThat(ids(longWord.substring(0, 40) + " " + tag)).containsExactly(wolfe);
        assertThat(ids(longWord + " " + tag)).containsExactly(wolfe);
        assertThat(registrants.find(PeopleSearch.of(longWord.substring(0, 35) + "x " + tag, false), 0, 10).people()
                .stream().filter(r -> !r.data().name().contains(tag))).isEmpty();
        assertThat(registrants.find(PeopleSearch.of(longWord.substring(0, 35) + "x " + tag, false), 0, 10)
                .fuzzy()).isTrue();
    }

    @Test
    void pagesFollowTheIdOrderAndTheTotalCountsThemAll() {
        String tag = tag();
        List<Long> made = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(person("Ana Gómez " + tag));
        }
        PeopleSearch search = PeopleSearch.of("ana " + tag, false);
        PeopleSearch.Result first = registrants.find(search, 0, 2);
        PeopleSearch.Result second = registrants.find(search, 2, 2);
        PeopleSearch.Result third = registrants.find(search, 4, 2);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalCapped()).isFalse();
        assertThat(java.util.stream.Stream.of(first, second, third).flatMap(r -> r.people().stream())
                .map(Registrant::id).toList()).containsExactlyElementsOf(made);
        assertThat(registrants.find(search, 0, 2).people()).extracting(Registrant::id)
                .containsExactlyElementsOf(made.subList(0, 2));
    }

    @Test
    void moreThanAThousandMatchesGiveACappedTotalAndPagesFromTheLowestId() {
        String tag = tag();
        tx.executeWithoutResult(status -> {
            jdbc.sql("alter table party disable trigger party_versioned").update();
            jdbc.sql("""
                    insert into party (is_group, name, search_name, registration_date, state, verification,
                      membership_level, phone_verification, created_at, updated_at, version)
                    select false, 'Ana Many ' || ?, 'ana many ' || ?, current_date, 'enabled', 'not_verified',
                      'follower', 'not_verified', now(), now(), 1
                    from generate_series(1, 1100) g""").params(tag, tag).update();
            List<Long> all = jdbc.sql("select id from party where search_name = ? order by id")
                    .param("ana many " + tag).query(Long.class).list();
            PeopleSearch.Result page = registrants.find(PeopleSearch.of("many " + tag, false), 20, 10);
            assertThat(page.total()).isEqualTo(PeopleSearch.MAX_TOTAL);
            assertThat(page.totalCapped()).isTrue();
            assertThat(page.people()).extracting(Registrant::id).containsExactlyElementsOf(all.subList(20, 30));
            status.setRollbackOnly();
        });
    }

    @Test
    void aNameWithATypoIsFoundByTheFuzzyFallbackFlaggedSo() {
        String tag = tag();
        long jose = person("José García López " + tag);
        PeopleSearch.Result r = registrants.find(PeopleSearch.of("Jose Garsia " + tag, false), 0, 10);
        assertThat(r.fuzzy()).isTrue();
        assertThat(r.people()).extracting(Registrant::id).contains(jose);
        assertThat(r.people().get(0).id()).isEqualTo(jose);
    }

    @Test
    void discardedPeopleAreFoundOnlyWhenAsked() {
        String tag = tag();
        long kept = person("Rosa Vidal " + tag);
        long cancelled = person("Rosa Vidal Soler " + tag);
        registrants.transition(cancelled, new Provenance("system", "test"), PersonEvent.CANCEL);
        assertThat(ids("rosa " + tag)).containsExactly(kept);
        assertThat(ids("rosa " + tag, true)).containsExactly(kept, cancelled);
    }

    @Test
    void theOpenG2pFilterStaysASubstringEvenInsideWords() {
        String tag = tag();
        long jose = person("José García López " + tag);
        List<Long> found = registrants.search(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null,
                "arcía lópez " + tag.substring(0, 7)), 0, 0, 50).stream().map(Registrant::id).toList();
        assertThat(found).containsExactly(jose);
        assertThat(registrants.search(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, "ia lopez " + tag), 0, 0,
                50)).extracting(Registrant::id).containsExactly(jose);
        assertThat(registrants.search(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, "ia lop " + tag), 0, 0,
                50)).as("an inner word is a whole word").isEmpty();
        assertThat(registrants.search(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null,
                "pez " + tag.substring(0, 5)), 0, 0, 50)).extracting(Registrant::id).contains(jose);
    }
}
