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
    private final Limitation limitation;
    private final LocalDate discoveryBound;

    /**
     * The limitation period that governs the case (行政处罚法 第36条), resolved by the engine from the law registry:
     * the special law's period when the violated statute declares one ("法律另有规定的除外", e.g. 税收征收管理法
     * 第86条, five years), else 行政处罚法's general period in the version in force at the act (2017 第29条: two
     * years; 2021 第36条: two years, five with the extension).
     *
     * @param period   the period (any length: {@code P6M}, {@code P2Y}, {@code P5Y}, {@code P10Y})
     * @param extended the longer period for 涉及公民生命健康安全、金融安全且有危害后果的, or null where the law in force at
     *                 the act has none (2017 text, special laws)
     * @param basis    the citations that set the period, e.g. {@code 行政处罚法(2017年修正) 第29条第1款}
     * @param label    the period in words for the why-not report, e.g. {@code 5年（税收征收管理法 第86条）}
     * @param special  whether a special law sets it
     */
    public record Limitation(Period period, Period extended, java.util.List<String> basis, String label, boolean special) {
        public Limitation {
            basis = basis == null ? java.util.List.of() : java.util.List.copyOf(basis);
        }
    }

    /** A view without a resolved limitation period (the time bar is then unknown) and no bound on discovery. */
    public CaseView(CaseInput input, LocalDate asOf, Period firstOffenseLookBack, Set<Correction> timelyCorrections,
                    Limitation limitation) {
        this(input, asOf, firstOffenseLookBack, timelyCorrections, limitation, null);
    }

    /**
     * @param discoveryBound the latest day discovery can have happened when the case does not say: the decision
     *                       date, else the evaluation date (a violation is discovered before it is decided)
     */
    public CaseView(CaseInput input, LocalDate asOf, Period firstOffenseLookBack, Set<Correction> timelyCorrections,
                    Limitation limitation, LocalDate discoveryBound) {
        this.input = input;
        this.asOf = asOf;
        this.firstOffenseLookBack = firstOffenseLookBack;
        this.timelyCorrections = Set.copyOf(timelyCorrections);
        this.limitation = limitation;
        this.discoveryBound = discoveryBound;
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

    /** The limitation period that governs the case, or null when the registry gave none. */
    public Limitation getLimitation() { return limitation; }

    /** The latest possible discovery day when {@code discoveryDate} is unknown, or null. */
    public LocalDate getDiscoveryBound() { return discoveryBound; }

    /** This view over a variant of the case (same date and settings), see {@link Finding#retest}. */
    public CaseView withInput(CaseInput variant) {
        return new CaseView(variant, asOf, firstOffenseLookBack, timelyCorrections, limitation, discoveryBound);
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
