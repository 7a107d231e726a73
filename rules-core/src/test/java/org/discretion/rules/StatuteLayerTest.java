package org.discretion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.discretion.rules.Engines.plain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.*;

/** Every statute rule: a case that fires it and a near-miss that does not (issue 2). */
class StatuteLayerTest {

    static Decision eval(CaseInput c) {
        return Engines.statuteOnly().evaluate(c);
    }

    static Status status(Decision d, String id) {
        return d.whyNot().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow().status();
    }

    static List<Integer> articles(Decision d, String instrumentContains) {
        return d.basis().stream().filter(c -> c.instrument().contains(instrumentContains)).map(Citation::article).toList();
    }

    @Test
    void plainCaseFallsToStandardAndNamesTheGeneralProvisions() {
        Decision d = eval(plain("plain").build());
        assertThat(d.handling()).isEqualTo(Handling.STANDARD);
        assertThat(d.mandatory()).isTrue();
        assertThat(articles(d, "行政处罚法")).contains(5, 34);
        assertThat(d.explanation()).contains("在法定幅度内给予行政处罚").contains("第五条第二款");
        assertThat(d.coercion()).isEqualTo(Coercion.COERCION_PERMITTED);
        assertThat(d.missingFacts()).isEmpty();
    }

    @Test
    void art30UnderFourteenIsNotPenalizedAndTheGuardianIsOrdered() {
        Decision d = eval(plain("u14").party(new Party(PartyType.INDIVIDUAL, 13, MentalCapacity.FULL)).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.mandatory()).isTrue();
        assertThat(status(d, "XZCF-30-UNDER14")).isEqualTo(Status.HELD);
        assertThat(articles(d, "行政处罚法")).contains(30);
        assertThat(d.duties()).extracting(Duty::kind).contains("GUARDIAN_DISCIPLINE");
        Citation c = d.basis().stream().filter(x -> Integer.valueOf(30).equals(x.article())).findFirst().orElseThrow();
        assertThat(c.text()).startsWith("不满十四周岁的未成年人有违法行为的，不予行政处罚");
        assertThat(c.version()).isEqualTo("2021年修订");
        assertThat(c.effectiveFrom()).isEqualTo(LocalDate.of(2021, 7, 15));
    }

    @Test
    void art30FourteenIsNoLongerUnderFourteenButMustBeLenientOrMitigated() {
        Decision d = eval(plain("14").party(new Party(PartyType.INDIVIDUAL, 14, MentalCapacity.FULL)).build());
        assertThat(status(d, "XZCF-30-UNDER14")).isEqualTo(Status.FAILED);
        assertThat(status(d, "XZCF-30-MINOR")).isEqualTo(Status.HELD);
        assertThat(d.handling()).isEqualTo(Handling.LENIENT_OR_MITIGATED);
        assertThat(d.mandatory()).isTrue();
    }

    @Test
    void art30EighteenIsAnAdult() {
        Decision d = eval(plain("18").party(new Party(PartyType.INDIVIDUAL, 18, MentalCapacity.FULL)).build());
        assertThat(status(d, "XZCF-30-MINOR")).isEqualTo(Status.FAILED);
        assertThat(d.handling()).isEqualTo(Handling.STANDARD);
    }

    @Test
    void underFourteenComesBeforeAggravation() {
        Decision d = eval(plain("u14-49").party(new Party(PartyType.INDIVIDUAL, 12, MentalCapacity.FULL))
                .circumstances(Circumstance.VIOLATED_EMERGENCY_MEASURES).build());
        assertThat(status(d, "XZCF-49")).isEqualTo(Status.HELD);
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
    }

    @Test
    void art31NoCapacityIsNotPenalizedAndFullCapacityIs() {
        Decision d = eval(plain("nc").party(new Party(PartyType.INDIVIDUAL, 40, MentalCapacity.NONE)).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.duties()).extracting(Duty::kind).contains("GUARDIAN_CUSTODY");
        Decision full = eval(plain("fc").party(new Party(PartyType.INDIVIDUAL, 40, MentalCapacity.FULL)).build());
        assertThat(status(full, "XZCF-31-NO-CAPACITY")).isEqualTo(Status.FAILED);
        assertThat(full.handling()).isEqualTo(Handling.STANDARD);
    }

