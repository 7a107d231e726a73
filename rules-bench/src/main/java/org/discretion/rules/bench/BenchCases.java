package org.discretion.rules.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.MentalCapacity;
import org.discretion.rules.api.Party;
import org.discretion.rules.api.PartyType;
import org.discretion.rules.api.Severity;
import org.discretion.rules.facts.FactSpec;
import org.discretion.rules.internal.RuleBase;

/**
 * Deterministic benchmark cases. Every fact the statute layer and the generated templates read is known (an unknown
 * fact would make most decisions INSUFFICIENT_FACTS, which is not what a busy system mostly sees), and the values are
 * spread so that every tier of {@code Precedence} wins for some cases.
 */
public final class BenchCases {
    static final LocalDate ACT = LocalDate.of(2024, 3, 1);
    static final LocalDate DISCOVERY = LocalDate.of(2024, 4, 1);
    static final LocalDate DECISION = LocalDate.of(2024, 5, 1);

    private BenchCases() {
    }

    /** {@code n} cases over the generated items, seeded. */
    public static List<CaseInput> forGenerated(List<GeneratedCatalogs.Item> items, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<CaseInput> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            GeneratedCatalogs.Item it = items.get(r.nextInt(items.size()));
            CaseInput.Builder b = common(CaseInput.builder("bench-" + i).item(it.id()), r);
            if (it.template() == GeneratedCatalogs.Template.NO_PENALTY) {
                b.fact("amount", BigDecimal.valueOf(r.nextInt(2500)));
            }
            out.add(b.build());
        }
        return out;
    }

    /**
     * {@code n} cases over whatever items a rule base holds (the shipped catalogs): item-specific facts are filled by
     * their declared type. With no item at all, statute-only cases.
     */
    public static List<CaseInput> forRuleBase(RuleBase rb, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<RuleBase.ItemRef> refs = rb.items().values().stream()
                .sorted(java.util.Comparator.comparing(x -> x.item().id())).toList();
        List<CaseInput> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CaseInput.Builder b = CaseInput.builder("bench-" + i);
            if (!refs.isEmpty()) {
                RuleBase.ItemRef ref = refs.get(r.nextInt(refs.size()));
                b.item(ref.item().id());
                for (FactSpec f : ref.item().facts()) {
                    switch (f.type()) {
                        case "NUMBER" -> b.fact(f.name(), BigDecimal.valueOf(r.nextInt(100)));
                        case "BOOLEAN" -> b.fact(f.name(), r.nextBoolean());
                        case "DATE" -> b.fact(f.name(), ACT.toString());
                        default -> { }
                    }
                }
            }
            out.add(common(b, r).build());
        }
        return out;
    }

    private static CaseInput.Builder common(CaseInput.Builder b, SplittableRandom r) {
        Party party = r.nextInt(3) == 0 ? new Party(PartyType.INDIVIDUAL, 20 + r.nextInt(40), MentalCapacity.FULL)
                : Party.organization();
        b.party(party).actDate(ACT).discoveryDate(DISCOVERY).decisionDate(DECISION)
                .firstOffense(r.nextInt(4) != 0)
                .correction(Correction.values()[r.nextInt(Correction.values().length)])
                .severity(Severity.values()[r.nextInt(Severity.values().length)])
                .harm(Harm.values()[r.nextInt(Harm.values().length)])
                .illegalGains(r.nextInt(3) == 0 ? BigDecimal.valueOf(500) : BigDecimal.ZERO);
        if (r.nextInt(4) == 0) {
            b.circumstances(Circumstance.ELIMINATED_HARM);
        }
        return b;
    }
}
