package org.discretion.rules.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.discretion.rules.api.Coercion;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.ListType;
import org.discretion.rules.api.Settings;
import org.discretion.rules.api.Status;
import org.discretion.rules.facts.Finding;
import org.discretion.rules.internal.model.StatuteMeta;

/**
 * <b>The one place where outcomes are ranked.</b> Rules only assert which grounds and items hold; this class
 * decides which wins. The tiers, first held tier wins:
 *
 * <ol>
 *   <li>REFER — 行政处罚法 第57条第1款第4项: a suspected crime is referred; no administrative outcome replaces it (第8条第2款).</li>
 *   <li>TIME_BAR — 第36条: not discovered within the period, no penalty at all.</li>
 *   <li>STATUTE_NO_PENALTY — 第30条 (under 14), 第31条 (no capacity), 第33条第1款第1句, 第33条第2款: 应当不予处罚.
 *       Under-14 therefore comes before any aggravation.</li>
 *   <li>LIST_NO_PENALTY — an item of a 不予处罚事项清单: once published, the item is the issuing agency's own
 *       discretion rule (law-reference.md §1.2), so this engine reports it as 应当 — our reading, not a statute's words.</li>
 *   <li>MAY_NO_PENALTY — 第33条第1款第2句 (first offense, minor harm, timely correction): 可以不予处罚.</li>
 *   <li>LIST_MITIGATED — an item of a 减轻处罚事项清单 (milder than the next tier).</li>
 *   <li>LENIENT_OR_MITIGATED — 第30条 (14–18), 第31条 (partial capacity, 可以), 第32条, or a 从轻或者减轻 list item.</li>
 *   <li>LIST_LENIENT — an item of a 从轻处罚事项清单.</li>
 *   <li>AGGRAVATED — 第49条, only when no tier above holds. When a mitigating tier holds as well, the mitigating
 *       handling is reported and the conflict is flagged for the agency to weigh (configurable: {@link
 *       Settings#mitigationPrevails()} false reports STANDARD instead); no general statute settles this.</li>
 *   <li>STANDARD — nothing applies: penalize within the statutory range.</li>
 * </ol>
 *
 * <p>Exclusions (滑法政办〔2022〕17号 三(七)) take list items out of the tiers before ranking — only items of the
 * catalogs that declare the exclusion (滑县 agencies' lists), and only with {@link Settings#huaxianExclusion()}
 * (the case-by-case reading); they never touch statutory grounds. A heavier ground first in force after the act
 * (第49条, 2021-07-15) is set aside likewise (第37条). Lists of different levels all bind the agency inside their
 * jurisdictions; see {@link #layering}. Unknown is not false: when a ground of a tier <em>above</em> the winning one is unknown, the
 * handling is INSUFFICIENT_FACTS and the decision asks for the facts. Coercion (行政强制法 第16条第2款 and
 * 不予实施行政强制 items) is judged separately.
 */
public final class Precedence {

    /** Tiers in precedence order. */
    public enum Tier {
        REFER(Handling.REFER_CRIMINAL),
        TIME_BAR(Handling.TIME_BARRED),
        STATUTE_NO_PENALTY(Handling.NO_PENALTY),
        LIST_NO_PENALTY(Handling.NO_PENALTY),
        MAY_NO_PENALTY(Handling.MAY_NO_PENALTY),
        LIST_MITIGATED(Handling.MITIGATED),
        LENIENT_OR_MITIGATED(Handling.LENIENT_OR_MITIGATED),
        LIST_LENIENT(Handling.LENIENT),
        AGGRAVATED(Handling.AGGRAVATED),
        STANDARD(Handling.STANDARD);

        final Handling handling;

        Tier(Handling h) {
            this.handling = h;
        }
    }

    /**
     * The ranking's result.
     *
     * @param handling       the handling (INSUFFICIENT_FACTS when an undecided ground could outrank the best held one)
     * @param mandatory      应当 (true) or 可以 (false)
     * @param tier           the winning tier (the provisional one under INSUFFICIENT_FACTS)
     * @param decisive       held findings of the winning tier
     * @param undecided      unknown findings of tiers above the winning one
     * @param fallback       the next held tier below a MAY_NO_PENALTY, for "if the agency penalizes"
     * @param aggravationConflict 第49条 held together with a mitigating tier
     * @param excluded       list items held or unknown but excluded by an exclusion
     * @param coercion       coercion outcome, null when unknown
     * @param coercionBasis  held findings that dispense with coercive measures
     * @param coercionUndecided unknown coercion findings
     */
    public record Outcome(Handling handling, boolean mandatory, Tier tier, List<Finding> decisive,
                          List<Finding> undecided, Tier fallback, boolean aggravationConflict,
                          List<Finding> excluded, Coercion coercion, List<Finding> coercionBasis,
                          List<Finding> coercionUndecided) {
    }

    private Precedence() {
    }