    @Test
    void art31PartialCapacityMayBeLenientOrMitigated() {
        Decision d = eval(plain("pc").party(new Party(PartyType.INDIVIDUAL_BUSINESS, 40, MentalCapacity.PARTIAL)).build());
        assertThat(d.handling()).isEqualTo(Handling.LENIENT_OR_MITIGATED);
        assertThat(d.mandatory()).isFalse();
    }

    @Test
    void art32EachCircumstanceRequiresLenientOrMitigated() {
        for (Circumstance c : List.of(Circumstance.ELIMINATED_HARM, Circumstance.COERCED_OR_DECEIVED,
                Circumstance.CONFESSED_UNKNOWN_VIOLATION, Circumstance.MERITORIOUS_SERVICE)) {
            Decision d = eval(plain("32-" + c).circumstances(c).build());
            assertThat(d.handling()).as(c.name()).isEqualTo(Handling.LENIENT_OR_MITIGATED);
            assertThat(d.mandatory()).isTrue();
            assertThat(articles(d, "行政处罚法")).contains(32);
        }
        Decision none = eval(plain("32-none").circumstances(Circumstance.FINANCIAL_HARDSHIP).build());
        assertThat(status(none, "XZCF-32")).isEqualTo(Status.FAILED);
    }

    @Test
    void art33FirstSentenceMinorCorrectedWithoutHarmShallNotBePenalized() {
        Decision d = eval(plain("33-1").severity(Severity.MINOR).correction(Correction.ON_THE_SPOT).harm(Harm.NONE).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.mandatory()).isTrue();
        Citation c = d.basis().stream().filter(x -> Integer.valueOf(33).equals(x.article()) && x.sentence() != null)
                .findFirst().orElseThrow();
        assertThat(c.paragraph()).isEqualTo(1);
        assertThat(c.sentence()).isEqualTo(1);
        assertThat(c.text()).isEqualTo("违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。");
        assertThat(d.duties()).extracting(Duty::kind).contains("EDUCATION");
        assertThat(d.duties()).extracting(Duty::kind).doesNotContain("ORDER_CORRECTION");
    }

    @Test
    void art33FirstSentenceFailsWithHarmOrLateCorrection() {
        Decision harm = eval(plain("33-1-harm").severity(Severity.MINOR).correction(Correction.ON_THE_SPOT).harm(Harm.MINOR).build());
        assertThat(status(harm, "XZCF-33-1-1")).isEqualTo(Status.FAILED);
        assertThat(harm.handling()).isEqualTo(Handling.STANDARD);
        Decision late = eval(plain("33-1-late").severity(Severity.MINOR).correction(Correction.DURING_INVESTIGATION).harm(Harm.NONE).build());
        assertThat(status(late, "XZCF-33-1-1")).isEqualTo(Status.FAILED);
    }

    @Test
    void art33SecondSentenceFirstOffenseMayNotBePenalized() {
        Decision d = eval(plain("33-2s").firstOffense(true).harm(Harm.MINOR).correction(Correction.WITHIN_DEADLINE).build());
        assertThat(d.handling()).isEqualTo(Handling.MAY_NO_PENALTY);
        assertThat(d.mandatory()).isFalse();
        assertThat(d.explanation()).contains("可以不予行政处罚").contains("决定给予行政处罚的");
        Decision second = eval(plain("33-2s-no").firstOffense(false).harm(Harm.MINOR).correction(Correction.WITHIN_DEADLINE).build());
        assertThat(status(second, "XZCF-33-1-2")).isEqualTo(Status.FAILED);
        assertThat(second.handling()).isEqualTo(Handling.STANDARD);
    }

    @Test
    void firstOffenseJudgedFromPriorViolationsWithinTheLookBackWindow() {
        List<PriorViolation> priors = List.of(new PriorViolation(LocalDate.of(2022, 6, 1), null, "行政处罚法 第33条"));
        CaseInput c = plain("lookback").firstOffense(null).priorViolations(priors).provision("行政处罚法 第33条")
                .harm(Harm.MINOR).correction(Correction.WITHIN_DEADLINE).build();
        assertThat(status(eval(c), "XZCF-33-1-2")).isEqualTo(Status.FAILED);
        DiscretionEngine windowed = DiscretionEngine.builder().clock(Engines.FIXED)
                .settings(Settings.defaults().withFirstOffenseLookBack(java.time.Period.ofMonths(12))).build();
        assertThat(status(windowed.evaluate(c), "XZCF-33-1-2")).isEqualTo(Status.HELD);
    }

