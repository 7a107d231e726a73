package org.discretion.rules.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.api.Settings;
import org.discretion.rules.facts.Candidate;
import org.discretion.rules.facts.CaseView;
import org.discretion.rules.facts.FactSpec;
import org.discretion.rules.facts.Finding;
import org.discretion.rules.facts.Provisions;
import org.discretion.rules.internal.model.CatalogMeta;
import org.discretion.rules.internal.model.ItemMeta;

/**
 * Evaluates one case against one {@link RuleBase}: checks the case against the catalogs, finds the candidate
 * items, runs the rules (at the act date and at the decision date when lists or law changed in between, for
 * 行政处罚法 第37条) and hands the findings to {@link Precedence} and {@link DecisionAssembler}. Stateless and
 * thread-safe: each evaluation has its own Drools session.
 */
public final class Evaluator {

    /** What one run of the rules at one date produced. */
    record Run(LocalDate asOf, List<Finding> findings, List<RuleBase.ItemRef> notInForce,
               List<RuleBase.ItemRef> candidates, Precedence.Outcome outcome, CaseView.Limitation limitation,
               List<RuleBase.ItemRef> outsideJurisdiction, LocalDate actLawDay) {
    }

    private final RuleBase rb;
    private final Settings settings;
    private final String engineVersion;

    public Evaluator(RuleBase rb, Settings settings, String engineVersion) {
        this.rb = rb;
        this.settings = settings;
        this.engineVersion = engineVersion;
    }

    public RuleBase ruleBase() {
        return rb;
    }

    public Decision evaluate(CaseInput given, LocalDate today) {
        return evaluate(given, today, false);
    }

    /** {@code lean}: a screening decision, without the why-not report and the prose (see DiscretionEngine#screen). */
    public Decision evaluate(CaseInput given, LocalDate today, boolean lean) {
        Pending p = prepare(given, today);
        return finish(p, fire(p.given().id(), p.atDecision().facts()), lean);
    }

    /**
     * Several cases in one Drools session: the rules match one fact each ({@code CaseView()} or
     * {@code Candidate(item == …)}, guaranteed by the closed rule language), so each case's findings are those a session
     * of its own would give; they are told apart by the case view they belong to. Saves the session and its set-up per
     * case. When the shared session fails or exceeds its bounds (the per-case bounds times the number of cases), every
     * case is evaluated alone, so that the bounds and the errors stay those of the case.
     *
     * @return per case, in input order, its {@link Decision} or the {@link Throwable} its evaluation threw
     */
    public List<Object> evaluateMany(List<CaseInput> cases, LocalDate today, boolean lean) {
        int n = cases.size();
        Object[] out = new Object[n];
        Pending[] pending = new Pending[n];
        List<Object> facts = new ArrayList<>();
        int ready = 0;
        for (int i = 0; i < n; i++) {
            try {
                pending[i] = prepare(cases.get(i), today);
                facts.addAll(pending[i].atDecision().facts());
                ready++;
            } catch (RuntimeException | StackOverflowError e) {
                out[i] = e;
            }
        }
        Map<CaseView, List<Finding>> shared = ready > 1 ? fireShared(facts, ready) : null;
        for (int i = 0; i < n; i++) {
            Pending p = pending[i];
            if (p == null) continue;
            try {
                List<Finding> findings;
                if (shared == null) {
                    findings = fire(p.given().id(), p.atDecision().facts());
                } else {
                    findings = shared.getOrDefault(p.atDecision().view(), new ArrayList<>());
                    BoundedFiring.checkOrigins(findings, p.atDecision().facts(), rb, p.given().id());
                    findings.sort(FINDING_ORDER);
                }
                out[i] = finish(p, findings, lean);
            } catch (RuntimeException | StackOverflowError e) {
                out[i] = e;
            }
        }
        return java.util.Arrays.asList(out);
    }

