package org.discretion.rules.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.ConditionReport;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.api.MissingFact;
import org.discretion.rules.api.Status;
import org.discretion.rules.facts.Finding;

/**
 * Which unknown facts to ask for: a fact is asked for only if some value of it changes the answer to an open
 * question — the handling (when INSUFFICIENT_FACTS) or, separately, the coercion advice (when it is unknown).
 * That is decided by evaluating the alternatives: the rules are run again with each value the fact can take (the
 * other unknowns left unknown), and the fact is asked for when the outcomes differ — for the handling, the handling
 * itself or the status of a ground that keeps it open (with other facts still unknown the handling may stay open for
 * every value of this one, which still decides a ground that can change it). A fact without a finite set of
 * values (an amount, a date, a text) is asked for whenever an undecided ground needs it. When no fact passes that
 * test but the handling is still open, every unknown fact of the undecided grounds is asked for, so that
 * INSUFFICIENT_FACTS always names at least one fact.
 */
final class MissingFacts {
    private final RuleBase rb;
    private final Function<CaseInput, Evaluator.Run> rerun;

    MissingFacts(RuleBase rb, Function<CaseInput, Evaluator.Run> rerun) {
        this.rb = rb;
        this.rerun = rerun;
    }

    /** A field with the findings that need it, per question. */
    private static final class Need {
        final Set<String> handlingWhy = new java.util.LinkedHashSet<>();
        final Set<String> coercionWhy = new java.util.LinkedHashSet<>();
        String label;
    }

    List<MissingFact> compute(CaseInput in, Precedence.Outcome o, java.util.function.BiFunction<String, Finding, String> labels) {
        boolean handlingOpen = o.handling() == Handling.INSUFFICIENT_FACTS;
        boolean coercionOpen = o.coercion() == null;
        Map<String, Need> needs = new LinkedHashMap<>();
        if (handlingOpen) collect(in, o.undecided(), needs, true, labels, false);
        if (coercionOpen) collect(in, o.coercionUndecided(), needs, false, labels, false);
        Map<String, String> factTypes = factTypes(needs.keySet());

        Set<String> openIds = new HashSet<>();
        o.undecided().forEach(f -> openIds.add(f.getId()));
        List<MissingFact> out = new ArrayList<>();
        for (Map.Entry<String, Need> e : needs.entrySet()) {
            String field = e.getKey();
            Need n = e.getValue();
            List<Object> alts = CaseFacts.alternatives(field, factTypes);
            boolean handling = handlingOpen && !n.handlingWhy.isEmpty();
            boolean coercion = coercionOpen && !n.coercionWhy.isEmpty();
            if (alts != null && (handling || coercion)) {
                Set<Object> handlings = new HashSet<>();
                Set<Object> coercions = new HashSet<>();
                for (Object v : alts) {
                    Evaluator.Run alt;
                    try {
                        alt = rerun.apply(CaseFacts.with(in, field, v));
                    } catch (InvalidCaseException impossible) {
                        continue; // a value the rest of the case rules out
                    }
                    Precedence.Outcome ao = alt.outcome();
                    // the handling, and the status of each ground that keeps it open: with other facts still unknown
                    // the handling may stay open for every value, yet this fact decides a ground that can change it
                    StringBuilder key = new StringBuilder(ao.handling() + "/" + ao.mandatory());
                    for (Finding f : alt.findings()) {
                        if (openIds.contains(f.getId())) key.append('|').append(f.getId()).append('=').append(f.getStatus());
                    }
                    handlings.add(key.toString());
                    coercions.add(Objects.toString(ao.coercion()));
                }
                handling = handling && handlings.size() > 1;
                coercion = coercion && coercions.size() > 1;
            }
            if (handling || coercion) out.add(fact(field, n, handling, coercion));
        }
        if (handlingOpen && out.stream().noneMatch(m -> m.affects().contains(MissingFact.HANDLING))) {
            // nothing passes the test alone (two facts decide only together): ask for every unknown of the open grounds
            Map<String, Need> all = new LinkedHashMap<>();
            collect(in, o.undecided(), all, true, labels, false);
            if (all.isEmpty()) collect(in, o.undecided(), all, true, labels, true);
            for (Map.Entry<String, Need> e : all.entrySet()) {
                out.removeIf(m -> m.field().equals(e.getKey()));
                Need n = needs.getOrDefault(e.getKey(), e.getValue());
                n.handlingWhy.addAll(e.getValue().handlingWhy);
                out.add(fact(e.getKey(), n, true, coercionOpen && !n.coercionWhy.isEmpty()));
            }
        }
        return out;
    }

    /** One entry per field: a fact asked for the handling and for the fine range is asked once, for both. */
    static List<MissingFact> mergeByField(List<MissingFact> facts) {
        Map<String, MissingFact> byField = new LinkedHashMap<>();
        for (MissingFact m : facts) {
            MissingFact prev = byField.get(m.field());
            if (prev == null) {
                byField.put(m.field(), m);
                continue;
            }
            String why = prev.why().contains(m.why()) ? prev.why() : prev.why() + "；" + m.why();
            Set<String> affects = new java.util.LinkedHashSet<>(prev.affects());
            affects.addAll(m.affects());
            byField.put(m.field(), new MissingFact(m.field(), prev.label(), why, List.copyOf(affects)));
        }
        return List.copyOf(byField.values());
    }

    private static MissingFact fact(String field, Need n, boolean handling, boolean coercion) {
        Set<String> why = new java.util.LinkedHashSet<>();
        List<String> affects = new ArrayList<>();
        if (handling) {
            why.addAll(n.handlingWhy);
            affects.add(MissingFact.HANDLING);
        }
        if (coercion) {
            why.addAll(n.coercionWhy);
            affects.add(MissingFact.COERCION);
        }
        return new MissingFact(field, n.label, String.join("、", why), affects);
    }

    /**
     * The unknown fields of the unknown conditions of the findings. With {@code anyField}, also fields the case gives
     * (e.g. {@code priorViolations} that name neither item nor provision): the condition stays unknown all the same.
     */
    private void collect(CaseInput in, List<Finding> findings, Map<String, Need> needs, boolean handling,
                         java.util.function.BiFunction<String, Finding, String> labels, boolean anyField) {
        for (Finding f : findings) {
            for (ConditionReport c : f.getConditions()) {
                if (c.status() != Status.UNKNOWN) continue;
                for (String field : c.fields()) {
                    if (!anyField && !DecisionAssembler.isMissing(in, field)) continue;
                    if (anyField && field.equals("circumstances")) continue;
                    Need n = needs.computeIfAbsent(field, k -> new Need());
                    if (n.label == null) n.label = labels.apply(field, f);
                    String why = f.getId() + "（" + rb.titleOf(f) + "）";
                    (handling ? n.handlingWhy : n.coercionWhy).add(why);
                }
            }
        }
    }

    /**
     * The declared type of each item fact among the fields asked about. Most decisions ask for no item fact, so the
     * rule base's items are walked only when one is (they were walked for every decision with an open question).
     */
    private Map<String, String> factTypes(Set<String> fields) {
        Set<String> names = new HashSet<>();
        for (String f : fields) if (f.startsWith("facts.")) names.add(f.substring("facts.".length()));
        Map<String, String> types = new LinkedHashMap<>();
        if (names.isEmpty()) return types;
        rb.items().values().forEach(r -> r.item().facts().forEach(f -> {
            if (names.contains(f.name())) types.putIfAbsent(f.name(), f.type());
        }));
        return types;
    }
}
