package org.populus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's {@link Documenter} writes the module map into {@code docs/modules/}: one PlantUML diagram of
 * all modules, one per module, and a canvas per module (its public API, events, properties). The files are
 * committed; running this test regenerates them, so after a change to a module's structure {@code git diff}
 * shows how the map changed (on a clean clone the regenerated files are identical to the committed ones).
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

        assertThat(OUTPUT.resolve("components.puml")).isRegularFile();
        for (String module : new String[] {"person", "procedure", "scope", "api.census"}) {
            assertThat(Files.exists(OUTPUT.resolve("module-" + module + ".puml"))
                    || Files.exists(OUTPUT.resolve("module-" + module.replace('.', '-') + ".puml")))
                    .as("diagram of module %s", module).isTrue();
        }
    }
}
