package org.discretion.rules.tooling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Coercion;
import org.discretion.rules.api.ConditionReport;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.GroundReport;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.api.ListType;
import org.discretion.rules.api.MatchedItem;
import org.discretion.rules.api.MentalCapacity;
import org.discretion.rules.api.Party;
import org.discretion.rules.api.PartyType;
import org.discretion.rules.api.Problem;
import org.discretion.rules.api.Settings;
import org.discretion.rules.api.Severity;
import org.discretion.rules.api.Status;
import org.discretion.rules.facts.FactSpec;
import org.discretion.rules.internal.Evaluator;
import org.discretion.rules.internal.Precedence;
import org.discretion.rules.internal.RuleBase;
import org.discretion.rules.internal.SourceText;
import org.discretion.rules.internal.Sources;
import org.discretion.rules.internal.model.CatalogMeta;
import org.discretion.rules.internal.model.ItemMeta;
import org.discretion.rules.tooling.CheckReport.Diagnostic;

/**
 * The discretion analysis: generates cases for each item (and for each violation provision several items share),
 * evaluates them through the real {@link Evaluator}, and reports what a rule author cannot see by reading one rule.
 * See {@link CatalogChecker} for the findings and the generated dimensions.
 */
final class DiscretionAnalysis {

    private static final Pattern CIRCUMSTANCE = Pattern.compile("Circumstance\\.([A-Z_]+)");
    private static final Pattern GAINS = Pattern.compile("illegalGainsAtMost\\(\\s*(\\d+)");
    private static final Pattern PARTY = Pattern.compile("naturalPerson\\(|partyIs\\(|ageBelow\\(|ageAtLeast\\(|mentalCapacity\\(");
    private static final Pattern AGE = Pattern.compile("age(?:Below|AtLeast)\\(\\s*(\\d+)");
    private static final Set<Circumstance> MITIGATING = Set.of(Circumstance.ELIMINATED_HARM,
            Circumstance.COERCED_OR_DECEIVED, Circumstance.CONFESSED_UNKNOWN_VIOLATION, Circumstance.MERITORIOUS_SERVICE,
            Circumstance.NO_FAULT_PROVEN);
    private static final Set<Circumstance> AGGRAVATING = Set.of(Circumstance.HIGH_RISK, Circumstance.IRREVERSIBLE_LOSS,
            Circumstance.LARGE_SOCIAL_IMPACT, Circumstance.EXPLOITED_EMERGENCY, Circumstance.VIOLATED_EMERGENCY_MEASURES);

    /** One generated dimension: its values, and which value changes make the case more favourable to the party. */
    record Dim(String name, List<Object> values, List<int[]> milder, List<Object[]> milderValues) {
        Dim(String name, List<Object> values, List<int[]> milder) {
            this(name, values, milder, milder.stream().map(s -> new Object[]{values.get(s[0]), values.get(s[1])}).toList());
        }

        /** The case field the dimension sets, as conditions name it in {@code fields()}. */
        boolean reads(String field) {
            if (name.startsWith("circumstances.")) return field.equals("circumstances");
            if (name.equals("party")) return field.startsWith("party.");
            return field.equals(name);
        }
    }

    /** What one generated case came out as. */
    record Outcome(Handling handling, Coercion coercion, Map<String, GroundReport> items, List<MatchedItem> applied) {
    }

    private final RuleBase rb;
    private final Evaluator evaluator;
    private final int maxCases;
    private final LocalDate today;
    private final List<Diagnostic> out = new ArrayList<>();
    private int evaluated;

    DiscretionAnalysis(RuleBase rb, Settings settings, int maxCases, LocalDate today) {
        this.rb = rb;
        this.evaluator = new Evaluator(rb, settings, DiscretionEngine.VERSION);
        this.maxCases = maxCases;
        this.today = today;
    }

    int evaluated() {
        return evaluated;
    }

    List<Diagnostic> run() {
        for (CatalogMeta cm : rb.catalogs().values()) {
            for (ItemMeta it : cm.items()) {
                if ("DRAFT".equals(cm.status())) continue;
                analyseItem(cm, it);
            }
        }
        analyseProvisions();
        return out;
    }