    /**
     * Ranks the findings of one evaluation.
     *
     * @param actLawDay the day whose law governs the act (行政处罚法 第37条; the end of a continuing act by default),
     *                  or null when unknown: a heavier ground first in force after it does not count
     */
    public static Outcome decide(List<Finding> findings, RuleBase rb, Settings settings, java.time.LocalDate actLawDay) {
        Map<Tier, List<Finding>> held = new EnumMap<>(Tier.class);
        Map<Tier, List<Finding>> unknown = new EnumMap<>(Tier.class);
        List<Finding> excluded = new ArrayList<>();
        List<Finding> coercionHeld = new ArrayList<>();
        List<Finding> coercionUnknown = new ArrayList<>();
        boolean coercionFailedOnly = true;

        java.util.Set<String> heldExclusions = heldExclusions(findings, settings);
        for (Finding f : findings) {
            boolean isItem = f.getKind().equals("ITEM");
            if (isItem && excludedBy(f, heldExclusions, rb) != null) {
                if (f.getStatus() != Status.FAILED) excluded.add(f);
                continue;
            }
            if (!isItem && notYetInForce(f, rb, actLawDay)) {
                if (f.getStatus() != Status.FAILED) excluded.add(f);
                continue;
            }
            if (isCoercion(f, rb)) {
                if (f.getStatus() == Status.HELD) coercionHeld.add(f);
                else if (f.getStatus() == Status.UNKNOWN) coercionUnknown.add(f);
                continue;
            }
            Tier t = tierOf(f, rb);
            if (t == null || f.getStatus() == Status.FAILED) continue;
            (f.getStatus() == Status.HELD ? held : unknown).computeIfAbsent(t, k -> new ArrayList<>()).add(f);
        }

        Tier winner = Tier.STANDARD;
        for (Tier t : Tier.values()) {
            if (held.containsKey(t)) {
                winner = t;
                break;
            }
        }
        boolean conflict = false;
        if (held.containsKey(Tier.AGGRAVATED) && winner.ordinal() >= Tier.LIST_MITIGATED.ordinal()
                && winner.ordinal() <= Tier.LIST_LENIENT.ordinal()) {
            conflict = true;
        }
        // every held ground or item with the same handling is decisive too: a list item that agrees with a statutory
        // ground (e.g. 上海 免罚清单 items on top of 第33条第1款第1句) is cited, not silently absorbed
        List<Finding> decisive = new ArrayList<>();
        for (Tier t : Tier.values()) {
            if (t.handling == winner.handling && held.containsKey(t)) decisive.addAll(held.get(t));
        }
        List<Finding> undecided = new ArrayList<>();
        for (Tier t : Tier.values()) {
            if (t.ordinal() >= winner.ordinal()) break;
            // an unknown ground that would give the same handling cannot change it: a list item that gives NO_PENALTY
            // does not ask for the facts of 第33条第1款第1句, which would give NO_PENALTY too
            if (t.handling == winner.handling) continue;
            undecided.addAll(unknown.getOrDefault(t, List.of()));
        }
        Tier fallback = null;
        if (winner == Tier.MAY_NO_PENALTY) {
            fallback = Tier.STANDARD;
            for (Tier t : Tier.values()) {
                if (t.ordinal() > winner.ordinal() && held.containsKey(t)) {
                    fallback = t;
                    break;
                }
            }
        }
        Handling handling = winner.handling;
        boolean mandatory = decisive.stream().anyMatch(f -> mandatory(f, rb));
        if (winner == Tier.STANDARD) {
            mandatory = true;
        }
        if (conflict && !settings.mitigationPrevails()) {
            handling = Handling.STANDARD;
            mandatory = false;
        }
        if (!undecided.isEmpty()) {
            handling = Handling.INSUFFICIENT_FACTS;
            mandatory = false;
        }
        Coercion coercion = !coercionHeld.isEmpty() ? Coercion.NO_COERCION
                : !coercionUnknown.isEmpty() ? null : Coercion.COERCION_PERMITTED;
        return new Outcome(handling, mandatory, winner, List.copyOf(decisive), List.copyOf(undecided), fallback,
                conflict, List.copyOf(excluded), coercion, List.copyOf(coercionHeld), List.copyOf(coercionUnknown));
    }

    // ---- exclusions and dated grounds -------------------------------------------------------------------------

