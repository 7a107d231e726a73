package org.discretion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.discretion.rules.Engines.plain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.*;

/**
 * 行政处罚法 第36条第2款 and 第37条 for a continuing or repeated act whose end is not known ({@code CONTINUING_ACT}
 * without {@code actEndDate}): the end lies between the act date and the decision date; the decision asks for
 * {@code actEndDate} only when some end in that span changes the answer — the time bar, or the law that governs the
 * act (the law at its end, {@code Settings.continuingActLaw}) — and otherwise keeps the presumption and says so.
 */
class ContinuingActTest {

    static Decision statute(CaseInput c) {
        return Engines.statuteOnly().evaluate(c);
    }

    static Decision fx(CaseInput c) {
        return Engines.withFixtures().evaluate(c);
    }

    static Status bar(Decision d) {
        return d.whyNot().stream().filter(g -> g.id().equals("XZCF-36")).findFirst().orElseThrow().status();
    }

    static MissingFact endAsked(Decision d) {
        return d.missingFacts().stream().filter(m -> m.field().equals("actEndDate")).findFirst()
                .orElseThrow(() -> new AssertionError("actEndDate not asked: " + d.missingFacts()));
    }

    // ---- 第36条第2款: the time bar ------------------------------------------------------------------------------

    /** Begun 2021-01-31, discovered 2023-02-01: barred if it ended when it began (two years and a day), not if it went on. */
    static CaseInput.Builder begunLongAgo(String id) {
        return plain(id).actDate(LocalDate.of(2021, 1, 31)).discoveryDate(LocalDate.of(2023, 2, 1))
                .decisionDate(LocalDate.of(2023, 3, 1));
    }

    @Test
    void art36ContinuingActWithoutEndAsksForTheEndWhenTheBarTurnsOnIt() {
        Decision d = statute(begunLongAgo("cont-bar").circumstances(Circumstance.CONTINUING_ACT).build());
        assertThat(d.handling()).isEqualTo(Handling.INSUFFICIENT_FACTS);
        assertThat(bar(d)).isEqualTo(Status.UNKNOWN);
        assertThat(endAsked(d).affects()).containsExactly(MissingFact.HANDLING);
        assertThat(d.missingFacts()).extracting(MissingFact::field).doesNotContain("discoveryDate");
    }