    // ---- one item, named by its id -------------------------------------------------------------------------------

    private void analyseItem(CatalogMeta cm, ItemMeta it) {
        LocalDate day = dayInForce(cm, it);
        List<Dim> full = dims(List.of(new RuleBase.ItemRef(cm, it)));
        List<Dim> dims = reduce(full, it.id(), null, day);
        if (!analyseItem(cm, it, dims, day, false)) {
            // never held on the reduced dimensions: confirm on all values before saying so
            analyseItem(cm, it, full, day, true);
        }
    }

    /** Returns false when the item never held (reported only when {@code report} is set). */
    private boolean analyseItem(CatalogMeta cm, ItemMeta it, List<Dim> dims, LocalDate day, boolean report) {
        Map<List<Integer>, Outcome> seen = new HashMap<>();
        List<List<Integer>> points = points(dims);
        boolean everHeld = false;
        Map<String, Boolean> conditionHeld = new LinkedHashMap<>();
        List<Integer> closest = null;
        int closestHeld = -1;
        for (List<Integer> p : points) {
            Outcome o = outcome(seen, dims, p, it.id(), null, day);
            if (o == null) continue;
            GroundReport g = o.items().get(it.id());
            if (g == null) continue;
            if (g.status() == Status.HELD) everHeld = true;
            int held = 0;
            for (ConditionReport c : g.conditions()) {
                conditionHeld.merge(c.label(), c.status() == Status.HELD, Boolean::logicalOr);
                if (c.status() == Status.HELD) held++;
            }
            if (held > closestHeld) {
                closestHeld = held;
                closest = p;
            }
        }
        String origin = origin(cm);
        int line = line(cm, it);
        if (!everHeld && closest != null && !report) {
            return false;
        }
        if (!everHeld && closest != null) {
            List<String> never = conditionHeld.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
            String why = never.isEmpty()
                    ? "each condition holds in some case, but never all together: " + String.join("、", conditionHeld.keySet())
                    : "these conditions never hold: " + String.join("、", never);
            out.add(new Diagnostic(Problem.error(origin, line, 0, "NEVER_MET", "item " + it.id()
                    + ": its conditions can never all be met — in " + seen.size() + " generated cases (" + describe(dims)
                    + ") the item never held; " + why + ". Check the rule against the published 适用情形"),
                    json(caseOf(dims, closest, it.id(), null, day))));
            return false;
        }
        monotonicity(cm, it, dims, points, seen, day, origin, line);
        return true;
    }

