package org.discretion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.discretion.rules.Engines.plain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.*;

/**
 * Issue 9 part B, fine ranges: the clause for the party (单位 / 个人), the multiple of the gains or the fixed range,
 * 减轻 above zero, 从重 by a configurable reading. Each rule: one case that fires it, one near-miss.
 */
class FineRangeRulesTest {

    static Decision eval(CaseInput c) {
        return Engines.statuteOnly().evaluate(c);
    }

    /** 有违法所得的，处违法所得一倍以上五倍以下罚款；没有违法所得的，处二千元以上二万元以下罚款. */
    static final PenaltyRange BOTH = new PenaltyRange(new BigDecimal("2000"), new BigDecimal("20000"), BigDecimal.ONE,
            new BigDecimal("5"), "有违法所得的，处违法所得一倍以上五倍以下罚款；没有违法所得的，处二千元以上二万元以下罚款");
    static final PenaltyRange MULTIPLE_ONLY = new PenaltyRange(null, null, BigDecimal.ONE, new BigDecimal("3"), null);

    @Test
    void withGainsTheMultipleApplies() {
        Decision d = eval(plain("gains").penaltyRange(BOTH).illegalGains(new BigDecimal("1000")).build());
        assertThat(d.handling()).isEqualTo(Handling.STANDARD);
        assertThat(d.fineRange().min()).isEqualByComparingTo("1000");
        assertThat(d.fineRange().max()).isEqualByComparingTo("5000");
        assertThat(d.fineRange().rule()).contains("违法所得 1000 元的1倍以上5倍以下");
    }

    @Test
    void withoutGainsTheFixedRangeApplies() {
        Decision d = eval(plain("no-gains").penaltyRange(BOTH).illegalGains(BigDecimal.ZERO).build());
        assertThat(d.fineRange().min()).isEqualByComparingTo("2000");
        assertThat(d.fineRange().max()).isEqualByComparingTo("20000");
        assertThat(d.fineRange().rule()).contains("没有违法所得");
    }

    @Test
    void zeroGainsUnderAMultipleOnlyIsNoRangeOfZeroToZero() {
        Decision d = eval(plain("zero").penaltyRange(MULTIPLE_ONLY).illegalGains(BigDecimal.ZERO).build());
        assertThat(d.handling()).isEqualTo(Handling.STANDARD);
        assertThat(d.fineRange()).isNull();
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("没有违法所得").contains("不是 0 元至 0 元"));
        // near-miss: gains of one yuan give a range
        Decision one = eval(plain("one").penaltyRange(MULTIPLE_ONLY).illegalGains(BigDecimal.ONE).build());
        assertThat(one.fineRange().max()).isEqualByComparingTo("3");
    }

    @Test
    void unknownGainsAreAskedForTheFineRangeOnly() {
        Decision d = eval(plain("unknown-gains").penaltyRange(BOTH).build());
        assertThat(d.handling()).isEqualTo(Handling.STANDARD);
        assertThat(d.fineRange()).isNull();
        assertThat(d.missingFacts()).anySatisfy(m -> {
            assertThat(m.field()).isEqualTo("illegalGains");
            assertThat(m.affects()).containsExactly(MissingFact.FINE_RANGE);
        });
    }

    @Test
    void mitigatedFineLiesBelowTheMinimumButAboveZero() {
        Decision d = Engines.withFixtures().evaluate(plain("mitig").item("FXM-1").actDate(LocalDate.of(2024, 7, 1))
                .discoveryDate(LocalDate.of(2024, 7, 15)).decisionDate(LocalDate.of(2024, 8, 1))
                .circumstances(Circumstance.ELIMINATED_HARM).build());
        assertThat(d.handling()).isEqualTo(Handling.MITIGATED);
        assertThat(d.fineRange().min()).isEqualByComparingTo("0");
        assertThat(d.fineRange().minInclusive()).isFalse();
        assertThat(d.fineRange().maxInclusive()).isFalse();
        assertThat(d.fineRange().rule()).contains("高于零").contains("警告");
        // near-miss: a standard range includes its minimum
        Decision std = eval(plain("std").penaltyRange(PenaltyRange.fine(2000, 10000)).build());
        assertThat(std.fineRange().minInclusive()).isTrue();
    }

    @Test
    void aggravatedFollowsTheConfiguredReadingNotBelowTheMiddle() {
        CaseInput c = plain("agg").penaltyRange(PenaltyRange.fine(2000, 10000))
                .circumstances(Circumstance.VIOLATED_EMERGENCY_MEASURES).build();
        Decision mirror = eval(c);
        assertThat(mirror.handling()).isEqualTo(Handling.AGGRAVATED);
        assertThat(mirror.fineRange().min()).isEqualByComparingTo("7600"); // top 30 % by default
        DiscretionEngine middle = DiscretionEngine.builder().clock(Engines.FIXED).settings(Settings.defaults()
                .withReadings(Readings.defaults().withAggravatedFrom(new BigDecimal("0.5"), false))).build();
        Decision d = middle.evaluate(c);
        assertThat(d.fineRange().min()).isEqualByComparingTo("6000");
        assertThat(d.fineRange().max()).isEqualByComparingTo("10000");
        assertThat(d.fineRange().rule()).contains("不低于法定幅度的50%处");
        assertThat(d.fineRange().verified()).isFalse();
    }

    @Test
    void aRangeForOrganizationsIsNotGivenToAnIndividual() {
        // fixture 会计法 第43条: fine stated for 单位 only
        CaseInput.Builder b = plain("kjf-person").item("FXM-1").actDate(LocalDate.of(2024, 7, 1))
                .discoveryDate(LocalDate.of(2024, 7, 15)).decisionDate(LocalDate.of(2024, 8, 1))
                .circumstances(Circumstance.ELIMINATED_HARM);
        Decision person = Engines.withFixtures().evaluate(b.party(Party.individual(30)).build());
        assertThat(person.fineRange()).isNull();
        assertThat(person.warnings()).anySatisfy(w -> assertThat(w).contains("只适用于单位").contains("个人"));
        Decision unit = Engines.withFixtures().evaluate(b.party(Party.organization()).build());
        assertThat(unit.fineRange()).isNotNull();
        // 个体工商户: whether 单位 or 个人 is not settled by the texts here; no range, and the decision says so
        Decision business = Engines.withFixtures().evaluate(b.party(new Party(PartyType.INDIVIDUAL_BUSINESS, 30,
                MentalCapacity.FULL)).build());
        assertThat(business.fineRange()).isNull();
        assertThat(business.warnings()).anySatisfy(w -> assertThat(w).contains("个体工商户"));
    }
}