    @Test
    void art33SecondParagraphNoFaultIsNotPenalized() {
        Decision d = eval(plain("nofault").circumstances(Circumstance.NO_FAULT_PROVEN).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.basis()).anySatisfy(c -> {
            assertThat(c.article()).isEqualTo(33);
            assertThat(c.paragraph()).isEqualTo(2);
        });
    }

    @Test
    void art36TwoYearsFromTheActAndFromTheEndOfAContinuingAct() {
        CaseInput barred = plain("36").actDate(LocalDate.of(2020, 1, 1)).discoveryDate(LocalDate.of(2022, 1, 2))
                .decisionDate(LocalDate.of(2022, 3, 1)).build();
        assertThat(eval(barred).handling()).isEqualTo(Handling.TIME_BARRED);
        CaseInput anniversary = plain("36-edge").actDate(LocalDate.of(2020, 1, 1)).discoveryDate(LocalDate.of(2022, 1, 1))
                .decisionDate(LocalDate.of(2022, 3, 1)).build();
        assertThat(status(eval(anniversary), "XZCF-36")).isEqualTo(Status.FAILED);
        CaseInput continuing = plain("36-cont").actDate(LocalDate.of(2020, 1, 1)).actEndDate(LocalDate.of(2021, 6, 1))
                .discoveryDate(LocalDate.of(2022, 1, 2)).decisionDate(LocalDate.of(2022, 3, 1)).build();
        assertThat(status(eval(continuing), "XZCF-36")).isEqualTo(Status.FAILED);
    }

    @Test
    void art36FiveYearsForLifeHealthOrFinancialSafetyWithHarm() {
        // acts from 2021-07-15 (the 2021 text); for earlier acts see TimeBarTest.art29Of2017HasNoFiveYearExtension…
        CaseInput withHarm = plain("36-5").actDate(LocalDate.of(2022, 1, 1)).discoveryDate(LocalDate.of(2025, 1, 1))
                .decisionDate(LocalDate.of(2025, 3, 1)).circumstances(Circumstance.LIFE_HEALTH_OR_FINANCIAL_SAFETY).build();
        assertThat(status(eval(withHarm), "XZCF-36")).isEqualTo(Status.FAILED);
        CaseInput noHarm = plain("36-5-noharm").actDate(LocalDate.of(2022, 1, 1)).discoveryDate(LocalDate.of(2025, 1, 1))
                .decisionDate(LocalDate.of(2025, 3, 1)).harm(Harm.NONE).circumstances(Circumstance.LIFE_HEALTH_OR_FINANCIAL_SAFETY).build();
        assertThat(eval(noHarm).handling()).isEqualTo(Handling.TIME_BARRED);
    }

    @Test
    void art49AggravatesAndAConflictWithMitigationIsFlagged() {
        Decision d = eval(plain("49").circumstances(Circumstance.VIOLATED_EMERGENCY_MEASURES).build());
        assertThat(d.handling()).isEqualTo(Handling.AGGRAVATED);
        assertThat(articles(d, "行政处罚法")).contains(49);
        Decision both = eval(plain("49-32").circumstances(Circumstance.VIOLATED_EMERGENCY_MEASURES,
                Circumstance.ELIMINATED_HARM).build());
        assertThat(both.handling()).isEqualTo(Handling.LENIENT_OR_MITIGATED);
        assertThat(both.warnings()).anySatisfy(w -> assertThat(w).contains("第四十九条").contains("权衡"));
        assertThat(eval(plain("no49").build()).handling()).isNotEqualTo(Handling.AGGRAVATED);
    }

    @Test
    void art57SuspectedCrimeIsReferredBeforeEverythingElse() {
        Decision d = eval(plain("57").circumstances(Circumstance.SUSPECTED_CRIME, Circumstance.NO_FAULT_PROVEN).build());
        assertThat(d.handling()).isEqualTo(Handling.REFER_CRIMINAL);
        assertThat(d.duties()).extracting(Duty::kind).contains("REFER");
        assertThat(d.basis()).anySatisfy(c -> {
            assertThat(c.article()).isEqualTo(57);
            assertThat(c.item()).isEqualTo(4);
            assertThat(c.text()).isEqualTo("违法行为涉嫌犯罪的，移送司法机关。");
        });
        assertThat(status(eval(plain("no57").build()), "XZCF-57")).isEqualTo(Status.FAILED);
    }

