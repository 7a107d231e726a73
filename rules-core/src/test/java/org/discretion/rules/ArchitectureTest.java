package org.discretion.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** No Drools or KIE type may appear in the public API, so that a Drools upgrade never breaks an embedder. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.discretion.rules");

    @Test
    void apiAndFactModelDoNotDependOnDrools() {
        noClasses().that().resideInAnyPackage("org.discretion.rules.api..", "org.discretion.rules.facts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(CLASSES);
    }

    @Test
    void publicApiSignaturesUseNoDroolsTypes() {
        methods().that().areDeclaredInClassesThat().resideInAPackage("org.discretion.rules.api..").and().arePublic()
                .should().notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("a Drools type",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("org.kie")
                                || c.getPackageName().startsWith("org.drools")))
                .check(CLASSES);
    }
}
