package org.populus.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.populus.PopulusApplication;
import org.populus.history.Provenance;
import org.populus.person.CensusStatus;
import org.populus.person.NameIndex;
import org.populus.person.PeopleSearch;
import org.populus.person.PersonalData;
import org.populus.person.RegistrantDraft;
import org.populus.person.RegistrantKind;
import org.populus.person.Registrants;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The search index on several instances of one registry, and across restarts: each instance keeps its own index,
 * finds what it wrote at once and what another wrote from the change feed; an index deleted or damaged while the
 * instance was down is rebuilt from PostgreSQL when it starts.
 */
class SearchIndexInstancesTest extends HttpTest {

    @Autowired
    Registrants registrants;

    @Autowired
    NameIndex index;

    @Autowired
    javax.sql.DataSource dataSource;

    long person(String name) {
        return registrants.create(new RegistrantDraft(RegistrantKind.INDIVIDUAL, new PersonalData(name, "Ada",
                name, null, null, null, null, null, null, null, null, null, null, null, null, null, null), List.of(),
                List.of(), List.of(), null, CensusStatus.enabled()), Provenance.system("test")).id();
    }

    static String tag() {
        return "q" + unique().replaceAll("[^a-z]", "");
    }

    static List<Long> found(NameIndex index, String text) {
        return index.startingWords(PeopleSearch.of(text, false), 0, 20).map(NameIndex.Hits::ids).orElse(List.of());
    }

    ConfigurableApplicationContext instance(Path dataDir) {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        return new SpringApplicationBuilder(PopulusApplication.class).run(
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--server.port=0", "--populus.data-dir=" + dataDir, "--spring.main.banner-mode=off");
    }

    static IndexKeeper readyKeeper(ConfigurableApplicationContext context) {
        IndexKeeper keeper = context.getBean(IndexKeeper.class);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> keeper.state() == IndexState.READY);
        return keeper;
    }

    @Test
    void aPersonWrittenIsFoundByTheVeryNextSearchOnTheSameInstance() {
        String tag = tag();
        long ada = person("Lovelace " + tag);
        assertThat(found(index, "lovel " + tag)).containsExactly(ada);
    }

    @Test
    void whatOneInstanceWritesTheOtherFindsWithinASecond() {
        try (ConfigurableApplicationContext second = instance(Path.of("target/test-data/search-second-" + unique()))) {
            readyKeeper(second);
            NameIndex otherIndex = second.getBean(NameIndex.class);
            Registrants otherRegistrants = second.getBean(Registrants.class);

            String tag = tag();
            long here = person("Hopper " + tag);
            long started = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> found(otherIndex, "hopper " + tag).contains(here));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

            long there = otherRegistrants.create(new RegistrantDraft(RegistrantKind.INDIVIDUAL, new PersonalData(
                    "Hopper Grace " + tag, "Grace", "Hopper", null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null), List.of(), List.of(), List.of(), null, CensusStatus.enabled()),
                    Provenance.system("test")).id();
            assertThat(found(otherIndex, "grace " + tag)).as("at once where written").containsExactly(there);
            started = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> found(index, "grace " + tag).contains(there));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void anIndexDeletedWhileTheInstanceWasDownIsRebuiltAtStart() throws IOException {
        Path dataDir = Path.of("target/test-data/search-deleted-" + unique());
        String tag = tag();
        try (ConfigurableApplicationContext first = instance(dataDir)) {
            readyKeeper(first);
        }
        long later = person("Noether " + tag);
        deleteRecursively(dataDir.resolve("search"));
        try (ConfigurableApplicationContext again = instance(dataDir)) {
            IndexKeeper keeper = readyKeeper(again);
            assertThat(keeper.lastRebuildMillis()).as("rebuilt").isGreaterThanOrEqualTo(0);
            assertThat(found(again.getBean(NameIndex.class), "noether " + tag)).containsExactly(later);
            assertThat(keeper.ready().orElseThrow().documents()).isEqualTo(registrants.count());
        }
    }

    @Test
    void aDamagedIndexIsRebuiltAtStart() throws IOException {
        Path dataDir = Path.of("target/test-data/search-damaged-" + unique());
        String tag = tag();
        long before = person("Germain " + tag);
        try (ConfigurableApplicationContext first = instance(dataDir)) {
            readyKeeper(first);
        }
        try (Stream<Path> files = Files.list(dataDir.resolve("search"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        try (ConfigurableApplicationContext again = instance(dataDir)) {
            IndexKeeper keeper = readyKeeper(again);
            assertThat(keeper.lastRebuildMillis()).as("rebuilt").isGreaterThanOrEqualTo(0);
            assertThat(found(again.getBean(NameIndex.class), "germain " + tag)).containsExactly(before);
            assertThat(keeper.ready().orElseThrow().documents()).isEqualTo(registrants.count());
        }
    }

    @Test
    void anIndexLeftCurrentIsReopenedAndCatchesUpWithoutARebuild() {
        Path dataDir = Path.of("target/test-data/search-reopened-" + unique());
        String tag = tag();
        try (ConfigurableApplicationContext first = instance(dataDir)) {
            readyKeeper(first);
        }
        long whileDown = person("Hypatia " + tag);
        try (ConfigurableApplicationContext again = instance(dataDir)) {
            IndexKeeper keeper = readyKeeper(again);
            assertThat(keeper.lastRebuildMillis()).as("no rebuild").isEqualTo(-1);
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> found(again.getBean(NameIndex.class), "hypatia " + tag).contains(whileDown));
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
