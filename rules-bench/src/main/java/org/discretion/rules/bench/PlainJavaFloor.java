package org.discretion.rules.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Coercion;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.Severity;

/**
 * The floor: the same decisions as the engine for the generated catalogs and {@link BenchCases}, hand-written in
 * plain Java — a map lookup and a few predicates, as a team that coded these lists by hand would write them. It
 * knows the statute grounds that the benchmark cases can reach (行政处罚法 第32条, 第33条第1款, 第36条; 行政强制法 第16条第2款)
 * and the four templates of {@link GeneratedCatalogs}; all facts are known. {@code PlainJavaFloorTest} proves that it
 * decides what the engine decides (handling, 应当/可以, coercion, items, fine range) for every benchmark case.
 */
public final class PlainJavaFloor {

    /** What the floor decides: the decision's verdict fields and its citations, without prose. */
    public record Verdict(String id, Handling handling, boolean mandatory, Coercion coercion, List<String> items,
                          List<String> basis, BigDecimal fineMin, BigDecimal fineMax) {
    }

    private static final Set<Correction> TIMELY = EnumSet.of(Correction.BEFORE_DISCOVERY, Correction.ON_THE_SPOT,
            Correction.WITHIN_DEADLINE);
    private static final Set<Correction> LIST_CORRECTION = EnumSet.of(Correction.BEFORE_DISCOVERY,
            Correction.WITHIN_DEADLINE);
    private static final BigDecimal MIN = BigDecimal.valueOf(GeneratedCatalogs.FINE_MIN);
    private static final BigDecimal MAX = BigDecimal.valueOf(GeneratedCatalogs.FINE_MAX);
    private static final BigDecimal LOW_PART = MIN.add(MAX.subtract(MIN).multiply(new BigDecimal("0.3")))
            .setScale(2, RoundingMode.HALF_UP);

    private final Map<String, GeneratedCatalogs.Item> items = new HashMap<>();
    private final Map<String, String> violationBasis = new HashMap<>();

    public PlainJavaFloor(List<GeneratedCatalogs.Item> generated) {
        for (GeneratedCatalogs.Item it : generated) {
            items.put(it.id(), it);
            violationBasis.put(it.id(), "基准测试法 第" + it.index() + "条");
        }
    }

    public Verdict decide(CaseInput c) {
        GeneratedCatalogs.Item it = items.get(c.item());
        if (it == null) {
            throw new IllegalArgumentException("unknown item " + c.item());
        }
        Severity sev = c.severity();
        Harm harm = c.harm();
        boolean timely = TIMELY.contains(c.correction());
        boolean first = Boolean.TRUE.equals(c.firstOffense());
        boolean eliminated = c.has(Circumstance.ELIMINATED_HARM);
        LocalDate end = c.actEndDate() != null ? c.actEndDate() : c.actDate();
        boolean timeBarred = c.discoveryDate().isAfter(end.plusYears(2));

        boolean statuteNoPenalty = sev.compareTo(Severity.MINOR) <= 0 && timely && harm == Harm.NONE;
        boolean mayNoPenalty = first && harm.compareTo(Harm.MINOR) <= 0 && timely;
        boolean art32 = eliminated;
        // 行政强制法 第16条第2款 as the engine reads it (Conditions.noMarkedSocialHarm; its reading, unverified): 没有明显社会危害 = harm at most MINOR
        boolean art16 = sev == Severity.MARKEDLY_MINOR || harm.compareTo(Harm.MINOR) <= 0;
        boolean itemHeld = switch (it.template()) {
            case NO_PENALTY -> first && harm.compareTo(Harm.MINOR) <= 0 && LIST_CORRECTION.contains(c.correction())
                    && new BigDecimal(c.facts().get("amount").toString()).compareTo(BigDecimal.valueOf(it.amountBound())) <= 0;
            case LENIENT -> timely && c.illegalGains().signum() == 0;
            case MITIGATED -> eliminated && sev.compareTo(Severity.GENERAL) <= 0;
            case NO_COERCION -> sev.compareTo(Severity.MINOR) <= 0 && harm == Harm.NONE;
        };
        GeneratedCatalogs.Template t = it.template();

        List<String> matched = new ArrayList<>(2);
        List<String> basis = new ArrayList<>(4);
        Handling h;
        boolean mandatory = true;
        if (timeBarred) {
            h = Handling.TIME_BARRED;
            basis.add("行政处罚法 第36条第1款");
        } else if (statuteNoPenalty) {
            h = Handling.NO_PENALTY;
            basis.add("行政处罚法 第33条第1款第1句");
            // a list item with the same handling is applied and cited as well
            if (itemHeld && t == GeneratedCatalogs.Template.NO_PENALTY) matched.add(it.id());
        } else if (itemHeld && t == GeneratedCatalogs.Template.NO_PENALTY) {
            h = Handling.NO_PENALTY;
            matched.add(it.id());
        } else if (mayNoPenalty) {
            h = Handling.MAY_NO_PENALTY;
            mandatory = false;
            basis.add("行政处罚法 第33条第1款第2句");
        } else if (itemHeld && t == GeneratedCatalogs.Template.MITIGATED) {
            h = Handling.MITIGATED;
            matched.add(it.id());
        } else if (art32) {
            h = Handling.LENIENT_OR_MITIGATED;
            basis.add("行政处罚法 第32条");
        } else if (itemHeld && t == GeneratedCatalogs.Template.LENIENT) {
            h = Handling.LENIENT;
            matched.add(it.id());
        } else {
            h = Handling.STANDARD;
            basis.add("行政处罚法 第5条第2款");
            basis.add("行政处罚法 第34条");
        }
        if (!matched.isEmpty() || h == Handling.STANDARD) {
            basis.add(violationBasis.get(it.id()));
        }
        Coercion coercion = Coercion.COERCION_PERMITTED;
        if (art16 || (itemHeld && t == GeneratedCatalogs.Template.NO_COERCION)) {
            coercion = Coercion.NO_COERCION;
            if (itemHeld && t == GeneratedCatalogs.Template.NO_COERCION) matched.add(it.id());
            if (art16) basis.add("行政强制法 第16条第2款");
        }
        BigDecimal lo = null;
        BigDecimal hi = null;
        switch (h) {
            case STANDARD -> { lo = MIN; hi = MAX; }
            case LENIENT -> { lo = MIN; hi = LOW_PART; }
            case MITIGATED -> { lo = BigDecimal.ZERO; hi = MIN; }
            case LENIENT_OR_MITIGATED -> { lo = BigDecimal.ZERO; hi = LOW_PART; }
            default -> { }
        }
        return new Verdict(c.id(), h, mandatory, coercion, matched, basis, lo, hi);
    }
}
