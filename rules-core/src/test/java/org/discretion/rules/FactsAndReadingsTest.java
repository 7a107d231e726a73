package org.discretion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.discretion.rules.Engines.plain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.*;

/**
 * Issue 9 part B, facts: 周岁 from the date of birth, the presumption of capacity, missing facts decided by evaluating
 * the alternatives, 行政强制法 第16条第2款's one reading, a referral of a party who cannot be penalized, illegal gains of
 * a no-penalty decision, and the input errors of dates. Each rule: one case that fires it, one near-miss.
 */
class FactsAndReadingsTest {

    static Decision eval(CaseInput c) {
        return Engines.statuteOnly().evaluate(c);
    }

    static Decision fixtures(CaseInput c) {
        return Engines.withFixtures().evaluate(c);
    }

    static CaseInput.Builder person(String id, LocalDate birth) {
        return plain(id).party(new Party(PartyType.INDIVIDUAL, null, MentalCapacity.FULL).bornOn(birth));
    }

    // ---- 周岁 at the act date (法释〔2006〕1号 第二条: from the day after the birthday) -------------------------------

    @Test
    void fourteenthBirthdayItselfIsStillUnderFourteen() {
        // act 2024-01-10; born 2010-01-10: the 14th birthday is the act date itself
        Decision d = eval(person("bday", LocalDate.of(2010, 1, 10)).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.whyNot()).filteredOn(g -> g.id().equals("XZCF-30-UNDER14"))
                .singleElement().extracting(GroundReport::status).isEqualTo(Status.HELD);
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("13 周岁").contains("周岁生日的第二天"));
    }

    @Test
    void dayAfterTheFourteenthBirthdayIsFourteen() {
        Decision d = eval(person("bday+1", LocalDate.of(2010, 1, 9)).build());
        assertThat(d.handling()).isEqualTo(Handling.LENIENT_OR_MITIGATED);
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("14 周岁"));
    }

    @Test
    void birthdayCompletesTheYearWhenConfigured() {
        DiscretionEngine e = DiscretionEngine.builder().clock(Engines.FIXED)
                .settings(Settings.defaults().withReadings(Readings.defaults().withBirthdayCompletesYear(true))).build();
        assertThat(e.evaluate(person("bday-cfg", LocalDate.of(2010, 1, 10)).build()).handling())
                .isEqualTo(Handling.LENIENT_OR_MITIGATED);
    }

    @Test
    void ageAndBirthDateThatDisagreeAreAnInputError() {
        CaseInput c = plain("both").party(new Party(PartyType.INDIVIDUAL, 14, MentalCapacity.FULL)
                .bornOn(LocalDate.of(2010, 1, 10))).build();
        assertThatThrownBy(() -> eval(c)).isInstanceOf(InvalidCaseException.class)
                .hasMessageContaining("party.age").hasMessageContaining("13 周岁").hasMessageContaining("both");
        // near-miss: the same age given twice is no error
        CaseInput agree = plain("agree").party(new Party(PartyType.INDIVIDUAL, 13, MentalCapacity.FULL)
                .bornOn(LocalDate.of(2010, 1, 10))).build();
        assertThat(eval(agree).handling()).isEqualTo(Handling.NO_PENALTY);
    }

    @Test
    void birthAfterTheActIsAnInputError() {
        assertThatThrownBy(() -> eval(person("unborn", LocalDate.of(2024, 5, 1)).build()))
                .isInstanceOf(InvalidCaseException.class).hasMessageContaining("party.birthDate");
    }

    // ---- capacity presumed full for an adult ------------------------------------------------------------------

    @Test
    void anAdultsCapacityIsPresumedAndTheDecisionSaysSo() {
        Decision d = eval(plain("adult").party(new Party(PartyType.INDIVIDUAL, 30, null)).build());
        assertThat(d.handling()).isEqualTo(Handling.STANDARD);
        assertThat(d.missingFacts()).extracting(MissingFact::field).doesNotContain("party.mentalCapacity");
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).startsWith("推定").contains("民法典"));
    }

    @Test
    void aMinorsCapacityIsNotPresumed() {
        Decision d = eval(plain("minor").party(new Party(PartyType.INDIVIDUAL, 17, null)).build());
        assertThat(d.warnings()).noneSatisfy(w -> assertThat(w).startsWith("推定"));
        assertThat(d.handling()).isEqualTo(Handling.INSUFFICIENT_FACTS);
        assertThat(d.missingFacts()).extracting(MissingFact::field).contains("party.mentalCapacity");
    }

    @Test
    void thePresumptionCanBeSwitchedOff() {
        DiscretionEngine e = DiscretionEngine.builder().clock(Engines.FIXED)
                .settings(Settings.defaults().withReadings(Readings.defaults().withPresumeFullCapacity(false))).build();
        Decision d = e.evaluate(plain("off").party(new Party(PartyType.INDIVIDUAL, 30, null)).build());
        assertThat(d.handling()).isEqualTo(Handling.INSUFFICIENT_FACTS);
        assertThat(d.missingFacts()).extracting(MissingFact::field).containsExactly("party.mentalCapacity");
    }

    // ---- missing facts: only what some value of it would change -------------------------------------------------

    @Test
    void aListNoPenaltyDoesNotAskForTheFactsOfAStatutoryGroundGivingTheSame() {
        // FXN-1 holds (first offense, minor harm, amount); 第33条第1款第1句 would need severity and correction
        Decision d = fixtures(plain("list-np").item("FXN-1").actDate(LocalDate.of(2024, 7, 1))
                .discoveryDate(LocalDate.of(2024, 7, 15)).decisionDate(LocalDate.of(2024, 8, 1)).firstOffense(true)
                .harm(Harm.MINOR).severity(null).correction(null).fact("amount", 1000).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.missingFacts()).filteredOn(m -> m.affects().contains(MissingFact.HANDLING)).isEmpty();
    }

    @Test
    void eachMissingFactSaysWhichQuestionItDecides() {
        // the handling is decided (STANDARD); severity is asked only for coercion (行政强制法 第16条第2款)
        Decision d = eval(plain("coercion-only").severity(null).harm(Harm.GENERAL).build());
        assertThat(d.handling()).isEqualTo(Handling.STANDARD);
        assertThat(d.missingFacts()).singleElement().satisfies(m -> {
            assertThat(m.field()).isEqualTo("severity");
            assertThat(m.affects()).containsExactly(MissingFact.COERCION);
        });
        // near-miss: a severity that is given leaves nothing to ask
        assertThat(eval(plain("given").build()).missingFacts()).isEmpty();
    }

    @Test
    void aFactNoValueOfWhichChangesTheAnswerIsNotAsked() {
        // severity unknown, harm SERIOUS: 第33条第1款第1句 fails on harm whatever the severity; coercion may still turn on it
        Decision d = eval(plain("no-change").severity(null).harm(Harm.SERIOUS).build());
        assertThat(d.handling()).isEqualTo(Handling.STANDARD);
        assertThat(d.missingFacts()).allSatisfy(m -> assertThat(m.affects()).doesNotContain(MissingFact.HANDLING));
    }

    @Test
    void factsThatDecideOnlyTogetherWithOthersAreStillAsked() {
        Decision d = eval(CaseInput.builder("unknown").party(new Party(PartyType.INDIVIDUAL, null, MentalCapacity.FULL))
                .actDate(LocalDate.of(2024, 1, 1)).discoveryDate(LocalDate.of(2024, 2, 1))
                .decisionDate(LocalDate.of(2024, 3, 1)).build());
        assertThat(d.handling()).isEqualTo(Handling.INSUFFICIENT_FACTS);
        assertThat(d.missingFacts()).filteredOn(m -> m.affects().contains(MissingFact.HANDLING))
                .extracting(MissingFact::field).contains("party.age", "severity", "harm", "correction", "firstOffense");
    }

    // ---- 行政强制法 第16条第2款: minor harm is not 明显 harm --------------------------------------------------------

    @Test
    void minorHarmIsNoMarkedSocialHarm() {
        assertThat(eval(plain("16-minor").harm(Harm.MINOR).build()).coercion()).isEqualTo(Coercion.NO_COERCION);
        assertThat(eval(plain("16-general").harm(Harm.GENERAL).build()).coercion()).isEqualTo(Coercion.COERCION_PERMITTED);
    }

    // ---- 第57条 with 第30条/第31条 ----------------------------------------------------------------------------------

    @Test
    void aChildSuspectedOfACrimeIsReferredAndMayStillNotBePenalized() {
        Decision d = eval(plain("child-crime").party(new Party(PartyType.INDIVIDUAL, 13, MentalCapacity.FULL))
                .circumstances(Circumstance.SUSPECTED_CRIME).build());
        assertThat(d.handling()).isEqualTo(Handling.REFER_CRIMINAL);
        assertThat(d.duties()).extracting(Duty::kind).contains("GUARDIAN_DISCIPLINE");
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("不得给予行政处罚").contains("第三十条"));
        assertThat(d.basis()).anySatisfy(c -> assertThat(c.article()).isEqualTo(30));
        // near-miss: an adult suspected of a crime is referred without it
        Decision adult = eval(plain("adult-crime").party(new Party(PartyType.INDIVIDUAL, 30, MentalCapacity.FULL))
                .circumstances(Circumstance.SUSPECTED_CRIME).build());
        assertThat(adult.handling()).isEqualTo(Handling.REFER_CRIMINAL);
        assertThat(adult.duties()).extracting(Duty::kind).doesNotContain("GUARDIAN_DISCIPLINE");
        assertThat(adult.warnings()).noneSatisfy(w -> assertThat(w).contains("不得给予行政处罚"));
    }

    @Test
    void aPartyWithoutCapacitySuspectedOfACrimeIsReferredWithTheGuardianDuty() {
        Decision d = eval(plain("nocap-crime").party(new Party(PartyType.INDIVIDUAL, 40, MentalCapacity.NONE))
                .circumstances(Circumstance.SUSPECTED_CRIME).build());
        assertThat(d.handling()).isEqualTo(Handling.REFER_CRIMINAL);
        assertThat(d.duties()).extracting(Duty::kind).contains("GUARDIAN_CUSTODY");
    }

    // ---- 第28条第2款: the gains of a no-penalty decision -----------------------------------------------------------

    @Test
    void aNoPenaltyDecisionWithIllegalGainsNamesWhatMustBeDecided() {
        Decision d = eval(plain("gains").severity(Severity.MINOR).correction(Correction.ON_THE_SPOT).harm(Harm.NONE)
                .illegalGains(new BigDecimal("500")).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.duties()).anySatisfy(x -> {
            assertThat(x.kind()).isEqualTo("DECIDE_ILLEGAL_GAINS");
            assertThat(x.text()).contains("500").contains("退赔").contains("没收");
            assertThat(x.basis()).contains("第二十八条第二款");
        });
        // near-miss: no gains, nothing to decide
        Decision none = eval(plain("no-gains").severity(Severity.MINOR).correction(Correction.ON_THE_SPOT)
                .harm(Harm.NONE).illegalGains(BigDecimal.ZERO).build());
        assertThat(none.duties()).extracting(Duty::kind).doesNotContain("DECIDE_ILLEGAL_GAINS");
    }

    // ---- dates ------------------------------------------------------------------------------------------------

    @Test
    void aFutureActWithoutDecisionDateIsAnInputError() {
        // the engines' clock stands at 2026-11-28
        CaseInput future = plain("future").actDate(LocalDate.of(2026, 12, 1)).discoveryDate(null).decisionDate(null).build();
        assertThatThrownBy(() -> eval(future)).isInstanceOf(InvalidCaseException.class)
                .hasMessageContaining("actDate").hasMessageContaining("future").hasMessageContaining("decisionDate");
        // near-miss: an act today is fine
        CaseInput today = plain("today").actDate(LocalDate.of(2026, 11, 28)).discoveryDate(null).decisionDate(null).build();
        assertThat(eval(today).handling()).isNotNull();
    }
}