    private void monotonicity(CatalogMeta cm, ItemMeta it, List<Dim> dims, List<List<Integer>> points,
                              Map<List<Integer>, Outcome> seen, LocalDate day, String origin, int line) {
        boolean coercion = it.list() == ListType.NO_COERCION;
        Set<String> reported = new LinkedHashSet<>();
        for (List<Integer> p : points) {
            Outcome a = seen.get(p);
            if (a == null) continue;
            for (int d = 0; d < dims.size(); d++) {
                Dim dim = dims.get(d);
                if (reported.contains(dim.name())) continue;
                for (int k = 0; k < dim.milder().size(); k++) {
                    int[] step = dim.milder().get(k);
                    if (p.get(d) != step[0]) continue;
                    List<Integer> q = new ArrayList<>(p);
                    q.set(d, step[1]);
                    Outcome b = outcome(seen, dims, q, it.id(), null, day);
                    if (b == null) continue;
                    GroundReport ga = a.items().get(it.id());
                    GroundReport gb = b.items().get(it.id());
                    if (ga == null || gb == null || ga.status() == gb.status()) continue; // the item is not involved
                    int sa = coercion ? coercionScore(a.coercion()) : score(a.handling());
                    int sb = coercion ? coercionScore(b.coercion()) : score(b.handling());
                    if (sa < 0 || sb < 0 || sb <= sa) continue;
                    // the dimension was reduced to classes of equivalent values: show the pair the author knows
                    // (e.g. AFTER_DEADLINE -> WITHIN_DEADLINE), confirmed by evaluating it, else the evaluated pair
                    Object from = dim.milderValues().get(k)[0];
                    Object to = dim.milderValues().get(k)[1];
                    ObjectNode ca = caseOf(dims, p, it.id(), null, day, Map.of(d, from));
                    ObjectNode cb = caseOf(dims, q, it.id(), null, day, Map.of(d, to));
                    Outcome a2 = evaluateQuietly(dims, p, it.id(), day, Map.of(d, from));
                    Outcome b2 = evaluateQuietly(dims, q, it.id(), day, Map.of(d, to));
                    if (a2 == null || b2 == null || a2.handling() != a.handling() || b2.handling() != b.handling()
                            || a2.coercion() != a.coercion() || b2.coercion() != b.coercion()) {
                        from = dim.values().get(step[0]);
                        to = dim.values().get(step[1]);
                        ca = caseOf(dims, p, it.id(), null, day, Map.of());
                        cb = caseOf(dims, q, it.id(), null, day, Map.of());
                    }
                    reported.add(dim.name());
                    String outcomeA = coercion ? String.valueOf(a.coercion()) : a.handling().name();
                    String outcomeB = coercion ? String.valueOf(b.coercion()) : b.handling().name();
                    ObjectNode ex = JsonNodeFactory.instance.objectNode();
                    ex.set("case", ca);
                    ex.set("milderCase", cb);
                    out.add(new Diagnostic(Problem.error(origin, line, 0, "NON_MONOTONIC", "item " + it.id()
                            + ": a fact more favourable to the party makes the outcome harsher — with " + dim.name() + "="
                            + from + " the case gets " + outcomeA + ", with the milder " + dim.name() + "=" + to + " it gets "
                            + outcomeB + " because the item " + (gb.status() == Status.HELD ? "then holds" : "then no longer holds")
                            + failed(gb) + ". Check the rule against the published 适用情形 (a list must not treat the "
                            + "milder case worse)"), json(ex)));
                    break;
                }
            }
        }
    }

    private static String failed(GroundReport g) {
        List<String> f = g.conditions().stream().filter(c -> c.status() == Status.FAILED).map(ConditionReport::label).toList();
        return f.isEmpty() ? "" : " (failing: " + String.join("、", f) + ")";
    }

    /** Lightness of a penalty outcome; -1 when it is not a degree of penalty. */
    private static int score(Handling h) {
        return switch (h) {
            case NO_PENALTY, MAY_NO_PENALTY, MITIGATED, LENIENT_OR_MITIGATED, LENIENT, STANDARD, AGGRAVATED ->
                    Precedence.lightness(h);
            default -> -1;
        };
    }

    private static int coercionScore(Coercion c) {
        return c == null ? -1 : c == Coercion.NO_COERCION ? 0 : 1;
    }

    // ---- several items for one violation provision -----------------------------------------------------------

