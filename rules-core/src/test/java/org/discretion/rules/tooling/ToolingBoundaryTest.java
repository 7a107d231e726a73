package org.discretion.rules.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The tooling package and the reload API keep Drools out of every public signature (parameters and results). */
class ToolingBoundaryTest {
    @Test
    void noDroolsTypeInAPublicSignatureOfToolingOrReload() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.discretion.rules.tooling", "org.discretion.rules.api");
        List<String> leaks = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC)) continue;
            for (JavaCodeUnit m : c.getCodeUnits()) {
                if (!m.getModifiers().contains(JavaModifier.PUBLIC)) continue;
                List<JavaClass> types = new ArrayList<>(m.getRawParameterTypes());
                types.add(m.getRawReturnType());
                for (JavaClass t : types) {
                    if (t.getPackageName().startsWith("org.kie") || t.getPackageName().startsWith("org.drools")) {
                        leaks.add(m.getFullName() + " uses " + t.getName());
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(classes.contain(ExecutableModelCheck.class.getName())).isTrue();
        assertThat(classes.get(ExecutableModelCheck.class).getModifiers()).doesNotContain(JavaModifier.PUBLIC);
    }
}
