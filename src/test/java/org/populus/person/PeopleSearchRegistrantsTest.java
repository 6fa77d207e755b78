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
    NameSearches names;

    @Autowired
    RegistrantImport imports;

    @Autowired
    TransactionTemplate tx;

    long person(String name) {
        return registrants.create(draft(name), new Provenance("system", "test")).id();
    }

    static RegistrantDraft draft(String name) {
        String[] words = name.split(" ", 2);
        return new RegistrantDraft(RegistrantKind.INDIVIDUAL, new PersonalData(name, words[0],
                words.length > 1 ? words[1] : "X", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null), List.of(), List.of(), List.of(), null, CensusStatus.enabled());
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
        PeopleSearch.Result r = names.find(PeopleSearch.of(text, discarded), 0, 100);
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
        PeopleSearch.Result r = names.find(PeopleSearch.of("arcia " + tag, false), 0, 10);
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
        assertThat(names.find(PeopleSearch.of(longWord.substring(0, 35) + "x " + tag, false), 0, 10).people()
                .stream().filter(r -> !r.data().name().contains(tag))).isEmpty();
        assertThat(names.find(PeopleSearch.of(longWord.substring(0, 35) + "x " + tag, false), 0, 10)
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
        PeopleSearch.Result first = names.find(search, 0, 2);
        PeopleSearch.Result second = names.find(search, 2, 2);
        PeopleSearch.Result third = names.find(search, 4, 2);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalCapped()).isFalse();
        assertThat(java.util.stream.Stream.of(first, second, third).flatMap(r -> r.people().stream())
                .map(Registrant::id).toList()).containsExactlyElementsOf(made);
        assertThat(names.find(search, 0, 2).people()).extracting(Registrant::id)
                .containsExactlyElementsOf(made.subList(0, 2));
    }

    @Test
    void moreThanAThousandMatchesGiveACappedTotalAndPagesFromTheLowestId() {
        String tag = tag();
        // imported in bulk (one transaction, COPY): the index learns of them from the change feed, not at once.
        // Cancelled, and found by a search that includes discarded people: they stay out of what other tests of
        // the shared context list (the warm-up reads the first 1,000 people not discarded)
        CensusStatus cancelled = new CensusStatus(CensusStatus.State.CANCELLED, CensusStatus.Verification.NOT_VERIFIED,
                CensusStatus.MembershipLevel.FOLLOWER, CensusStatus.PhoneVerification.NOT_VERIFIED);
        List<Long> all = tx.execute(status -> {
            List<RegistrantImport.Checked> people = new java.util.ArrayList<>();
            for (int i = 0; i < 1100; i++) {
                RegistrantDraft d = draft("Ana Many " + tag);
                people.add(imports.check(new RegistrantDraft(d.kind(), d.data(), d.identifiers(), d.phones(),
                        d.programmes(), d.externalIds(), cancelled), i + 1));
            }
            return imports.insert(people, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                    new Provenance("system", "test")).stream().map(Registrant::id).sorted().toList();
        });
        PeopleSearch search = PeopleSearch.of("many " + tag, true);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> names.find(search, 0, 1).totalCapped());
        PeopleSearch.Result page = names.find(search, 20, 10);
        assertThat(page.total()).isEqualTo(PeopleSearch.MAX_TOTAL);
        assertThat(page.totalCapped()).isTrue();
        assertThat(page.people()).extracting(Registrant::id).containsExactlyElementsOf(all.subList(20, 30));
    }

    @Test
    void aNameWithATypoIsFoundByTheFuzzyFallbackFlaggedSo() {
        String tag = tag();
        long jose = person("José García López " + tag);
        PeopleSearch.Result r = names.find(PeopleSearch.of("Jose Garsia " + tag, false), 0, 10);
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
        List<Long> found = names.search(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null,
                "arcía lópez " + tag.substring(0, 7)), 0, 0, 50).stream().map(Registrant::id).toList();
        assertThat(found).containsExactly(jose);
        assertThat(names.search(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, "ia lopez " + tag), 0, 0,
                50)).extracting(Registrant::id).containsExactly(jose);
        assertThat(names.search(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, "ia lop " + tag), 0, 0,
                50)).as("an inner word is a whole word").isEmpty();
        assertThat(names.search(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null,
                "pez " + tag.substring(0, 5)), 0, 0, 50)).extracting(Registrant::id).contains(jose);
    }
}