    private void analyseProvisions() {
        Map<String, List<RuleBase.ItemRef>> byProvision = new LinkedHashMap<>();
        for (RuleBase.ProvisionIndex pi : rb.provisionIndex()) {
            byProvision.computeIfAbsent(pi.raw(), k -> new ArrayList<>()).add(pi.item());
        }
        Set<Set<String>> done = new LinkedHashSet<>();
        for (String provision : byProvision.keySet()) {
            // the engine decides which items a provision reaches: ask it with a probe case
            LocalDate day = today;
            List<RuleBase.ItemRef> candidates = new ArrayList<>();
            for (RuleBase.ItemRef r : byProvision.get(provision)) {
                if (!"DRAFT".equals(r.catalog().status())) {
                    day = dayInForce(r.catalog(), r.item());
                    break;
                }
            }
            Outcome probe;
            try {
                evaluated++;
                probe = toOutcome(evaluator.evaluate(CaseInput.builder("probe").provision(provision)
                        .party(Party.organization()).actDate(day).discoveryDate(day).decisionDate(day).build(), day));
            } catch (InvalidCaseException e) {
                continue;
            }
            for (String id : probe.items().keySet()) candidates.add(rb.items().get(id));
            Set<String> ids = new TreeSet<>(probe.items().keySet());
            if (candidates.size() < 2 || !done.add(ids)) continue;
            List<Dim> dims = reduce(dims(candidates), null, provision, day);
            Map<List<Integer>, Outcome> seen = new HashMap<>();
            Map<String, Integer> heldCount = new LinkedHashMap<>();
            Map<String, Integer> appliedCount = new LinkedHashMap<>();
            Map<String, Map<String, Integer>> shadowers = new LinkedHashMap<>();
            Map<String, List<Integer>> shadowExample = new LinkedHashMap<>();
            Set<String> overlapReported = new LinkedHashSet<>();
            for (List<Integer> p : points(dims)) {
                Outcome o = outcome(seen, dims, p, null, provision, day);
                if (o == null) continue;
                Set<String> applied = new LinkedHashSet<>();
                o.applied().forEach(m -> applied.add(m.item()));
                for (GroundReport g : o.items().values()) {
                    if (g.status() != Status.HELD) continue;
                    heldCount.merge(g.id(), 1, Integer::sum);
                    if (applied.contains(g.id())) {
                        appliedCount.merge(g.id(), 1, Integer::sum);
                    } else {
                        Map<String, Integer> by = shadowers.computeIfAbsent(g.id(), k -> new LinkedHashMap<>());
                        applied.forEach(a -> by.merge(a, 1, Integer::sum));
                        if (applied.isEmpty()) by.merge("", 1, Integer::sum);
                        shadowExample.putIfAbsent(g.id(), p);
                    }
                }
                overlaps(o, dims, p, provision, day, overlapReported);
            }
            for (Map.Entry<String, Map<String, Integer>> e : shadowers.entrySet()) {
                String id = e.getKey();
                // shadowed: never applied although it held, and at least once another item took precedence
                int byStatute = e.getValue().getOrDefault("", 0);
                String by = e.getValue().entrySet().stream().filter(x -> !x.getKey().isEmpty())
                        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
                if (appliedCount.getOrDefault(id, 0) > 0 || by == null) continue;
                RuleBase.ItemRef me = rb.items().get(id);
                RuleBase.ItemRef other = rb.items().get(by);
                out.add(new Diagnostic(Problem.warning(origin(me.catalog()), line(me.catalog(), me.item()), 0, "SHADOWED",
                        "item " + id + " (" + me.item().list().title() + ") is shadowed by item " + by + " ("
                                + other.item().list().title() + ", " + other.catalog().id() + ") for provision \"" + provision
                                + "\": in all " + heldCount.get(id) + " generated cases where " + id + " holds, " + by
                                + (byStatute > 0 ? " or (in " + byStatute + " of them) a statutory ground" : "")
                                + " takes precedence, so " + id + " never decides a case named by that provision; "
                                + "check that both lists were published this way"),
                        json(caseOf(dims, shadowExample.get(id), null, provision, day))));
            }
        }
    }

    /**
     * Two items applied to the same facts, from different catalogs of the same level on the same list, whose
     * jurisdictions overlap (one's area contains the other's; a national list overlaps every list): Precedence
     * ranks by list and the decision explains by level, so nothing says whose 裁量幅度 and 配套监管措施 govern.
     */
    private void overlaps(Outcome o, List<Dim> dims, List<Integer> p, String provision, LocalDate day, Set<String> reported) {
        List<MatchedItem> applied = o.applied();
        for (int i = 0; i < applied.size(); i++) {
            for (int j = i + 1; j < applied.size(); j++) {
                MatchedItem a = applied.get(i);
                MatchedItem b = applied.get(j);
                if (a.catalog().equals(b.catalog()) || a.list() != b.list() || !String.valueOf(a.level()).equals(String.valueOf(b.level()))) continue;
                // lists whose jurisdictions do not overlap never apply to the same agency (a 海南 list and a 山西 list)
                if (!rb.catalogs().get(a.catalog()).overlaps(rb.catalogs().get(b.catalog()))) continue;
                String key = a.item() + "|" + b.item();
                if (!reported.add(key)) continue;
                ItemMeta ia = rb.items().get(a.item()).item();
                ItemMeta ib = rb.items().get(b.item()).item();
                boolean differ = !String.valueOf(ia.discretionRange()).equals(String.valueOf(ib.discretionRange()))
                        || !String.valueOf(ia.measures()).equals(String.valueOf(ib.measures()));
                CatalogMeta ca = rb.items().get(a.item()).catalog();
                String msg = "items " + a.item() + " (" + a.catalog() + ") and " + b.item() + " (" + b.catalog()
                        + ") are both on a " + a.list().title() + " at level " + a.level() + " and both apply to the same "
                        + "facts for provision \"" + provision + "\", with no declared precedence between them (Precedence "
                        + "ranks by list, the decision explains by level; both are equal here)"
                        + (differ ? " — and their 裁量幅度 or 配套监管措施 differ, so the decision cannot say which governs. "
                        + "Make their 适用情形 exclusive, or restrict one catalog with catalogs/effective dates"
                        : "; they agree on 裁量幅度 and 配套监管措施, so the decision cites both");
                Problem pr = differ ? Problem.error(origin(ca), line(ca, ia), 0, "OVERLAPPING_LISTS", msg)
                        : Problem.warning(origin(ca), line(ca, ia), 0, "OVERLAPPING_LISTS", msg);
                out.add(new Diagnostic(pr, json(caseOf(dims, p, null, provision, day))));
            }
        }
    }

