package org.populus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module map holds: Spring Modulith's rules, plus the adapter and domain rules of the README. */
class ModuleStructureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.populus");

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(PopulusApplication.class).verify();
    }

    @Test
    void domainKnowsNothingOfHttp() {
        noClasses().that().resideInAnyPackage("org.populus.person..", "org.populus.household..",
                "org.populus.catalog..", "org.populus.history..", "org.populus.access..", "org.populus.shared..",
                "org.populus.verification..", "org.populus.procedure..", "org.populus.scope..",
                "org.populus.platform..", "org.populus.events..", "org.populus.matching..")
                .should().dependOnClassesThat().resideInAnyPackage("org.populus.api..", "jakarta.servlet..",
                        "org.springframework.web..", "org.springframework.http..")
                .check(CLASSES);
    }

    @Test
    void apiSurfacesNeverDependOnEachOther() {
        String[] surfaces = {"openg2p", "census", "admin", "office"};
        for (String surface : surfaces) {
            for (String other : surfaces) {
                if (!surface.equals(other)) {
                    noClasses().that().resideInAPackage("org.populus.api." + surface + "..")
                            .should().dependOnClassesThat().resideInAPackage("org.populus.api." + other + "..")
                            .allowEmptyShould(true)
                            .check(CLASSES);
                }
            }
        }
    }
}
