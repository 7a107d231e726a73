package org.discretion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.discretion.rules.api.*;

/** Building refuses a half-working engine; listeners see every evaluation. */
class EngineBuilderTest {

    static Path copyFixtures(Path to) throws IOException {
        Path from = Engines.fixtureDir();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return to;
    }

    @Test
    void aDrlSyntaxErrorIsReportedAtTheAuthorsLineAndNoEngineIsReturned(@TempDir Path dir) throws IOException {
        copyFixtures(dir);
        Path drl = dir.resolve("fixture_new_list/rules.drl");
        Files.writeString(drl, Files.readString(drl).replace("then\n", "then then\n"));
        assertThatThrownBy(() -> DiscretionEngine.builder().catalogDirectory(dir).build())
                .isInstanceOf(CatalogBuildException.class)
                .satisfies(e -> {
                    List<Problem> ps = ((CatalogBuildException) e).problems();
                    assertThat(ps).isNotEmpty();
                    Problem p = ps.get(0);
                    assertThat(p.file()).isEqualTo(drl.toString());
                    assertThat(p.line()).isEqualTo(12);
                    assertThat(p.code()).isEqualTo("DRL");
                    assertThat(e.getMessage()).contains(drl + ":12:");
                });
    }

    @Test
    void anUnresolvedCitationIsReportedInTheMetadataFile(@TempDir Path dir) throws IOException {
        copyFixtures(dir);
        Path meta = dir.resolve("fixture_mitigated/catalog.yaml");
        Files.writeString(meta, Files.readString(meta).replace("handlingBasis: [\"行政处罚法 第32条第1款第1项\"]",
                "handlingBasis: [\"行政处罚法 第320条\"]"));
        assertThatThrownBy(() -> DiscretionEngine.builder().catalogDirectory(dir).build())
                .isInstanceOf(CatalogBuildException.class)
                .hasMessageContaining(meta + ":24:0: citation \"行政处罚法 第320条\": 行政处罚法 has no text for 第三百二十条");
    }

    @Test
    void aRuleWithoutMetadataAndAnItemWithoutRuleAreBothReported(@TempDir Path dir) throws IOException {
        copyFixtures(dir);
        Path drl = dir.resolve("fixture_old_list/rules.drl");
        Files.writeString(drl, Files.readString(drl).replace("rule \"FXO-1\"", "rule \"FXO-2\"").replace("item == \"FXO-1\"", "item == \"FXO-2\""));
        assertThatThrownBy(() -> DiscretionEngine.builder().catalogDirectory(dir).build())
                .isInstanceOf(CatalogBuildException.class)
                .hasMessageContaining("item FXO-1 has metadata but no rule \"FXO-1\" in fixture_old_list")
                .hasMessageContaining(drl + ":8:0: rule \"FXO-2\" has no item with id FXO-2");
    }

    @Test
    void art37WhenTheNewLawKeepsTheHandlingButLowersTheFineTheNewLawApplies(@TempDir Path dir) throws IOException {
        copyFixtures(dir);
        Path law = dir.resolve("law/kjf-fixture.yaml");
        // swap the two versions' ranges: the 2024 text is now the lighter one
        Files.writeString(law, Files.readString(law).replace("{min: 5000, max: 100000", "{min: 0, max: 0")
                .replace("{min: 200000, max: 2000000", "{min: 1000, max: 50000").replace("{min: 0, max: 0", "{min: 200000, max: 2000000"));
        DiscretionEngine engine = DiscretionEngine.builder().clock(Engines.FIXED).catalogDirectory(dir).build();
        Decision d = engine.evaluate(Engines.plain("kjf-new-lighter").item("FXM-1").actDate(java.time.LocalDate.of(2023, 5, 1))
                .discoveryDate(java.time.LocalDate.of(2024, 9, 1)).decisionDate(java.time.LocalDate.of(2025, 1, 10))
                .circumstances(Circumstance.ELIMINATED_HARM).build());
        assertThat(d.handling()).isEqualTo(Handling.MITIGATED);
        assertThat(d.fineRange().max()).isEqualByComparingTo("1000");
        assertThat(d.basis()).anySatisfy(c -> assertThat(c.article()).isEqualTo(37));
        assertThat(d.explanation()).contains("适用作出决定时的规定");
    }

    @Test
    void listenersSeeEachEvaluationAndEachInvalidCase() {
        List<String> seen = new CopyOnWriteArrayList<>();
        DiscretionEngine engine = DiscretionEngine.builder().clock(Engines.FIXED).listener(new EvaluationListener() {
            @Override public void beforeEvaluation(CaseInput input) { seen.add("before " + input.id()); }
            @Override public void afterEvaluation(CaseInput input, Decision d, long nanos) {
                seen.add("after " + input.id() + " " + d.handling() + (nanos > 0 ? "" : " no time"));
            }
            @Override public void onInvalidCase(CaseInput input, InvalidCaseException e) { seen.add("invalid " + e.field()); }
        }).build();
        engine.evaluateAll(List.of(Engines.plain("a").build(), Engines.plain("b").item("NOPE").build()));
        assertThat(seen).containsExactly("before a", "after a STANDARD", "before b", "invalid item");
    }

    @Test
    void withoutDecisionDateTheEvaluationDateIsUsedAndSaid() {
        Decision d = Engines.statuteOnly().evaluate(Engines.plain("nodate").decisionDate(null).build());
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("decisionDate").contains("2026-11-28"));
    }
}