    // ---- generated cases -----------------------------------------------------------------------------------------

    /** The dimensions to enumerate for these items: the general ones, and those their rules and facts mention. */
    List<Dim> dims(List<RuleBase.ItemRef> items) {
        List<Dim> dims = new ArrayList<>();
        dims.add(ordered("severity", Severity.values()));
        dims.add(ordered("harm", Harm.values()));
        List<Object> corr = List.of((Object[]) Correction.values());
        dims.add(new Dim("correction", corr, List.of(
                new int[]{Correction.NOT_CORRECTED.ordinal(), Correction.AFTER_DEADLINE.ordinal()},
                new int[]{Correction.NOT_CORRECTED.ordinal(), Correction.DURING_INVESTIGATION.ordinal()},
                new int[]{Correction.AFTER_DEADLINE.ordinal(), Correction.WITHIN_DEADLINE.ordinal()})));
        dims.add(new Dim("firstOffense", List.of(false, true), List.<int[]>of(new int[]{0, 1})));
        StringBuilder text = new StringBuilder();
        for (RuleBase.ItemRef r : items) text.append(ruleText(r)).append('\n');
        String rules = text.toString();
        Set<Long> gains = new TreeSet<>();
        boolean gainsUsed = rules.contains("noIllegalGains(") || rules.contains("illegalGainsAtMost(");
        if (gainsUsed) {
            gains.add(0L);
            if (!rules.contains("illegalGainsAtMost(")) gains.add(500L);
            Matcher m = GAINS.matcher(rules);
            while (m.find()) {
                long b = Long.parseLong(m.group(1));
                gains.add(b);
                gains.add(b + 1);
            }
            List<Object> vals = new ArrayList<>();
            List<int[]> milder = new ArrayList<>();
            for (Long g : gains) vals.add(BigDecimal.valueOf(g));
            for (int i = 1; i < vals.size(); i++) milder.add(new int[]{i, i - 1});
            dims.add(new Dim("illegalGains", vals, milder));
        }
        // only circumstances the rules mention: one they do not read cannot change an item's status
        Set<Circumstance> toggles = new TreeSet<>();
        Matcher m = CIRCUMSTANCE.matcher(rules);
        while (m.find()) {
            try {
                toggles.add(Circumstance.valueOf(m.group(1)));
            } catch (IllegalArgumentException ignored) {
                // not a Circumstance constant; the compiler already reported it
            }
        }
        for (Circumstance c : toggles) {
            List<int[]> milder = MITIGATING.contains(c) ? List.<int[]>of(new int[]{0, 1})
                    : AGGRAVATING.contains(c) ? List.<int[]>of(new int[]{1, 0}) : List.of();
            dims.add(new Dim("circumstances." + c, List.of(false, true), milder));
        }
        if (PARTY.matcher(rules).find()) {
            List<Object> parties = new ArrayList<>();
            parties.add(Party.organization());
            Set<Integer> ages = new TreeSet<>(List.of(30));
            Matcher am = AGE.matcher(rules);
            while (am.find()) {
                int a = Integer.parseInt(am.group(1));
                ages.add(a);
                if (a > 0) ages.add(a - 1);
            }
            for (int a : ages) parties.add(new Party(PartyType.INDIVIDUAL, a, MentalCapacity.FULL));
            parties.add(new Party(PartyType.INDIVIDUAL_BUSINESS, 30, MentalCapacity.FULL));
            dims.add(new Dim("party", parties, List.of()));
        }
        Map<String, FactSpec> facts = new LinkedHashMap<>();
        for (RuleBase.ItemRef r : items) r.item().facts().forEach(f -> facts.putIfAbsent(f.name(), f));
        for (FactSpec f : facts.values()) {
            dims.add(new Dim("facts." + f.name(), factValues(f, rules), List.of()));
        }
        return dims;
    }