    @Test
    void art36NearMissAnActNotSaidToBeContinuingIsTakenAsInstantaneousAndSaysSo() {
        Decision d = statute(begunLongAgo("inst-bar").build());
        assertThat(d.handling()).isEqualTo(Handling.TIME_BARRED);
        assertThat(d.missingFacts()).isEmpty();
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("视为没有连续或者继续状态"));
    }

    @Test
    void art36NearMissAContinuingActWithinThePeriodEvenFromItsStartIsNotAskedAbout() {
        // begun 2021-02-01: discovery on 2023-02-01 is on the anniversary, within the period — no end can bar it
        Decision d = statute(begunLongAgo("cont-open").actDate(LocalDate.of(2021, 2, 1))
                .circumstances(Circumstance.CONTINUING_ACT).build());
        assertThat(d.handling()).isEqualTo(Handling.STANDARD);
        assertThat(bar(d)).isEqualTo(Status.FAILED);
        assertThat(d.missingFacts()).extracting(MissingFact::field).doesNotContain("actEndDate");
    }

    @Test
    void art36NearMissAContinuingActWithItsEndGivenIsCountedFromTheEnd() {
        Decision barred = statute(begunLongAgo("cont-end-barred").actEndDate(LocalDate.of(2021, 1, 31))
                .circumstances(Circumstance.CONTINUING_ACT).build());
        assertThat(barred.handling()).isEqualTo(Handling.TIME_BARRED);
        Decision open = statute(begunLongAgo("cont-end-open").actEndDate(LocalDate.of(2021, 2, 1))
                .circumstances(Circumstance.CONTINUING_ACT).build());
        assertThat(bar(open)).isEqualTo(Status.FAILED);
        assertThat(open.missingFacts()).isEmpty();
    }

    // ---- 第37条: the law of the end of the act -------------------------------------------------------------------

    /**
     * FXL-1 (从轻, from 2024-06-01) and 会计法 (fixture, 2024-07-01) changed between the act and the decision: judged by
     * the law at 2024-03-01 the act gets the standard range (up to 10万); ending at the decision, 从轻 under the new law.
     */
    static CaseInput.Builder acrossTheChange(String id) {
        return plain(id).item("FXL-1").actDate(LocalDate.of(2024, 3, 1)).discoveryDate(LocalDate.of(2024, 4, 1))
                .decisionDate(LocalDate.of(2024, 8, 1)).fact("amount", 3000);
    }

    @Test
    void art37ContinuingActWithoutEndAsksForTheEndWhenTheLawThatGovernsItTurnsOnIt() {
        Decision d = fx(acrossTheChange("cont-37").circumstances(Circumstance.CONTINUING_ACT).build());
        assertThat(d.handling()).isEqualTo(Handling.INSUFFICIENT_FACTS);
        assertThat(endAsked(d).affects()).containsExactly(MissingFact.HANDLING);
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("CONTINUING_ACT").contains("“在法定幅度内给予行政处罚”")
                .contains("“从轻行政处罚”").contains("continuingActLaw"));
        // the 裁量理由 does not state the continuing act as one day
        assertThat(d.explanation()).contains("当事人自2024年3月1日起至【违法行为终了日期】实施了").doesNotContain("于2024年3月1日实施了");
    }

    @Test
    void art37NearMissWithTheEndGivenOrNotContinuingTheLawIsChosenWithoutAsking() {
        Decision ended = fx(acrossTheChange("cont-37-end").actEndDate(LocalDate.of(2024, 7, 2))
                .circumstances(Circumstance.CONTINUING_ACT).build());
        assertThat(ended.handling()).isEqualTo(Handling.LENIENT);
        assertThat(ended.missingFacts()).isEmpty();
        Decision instantaneous = fx(acrossTheChange("cont-37-inst").build());
        assertThat(instantaneous.handling()).isEqualTo(Handling.STANDARD);
        assertThat(instantaneous.missingFacts()).isEmpty();
    }

    @Test
    void art37NearMissUnderTheStartOfActReadingTheEndDoesNotMatter() {
        DiscretionEngine startReading = DiscretionEngine.builder().clock(Engines.FIXED).catalogDirectory(Engines.fixtureDir())
                .settings(Settings.defaults().withContinuingActLaw(ContinuingActLaw.START_OF_ACT)).build();
        Decision d = startReading.evaluate(acrossTheChange("cont-37-start").circumstances(Circumstance.CONTINUING_ACT).build());
        assertThat(d.handling()).isEqualTo(Handling.STANDARD);
        assertThat(d.missingFacts()).extracting(MissingFact::field).doesNotContain("actEndDate");
    }

    @Test
    void art37ContinuingActWithTheSameHandlingButAnotherRangeLeavesOnlyTheFineRangeOpen() {
        // the list item does not apply (amount 6000): standard under either law, but 5千–10万 (2017) or 20万–200万 (2024)
        Decision d = fx(acrossTheChange("cont-37-range").fact("amount", 6000).circumstances(Circumstance.CONTINUING_ACT).build());
        assertThat(d.handling()).isEqualTo(Handling.STANDARD);
        assertThat(d.fineRange()).isNull();
        assertThat(endAsked(d).affects()).containsExactly(MissingFact.FINE_RANGE);
        // near-miss: not continuing — the act-date range, nothing asked
        Decision inst = fx(acrossTheChange("cont-37-range-inst").fact("amount", 6000).build());
        assertThat(inst.fineRange().max()).isEqualByComparingTo("100000");
        assertThat(inst.missingFacts()).isEmpty();
    }
}
