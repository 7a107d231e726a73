package org.discretion.rules.facts;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Correction;

/**
 * The case as the statute layer sees it: one per evaluation. Statute rules match it and insert a {@link Finding}
 * through {@link #ground} or {@link #exclusion}.
 */
public final class CaseView implements Subject {
    private final CaseInput input;
    private final LocalDate asOf;
    private final Period firstOffenseLookBack;
    private final Set<Correction> timelyCorrections;
    private final Limitation specialLimitation;

    /**
     * A special-law limitation period (行政处罚法 第36条 "法律另有规定的除外"), e.g. 税收征收管理法 第86条, five years.
     *
     * @param years    period in years
     * @param basis    the provision in human form
     */
    public record Limitation(int years, String basis) {
    }

    public CaseView(CaseInput input, LocalDate asOf, Period firstOffenseLookBack, Set<Correction> timelyCorrections,
                    Limitation specialLimitation) {
        this.input = input;
        this.asOf = asOf;
        this.firstOffenseLookBack = firstOffenseLookBack;
        this.timelyCorrections = Set.copyOf(timelyCorrections);
        this.specialLimitation = specialLimitation;
    }

    @Override public CaseInput input() { return input; }
    @Override public LocalDate asOf() { return asOf; }
    @Override public Period firstOffenseLookBack() { return firstOffenseLookBack; }
    @Override public Set<Correction> timelyCorrections() { return timelyCorrections; }
    @Override public Map<String, FactSpec> factSpecs() { return Map.of(); }
    @Override public String itemId() { return input.item(); }
    @Override public String provision() { return input.provision(); }

    /** For DRL: the case, so that rules can test its fields. */
    public CaseInput getInput() { return input; }

    public Limitation getSpecialLimitation() { return specialLimitation; }

    /** This view over a variant of the case (same date and settings), see {@link Finding#retest}. */
    public CaseView withInput(CaseInput variant) {
        return new CaseView(variant, asOf, firstOffenseLookBack, timelyCorrections, specialLimitation);
    }

    /** Asserts a statutory ground with its conditions. */
    public Finding ground(String id, Condition... conditions) {
        return new Finding("STATUTE", id, "statute", this, conditions);
    }

    /** Asserts an exclusion (e.g. 滑法政办〔2022〕17号 三(七)) with its conditions. */
    public Finding exclusion(String id, Condition... conditions) {
        return new Finding("EXCLUSION", id, "statute", this, conditions);
    }
}