    private static Dim ordered(String name, Enum<?>[] values) {
        List<int[]> milder = new ArrayList<>();
        for (int i = 1; i < values.length; i++) milder.add(new int[]{i, i - 1});
        return new Dim(name, List.of((Object[]) values), milder);
    }

    /** Boundary values of a declared fact: every bound the rules compare it with, one step below and above, and 0. */
    static List<Object> factValues(FactSpec f, String rules) {
        String q = Pattern.quote(f.name());
        switch (f.type()) {
            case "NUMBER" -> {
                Set<BigDecimal> vals = new TreeSet<>();
                vals.add(BigDecimal.ZERO);
                Matcher m = Pattern.compile("fact\\(\\s*\"" + q + "\"\\s*\\)\\s*\\.\\s*(?:atMost|lessThan|atLeast|greaterThan)\\(\\s*([0-9.]+)")
                        .matcher(rules);
                boolean any = false;
                while (m.find()) {
                    any = true;
                    BigDecimal b = new BigDecimal(m.group(1));
                    BigDecimal step = b.stripTrailingZeros().scale() <= 0 && b.compareTo(BigDecimal.ONE) >= 0
                            ? BigDecimal.ONE : new BigDecimal("0.01");
                    vals.add(b);
                    vals.add(b.add(step));
                    if (b.subtract(step).signum() >= 0) vals.add(b.subtract(step));
                }
                if (!any) vals.add(BigDecimal.TEN);
                return new ArrayList<>(vals);
            }
            case "BOOLEAN" -> {
                return List.of(false, true);
            }
            case "TEXT" -> {
                Set<Object> vals = new LinkedHashSet<>();
                Matcher m = Pattern.compile("fact\\(\\s*\"" + q + "\"\\s*\\)\\s*\\.\\s*in\\(([^)]*)\\)").matcher(rules);
                while (m.find()) {
                    Matcher s = Pattern.compile("\"([^\"]*)\"").matcher(m.group(1));
                    while (s.find()) vals.add(s.group(1));
                }
                vals.add("（其他）");
                return new ArrayList<>(vals);
            }
            default -> {
                return List.of("2024-01-01");
            }
        }
    }

    /** Every combination, or a fixed-seed sample of {@code maxCases} of them when there are more. */
    List<List<Integer>> points(List<Dim> dims) {
        long total = 1;
        for (Dim d : dims) total *= d.values().size();
        List<List<Integer>> out = new ArrayList<>();
        if (total <= maxCases) {
            for (long i = 0; i < total; i++) out.add(decode(dims, i));
        } else {
            Random r = new Random(42);
            Set<Long> picked = new LinkedHashSet<>();
            while (picked.size() < maxCases) picked.add(Math.floorMod(r.nextLong(), total));
            for (long i : picked) out.add(decode(dims, i));
        }
        return out;
    }

    private static List<Integer> decode(List<Dim> dims, long index) {
        Integer[] p = new Integer[dims.size()];
        for (int d = dims.size() - 1; d >= 0; d--) {
            int n = dims.get(d).values().size();
            p[d] = (int) (index % n);
            index /= n;
        }
        return Arrays.asList(p);
    }

    private Outcome outcome(Map<List<Integer>, Outcome> seen, List<Dim> dims, List<Integer> p, String item,
                            String provision, LocalDate day) {
        if (seen.containsKey(p)) return seen.get(p);
        if (seen.size() >= 2 * maxCases) return null; // neighbours of a sample: bounded as well
        Outcome o;
        try {
            evaluated++;
            o = toOutcome(evaluator.evaluate(build(dims, p, item, provision, day), day));
        } catch (InvalidCaseException e) {
            o = null;
        }
        seen.put(List.copyOf(p), o);
        return o;
    }

