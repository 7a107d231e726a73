package org.discretion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.discretion.rules.Engines.plain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.discretion.rules.api.*;

/**
 * 行政处罚法 第36条 (2017: 第29条) as legal rules: the period comes from the law registry (the violated statute's
 * special period, else 行政处罚法's in the version at the act), in any length; unknown discovery is bounded by the
 * decision. Each rule fires and has a near-miss at its boundary.
 */
class TimeBarTest {

    static Decision fx(CaseInput c) {
        return Engines.withFixtures().evaluate(c);
    }

    static Decision statute(CaseInput c) {
        return Engines.statuteOnly().evaluate(c);
    }

    static Status bar(Decision d) {
        return d.whyNot().stream().filter(g -> g.id().equals("XZCF-36")).findFirst().orElseThrow().status();
    }

    // ---- a special law's period governs every violation of that statute ----------------------------------------

    @Test
    void specialPeriodOfTheViolatedStatuteAppliesToAViolationFoundByProvisionInAnyLength() {
        // 测试法 (fixture) sets ten years: nine years later is within (2 or 5 would bar it), ten years and a day is not
        CaseInput.Builder c = plain("10y").provision("测试法 第1条").actDate(LocalDate.of(2022, 3, 1))
                .decisionDate(LocalDate.of(2032, 6, 1));
        Decision nine = fx(c.discoveryDate(LocalDate.of(2031, 3, 1)).build());
        assertThat(bar(nine)).isEqualTo(Status.FAILED);
        Decision anniversary = fx(c.discoveryDate(LocalDate.of(2032, 3, 1)).build());
        assertThat(bar(anniversary)).isEqualTo(Status.FAILED);
        Decision over = fx(c.discoveryDate(LocalDate.of(2032, 3, 2)).build());
        assertThat(over.handling()).isEqualTo(Handling.TIME_BARRED);
        assertThat(over.basis()).anySatisfy(b -> {
            assertThat(b.role()).isEqualTo("追责期限（法律另有规定）");
            assertThat(b.text()).contains("十年内未被发现");
        });
        assertThat(over.basis()).anySatisfy(b -> assertThat(b.text()).contains("法律另有规定的除外"));
        assertThat(over.whyNot().stream().filter(g -> g.id().equals("XZCF-36")).findFirst().orElseThrow()
                .conditions().get(0).detail()).contains("10年");
    }

    @Test
    void specialPeriodAppliesToANamedItemBeforeItsListTookEffect() {
        // FXNAT-1's list takes effect 2022-01-01; the act (2020) is before it, and before 2021-07-15: still ten years
        CaseInput.Builder c = plain("before-list").item("FXNAT-1").actDate(LocalDate.of(2020, 6, 1))
                .decisionDate(LocalDate.of(2026, 8, 1));
        Decision d = fx(c.discoveryDate(LocalDate.of(2026, 6, 1)).build());
        assertThat(bar(d)).isEqualTo(Status.FAILED);
        assertThat(d.handling()).isNotEqualTo(Handling.TIME_BARRED);
    }

    @Test
    void sixMonthPeriodIsExpressible() {
        // 治安管理处罚法 (2012) 第22条, from the test registry: six months, counted like 第36条
        CaseInput.Builder c = plain("6m").provision("治安管理处罚法 第23条").actDate(LocalDate.of(2024, 1, 10))
                .decisionDate(LocalDate.of(2024, 9, 1));
        assertThat(bar(fx(c.discoveryDate(LocalDate.of(2024, 7, 10)).build()))).isEqualTo(Status.FAILED);
        Decision over = fx(c.discoveryDate(LocalDate.of(2024, 7, 11)).build());
        assertThat(over.handling()).isEqualTo(Handling.TIME_BARRED);
        assertThat(over.basis()).anySatisfy(b -> assertThat(b.text()).contains("六个月内没有被公安机关发现"));
    }

    @Test
    void withoutASpecialLawTheGeneralTwoYearsApply() {
        // the same dates as the six-month case, on a statute with no special period: within two years
        CaseInput c = plain("2y").provision("会计法 第43条").actDate(LocalDate.of(2024, 1, 10))
                .discoveryDate(LocalDate.of(2024, 7, 11)).decisionDate(LocalDate.of(2024, 9, 1)).build();
        assertThat(bar(fx(c))).isEqualTo(Status.FAILED);
    }

    // ---- 2017 第29条 for acts before 2021-07-15 ------------------------------------------------------------------

    @Test
    void art29Of2017HasNoFiveYearExtensionForActsBefore20210715() {
        CaseInput.Builder c = plain("2017").circumstances(Circumstance.LIFE_HEALTH_OR_FINANCIAL_SAFETY)
                .harm(Harm.GENERAL).decisionDate(LocalDate.of(2024, 1, 1));
        // the last day of the 2017 text: two years, no extension, and the 2017 article is the cited basis
        Decision old = statute(c.actDate(LocalDate.of(2021, 7, 14)).discoveryDate(LocalDate.of(2023, 7, 15)).build());
        assertThat(old.handling()).isEqualTo(Handling.TIME_BARRED);
        assertThat(old.basis()).anySatisfy(b -> {
            assertThat(b.role()).isEqualTo("追责期限");
            assertThat(b.version()).isEqualTo("2017年修正");
            assertThat(b.article()).isEqualTo(29);
            assertThat(b.text()).isEqualTo("违法行为在二年内未被发现的，不再给予行政处罚。法律另有规定的除外。");
        });
        assertThat(old.basis()).noneSatisfy(b -> assertThat(b.article()).isEqualTo(36));
        assertThat(old.warnings()).anySatisfy(w -> assertThat(w).contains("2017年修正").contains("不溯及既往"));
        // the first day of the 2021 text: five years with harm
        Decision now = statute(c.actDate(LocalDate.of(2021, 7, 15)).discoveryDate(LocalDate.of(2023, 7, 16)).build());
        assertThat(bar(now)).isEqualTo(Status.FAILED);
    }

