package org.discretion.rules.prebuilt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.Party;
import org.discretion.rules.internal.EngineImpl;
import org.discretion.rules.internal.Prebuilt;
import org.discretion.rules.internal.RuleBase;

/**
 * The rules compiled at build time are taken when — and only when — they were compiled from exactly the sources
 * the engine reads; otherwise the engine compiles at run time, as before.
 */
class PrebuiltPathTest {
    private static final ClassLoader CL = PrebuiltPathTest.class.getClassLoader();

    private static RuleBase ruleBase(DiscretionEngine e) {
        return ((EngineImpl) e).ruleBase();
    }

    private static CaseInput taxCase() {
        return CaseInput.builder("prebuilt-1").party(Party.organization()).item("TAX-1")
                .actDate(LocalDate.of(2024, 1, 10)).discoveryDate(LocalDate.of(2024, 2, 1))
                .decisionDate(LocalDate.of(2024, 3, 1)).firstOffense(true).harm(Harm.MINOR)
                .correction(Correction.BEFORE_DISCOVERY).build();
    }

    @Test
    void classpathCatalogsStartFromThePrebuiltRules() {
        DiscretionEngine e = DiscretionEngine.builder().classpathCatalogs().build();
        assertThat(ruleBase(e).prebuilt()).isTrue();
        assertThat(ruleBase(e).kieBase().getKiePackage("statute")).isNotNull();
        assertThat(ruleBase(e).kieBase().getKiePackage("catalogs.tax_first_2021")).isNotNull();
        Decision d = e.evaluate(taxCase());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        // the engine reports the same catalog versions and hashes whichever way its rules were compiled
        DiscretionEngine compiled = new EngineImpl(org.discretion.rules.internal.RuleBaseBuilder.build(
                org.discretion.rules.internal.Sources.fromClasspath(CL)).ruleBase(),
                org.discretion.rules.api.Settings.defaults(), List.of(), java.time.Clock.systemDefaultZone(), () -> null);
        assertThat(ruleBase(compiled).prebuilt()).isFalse();
        assertThat(compiled.evaluate(taxCase())).isEqualTo(d);
        assertThat(compiled.catalogVersions()).containsExactlyInAnyOrderElementsOf(e.catalogVersions());
        // the prebuilt KieBase holds exactly the rules the run-time compile holds: nothing stale, nothing missing
        assertThat(rules(ruleBase(e))).isEqualTo(rules(ruleBase(compiled)));
    }

    private static java.util.Set<String> rules(RuleBase rb) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (var p : rb.kieBase().getKiePackages()) {
            for (var r : p.getRules()) names.add(p.getName() + "/" + r.getName());
        }
        return names;
    }

    @Test
    void theIndexNamesEveryBundleTheEngineReads() throws IOException {
        try (InputStream in = CL.getResourceAsStream(Prebuilt.INDEX)) {
            String index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var b : org.discretion.rules.internal.Sources.fromClasspath(CL).bundles()) {
                assertThat(index).contains("bundle " + b.packageName() + " " + b.sha256() + "\n");
            }
        }
    }

    @Test
    void aChangedCatalogFallsBackToCompiling(@TempDir Path tmp) throws IOException {
        String drl = "catalogs/tax_first_2021/rules.drl";
        String text;
        try (InputStream in = CL.getResourceAsStream(drl)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // an agency edits a rule: TAX-1 no longer needs the correction
        String changed = text.replace(
                "        corrected(Correction.BEFORE_DISCOVERY, Correction.WITHIN_DEADLINE).as(\"在税务机关发现前主动改正或者在税务机关责令限期改正的期限内改正\")));\nend\n\n// 税务行政处罚“首违不罚”事项清单（国家税务总局公告2021年第6号）序号 2",
                "        firstOffense().as(\"首次发生\")));\nend\n\n// 税务行政处罚“首违不罚”事项清单（国家税务总局公告2021年第6号）序号 2");
        assertThat(changed).isNotEqualTo(text);
        Path f = tmp.resolve(drl);
        Files.createDirectories(f.getParent());
        Files.writeString(f, changed);
        ClassLoader shadowing = new ClassLoader(CL) {
            @Override
            public URL getResource(String name) {
                if (name.equals(drl)) {
                    try {
                        return f.toUri().toURL();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return super.getResource(name);
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                if (name.equals(drl)) return Collections.enumeration(List.of(getResource(name)));
                return super.getResources(name);
            }
        };
        DiscretionEngine e = DiscretionEngine.builder().classpathCatalogs(shadowing).build();
        assertThat(ruleBase(e).prebuilt()).isFalse();
        CaseInput uncorrected = CaseInput.builder("prebuilt-2").party(Party.organization()).item("TAX-1")
                .actDate(LocalDate.of(2024, 1, 10)).discoveryDate(LocalDate.of(2024, 2, 1))
                .decisionDate(LocalDate.of(2024, 3, 1)).firstOffense(true).harm(Harm.MINOR)
                .correction(Correction.AFTER_DEADLINE).build();
        // the changed rule is what runs
        assertThat(e.evaluate(uncorrected).handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(DiscretionEngine.builder().classpathCatalogs().build().evaluate(uncorrected).handling())
                .isNotEqualTo(Handling.NO_PENALTY);
    }

    @Test
    void directoryCatalogsCompile(@TempDir Path tmp) throws java.io.IOException {
        // an empty folder is refused (nothing to load), so give it the security suite's minimal catalog (its law,
        // 税收征收管理法, is shipped)
        Path base = Path.of("../rules-core/src/test/resources/security/base").toAbsolutePath().normalize();
        java.nio.file.Files.createDirectories(tmp.resolve("sec_list"));
        for (String f : java.util.List.of("sec_list/catalog.yaml", "sec_list/rules.drl")) {
            java.nio.file.Files.copy(base.resolve(f), tmp.resolve(f));
        }
        DiscretionEngine withDir = DiscretionEngine.builder().classpathCatalogs().catalogDirectory(tmp).build();
        assertThat(ruleBase(withDir).prebuilt()).isFalse();
    }

    @Test
    void theStatuteLayerAloneCompiles() {
        // without classpathCatalogs() the bundles differ from the prebuilt set
        DiscretionEngine e = DiscretionEngine.builder().build();
        assertThat(ruleBase(e).prebuilt()).isFalse();
    }
}