    /** Ids of the exclusion rules that hold (滑法政办〔2022〕17号 三(七)); none when the setting is off. */
    static java.util.Set<String> heldExclusions(List<Finding> findings, Settings settings) {
        if (!settings.huaxianExclusion()) return java.util.Set.of();
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Finding f : findings) {
            if (f.getKind().equals("EXCLUSION") && f.isHeld()) out.add(f.getId());
        }
        return out;
    }

    /**
     * The held exclusion that takes this list item away, or null. An exclusion binds only the lists it governs —
     * those whose catalog declares it ({@code exclusions:}): 三(七) governs the lists 滑县 agencies drafted under
     * it, never a national tax list or another province's list.
     */
    static String excludedBy(Finding item, java.util.Set<String> heldExclusions, RuleBase rb) {
        if (heldExclusions.isEmpty()) return null;
        RuleBase.ItemRef ref = rb.items().get(item.getId());
        if (ref == null) return null;
        for (String x : ref.catalog().exclusions()) {
            if (heldExclusions.contains(x)) return x;
        }
        return null;
    }

    /** A heavier statutory ground first in force after the act's law day is not applied to it (第37条). */
    static boolean notYetInForce(Finding f, RuleBase rb, java.time.LocalDate actLawDay) {
        if (actLawDay == null || !f.getKind().equals("STATUTE")) return false;
        StatuteMeta.GroundMeta g = rb.grounds().get(f.getId());
        return g != null && g.heavierFrom() != null && actLawDay.isBefore(g.heavierFrom());
    }

    /**
     * How layered lists (national / provincial / city / county on the same act) were decided, for the decision, or
     * null when the applied items come from one level. Every list whose jurisdiction covers the deciding agency
     * binds it (each is its issuer's published discretion rule); none displaces another, so all applied items are
     * cited and the handling is the most favourable tier among them (the ranking above) — a local list cannot make
     * a higher list's 不予处罚 heavier, and a higher list does not take away a local list's lighter handling.
     */
    public static String layering(List<Finding> decisive, List<Finding> heldItems, RuleBase rb) {
        java.util.Map<String, List<String>> byLevel = new java.util.TreeMap<>(java.util.Comparator.comparingInt(
                org.discretion.rules.internal.model.Jurisdiction.LEVELS::indexOf));
        for (Finding f : heldItems) {
            RuleBase.ItemRef r = rb.items().get(f.getId());
            if (r == null || r.catalog().level() == null
                    || !org.discretion.rules.internal.model.Jurisdiction.LEVELS.contains(r.catalog().level())) continue;
            byLevel.computeIfAbsent(r.catalog().level(), k -> new ArrayList<>()).add(f.getId());
        }
        if (byLevel.size() < 2) return null;
        StringBuilder sb = new StringBuilder("本案同时适用不同层级的清单（");
        List<String> parts = new ArrayList<>();
        byLevel.forEach((level, ids) -> parts.add(Explainer.levelZh(level).replace("（", "").replace("）", "") + "："
                + String.join("、", ids)));
        sb.append(String.join("；", parts)).append("）：各层级清单在其适用地域内均约束作出决定的机关，互不排除；"
                + "处理结果按优先顺序取对当事人最有利者，");
        List<String> applied = decisive.stream().filter(f -> f.getKind().equals("ITEM")).map(Finding::getId).toList();
        sb.append(applied.isEmpty() ? "本案由法定理由决定。" : "适用 " + String.join("、", applied) + "。");
        return sb.toString();
    }

    static boolean isCoercion(Finding f, RuleBase rb) {
        if (f.getKind().equals("ITEM")) {
            RuleBase.ItemRef ref = rb.items().get(f.getId());
            return ref != null && ref.item().list() == ListType.NO_COERCION;
        }
        StatuteMeta.GroundMeta g = rb.grounds().get(f.getId());
        return g != null && g.effect().equals("NO_COERCION");
    }

    static Tier tierOf(Finding f, RuleBase rb) {
        if (f.getKind().equals("ITEM")) {
            RuleBase.ItemRef ref = rb.items().get(f.getId());
            if (ref == null) return null;
            return switch (ref.item().list()) {
                case NO_PENALTY -> Tier.LIST_NO_PENALTY;
                case MITIGATED -> Tier.LIST_MITIGATED;
                case LENIENT_OR_MITIGATED -> Tier.LENIENT_OR_MITIGATED;
                case LENIENT -> Tier.LIST_LENIENT;
                case NO_COERCION -> null;
            };
        }
        if (!f.getKind().equals("STATUTE")) return null;
        StatuteMeta.GroundMeta g = rb.grounds().get(f.getId());
        if (g == null) return null;
        return switch (g.effect()) {
            case "REFER_CRIMINAL" -> Tier.REFER;
            case "TIME_BARRED" -> Tier.TIME_BAR;
            case "NO_PENALTY" -> Tier.STATUTE_NO_PENALTY;
            case "MAY_NO_PENALTY" -> Tier.MAY_NO_PENALTY;
            case "LENIENT_OR_MITIGATED" -> Tier.LENIENT_OR_MITIGATED;
            case "AGGRAVATED" -> Tier.AGGRAVATED;
            default -> null;
        };
    }

    /** Statutory grounds carry 应当/可以 in their metadata; a published list item binds the agency (应当). */
    static boolean mandatory(Finding f, RuleBase rb) {
        if (f.getKind().equals("ITEM")) return true;
        StatuteMeta.GroundMeta g = rb.grounds().get(f.getId());
        return g != null && g.mandatory();
    }

    /** Leniency order used by 行政处罚法 第37条 to choose between two evaluations: lower is lighter. */
    public static int lightness(Handling h) {
        return switch (h) {
            case TIME_BARRED -> -2;
            case NO_PENALTY -> 0;
            case MAY_NO_PENALTY -> 1;
            case MITIGATED -> 2;
            case LENIENT_OR_MITIGATED -> 3;
            case LENIENT -> 4;
            case STANDARD -> 5;
            case AGGRAVATED -> 6;
            case REFER_CRIMINAL, INSUFFICIENT_FACTS -> 7;
        };
    }
}