    @Test
    void art66FinancialHardshipAddsPaymentAdviceOnlyWhenAPenaltyFollows() {
        Decision d = eval(plain("66").circumstances(Circumstance.FINANCIAL_HARDSHIP).build());
        assertThat(d.duties()).extracting(Duty::kind).contains("PAYMENT_ADVICE");
        Decision none = eval(plain("66-np").circumstances(Circumstance.FINANCIAL_HARDSHIP, Circumstance.NO_FAULT_PROVEN).build());
        assertThat(none.duties()).extracting(Duty::kind).doesNotContain("PAYMENT_ADVICE");
    }

    @Test
    void coercionArt16MarkedlyMinorOrNoObviousHarm() {
        assertThat(eval(plain("16a").severity(Severity.MARKEDLY_MINOR).build()).coercion()).isEqualTo(Coercion.NO_COERCION);
        assertThat(eval(plain("16b").harm(Harm.NONE).build()).coercion()).isEqualTo(Coercion.NO_COERCION);
        assertThat(eval(plain("16c").build()).coercion()).isEqualTo(Coercion.COERCION_PERMITTED);
        Decision unknown = eval(plain("16d").severity(null).harm(null).build());
        assertThat(unknown.coercion()).isNull();
        assertThat(unknown.missingFacts()).extracting(MissingFact::field).contains("severity", "harm");
    }

    @Test
    void unknownFactsYieldInsufficientFactsNamingThem() {
        Decision d = eval(CaseInput.builder("unknown").party(new Party(PartyType.INDIVIDUAL, null, MentalCapacity.FULL))
                .actDate(LocalDate.of(2024, 1, 1)).discoveryDate(LocalDate.of(2024, 2, 1))
                .decisionDate(LocalDate.of(2024, 3, 1)).build());
        assertThat(d.handling()).isEqualTo(Handling.INSUFFICIENT_FACTS);
        assertThat(d.mandatory()).isFalse();
        assertThat(d.missingFacts()).extracting(MissingFact::field)
                .contains("party.age", "severity", "harm", "correction", "firstOffense");
        MissingFact age = d.missingFacts().stream().filter(m -> m.field().equals("party.age")).findFirst().orElseThrow();
        assertThat(age.label()).isEqualTo("违法行为发生时的年龄");
        assertThat(age.why()).contains("XZCF-30-UNDER14");
        assertThat(d.explanation()).contains("尚不能确定对当事人的处理").contains("违法行为发生时的年龄");
        assertThat(d.fineRange()).isNull();
    }

    @Test
    void anUnknownThatCannotChangeTheOutcomeIsNotAskedFor() {
        // referral outranks everything: an unknown age does not matter
        Decision d = eval(plain("refer-unknown-age").party(new Party(PartyType.INDIVIDUAL, null, null))
                .circumstances(Circumstance.SUSPECTED_CRIME).build());
        assertThat(d.handling()).isEqualTo(Handling.REFER_CRIMINAL);
        assertThat(d.missingFacts()).isEmpty();
    }

    @Test
    void fineRangeSplitsTheStatutoryRangeAndSaysTheSplitIsUnverified() {
        Decision lenient = eval(plain("fine").party(new Party(PartyType.INDIVIDUAL, 16, MentalCapacity.FULL))
                .penaltyRange(PenaltyRange.fine(2000, 10000)).build());
        assertThat(lenient.handling()).isEqualTo(Handling.LENIENT_OR_MITIGATED);
        assertThat(lenient.fineRange().max()).isEqualByComparingTo("4400");
        assertThat(lenient.fineRange().verified()).isFalse();
        assertThat(lenient.warnings()).anySatisfy(w -> assertThat(w).contains("未经核实"));
        Decision standard = eval(plain("fine-std").penaltyRange(PenaltyRange.fine(2000, 10000)).build());
        assertThat(standard.fineRange().min()).isEqualByComparingTo("2000");
        assertThat(standard.fineRange().max()).isEqualByComparingTo("10000");
        Decision none = eval(plain("fine-none").build());
        assertThat(none.fineRange()).isNull();
    }
}