    @Test
    void art29Of2017TwoYearsStillBindsOldActsWithoutTheExtension() {
        Decision within = statute(plain("2017-within").actDate(LocalDate.of(2020, 3, 1))
                .discoveryDate(LocalDate.of(2022, 3, 1)).decisionDate(LocalDate.of(2022, 5, 1)).build());
        assertThat(bar(within)).isEqualTo(Status.FAILED);
        assertThat(within.handling()).isEqualTo(Handling.STANDARD);
        Decision over = statute(plain("2017-over").actDate(LocalDate.of(2020, 3, 1))
                .discoveryDate(LocalDate.of(2022, 3, 2)).decisionDate(LocalDate.of(2022, 5, 1)).build());
        assertThat(over.handling()).isEqualTo(Handling.TIME_BARRED);
    }

    // ---- unknown discovery date: bounded by the decision ----------------------------------------------------------

    @Test
    void unknownDiscoveryIsNotAskedWhenTheDecisionDateBoundsIt() {
        // discovery cannot come after the decision: decided on the second anniversary, the act cannot be barred
        Decision bounded = statute(plain("disc-bounded").actDate(LocalDate.of(2022, 1, 10)).discoveryDate(null)
                .decisionDate(LocalDate.of(2024, 1, 10)).build());
        assertThat(bar(bounded)).isEqualTo(Status.FAILED);
        assertThat(bounded.handling()).isEqualTo(Handling.STANDARD);
        assertThat(bounded.missingFacts()).extracting(MissingFact::field).doesNotContain("discoveryDate");
        // a day later, discovery may have come after the two years: it is asked for
        Decision open = statute(plain("disc-open").actDate(LocalDate.of(2022, 1, 10)).discoveryDate(null)
                .decisionDate(LocalDate.of(2024, 1, 11)).build());
        assertThat(bar(open)).isEqualTo(Status.UNKNOWN);
        assertThat(open.missingFacts()).extracting(MissingFact::field).contains("discoveryDate");
    }

    @Test
    void unknownDiscoveryIsBoundedByTheEvaluationDateWithoutADecisionDate() {
        // Engines.FIXED evaluates on 2026-11-28
        Decision bounded = statute(plain("disc-today").actDate(LocalDate.of(2025, 1, 1)).discoveryDate(null)
                .decisionDate(null).build());
        assertThat(bar(bounded)).isEqualTo(Status.FAILED);
        Decision open = statute(plain("disc-today-open").actDate(LocalDate.of(2024, 11, 27)).discoveryDate(null)
                .decisionDate(null).build());
        assertThat(bar(open)).isEqualTo(Status.UNKNOWN);
    }

    // ---- continuing act without an end date ---------------------------------------------------------------------

    @Test
    void aBarredActWithoutEndDateSaysItWasTakenAsInstantaneous() {
        Decision d = statute(plain("no-end").actDate(LocalDate.of(2022, 1, 1)).discoveryDate(LocalDate.of(2024, 6, 1))
                .decisionDate(LocalDate.of(2024, 7, 1)).build());
        assertThat(d.handling()).isEqualTo(Handling.TIME_BARRED);
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("actEndDate").contains("视为没有连续或者继续状态"));
        Decision withEnd = statute(plain("with-end").actDate(LocalDate.of(2022, 1, 1)).actEndDate(LocalDate.of(2022, 1, 1))
                .discoveryDate(LocalDate.of(2024, 6, 1)).decisionDate(LocalDate.of(2024, 7, 1)).build());
        assertThat(withEnd.handling()).isEqualTo(Handling.TIME_BARRED);
        assertThat(withEnd.warnings()).noneSatisfy(w -> assertThat(w).contains("视为没有连续或者继续状态"));
    }

    // ---- the period lives in the registry, not in a catalog ------------------------------------------------------

    @Test
    void aCatalogStillDeclaringLimitationGetsAClearBuildError(@TempDir Path dir) throws IOException {
        Engines.copy(Engines.fixtureDir(), dir);
        Path meta = dir.resolve("fixture_new_list/catalog.yaml");
        Files.writeString(meta, Files.readString(meta).replace("items:",
                "settings:\n  limitation: {years: 5, basis: 会计法 第43条}\nitems:"));
        assertThatThrownBy(() -> DiscretionEngine.builder().clock(Engines.FIXED).catalogDirectory(dir).build())
                .isInstanceOf(CatalogBuildException.class)
                .hasMessageContaining("settings.limitation is no longer read")
                .hasMessageContaining("law registry");
    }

    @Test
    void aMalformedPeriodInTheRegistryIsABuildError(@TempDir Path dir) throws IOException {
        Engines.copy(Engines.fixtureDir(), dir);
        Path law = dir.resolve("law/special-periods-fixture.yaml");
        Files.writeString(law, Files.readString(law).replace("period: P10Y", "period: 10 years"));
        assertThatThrownBy(() -> DiscretionEngine.builder().clock(Engines.FIXED).catalogDirectory(dir).build())
                .isInstanceOf(CatalogBuildException.class)
                .hasMessageContaining("limitation period \"10 years\" is not an ISO-8601 period");
    }
}
