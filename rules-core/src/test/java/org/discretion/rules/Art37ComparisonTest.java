package org.discretion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.discretion.rules.Engines.plain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.*;

/**
 * 行政处罚法 第37条 (从旧兼从轻) as legal rules: the concrete consequences under the act-date and decision-date law
 * are compared (handling and fine), an undecided run is not dropped, a heavier new ground is not retroactive, and
 * which date's law governs a continuing act is a configurable reading.
 */
class Art37ComparisonTest {

    static Decision fx(CaseInput c) {
        return Engines.withFixtures().evaluate(c);
    }

    static Citation penaltyBasis(Decision d) {
        return d.basis().stream().filter(c -> c.role().equals("处罚依据") && c.instrument().contains("会计法"))
                .findFirst().orElseThrow();
    }

    @Test
    void art37ComparesTheFineNotOnlyTheHandling() {
        // FXL-1 (从轻) takes effect 2024-06-01, when 会计法 (fixture) raised the fine from 5千–10万 to 20万–200万:
        // 从轻 under the new law (from 20万) is heavier than the standard range under the old law (up to 10万)
        Decision d = fx(plain("37-fine").item("FXL-1").actDate(LocalDate.of(2024, 3, 1))
                .discoveryDate(LocalDate.of(2024, 4, 1)).decisionDate(LocalDate.of(2024, 8, 1)).fact("amount", 3000).build());
        assertThat(d.handling()).isEqualTo(Handling.STANDARD);
        assertThat(d.fineRange().max()).isEqualByComparingTo("100000");
        assertThat(penaltyBasis(d).version()).isEqualTo("2017年修正");
        assertThat(d.basis()).anySatisfy(c -> {
            assertThat(c.role()).startsWith("比较的处罚依据（2024-08-01");
            assertThat(c.version()).isEqualTo("2024年修正");
        });
        assertThat(d.basis()).anySatisfy(c -> assertThat(c.article()).isEqualTo(37));
        // near-miss: an act after both changes is simply judged under the new law and list, no comparison
        Decision later = fx(plain("37-fine-later").item("FXL-1").actDate(LocalDate.of(2024, 7, 2))
                .discoveryDate(LocalDate.of(2024, 7, 10)).decisionDate(LocalDate.of(2024, 8, 1)).fact("amount", 3000).build());
        assertThat(later.handling()).isEqualTo(Handling.LENIENT);
        assertThat(later.basis()).noneSatisfy(c -> assertThat(c.article()).isEqualTo(37));
    }

    @Test
    void art37AnUndecidedRunThatCouldBeLighterIsNotDropped() {
        // at the decision FXN-1 (不予处罚) is in force but its amount is unknown; at the act no list applied (STANDARD):
        // the lighter law depends on the amount, so the decision asks for it
        CaseInput.Builder c = plain("37-ask").item("FXN-1").actDate(LocalDate.of(2024, 3, 1))
                .discoveryDate(LocalDate.of(2024, 4, 1)).decisionDate(LocalDate.of(2024, 8, 1))
                .firstOffense(true).harm(Harm.MINOR);
        Decision ask = fx(c.build());
        assertThat(ask.handling()).isEqualTo(Handling.INSUFFICIENT_FACTS);
        assertThat(ask.missingFacts()).extracting(MissingFact::field).contains("facts.amount");
        // near-miss: with the amount known, the lighter (decision-date) list applies
        Decision known = fx(c.fact("amount", 500).build());
        assertThat(known.handling()).isEqualTo(Handling.NO_PENALTY);
        Decision over = fx(c.fact("amount", 5000).build());
        assertThat(over.handling()).isNotEqualTo(Handling.INSUFFICIENT_FACTS);
    }

    @Test
    void art37AHeavierGroundNewIn2021IsNotAppliedToEarlierActs() {
        CaseInput.Builder c = plain("49").circumstances(Circumstance.VIOLATED_EMERGENCY_MEASURES)
                .discoveryDate(LocalDate.of(2021, 8, 1)).decisionDate(LocalDate.of(2021, 9, 1));
        Decision before = Engines.statuteOnly().evaluate(c.actDate(LocalDate.of(2021, 7, 14)).build());
        assertThat(before.handling()).isEqualTo(Handling.STANDARD);
        assertThat(before.warnings()).anySatisfy(w -> assertThat(w).contains("XZCF-49").contains("第三十七条"));
        Decision from = Engines.statuteOnly().evaluate(c.actDate(LocalDate.of(2021, 7, 15)).build());
        assertThat(from.handling()).isEqualTo(Handling.AGGRAVATED);
    }

    @Test
    void art37ALighterGroundNewIn2021AppliesToEarlierActsCitingArt37() {
        // 第33条第1款第2句 (首违可以不罚) did not exist in 2017: as the lighter new rule it applies (第37条 cited)
        Decision d = Engines.statuteOnly().evaluate(plain("33-old").actDate(LocalDate.of(2021, 3, 1))
                .discoveryDate(LocalDate.of(2021, 3, 15)).decisionDate(LocalDate.of(2021, 9, 1)).firstOffense(true)
                .harm(Harm.MINOR).correction(Correction.WITHIN_DEADLINE).build());
        assertThat(d.handling()).isEqualTo(Handling.MAY_NO_PENALTY);
        assertThat(d.basis()).anySatisfy(c -> assertThat(c.article()).isEqualTo(37));
        assertThat(d.warnings()).noneSatisfy(w -> assertThat(w).contains("须核对修订前的规定是否更轻"));
    }

    @Test
    void art37ContinuingActIsGovernedByTheLawAtItsEndByDefaultAndConfigurably() {
        // begun under the old 会计法 (fixture, to 2024-06-30), ended under the new one (from 2024-07-01)
        CaseInput c = plain("cont").item("FXM-1").actDate(LocalDate.of(2024, 5, 1)).actEndDate(LocalDate.of(2024, 8, 1))
                .discoveryDate(LocalDate.of(2024, 9, 1)).decisionDate(LocalDate.of(2025, 1, 10))
                .circumstances(Circumstance.ELIMINATED_HARM).build();
        Decision end = fx(c);
        assertThat(penaltyBasis(end).version()).isEqualTo("2024年修正");
        assertThat(end.fineRange().max()).isEqualByComparingTo("200000");
        DiscretionEngine startReading = DiscretionEngine.builder().clock(Engines.FIXED).catalogDirectory(Engines.fixtureDir())
                .settings(Settings.defaults().withContinuingActLaw(ContinuingActLaw.START_OF_ACT)).build();
        Decision start = startReading.evaluate(c);
        assertThat(penaltyBasis(start).version()).isEqualTo("2017年修正");
        assertThat(start.fineRange().max()).isEqualByComparingTo("5000");
        assertThat(start.warnings()).anySatisfy(w -> assertThat(w).contains("行为开始时").contains("continuingActLaw"));
    }
}