    private static Outcome toOutcome(Decision d) {
        Map<String, GroundReport> items = new LinkedHashMap<>();
        for (GroundReport g : d.whyNot()) {
            if (g.kind().equals("ITEM")) items.put(g.id(), g);
        }
        return new Outcome(d.handling(), d.coercion(), items, d.items());
    }

    private CaseInput build(List<Dim> dims, List<Integer> p, String item, String provision, LocalDate day) {
        return build(dims, p, item, provision, day, Map.of());
    }

    private CaseInput build(List<Dim> dims, List<Integer> p, String item, String provision, LocalDate day,
                            Map<Integer, Object> override) {
        CaseInput.Builder b = CaseInput.builder("generated").actDate(day).discoveryDate(day).decisionDate(day)
                .party(Party.organization());
        if (item != null) b.item(item);
        if (provision != null) b.provision(provision);
        List<Circumstance> circ = new ArrayList<>();
        b.illegalGains(BigDecimal.ZERO);
        for (int d = 0; d < dims.size(); d++) {
            Dim dim = dims.get(d);
            Object v = override.containsKey(d) ? override.get(d) : dim.values().get(p.get(d));
            switch (dim.name()) {
                case "severity" -> b.severity((Severity) v);
                case "harm" -> b.harm((Harm) v);
                case "correction" -> b.correction((Correction) v);
                case "firstOffense" -> b.firstOffense((Boolean) v);
                case "illegalGains" -> b.illegalGains((BigDecimal) v);
                case "party" -> b.party((Party) v);
                default -> {
                    if (dim.name().startsWith("circumstances.")) {
                        if ((Boolean) v) circ.add(Circumstance.valueOf(dim.name().substring("circumstances.".length())));
                    } else if (dim.name().startsWith("facts.")) {
                        b.fact(dim.name().substring("facts.".length()), v);
                    }
                }
            }
        }
        b.circumstances(circ.toArray(Circumstance[]::new));
        return b.build();
    }

    private ObjectNode caseOf(List<Dim> dims, List<Integer> p, String item, String provision, LocalDate day) {
        return caseOf(dims, p, item, provision, day, Map.of());
    }

    private Outcome evaluateQuietly(List<Dim> dims, List<Integer> p, String item, LocalDate day, Map<Integer, Object> override) {
        try {
            evaluated++;
            return toOutcome(evaluator.evaluate(build(dims, p, item, null, day, override), day));
        } catch (InvalidCaseException e) {
            return null;
        }
    }

    /**
     * Keeps one value per class of equivalent values of each dimension: values under which every condition that
     * reads the dimension's field (of the item and of the statute layer) comes out the same, at the mildest and at
     * the harshest setting of the other dimensions. The milder-steps are carried over between classes, with the
     * original values so that a finding can name them.
     */
    private List<Dim> reduce(List<Dim> dims, String item, String provision, LocalDate day) {
        List<Integer> low = new ArrayList<>();
        List<Integer> high = new ArrayList<>();
        for (Dim d : dims) {
            low.add(0);
            high.add(d.values().size() - 1);
        }
        List<Dim> out = new ArrayList<>();
        for (int d = 0; d < dims.size(); d++) {
            Dim dim = dims.get(d);
            Map<String, Integer> classes = new LinkedHashMap<>();
            int[] classOf = new int[dim.values().size()];
            List<Object> reps = new ArrayList<>();
            for (int v = 0; v < dim.values().size(); v++) {
                StringBuilder sig = new StringBuilder();
                for (List<Integer> base : List.of(low, high)) {
                    List<Integer> p = new ArrayList<>(base);
                    p.set(d, v);
                    Outcome o;
                    try {
                        evaluated++;
                        Decision dec = evaluator.evaluate(build(dims, p, item, provision, day), day);
                        for (GroundReport g : dec.whyNot()) {
                            for (ConditionReport c : g.conditions()) {
                                if (c.fields().stream().anyMatch(dim::reads)) {
                                    sig.append(g.id()).append('/').append(c.label()).append('=').append(c.status()).append(';');
                                }
                            }
                        }
                    } catch (InvalidCaseException e) {
                        sig.append("invalid;");
                    }
                    sig.append('|');
                }
                Integer cls = classes.get(sig.toString());
                if (cls == null) {
                    cls = reps.size();
                    classes.put(sig.toString(), cls);
                    reps.add(dim.values().get(v));
                }
                classOf[v] = cls;
            }
            List<int[]> steps = new ArrayList<>();
            List<Object[]> stepValues = new ArrayList<>();
            Set<String> seenSteps = new LinkedHashSet<>();
            for (int k = 0; k < dim.milder().size(); k++) {
                int[] s = dim.milder().get(k);
                int a = classOf[s[0]];
                int b = classOf[s[1]];
                if (a != b && seenSteps.add(a + ">" + b)) {
                    steps.add(new int[]{a, b});
                    stepValues.add(dim.milderValues().get(k));
                }
            }
            out.add(new Dim(dim.name(), reps, steps, stepValues));
        }
        return out;
    }

