package org.populus.scope;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.populus.platform.CommandRuns;
import org.populus.platform.db.AdvisoryLocks;

/**
 * The scope module is domain: no HTTP, no API adapters, no other domain module but the shared kernel, and of the
 * platform only the advisory-lock helper every module takes its locks through and the setup of a command run
 * ({@code scopes load}).
 */
class ScopeBoundaryTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.populus");

    @Test
    void scopeKnowsNothingOfHttpNorOfOtherModules() {
        noClasses().that().resideInAPackage("org.populus.scope..")
                .should().dependOnClassesThat(resideInAnyPackage("org.populus.api..", "jakarta.servlet..",
                        "org.springframework.web..", "org.springframework.http..", "org.populus.person..",
                        "org.populus.household..", "org.populus.catalog..", "org.populus.history..",
                        "org.populus.access..", "org.populus.platform..").and(not(type(AdvisoryLocks.class))).and(not(type(CommandRuns.class))))
                .check(CLASSES);
    }
}