    /** The findings of a shared session by case view, or null when the session failed (then each case runs alone). */
    private Map<CaseView, List<Finding>> fireShared(List<Object> facts, int cases) {
        KieSession session = rb.kieBase().newKieSession();
        try {
            for (Object f : facts) session.insert(f);
            BoundedFiring.fire(session, null, (int) Math.min(Integer.MAX_VALUE - 1L, (long) settings.maxFirings() * cases),
                    settings.timeBudget().multipliedBy(cases));
            Collection<?> objects = session.getObjects(new ClassObjectFilter(Finding.class));
            Map<CaseView, List<Finding>> byCase = new java.util.IdentityHashMap<>();
            for (Object o : objects) {
                Finding f = (Finding) o;
                CaseView v = f.caseView();
                if (v == null) return null;
                byCase.computeIfAbsent(v, k -> new ArrayList<>()).add(f);
            }
            return byCase;
        } catch (RuntimeException | StackOverflowError e) {
            return null; // each case is then evaluated alone and gets its own error
        } finally {
            session.dispose();
        }
    }

    /** An evaluation up to the rules at the decision date: the case read, its items found, the facts to insert. */
    private record Pending(CaseInput given, CaseInput in, List<RuleBase.ItemRef> requested, List<String> warnings,
                           LocalDate decisionDay, Setup atDecision) {
    }

    private Pending prepare(CaseInput given, LocalDate today) {
        List<RuleBase.ItemRef> requested = requestedItems(given);
        checkFacts(given, requested);
        List<String> warnings = new ArrayList<>();
        LocalDate decisionDay = given.decisionDate();
        if (decisionDay == null) {
            futureActIsAnError(given, today);
            decisionDay = today;
            warnings.add("未给出作出决定日期（decisionDate），按评估当日 " + today + " 判断清单和法律的效力。");
        }
        warnings.addAll(provisionNotes(given, requested));
        CaseInput in = CaseFacts.derive(given, settings.readings(), warnings);
        LocalDate dayOfDecision = decisionDay;
        in = CaseFacts.settle(in, requested.stream().filter(r -> inForce(r, dayOfDecision)
                || (given.actDate() != null && inForce(r, given.actDate()))).toList(), warnings);
        return new Pending(given, in, requested, warnings, decisionDay, setup(in, requested, decisionDay, decisionDay));
    }

    private Decision finish(Pending p, List<Finding> findingsAtDecision, boolean lean) {
        CaseInput in = p.in();
        LocalDate decisionDay = p.decisionDay();
        LocalDate actLawDay = actLawDay(in);
        Run atDecision = complete(p.atDecision(), findingsAtDecision);
        Run chosen = atDecision;
        Run other = null;
        if (actLawDay != null && actLawDay.isBefore(decisionDay) && changedBetween(p.requested(), actLawDay, decisionDay)) {
            Run atAct = run(in, p.requested(), actLawDay, decisionDay);
            // 行政处罚法 第37条: the rules at the act apply, unless those at the decision are lighter
            Run newerRun = DecisionAssembler.lighter37(atDecision, atAct, rb, in, settings);
            chosen = newerRun;
            other = newerRun == atDecision ? atAct : atDecision;
        }
        Decision endAsked = askForTheEndOfAContinuingAct(in, p.requested(), decisionDay, chosen, other, p.warnings(), lean);
        if (endAsked != null) return endAsked;
        Run decided = chosen;
        return new DecisionAssembler(rb, settings, engineVersion)
                .rerunWith(variant -> retest(decided, variant))
                .assemble(in, chosen, other, p.warnings(), lean);
    }

