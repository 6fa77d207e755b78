package org.populus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's {@link Documenter} writes the module map into {@code docs/modules/}: one PlantUML diagram of
 * all modules, one per module, and a canvas per module (its public API, events, properties). The files are
 * committed; running this test regenerates them, so after a change to a module's structure {@code git diff}
 * shows how the map changed (on a clean clone the regenerated files are identical to the committed ones). The
 * Documenter lists components and relations in no fixed order, so each run of them is sorted afterwards: the same
 * module structure always gives the same files.
 */
class ModuleDocumentationTest {

    static final Path OUTPUT = Path.of("docs", "modules");

    @Test
    void documenterWritesTheModuleDiagramsAndCanvasesIntoDocs() {
        new Documenter(ApplicationModules.of(PopulusApplication.class),
                Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortComponentsAndRelations(OUTPUT);

        assertThat(OUTPUT.resolve("components.puml")).isRegularFile();
        for (String module : new String[] {"person", "procedure", "scope", "api.census"}) {
            assertThat(OUTPUT.resolve("module-" + module + ".puml")).isRegularFile();
            assertThat(OUTPUT.resolve("module-" + module + ".adoc")).isRegularFile();
        }
    }

    /** Sorts each run of consecutive {@code Component(…)} or {@code Rel(…)} lines of every PlantUML file. */
    static void sortComponentsAndRelations(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                List<String> sorted = new ArrayList<>(lines.size());
                List<String> run = new ArrayList<>();
                String runKind = null;
                for (String line : lines) {
                    String kind = kind(line);
                    if (kind == null || !kind.equals(runKind)) {
                        Collections.sort(run);
                        sorted.addAll(run);
                        run.clear();
                    }
                    runKind = kind;
                    if (kind == null) {
                        sorted.add(line);
                    } else {
                        run.add(line);
                    }
                }
                Collections.sort(run);
                sorted.addAll(run);
                Files.write(file, sorted, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kind(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("Component(") ? "component" : trimmed.startsWith("Rel(") ? "relation" : null;
    }
}
