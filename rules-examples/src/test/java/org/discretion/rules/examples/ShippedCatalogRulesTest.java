package org.discretion.rules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.discretion.rules.api.*;

/**
 * Issue 9 part B rules that need the shipped catalogs: a provision finds its own items only, what a list settles is
 * not asked again, an item fact a core field decides is derived, and the fine clause follows the party
 * (消防法 第60条 第1款 / 第2款). Each: a case that fires it and a near-miss.
 */
class ShippedCatalogRulesTest {
    static DiscretionEngine engine;

    @BeforeAll
    static void build() {
        engine = DiscretionEngine.builder().classpathCatalogs().build();
    }

    static CaseInput.Builder dated(String id) {
        return CaseInput.builder(id).party(Party.organization()).actDate(LocalDate.of(2026, 3, 2))
                .discoveryDate(LocalDate.of(2026, 3, 10)).decisionDate(LocalDate.of(2026, 4, 1));
    }

    static Set<String> considered(Decision d) {
        Set<String> ids = new TreeSet<>();
        d.whyNot().stream().filter(g -> g.kind().equals("ITEM")).forEach(g -> ids.add(g.id()));
        return ids;
    }

    // ---- provision → item ---------------------------------------------------------------------------------------

    @Test
    void aProvisionFindsTheItemsForThatViolationOnly() {
        Decision d = engine.evaluate(dated("tax-4").provision("《税收征收管理法》第六十条第一款第（四）项")
                .actDate(LocalDate.of(2024, 1, 10)).discoveryDate(LocalDate.of(2024, 2, 1))
                .decisionDate(LocalDate.of(2024, 3, 1)).build());
        assertThat(considered(d)).containsExactly("TAX-1");
        // near-miss: the paragraph as a whole still reaches every item on it
        Decision para = engine.evaluate(dated("tax-para").provision("税收征收管理法 第60条第1款")
                .actDate(LocalDate.of(2024, 1, 10)).discoveryDate(LocalDate.of(2024, 2, 1))
                .decisionDate(LocalDate.of(2024, 3, 1)).build());
        assertThat(considered(para)).contains("TAX-1", "TAX-2", "TAX-14");
    }

    @Test
    void anItemAndAProvisionThatDisagreeAreReported() {
        Decision d = engine.evaluate(dated("disagree").item("TAX-1").provision("税收征收管理法 第60条第1款第2项")
                .actDate(LocalDate.of(2024, 1, 10)).discoveryDate(LocalDate.of(2024, 2, 1))
                .decisionDate(LocalDate.of(2024, 3, 1)).build());
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("TAX-1").contains("第60条第1款第2项").contains("不一致"));
        Decision agree = engine.evaluate(dated("agree").item("TAX-1").provision("税收征收管理法 第60条第1款第4项")
                .actDate(LocalDate.of(2024, 1, 10)).discoveryDate(LocalDate.of(2024, 2, 1))
                .decisionDate(LocalDate.of(2024, 3, 1)).build());
        assertThat(agree.warnings()).noneSatisfy(w -> assertThat(w).contains("不一致"));
    }

    @Test
    void aProvisionOfALawNotInTheRegistryOrNotReadableIsReported() {
        Decision unknownLaw = engine.evaluate(dated("nolaw").provision("某某管理条例 第3条").build());
        assertThat(unknownLaw.warnings()).anySatisfy(w -> assertThat(w).contains("某某管理条例").contains("不在法律库中"));
        Decision unreadable = engine.evaluate(dated("garbled").provision("第三条之二").build());
        assertThat(unreadable.warnings()).anySatisfy(w -> assertThat(w).contains("无法识别"));
        Decision known = engine.evaluate(dated("known").provision("消防法 第28条").build());
        assertThat(known.warnings()).noneSatisfy(w -> assertThat(w).contains("不在法律库中").contains("无法识别"));
    }

    // ---- what a list settles ---------------------------------------------------------------------------------

    @Test
    void aListThatDeclaresItsActsMinorSettlesSeverity() {
        // 上海消防清单 第二条 (items 十二 to 十七): 下列违法行为轻微……
        Decision d = engine.evaluate(dated("shfire-12").item("SHFIRE-12").correction(Correction.ON_THE_SPOT)
                .harm(Harm.NONE).fact("defectiveFacilityCategories", 1).fact("systemFunctionAffected", false).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.missingFacts()).extracting(MissingFact::field).doesNotContain("severity");
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("取自清单").contains("轻微").contains("（十二）"));
        // near-miss: the first group (初次违法且危害后果轻微) does not declare its acts 轻微
        Decision first = engine.evaluate(dated("shfire-1").item("SHFIRE-1").firstOffense(true)
                .correction(Correction.ON_THE_SPOT).harm(Harm.MINOR).fact("actualImpactOnUse", false).build());
        assertThat(first.warnings()).noneSatisfy(w -> assertThat(w).contains("取自清单"));
    }

    @Test
    void noHarmDerivesNoActualImpactOnUse() {
        Decision d = engine.evaluate(dated("derive").item("SHFIRE-1").firstOffense(true)
                .correction(Correction.ON_THE_SPOT).harm(Harm.NONE).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("是否实际影响使用").contains("harm=NONE"));
        // near-miss: minor harm does not decide it, so it is asked for
        Decision minor = engine.evaluate(dated("no-derive").item("SHFIRE-1").firstOffense(true)
                .correction(Correction.ON_THE_SPOT).harm(Harm.MINOR).build());
        assertThat(minor.missingFacts()).extracting(MissingFact::field).contains("facts.actualImpactOnUse");
    }

    // ---- the fine clause for the party ---------------------------------------------------------------------

    @Test
    void anIndividualGetsTheClauseForIndividuals() {
        // SHFIRE-1 (消防法 第60条第1款第2项) not applicable (not a first offense): penalize within the statutory range
        CaseInput.Builder b = dated("fire-range").item("SHFIRE-1").firstOffense(false).correction(Correction.NOT_CORRECTED)
                .severity(Severity.GENERAL).harm(Harm.GENERAL);
        Decision person = engine.evaluate(b.party(Party.individual(30)).build());
        assertThat(person.handling()).isEqualTo(Handling.STANDARD);
        assertThat(person.fineRange().max()).isEqualByComparingTo("500");
        assertThat(person.basis()).anySatisfy(c -> {
            assertThat(c.article()).isEqualTo(60);
            assertThat(c.paragraph()).isEqualTo(2);
        });
        Decision unit = engine.evaluate(b.party(Party.organization()).build());
        assertThat(unit.fineRange().min()).isEqualByComparingTo("5000");
        assertThat(unit.fineRange().max()).isEqualByComparingTo("50000");
    }
}