    /**
     * 行政处罚法 第37条 with 第36条第2款: a continuing act ({@code CONTINUING_ACT}) whose end is not given, where the law
     * of the end of the act governs ({@code Settings.continuingActLaw} = END_OF_ACT) and the lists or the law changed
     * between the act and the decision. The end lies between {@code actDate} and the decision (or evaluation) date; the
     * answer with the earliest end ({@code chosen}: the act-date law unless the decision-date law is lighter) is
     * compared with the answer with the latest end (the decision-date law alone). A different handling: the decision
     * asks for {@code actEndDate} (INSUFFICIENT_FACTS, affects HANDLING). The same handling but another statutory fine
     * range or other kinds of penalty: the handling stands, the fine range is left open and {@code actEndDate} is asked
     * for it (affects FINE_RANGE). The same answer, or nothing changed: null (the end does not matter). Only the two
     * ends are tried: a law in force only in between is not considered.
     */
    Decision askForTheEndOfAContinuingAct(CaseInput in, List<RuleBase.ItemRef> requested, LocalDate decisionDay, Run chosen,
                                          Run other, List<String> warnings, boolean lean) {
        if (!in.has(org.discretion.rules.api.Circumstance.CONTINUING_ACT) || in.actEndDate() != null || in.actDate() == null
                || settings.continuingActLaw() != org.discretion.rules.api.ContinuingActLaw.END_OF_ACT
                || !in.actDate().isBefore(decisionDay) || !changedBetween(requested, in.actDate(), decisionDay)) {
            return null;
        }
        Precedence.Outcome o = chosen.outcome();
        org.discretion.rules.api.Handling h = o.handling();
        if (h == org.discretion.rules.api.Handling.INSUFFICIENT_FACTS) return null; // already asks
        CaseInput latestEnd = CaseFacts.withActEndDate(in, decisionDay);
        Run atLatest = run(latestEnd, requested, decisionDay, decisionDay);
        org.discretion.rules.api.Handling hl = atLatest.outcome().handling();
        String reading = "违法行为有连续或者继续状态（circumstances: CONTINUING_ACT），未给出终了日期（actEndDate）：依照《行政处罚法》第三十七条，"
                + "按行为终了时的规定作为“违法行为发生时”的规定（本引擎的解读，可在设置 continuingActLaw 中改变）；" + in.actDate()
                + " 至 " + decisionDay + " 之间清单或法律有变化，";
        String label = org.discretion.rules.facts.Conditions.FIELD_LABELS.getOrDefault("actEndDate", "actEndDate");
        String why = "XZCF-37（从旧兼从轻：按行为终了时的规定，本引擎的解读）";
        if (hl != h) {
            Precedence.Outcome open = new Precedence.Outcome(org.discretion.rules.api.Handling.INSUFFICIENT_FACTS, false,
                    o.tier(), o.decisive(), List.of(), o.fallback(), o.aggravationConflict(), o.excluded(), o.coercion(),
                    o.coercionBasis(), o.coercionUndecided());
            Run openRun = new Run(chosen.asOf(), chosen.findings(), chosen.notInForce(), chosen.candidates(), open,
                    chosen.limitation(), chosen.outsideJurisdiction(), chosen.actLawDay());
            List<String> w = new ArrayList<>(warnings);
            w.add(reading + "行为终了于 " + in.actDate() + " 时结果为“" + Wording.handlingName(h) + "”，持续到 " + decisionDay + " 时结果为“" + Wording.handlingName(hl) + "”"
                    + "，须查明终了日期。");
            return new DecisionAssembler(rb, settings, engineVersion)
                    .rerunWith(variant -> retest(openRun, variant))
                    .alsoAsk(new org.discretion.rules.api.MissingFact("actEndDate", label, why,
                            List.of(org.discretion.rules.api.MissingFact.HANDLING)))
                    .assemble(in, openRun, null, w, lean);
        }
        if (!h.penalizes()) return null;
        DecisionAssembler probe = new DecisionAssembler(rb, settings, engineVersion);
        org.discretion.rules.api.FineRange fe = probe.fineRange(in, chosen, h, new ArrayList<>());
        org.discretion.rules.api.FineRange fl = probe.fineRange(latestEnd, atLatest, h, new ArrayList<>());
        var ke = DecisionAssembler.penaltyKinds(chosen, rb, in).map(Map.Entry::getValue).orElse(List.of());
        var kl = DecisionAssembler.penaltyKinds(atLatest, rb, latestEnd).map(Map.Entry::getValue).orElse(List.of());
        if (sameAmount(fe == null ? null : fe.min(), fl == null ? null : fl.min())
                && sameAmount(fe == null ? null : fe.max(), fl == null ? null : fl.max()) && ke.equals(kl)) {
            return null;
        }
        List<String> w = new ArrayList<>(warnings);
        w.add(reading + "处理方式相同（" + Wording.handlingName(h) + "），但法定罚款幅度或者处罚种类不同（行为终了于 " + in.actDate() + " 时："
                + range(fe) + (ke.isEmpty() ? "" : "，" + String.join("、", ke)) + "；持续到 " + decisionDay + " 时："
                + range(fl) + (kl.isEmpty() ? "" : "，" + String.join("、", kl)) + "）：未给出罚款幅度，须查明终了日期。");
        Run decided = chosen;
        return new DecisionAssembler(rb, settings, engineVersion)
                .rerunWith(variant -> retest(decided, variant))
                .alsoAsk(new org.discretion.rules.api.MissingFact("actEndDate", label, why,
                        List.of(org.discretion.rules.api.MissingFact.FINE_RANGE)))
                .assemble(in, chosen, other, w, lean);
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String range(org.discretion.rules.api.FineRange f) {
        if (f == null || (f.min() == null && f.max() == null)) return "幅度未知";
        return (f.min() == null ? "" : f.min().toPlainString() + " 元以上") + (f.max() == null ? "" : f.max().toPlainString() + " 元以下");
    }

    /** The run's findings re-tested against a variant of the case, and ranked (see {@link Finding#retest}). */
    Run retest(Run run, CaseInput variant) {
        List<Finding> findings = new ArrayList<>(run.findings().size());
        for (Finding f : run.findings()) findings.add(f.retest(variant));
        return new Run(run.asOf(), findings, run.notInForce(), run.candidates(),
                Precedence.decide(findings, rb, settings, run.actLawDay()), run.limitation(), run.outsideJurisdiction(), run.actLawDay());
    }

    // ---- input checks and notes on how the items were found (issue 9 part B) ---------------------------------

    /** Without a decision date the evaluation date stands in for it; an act after it would precede its own act. */
    static void futureActIsAnError(CaseInput in, LocalDate today) {
        if (in.actDate() != null && in.actDate().isAfter(today)) {
            throw new InvalidCaseException(in.id(), "actDate", "is in the future (" + in.actDate() + " > " + today
                    + ") and no decisionDate is given: the evaluation date would precede the act; give decisionDate"
                    + " or correct actDate");
        }
        if (in.actEndDate() != null && in.actEndDate().isAfter(today)) {
            throw new InvalidCaseException(in.id(), "actEndDate", "is in the future (" + in.actEndDate() + " > "
                    + today + ") and no decisionDate is given; give decisionDate or correct actEndDate");
        }
    }

    /**
     * What the decision must say about the provision the case names: that it cannot be read, that its law is not in
     * the registry, that it found no item, or that it is not the violated provision of the item the case names.
     */
    List<String> provisionNotes(CaseInput in, List<RuleBase.ItemRef> requested) {
        if (in.provision() == null) return List.of();
        List<String> notes = new ArrayList<>();
        var parsed = Provisions.parse(in.provision());
        if (parsed.isEmpty()) {
            notes.add("案件给出的违法条款“" + in.provision() + "”无法识别（应写作如“税收征收管理法 第60条第1款第4项”），"
                    + (in.item() == null ? "未能据此查找清单事项。" : "未能与清单事项 " + in.item() + " 的违法依据核对。"));
            return notes;
        }
        String law = parsed.get().law();
        if (rb.registry().instruments().stream().noneMatch(i -> i.equals(law) || i.endsWith(law) || law.endsWith(i))) {
            notes.add("案件给出的违法条款“" + in.provision() + "”所属法律《" + law + "》不在法律库中：无法核对条文，也无法据此查找清单事项。");
        }
        if (in.item() != null) {
            RuleBase.ItemRef ref = rb.items().get(in.item());
            List<String> own = ref.item().violationBasis().isEmpty() ? ref.item().penaltyBasis() : ref.item().violationBasis();
            boolean agrees = own.stream().map(Provisions::parse).anyMatch(p -> p.isPresent()
                    && (parsed.get().covers(p.get()) || p.get().covers(parsed.get())));
            if (!agrees) {
                notes.add("案件同时给出清单事项 " + in.item() + " 和违法条款“" + in.provision() + "”，二者不一致：该事项的违法依据为 "
                        + (own.isEmpty() ? "（清单未列）" : String.join("、", own)) + "。本结果按清单事项 " + in.item()
                        + " 判断，请核对违法条款。");
            }
        } else if (requested.isEmpty()) {
            notes.add("没有清单事项以违法条款“" + in.provision() + "”为违法依据" + (in.catalogs().isEmpty() ? "" : "（限于 "
                    + String.join("、", in.catalogs()) + "）") + "：仅适用法定层。");
        }
        return notes;
    }

    /**
     * The day whose law governs the act under 行政处罚法 第37条: the act date, or for a continuing act the day given
     * by {@link Settings#continuingActLaw()} (the end of the act by default). Null when the act date is unknown.
     */
    LocalDate actLawDay(CaseInput in) {
        if (in.actEndDate() != null && settings.continuingActLaw() == org.discretion.rules.api.ContinuingActLaw.END_OF_ACT) {
            return in.actEndDate();
        }
        return in.actDate();
    }

    // ---- 行政处罚法 第36条: which period governs -----------------------------------------------------------------

    /**
     * The limitation period for the case, from the law registry: the period a special law sets for the violated
     * statute (every instrument the candidate items cite as 违法依据 or 处罚依据, in force or not, and the provision
     * the case names) — the longest when several do — else 行政处罚法's general period, both in the version in force
     * at the act's law day (so the 2017 text, two years with no extension, for an act before 2021-07-15).
     */
    CaseView.Limitation limitation(CaseInput in, List<RuleBase.ItemRef> requested, LocalDate day) {
        LawRegistry reg = rb.registry();
        Optional<LawRegistry.Period> general = reg.generalLimitation(day);
        Set<String> refs = new LinkedHashSet<>();
        if (in.provision() != null) refs.add(in.provision());
        for (RuleBase.ItemRef r : requested) {
            refs.addAll(r.item().violationBasis());
            refs.addAll(r.item().penaltyBasis());
        }
        LawRegistry.Period special = null;
        for (String ref : refs) {
            Optional<LawRegistry.Period> p = reg.specialLimitation(ref, day);
            if (p.isPresent() && (special == null || longer(p.get().period(), special.period()))) special = p.get();
        }
        if (special == null && general.isEmpty()) return null;
        // the registry's periods are built once per version, so the pair identifies the limitation
        return limitations.computeIfAbsent(new PeriodPair(general.orElse(null), special), Evaluator::limitationOf);
    }

    private final java.util.concurrent.ConcurrentHashMap<PeriodPair, CaseView.Limitation> limitations =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A general and a special period, compared by identity (the registry returns one instance per version). */
    private record PeriodPair(LawRegistry.Period general, LawRegistry.Period special) {
        @Override public boolean equals(Object o) {
            return o instanceof PeriodPair p && p.general == general && p.special == special;
        }

        @Override public int hashCode() {
            return 31 * System.identityHashCode(general) + System.identityHashCode(special);
        }
    }

    private static CaseView.Limitation limitationOf(PeriodPair pair) {
        LawRegistry.Period special = pair.special();
        if (special != null) {
            List<String> basis = new ArrayList<>();
            if (pair.general() != null) basis.add(pair.general().citations().get(0)); // 第36条第1款 / 2017 第29条第1款: 法律另有规定的除外
            basis.addAll(special.citations());
            return new CaseView.Limitation(special.period(), null, basis,
                    org.discretion.rules.facts.Conditions.words(special.period()) + "（" + String.join("、", special.citations()) + "）", true);
        }
        LawRegistry.Period g = pair.general();
        return new CaseView.Limitation(g.period(), g.extendedPeriod(), g.citations(),
                org.discretion.rules.facts.Conditions.words(g.period()) + "（" + String.join("、", g.citations()) + "）", false);
    }

    private static boolean longer(java.time.Period a, java.time.Period b) {
        LocalDate base = LocalDate.of(2000, 1, 1);
        return base.plus(a).isAfter(base.plus(b));
    }

    // ---- where the case is decided ---------------------------------------------------------------------------

    /** Whether the item's list applies where the case is decided (unknown agency division: every list). */
    static boolean inJurisdiction(RuleBase.ItemRef r, CaseInput in) {
        String code = in.agency().divisionCode();
        return code == null || r.catalog().covers(code);
    }

    /** Items named by the case (by id or by violated provision), restricted to the case's catalogs. */
    List<RuleBase.ItemRef> requestedItems(CaseInput in) {
        List<String> catalogs = in.catalogs();
        for (int i = 0; i < catalogs.size(); i++) {
            if (!rb.catalogs().containsKey(catalogs.get(i))) {
                throw new InvalidCaseException(in.id(), "catalogs[" + i + "]", "unknown catalog \"" + catalogs.get(i)
                        + "\"; loaded catalogs: " + String.join(", ", new java.util.TreeSet<>(rb.catalogs().keySet())));
            }
        }
        Set<RuleBase.ItemRef> out = new LinkedHashSet<>();
        if (in.item() != null) {
            RuleBase.ItemRef ref = rb.items().get(in.item());
            if (ref == null) {
                throw new InvalidCaseException(in.id(), "item", "unknown item id \"" + in.item()
                        + "\"; item ids look like TAX-1 or SHFIRE-13 (see docs/catalogs.md)");
            }
            if (!catalogs.isEmpty() && !catalogs.contains(ref.catalog().id())) {
                throw new InvalidCaseException(in.id(), "item", "item " + in.item() + " belongs to catalog "
                        + ref.catalog().id() + ", which the case's \"catalogs\" " + catalogs + " exclude");
            }
            out.add(ref);
        }
        if (in.item() == null && in.provision() != null) {
            var parsed = Provisions.parse(in.provision());
            for (RuleBase.ProvisionIndex pi : rb.provisionIndex()) {
                // a case naming 第60条第1款 matches items on 第60条第1款第4项; one naming 第4项 does not match 第1项
                boolean match = parsed.isPresent() ? parsed.get().covers(pi.ref())
                        : Provisions.sameProvision(in.provision(), pi.raw());
                if (match && (catalogs.isEmpty() || catalogs.contains(pi.item().catalog().id()))) {
                    out.add(pi.item());
                }
            }
        }
        return List.copyOf(out);
    }


    /** Item-specific facts must be declared by a candidate item and have the declared type. */
    void checkFacts(CaseInput in, List<RuleBase.ItemRef> items) {
        Map<String, FactSpec> declared = new LinkedHashMap<>();
        for (RuleBase.ItemRef r : items) {
            for (FactSpec f : r.item().facts()) declared.putIfAbsent(f.name(), f);
        }
        for (Map.Entry<String, Object> e : in.facts().entrySet()) {
            FactSpec spec = declared.get(e.getKey());
            String field = "facts." + e.getKey();
            if (spec == null) {
                throw new InvalidCaseException(in.id(), field, "no item of this case declares a fact \"" + e.getKey()
                        + "\"" + (declared.isEmpty() ? " (the case names no item with item-specific facts)"
                        : "; declared facts: " + String.join(", ", declared.keySet())));
            }
            Object v = e.getValue();
            if (v == null) continue;
            switch (spec.type()) {
                case "NUMBER" -> {
                    if (!(v instanceof Number) && !(v instanceof BigDecimal)) {
                        throw new InvalidCaseException(in.id(), field, "must be a number (" + spec.label()
                                + (spec.unit().isEmpty() ? "" : ", in " + spec.unit()) + "), was " + describe(v));
                    }
                    if (new BigDecimal(v.toString()).signum() < 0) {
                        throw new InvalidCaseException(in.id(), field, "must not be negative (was " + v + ")");
                    }
                }
                case "BOOLEAN" -> {
                    if (!(v instanceof Boolean)) {
                        throw new InvalidCaseException(in.id(), field, "must be true or false (" + spec.label() + "), was " + describe(v));
                    }
                }
                case "TEXT" -> {
                    if (!(v instanceof String)) {
                        throw new InvalidCaseException(in.id(), field, "must be text (" + spec.label() + "), was " + describe(v));
                    }
                }
                case "DATE" -> {
                    try {
                        LocalDate.parse(v.toString());
                    } catch (RuntimeException ex) {
                        throw new InvalidCaseException(in.id(), field, "must be an ISO date (YYYY-MM-DD), was " + describe(v));
                    }
                }
                default -> { }
            }
        }
    }

    private static String describe(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }

    /** Whether the items in force, or the law they cite, differ between the two dates. */
    boolean changedBetween(List<RuleBase.ItemRef> items, LocalDate a, LocalDate b) {
        for (RuleBase.ItemRef r : items) {
            if (inForce(r, a) != inForce(r, b)) return true;
            for (String ref : r.item().penaltyBasis()) {
                if (!rb.registry().sameVersion(ref, a, b)) return true;
            }
            for (String ref : r.item().violationBasis()) {
                if (!rb.registry().sameVersion(ref, a, b)) return true;
            }
        }
        return false;
    }

    /** A catalog applies at a date when it is not a draft and the date lies within its (and the item's) dates. */
    static boolean inForce(RuleBase.ItemRef r, LocalDate d) {
        CatalogMeta c = r.catalog();
        ItemMeta it = r.item();
        if ("DRAFT".equals(c.status())) return false;
        // without a known effective date, publication is the earliest the list can have applied
        LocalDate from = it.effectiveFrom() != null ? it.effectiveFrom()
                : c.effectiveFrom() != null ? c.effectiveFrom() : c.publishedOn();
        LocalDate to = it.effectiveTo() != null ? it.effectiveTo() : c.effectiveTo();
        return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }

    /** What one run inserts, and what it knows before the rules fire. */
    private record Setup(LocalDate asOf, CaseView view, List<Object> facts, List<RuleBase.ItemRef> candidates,
                         List<RuleBase.ItemRef> notInForce, List<RuleBase.ItemRef> outside,
                         CaseView.Limitation limitation, LocalDate actLawDay) {
    }

    Run run(CaseInput in, List<RuleBase.ItemRef> requested, LocalDate asOf, LocalDate decisionDay) {
        Setup s = setup(in, requested, asOf, decisionDay);
        return complete(s, fire(in.id(), s.facts()));
    }

    private Run complete(Setup s, List<Finding> findings) {
        Precedence.Outcome outcome = Precedence.decide(findings, rb, settings, s.actLawDay());
        return new Run(s.asOf(), findings, s.notInForce(), s.candidates(), outcome, s.limitation(), s.outside(), s.actLawDay());
    }

    private Setup setup(CaseInput in, List<RuleBase.ItemRef> requested, LocalDate asOf, LocalDate decisionDay) {
        LocalDate actLawDay = actLawDay(in);
        CaseView.Limitation limitation = limitation(in, requested, actLawDay != null ? actLawDay : asOf);
        CaseView view = new CaseView(in, asOf, settings.firstOffenseLookBack(), settings.timelyCorrections(), limitation,
                decisionDay);
        List<RuleBase.ItemRef> candidates = new ArrayList<>();
        List<RuleBase.ItemRef> notInForce = new ArrayList<>();
        List<RuleBase.ItemRef> outside = new ArrayList<>();
        List<Object> facts = new ArrayList<>();
        facts.add(view);
        for (RuleBase.ItemRef r : requested) {
            if (!inJurisdiction(r, in)) {
                outside.add(r);
                continue;
            }
            if (!inForce(r, asOf)) {
                notInForce.add(r);
                continue;
            }
            candidates.add(r);
            var cs = r.catalog().settings();
            Period lookBack = cs.firstOffenseLookBack() != null ? cs.firstOffenseLookBack() : settings.firstOffenseLookBack();
            Set<Correction> timely = cs.timelyCorrections() != null && !cs.timelyCorrections().isEmpty()
                    ? cs.timelyCorrections() : settings.timelyCorrections();
            Map<String, FactSpec> specs = new LinkedHashMap<>();
            r.item().facts().forEach(f -> specs.put(f.name(), f));
            String provision = r.item().violationBasis().isEmpty() ? null : r.item().violationBasis().get(0);
            facts.add(new Candidate(view, r.catalog().id(), r.item().id(), provision, lookBack, timely, specs));
        }
        return new Setup(asOf, view, facts, candidates, notInForce, outside, limitation, actLawDay);
    }

    private List<Finding> fire(String caseId, List<Object> facts) {
        KieSession session = rb.kieBase().newKieSession();
        try {
            for (Object f : facts) session.insert(f);
            BoundedFiring.fire(session, caseId, settings);
            Collection<?> objects = session.getObjects(new ClassObjectFilter(Finding.class));
            List<Finding> out = new ArrayList<>(objects.size());
            for (Object o : objects) out.add((Finding) o);
            BoundedFiring.checkOrigins(out, facts, rb, caseId);
            // a stable order (session order is not guaranteed): statute, exclusions, then items, by id
            out.sort(FINDING_ORDER);
            return out;
        } finally {
            session.dispose();
        }
    }

    private static final java.util.Comparator<Finding> FINDING_ORDER = (x, y) -> {
        int c = Integer.compare(kindOrder(x.getKind()), kindOrder(y.getKind()));
        return c != 0 ? c : x.getId().compareTo(y.getId());
    };

    private static int kindOrder(String kind) {
        return switch (kind) {
            case "STATUTE" -> 0;
            case "EXCLUSION" -> 1;
            default -> 2;
        };
    }
}