    private ObjectNode caseOf(List<Dim> dims, List<Integer> p, String item, String provision, LocalDate day,
                              Map<Integer, Object> override) {
        CaseInput c = build(dims, p, item, provision, day, override);
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", "example");
        if (c.item() != null) n.put("item", c.item());
        if (c.provision() != null) n.put("provision", c.provision());
        ObjectNode party = n.putObject("party");
        party.put("type", c.party().type().name());
        if (c.party().age() != null) party.put("age", c.party().age());
        if (c.party().mentalCapacity() != null) party.put("mentalCapacity", c.party().mentalCapacity().name());
        n.put("actDate", day.toString());
        n.put("discoveryDate", day.toString());
        n.put("decisionDate", day.toString());
        n.put("firstOffense", c.firstOffense());
        n.put("correction", c.correction().name());
        n.put("severity", c.severity().name());
        n.put("harm", c.harm().name());
        var circ = n.putArray("circumstances");
        c.circumstances().forEach(x -> circ.add(x.name()));
        n.put("illegalGains", c.illegalGains());
        if (!c.facts().isEmpty()) {
            ObjectNode f = n.putObject("facts");
            c.facts().forEach((k, v) -> {
                if (v instanceof BigDecimal bd) f.put(k, bd);
                else if (v instanceof Boolean bo) f.put(k, bo);
                else f.put(k, String.valueOf(v));
            });
        }
        return n;
    }

    private static String json(ObjectNode n) {
        return n.toString();
    }

    private static String describe(List<Dim> dims) {
        return String.join(" × ", dims.stream().map(d -> d.name() + "(" + d.values().size() + ")").toList());
    }

    /** A day on which both the catalog and the item are in force: today if it is, else the nearest such day. */
    LocalDate dayInForce(CatalogMeta c, ItemMeta it) {
        LocalDate from = it.effectiveFrom() != null ? it.effectiveFrom() : c.effectiveFrom();
        LocalDate to = it.effectiveTo() != null ? it.effectiveTo() : c.effectiveTo();
        LocalDate d = today;
        if (to != null && d.isAfter(to)) d = to;
        if (from != null && d.isBefore(from)) d = from;
        return d;
    }

    private String ruleText(RuleBase.ItemRef r) {
        for (Sources.Bundle b : rb.sources().bundles()) {
            if (b.statute() || !b.folder().equals(r.catalog().id())) continue;
            for (Sources.SourceFile f : b.drl()) {
                String body = SourceText.ruleBody(f.text(), r.item().id());
                if (!body.isEmpty()) return body;
            }
        }
        return "";
    }

    private String origin(CatalogMeta c) {
        return bundle(c).meta().origin();
    }

    private int line(CatalogMeta c, ItemMeta it) {
        return SourceText.lineOf(bundle(c).meta().text(), "id: " + it.id());
    }

    private Sources.Bundle bundle(CatalogMeta c) {
        for (Sources.Bundle b : rb.sources().bundles()) {
            if (!b.statute() && b.folder().equals(c.id())) return b;
        }
        throw new IllegalStateException("no source for catalog " + c.id());
    }
}
