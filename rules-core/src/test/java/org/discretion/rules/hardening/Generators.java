package org.discretion.rules.hardening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.MentalCapacity;
import org.discretion.rules.api.Party;
import org.discretion.rules.api.PartyType;
import org.discretion.rules.api.PenaltyRange;
import org.discretion.rules.api.PriorViolation;
import org.discretion.rules.api.Severity;

/**
 * Valid cases over the statute layer and the fixture catalog: every fact may be unknown ({@code null}), dates are
 * ordered as the contract requires (act ≤ discovery ≤ decision), and the item-specific fact is present only for
 * the item that declares it.
 */
final class Generators {
    private Generators() {
    }

    static final List<String> ITEMS = List.of("FX-1", "FX-2", "FX-3", "FX-4", "FX-5");

    static <T> Arbitrary<T> orNull(Arbitrary<T> a) {
        return a.injectNull(0.15);
    }

    static Arbitrary<Party> parties() {
        Arbitrary<Party> org = Arbitraries.just(Party.organization());
        Arbitrary<Party> person = Combinators.combine(
                Arbitraries.of(PartyType.INDIVIDUAL, PartyType.INDIVIDUAL_BUSINESS),
                orNull(Arbitraries.integers().between(0, 99)),
                orNull(Arbitraries.of(MentalCapacity.class))).as(Party::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, org), net.jqwik.api.Tuple.of(6, person),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Party.UNKNOWN)));
    }

    /**
     * [actDate, discoveryDate, decisionDate, actEndDate], each possibly null, consistently ordered; the decision date is
     * left out only for acts before the test engines' clock.
     */
    static Arbitrary<LocalDate[]> dates() {
        return Combinators.combine(Arbitraries.integers().between(0, 3000), Arbitraries.integers().between(0, 2200),
                Arbitraries.integers().between(0, 400), Arbitraries.integers().between(0, 800),
                Arbitraries.integers().between(0, 15)).as((act, disc, dec, end, nullMask) -> {
            LocalDate a = LocalDate.of(2018, 1, 1).plusDays(act);
            LocalDate e = a.plusDays(end);
            LocalDate d = e.plusDays(disc);
            LocalDate x = d.plusDays(dec);
            return new LocalDate[] {(nullMask & 1) != 0 && nullMask > 11 ? null : a,
                    (nullMask & 2) != 0 && nullMask > 11 ? null : d,
                    // without a decision date the act must not lie after the engines' fixed clock (an input error)
                    (nullMask & 4) != 0 && nullMask > 11 && !e.isAfter(LocalDate.of(2026, 11, 1)) ? null : x,
                    nullMask % 3 == 0 ? e : null};
        });
    }

    static Arbitrary<Set<Circumstance>> circumstances() {
        return Arbitraries.of(Circumstance.class).set().ofMaxSize(4)
                .map(s -> s.isEmpty() ? EnumSet.noneOf(Circumstance.class) : EnumSet.copyOf(s));
    }

    static Arbitrary<CaseInput> cases() {
        Arbitrary<String> item = Arbitraries.of(ITEMS).injectNull(0.3);
        Arbitrary<Object[]> facts = Combinators.combine(orNull(Arbitraries.of(Correction.class)),
                orNull(Arbitraries.of(Severity.class)), orNull(Arbitraries.of(Harm.class)),
                orNull(Arbitraries.of(Boolean.TRUE, Boolean.FALSE)),
                orNull(Arbitraries.of(BigDecimal.ZERO, new BigDecimal("500"), new BigDecimal("20000"))),
                orNull(Arbitraries.integers().between(0, 3000)),
                Arbitraries.integers().between(0, 3)).as((c, s, h, f, g, amount, range) ->
                new Object[] {c, s, h, f, g, amount, range});
        return Combinators.combine(item, parties(), dates(), circumstances(), facts, Arbitraries.integers().between(0, 9))
                .as((it, party, d, circ, f, n) -> {
                    CaseInput.Builder b = CaseInput.builder("p-" + n).item(it).party(party)
                            .actDate(d[0]).discoveryDate(d[1]).decisionDate(d[2])
                            .actEndDate(d[0] == null ? null : d[3])
                            .correction((Correction) f[0]).severity((Severity) f[1]).harm((Harm) f[2])
                            .firstOffense((Boolean) f[3]).illegalGains((BigDecimal) f[4])
                            .circumstances(circ.toArray(new Circumstance[0]));
                    if (it == null && n % 3 == 0) {
                        b.provision("行政处罚法 第28条第1款");
                    }
                    if ("FX-1".equals(it) && f[5] != null) {
                        b.fact("amount", new BigDecimal((Integer) f[5]));
                    }
                    int range = (Integer) f[6];
                    if (range == 1) b.penaltyRange(PenaltyRange.fine(1000, 10000));
                    if (range == 2) b.penaltyRange(new PenaltyRange(null, null, BigDecimal.ONE, new BigDecimal("5"), null));
                    if (n == 7 && d[0] != null && f[3] == null) {
                        b.priorViolations(List.of(new PriorViolation(d[0].minusYears(1), it, null)));
                    }
                    return b.build();
                });
    }
}
