package org.discretion.rules.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CatalogVersion;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Citation;
import org.discretion.rules.api.Coercion;
import org.discretion.rules.api.ConditionReport;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.Duty;
import org.discretion.rules.api.FineRange;
import org.discretion.rules.api.GroundReport;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.MatchedItem;
import org.discretion.rules.api.MissingFact;
import org.discretion.rules.api.PenaltyRange;
import org.discretion.rules.api.Settings;
import org.discretion.rules.api.Status;
import org.discretion.rules.facts.Conditions;
import org.discretion.rules.facts.Finding;
import org.discretion.rules.internal.model.CatalogMeta;
import org.discretion.rules.internal.model.ItemMeta;
import org.discretion.rules.internal.model.LawFile;
import org.discretion.rules.internal.model.StatuteMeta;

/**
 * Turns a ranked {@link Precedence.Outcome} into a {@link Decision}: citations with quoted text, duties, the
 * fine range, missing facts, the why-not report and the Chinese explanation.
 */
final class DecisionAssembler {
    private final RuleBase rb;
    private final Settings settings;
    private final String engineVersion;
    /** Citations that did not resolve at the date applied; reported as warnings, never silently dropped. */
    private final List<String> unresolved = new ArrayList<>();
    /** Re-runs the rules on a variant of the case, for {@link MissingFacts}; null: ask for every unknown. */
    private java.util.function.Function<CaseInput, Evaluator.Run> rerun;

    DecisionAssembler(RuleBase rb, Settings settings, String engineVersion) {
        this.rb = rb;
        this.settings = settings;
        this.engineVersion = engineVersion;
    }

    /** Facts asked for besides those {@link MissingFacts} finds (the end of a continuing act, 第37条). */
    private final List<MissingFact> alsoAsked = new ArrayList<>();

    /** Asks for {@code m} too: a fact on which the choice of law turns rather than a ground's condition. */
    DecisionAssembler alsoAsk(MissingFact m) {
        alsoAsked.add(m);
        return this;
    }

    /** Missing facts are then decided by evaluating the alternatives with {@code rerun} (see {@link MissingFacts}). */
    DecisionAssembler rerunWith(java.util.function.Function<CaseInput, Evaluator.Run> rerun) {
        this.rerun = rerun;
        return this;
    }

    /**
     * 行政处罚法 第37条: whether {@code newer} (decision date) is lighter than {@code older} (act date), comparing
     * what the party faces: when both penalize and both fine ranges are known, the fines (top, then bottom — a
     * 从轻 under a law whose minimum is above the old maximum is not lighter); otherwise the handling (不予处罚
     * before 减轻 before 从轻 …). A tie keeps the law at the act.
     */
    static boolean lighter(Evaluator.Run newer, Evaluator.Run older, RuleBase rb, CaseInput in, Settings s) {
        Handling hn = newer.outcome().handling();
        Handling ho = older.outcome().handling();
        int a = Precedence.lightness(hn);
        int b = Precedence.lightness(ho);
        if (hn.penalizes() && ho.penalizes()) {
            Integer byKind = compareKinds(newer, older, rb, in, s);
            if (byKind != null && byKind != 0) return byKind < 0;
            DecisionAssembler d = new DecisionAssembler(rb, s, "");
            FineRange fa = d.fineRange(in, newer, hn, new ArrayList<>());
            FineRange fb = d.fineRange(in, older, ho, new ArrayList<>());
            if (fa != null && fb != null && fa.max() != null && fb.max() != null && fa.max().compareTo(fb.max()) != 0) {
                return fa.max().compareTo(fb.max()) < 0;
            }
            if (fa != null && fb != null && fa.min() != null && fb.min() != null && fa.min().compareTo(fb.min()) != 0) {
                return fa.min().compareTo(fb.min()) < 0;
            }
        }
        return a < b;
    }

    // ---- 行政处罚法 第37条: the kinds of penalty ---------------------------------------------------------------------

    /**
     * The kinds of penalty (行政处罚法 第九条 names) the run's penalty provision allows at the run's date, with the clause
     * that states them: the first 处罚依据 of the run's items for which the law registry states kinds (for the party's
     * clause where the law distinguishes 单位 and 个人). Empty when the registry states none.
     */
    static Optional<Map.Entry<String, List<String>>> penaltyKinds(Evaluator.Run run, RuleBase rb, CaseInput in) {
        String party = StatutoryRange.partyWord(in.party().type());
        for (RuleBase.ItemRef r : lawItems(run)) {
            for (String ref : r.item().penaltyBasis()) {
                Optional<Map.Entry<String, List<String>>> k = rb.registry().kindsFor(ref, party, run.asOf());
                if (k.isPresent()) return k;
            }
        }
        return Optional.empty();
    }

    /**
     * 行政处罚法 第37条, the kinds of penalty: negative when {@code newer}'s heaviest kind is lighter than {@code older}'s,
     * positive when heavier, 0 when the same (the fines then decide); null when a version states no kinds (the decision
     * says they could not be compared). Severity is {@code Readings.penaltyKindOrder} (default: 第九条's group order,
     * this engine's reading).
     */
    static Integer compareKinds(Evaluator.Run newer, Evaluator.Run older, RuleBase rb, CaseInput in, Settings s) {
        Optional<Map.Entry<String, List<String>>> kn = penaltyKinds(newer, rb, in);
        Optional<Map.Entry<String, List<String>>> ko = penaltyKinds(older, rb, in);
        if (kn.isEmpty() || ko.isEmpty()) return null;
        return Integer.compare(heaviest(kn.get().getValue(), s), heaviest(ko.get().getValue(), s));
    }

    private static int heaviest(List<String> kinds, Settings s) {
        return kinds.stream().mapToInt(k -> s.readings().severityOf(k)).max().orElse(-1);
    }

    /** What the decision says about the kinds of penalty in the 第37条 comparison of two penalizing runs. */
    private void kindsComparisonNote(CaseInput in, Evaluator.Run run, Evaluator.Run other, List<String> warnings) {
        if (!run.outcome().handling().penalizes() || !other.outcome().handling().penalizes()) return;
        Optional<Map.Entry<String, List<String>>> here = penaltyKinds(run, rb, in);
        Optional<Map.Entry<String, List<String>>> there = penaltyKinds(other, rb, in);
        if (here.isEmpty() || there.isEmpty()) {
            Set<RuleBase.ItemRef> both = new LinkedHashSet<>(lawItems(run));
            both.addAll(lawItems(other));
            boolean samePenaltyLaw = both.stream().flatMap(r -> r.item().penaltyBasis().stream())
                    .allMatch(ref -> rb.registry().sameVersion(ref, run.asOf(), other.asOf()));
            if (samePenaltyLaw) return; // one version of the penalty provision: its kinds cannot differ
            warnings.add("依照第三十七条比较处罚种类：" + (here.isEmpty() ? run.asOf() : other.asOf())
                    + (here.isEmpty() && there.isEmpty() ? " 和 " + other.asOf() : "")
                    + " 有效的处罚依据在法律库中未载明处罚种类，无法比较处罚种类，仅比较了处理方式和罚款幅度；请核对两时点法律规定的处罚种类。");
            return;
        }
        int cmp = Integer.compare(heaviest(here.get().getValue(), settings), heaviest(there.get().getValue(), settings));
        if (cmp != 0) {
            warnings.add("依照第三十七条比较处罚种类：" + run.asOf() + " 有效的" + here.get().getKey() + "规定"
                    + String.join("、", here.get().getValue()) + "，" + other.asOf() + " 有效的" + there.get().getKey() + "规定"
                    + String.join("、", there.get().getValue()) + "；按最重的处罚种类比较，适用较轻的规定。处罚种类的轻重按《行政处罚法》第九条所列"
                    + "顺序（第九条只列举种类，未规定轻重；本引擎的解读" + (settings.readings().penaltyKindOrderVerified() ? "" : "，未经核实")
                    + "，可在设置 Readings.penaltyKindOrder 中改变）。");
        }
    }

    // ---- 行政处罚法 第37条: the concrete comparison ----------------------------------------------------------------

    /**
     * 行政处罚法 第37条: the run whose law applies — the act-date run unless the decision-date run is lighter for the
     * party, comparing the concrete consequences: the handling first, then the fine range (its top, then its
     * bottom). A run that asks for facts is not dropped when the answer could be lighter than the other run's: the
     * decision then asks for them (the lighter law cannot be known before they are).
     */
    static Evaluator.Run lighter37(Evaluator.Run atDecision, Evaluator.Run atAct, RuleBase rb, CaseInput in, Settings s) {
        boolean du = atDecision.outcome().handling() == Handling.INSUFFICIENT_FACTS;
        boolean au = atAct.outcome().handling() == Handling.INSUFFICIENT_FACTS;
        if (du && au) return atAct;
        if (du || au) {
            Evaluator.Run undecided = du ? atDecision : atAct;
            Evaluator.Run decided = du ? atAct : atDecision;
            return bestPossible(undecided.outcome(), rb) < Precedence.lightness(decided.outcome().handling()) ? undecided : decided;
        }
        return lighter(atDecision, atAct, rb, in, s) ? atDecision : atAct;
    }

    /** The lightest handling an undecided run can still reach once its unknown facts are known. */
    static int bestPossible(Precedence.Outcome o, RuleBase rb) {
        int best = Precedence.lightness(o.tier().handling);
        for (Finding f : o.undecided()) {
            Precedence.Tier t = Precedence.tierOf(f, rb);
            if (t != null && t.handling != Handling.REFER_CRIMINAL) best = Math.min(best, Precedence.lightness(t.handling));
        }
        return best;
    }

    /** The top of the statutory range at the run's date (the standard handling), or null when none is known. */
    BigDecimal statutoryMax(CaseInput in, Evaluator.Run run) {
        // a fresh assembler: fineRange notes the clause and notes of the run it is given, and this run is not the
        // decision's (its notes and clause, at its own date, must not reach the decision)
        FineRange f = new DecisionAssembler(rb, settings, engineVersion).fineRange(in, run, Handling.STANDARD, new ArrayList<>());
        return f == null ? null : f.max();
    }

    /** {@code lean}: everything but the why-not report and the explanation, which only a reader needs. */
    Decision assemble(CaseInput in, Evaluator.Run run, Evaluator.Run other, List<String> warningsIn, boolean lean) {
        Precedence.Outcome o = run.outcome();
        List<String> warnings = new ArrayList<>(warningsIn);
        List<Citation> basis = new ArrayList<>();
        List<MatchedItem> items = new ArrayList<>();
        List<Duty> duties = new ArrayList<>();
        Set<String> measures = new LinkedHashSet<>();
        LocalDate asOf = run.asOf();
        Handling h = o.handling();
        boolean insufficient = h == Handling.INSUFFICIENT_FACTS;

        // decisive grounds and items
        for (Finding f : o.decisive()) {
            if (isTimeBar(f) && run.limitation() != null) {
                // 第36条 (2017: 第29条) or the special law's period, in the version that governs the act
                for (String ref : run.limitation().basis()) {
                    cite(ref, run.limitation().special() && !ref.startsWith("行政处罚法") ? "追责期限（法律另有规定）" : "追责期限",
                            run.actLawDay() != null ? run.actLawDay() : asOf, basis);
                }
                continue;
            }
            addFinding(f, asOf, basis, items, measures, duties);
        }
        if (o.tier() == Precedence.Tier.TIME_BAR && !insufficient && run.limitation() != null && !run.limitation().special()) {
            for (RuleBase.ItemRef r : lawItems(run)) {
                if (r.item().violationBasis().isEmpty() && r.item().penaltyBasis().isEmpty()) {
                    warnings.add("事项 " + r.item().id() + " 未列可引用的设定依据：无法判断违反的法律是否另行规定了追责期限（《行政处罚法》第三十六条"
                            + "第一款“法律另有规定的除外”，如税收征收管理法第八十六条的五年），已按一般期限计算，请核对。");
                }
            }
        }
        if (o.tier() == Precedence.Tier.TIME_BAR && !insufficient && in.actEndDate() == null && in.has(Circumstance.CONTINUING_ACT)) {
            warnings.add("违法行为有连续或者继续状态，未给出终了日期（actEndDate）：即使行为持续到" + (in.decisionDate() != null
                    ? "作出决定之日（" + in.decisionDate() + "）" : "评估之日") + "，追责期限也已届满（《行政处罚法》第三十六条第二款），故无须查明终了日期。");
        } else if (o.tier() == Precedence.Tier.TIME_BAR && !insufficient && in.actEndDate() == null) {
            warnings.add("未给出违法行为终了日期（actEndDate）：追责期限按违法行为发生之日（" + in.actDate()
                    + "）起算，即视为没有连续或者继续状态；违法行为有连续或者继续状态的，期限从行为终了之日起计算（"
                    + "《行政处罚法》第三十六条第二款），请给出 actEndDate 后重新评估。");
        }
        if (!insufficient) {
            for (Finding f : o.coercionBasis()) {
                addFinding(f, asOf, basis, items, measures, duties);
            }
        }
        // what the statute layer says of a ground it applies (a proviso the engine cannot check, a reading it makes)
        List<Finding> applied = new ArrayList<>(o.decisive());
        if (!insufficient) applied.addAll(o.coercionBasis());
        for (Finding f : applied) {
            StatuteMeta.GroundMeta g = f.getKind().equals("STATUTE") ? rb.grounds().get(f.getId()) : null;
            if (g != null && g.note() != null && !g.note().isBlank()) warnings.add(f.getId() + "（" + g.title() + "）：" + g.note());
        }
        if (h == Handling.STANDARD || o.tier() == Precedence.Tier.STANDARD) {
            cite("行政处罚法(2021) 第5条第2款", "一般规定（须综合裁量）", asOf, basis);
            cite("行政处罚法(2021) 第34条", "一般规定（须综合裁量）", asOf, basis);
            for (RuleBase.ItemRef r : lawItems(run)) {
                for (String ref : r.item().violationBasis()) cite(ref, "违法依据", asOf, basis);
                for (String ref : r.item().penaltyBasis()) cite(ref, "处罚依据", asOf, basis);
            }
        }
        if (o.aggravationConflict()) {
            rb.grounds().values().stream().filter(g -> g.effect().equals("AGGRAVATED"))
                    .forEach(g -> g.basis().forEach(ref -> cite(ref, "从重依据（与从轻、减轻情形并存，须权衡）", asOf, basis)));
            warnings.add("同时存在从轻、减轻情形和《行政处罚法》第四十九条从重情形：《行政处罚法》未规定二者如何抵减（本引擎未见"
                    + "全国性规定，未核实），"
                    + (settings.mitigationPrevails() ? "本结果按从轻、减轻情形列出" : "本结果按法定幅度内处罚列出")
                    + "，须由行政机关综合权衡（“同向调节相叠加、逆向调节相抵减”见于地方规定，如沪消规〔2025〕3号第十条）。");
        }

        // duties
        if (!insufficient && h != Handling.REFER_CRIMINAL && h != Handling.TIME_BARRED) {
            if (h == Handling.NO_PENALTY || h == Handling.MAY_NO_PENALTY) {
                duty(duties, "EDUCATION", "对当事人进行教育", "行政处罚法(2021) 第33条第3款", asOf);
            }
            if (in.correction() == null || in.correction() == Correction.NOT_CORRECTED
                    || in.correction() == Correction.AFTER_DEADLINE) {
                duty(duties, "ORDER_CORRECTION", "责令当事人改正或者限期改正违法行为"
                                + (h.penalizes() ? "" : "（不予处罚不免除改正义务）"),
                        "行政处罚法(2021) 第28条第1款", asOf);
            }
            if (h.penalizes() && in.illegalGains() != null && in.illegalGains().signum() > 0) {
                duty(duties, "CONFISCATE_GAINS", "没收违法所得" + Wording.yuan(in.illegalGains())
                        + "（依法应当退赔的除外）", "行政处罚法(2021) 第28条第2款", asOf);
            }
            if ((h == Handling.MITIGATED || h == Handling.LENIENT_OR_MITIGATED) && collectiveDiscussion(run)) {
                duties.add(new Duty("COLLECTIVE_DISCUSSION", "减轻处罚前，由机关负责人组织集体讨论（清单或其裁量规定要求）",
                        catalogsOf(o.decisive()).stream().map(CatalogMeta::reference).collect(Collectors.joining("、"))));
            }
            if (h.penalizes() && in.has(Circumstance.FINANCIAL_HARDSHIP)) {
                duty(duties, "PAYMENT_ADVICE", "告知当事人确有经济困难的，可以申请暂缓或者分期缴纳罚款",
                        "行政处罚法(2021) 第66条第2款", asOf);
            }
        }

        // issue 9 part B: what a referral or a no-penalty decision must still say
        referralOfAPartyWhoCannotBePenalized(run, h, asOf, basis, duties, warnings);
        illegalGainsOfANoPenaltyDecision(in, h, asOf, duties, warnings);

        // fine range
        FineRange fine = null;
        List<MissingFact> missing = new ArrayList<>();
        boolean fineOpen = alsoAsked.stream().anyMatch(m -> m.affects().contains(MissingFact.FINE_RANGE));
        if (!insufficient && h.penalizes() && !fineOpen) {
            fine = capped(in, run, other, fineRange(in, run, h, missing), warnings);
            warnings.addAll(fineNotes);
            for (String clause : fineClauses) cite(clause, "处罚依据（按当事人类型适用）", asOf, basis);
            if (fine != null && !fine.verified()) {
                warnings.add("罚款幅度（" + fine.rule() + "）依据未经核实的来源（法定幅度的文本或幅度的划分），仅供参考；划分比例可在引擎或清单设置中配置。");
            }
        }

        // missing facts: only those some value of which changes an open answer (MissingFacts, by re-running the rules)
        missing.addAll(0, new MissingFacts(rb, java.util.Objects.requireNonNull(rerun, "rerunWith")).compute(in, o, this::fieldLabel));
        List<MissingFact> merged = MissingFacts.mergeByField(missing);
        missing.clear();
        missing.addAll(merged);
        if (!alsoAsked.isEmpty()) {
            merged = MissingFacts.mergeByField(java.util.stream.Stream.concat(alsoAsked.stream(), missing.stream()).toList());
            missing.clear();
            missing.addAll(merged);
        }

        // 第37条
        if (other != null) {
            cite("行政处罚法(2021) 第37条", "从旧兼从轻", asOf, basis);
            String chosenDate = run.asOf().equals(run.actLawDay()) ? "违法行为发生时（" + run.asOf() + "）" : "作出决定时（" + run.asOf() + "）";
            warnings.add("违法行为发生时与作出决定时适用的清单或法律不同；依照《行政处罚法》第三十七条，适用" + chosenDate
                    + "的规定（" + Wording.handlingName(h) + "）；另一时点（" + other.asOf() + "）的结果为：" + Wording.handlingName(other.outcome().handling()) + "。");
            // the law applied is cited as 违法依据/处罚依据 (above); the other date's version only as compared
            Set<RuleBase.ItemRef> compared = new LinkedHashSet<>(lawItems(run));
            compared.addAll(lawItems(other));
            for (RuleBase.ItemRef r : compared) {
                for (String ref : r.item().violationBasis()) {
                    cite(ref, "违法依据", run.asOf(), basis);
                    if (!rb.registry().sameVersion(ref, run.asOf(), other.asOf())) {
                        cite(ref, "比较的违法依据（" + other.asOf() + " 有效版本，未适用）", other.asOf(), basis);
                    }
                }
                for (String ref : r.item().penaltyBasis()) {
                    cite(ref, "处罚依据", run.asOf(), basis);
                    if (!rb.registry().sameVersion(ref, run.asOf(), other.asOf())) {
                        cite(ref, "比较的处罚依据（" + other.asOf() + " 有效版本，未适用）", other.asOf(), basis);
                    }
                }
            }
            kindsComparisonNote(in, run, other, warnings);
            if (other.outcome().handling() == Handling.INSUFFICIENT_FACTS && h != Handling.INSUFFICIENT_FACTS) {
                warnings.add("另一时点（" + other.asOf() + "）的结果取决于尚不明确的事实，但即使查明也不会比本结果更轻，故不影响第三十七条的比较。");
            }
            if (insufficient && other.outcome().handling() != Handling.INSUFFICIENT_FACTS) {
                warnings.add("依照第三十七条须比较违法行为发生时与作出决定时的规定：" + run.asOf() + " 的规定可能更轻，但取决于尚不明确的事实，须先查明。");
            }
            for (RuleBase.ItemRef r : run.notInForce()) {
                warnings.add(r.catalog().reference() + "在 " + run.asOf() + " 不在有效期内（" + r.catalog().status() + "）。");
            }
            for (RuleBase.ItemRef r : other.notInForce()) {
                if (!run.notInForce().contains(r)) {
                    boolean notYet = r.catalog().effectiveFrom() != null && other.asOf().isBefore(r.catalog().effectiveFrom());
                    warnings.add(r.catalog().reference() + "在 " + other.asOf() + (notYet ? " 尚未施行（" : " 已不在有效期内（")
                            + r.catalog().status()
                            + (r.catalog().statusNote() == null ? "" : "：" + r.catalog().statusNote()) + "），按第三十七条比较后处理。");
                }
            }
        }
        oldActStatement(in, run, other, h, basis, warnings);
        if (other != null && in.actEndDate() != null && !in.actEndDate().equals(in.actDate())) {
            warnings.add("违法行为有连续或者继续状态：按" + (settings.continuingActLaw() == org.discretion.rules.api.ContinuingActLaw.END_OF_ACT
                    ? "行为终了时（" + in.actEndDate() + "）" : "行为开始时（" + in.actDate() + "）")
                    + "的规定作为“违法行为发生时”的规定（本引擎的解读，可在设置 continuingActLaw 中改变）。");
        }

        // warnings from what was applied
        for (MatchedItem m : items) {
            if (!"VERBATIM".equals(m.fidelity()) && !"OFFICIAL".equals(m.fidelity())) {
                warnings.add("清单事项 " + m.item() + " 的文本可信度为 " + m.fidelity() + "：引用前须核对公布原文。");
            }
        }
        for (RuleBase.ItemRef r : run.candidates()) {
            if ("VALIDITY_UNVERIFIED".equals(r.catalog().status())) {
                warnings.add(r.catalog().reference() + "的现行效力未经核实。");
            }
        }
        for (RuleBase.ItemRef r : run.notInForce()) {
            if ("DRAFT".equals(r.catalog().status()) && other == null) {
                warnings.add(r.catalog().reference() + "为征求意见稿，未予适用。");
            } else if (other == null) {
                warnings.add(r.catalog().reference() + "在 " + run.asOf() + " 不在有效期内，未予适用。");
            }
        }
        List<Finding> heldItems = run.findings().stream().filter(f -> f.getKind().equals("ITEM") && f.isHeld()
                && !o.excluded().contains(f)).toList();
        String layering = Precedence.layering(o.decisive(), heldItems, rb);
        if (layering != null) warnings.add(layering);
        jurisdictionWarnings(in, run, items, warnings);
        for (Citation c : basis) {
            if (!c.verified()) {
                warnings.add("引用文本 " + c.reference() + " 的可信度为 " + c.fidelity() + "，未经逐字核对。");
            }
        }
        for (Finding f : o.excluded()) {
            warnings.add(excludedNote(f, true));
        }

        warnings.addAll(unresolved);
        List<GroundReport> whyNot = lean ? List.of() : whyNot(in, run);
        List<CatalogVersion> versions = new ArrayList<>();
        versions.add(rb.versions().get("statute"));
        run.candidates().stream().map(r -> r.catalog().id()).distinct().forEach(id -> versions.add(rb.versions().get(id)));
        run.notInForce().stream().map(r -> r.catalog().id()).distinct()
                .filter(id -> versions.stream().noneMatch(v -> v.id().equals(id)))
                .forEach(id -> versions.add(rb.versions().get(id)));

        Map<String, Citation> unique = new LinkedHashMap<>();
        for (Citation c : basis) unique.putIfAbsent(c.role() + "|" + c.reference(), c);
        List<Citation> dedup = List.copyOf(unique.values());
        String explanation = lean ? null : Explainer.explain(in, run, other, h, o, duties, fine, missing, rb);
        List<String> kinds = !insufficient && h.penalizes() && !fineOpen
                ? penaltyKinds(run, rb, in).map(Map.Entry::getValue).orElse(List.of()) : List.of();
        return new Decision(in.id(), h, o.mandatory(), insufficient && o.coercion() == null ? null : o.coercion(),
                items, dedup, duties, List.copyOf(measures), fine, kinds, missing, whyNot, versions,
                List.copyOf(new LinkedHashSet<>(warnings)), explanation, engineVersion);
    }

    /**
     * 行政处罚法 第五十七条第一款第（四）项 with 第三十条/第三十一条: a suspected crime is referred, but a party under 14 or
     * without capacity at the act still may not be given an administrative penalty, and the guardian duty stands.
     */
    private void referralOfAPartyWhoCannotBePenalized(Evaluator.Run run, Handling h, LocalDate asOf, List<Citation> basis,
                                                      List<Duty> duties, List<String> warnings) {
        if (h != Handling.REFER_CRIMINAL) return;
        for (Finding f : run.findings()) {
            if (!f.getKind().equals("STATUTE") || !f.isHeld()) continue;
            StatuteMeta.GroundMeta g = rb.grounds().get(f.getId());
            if (g == null || !g.effect().equals("NO_PENALTY") || g.duties().isEmpty()) continue;
            for (String ref : g.basis()) cite(ref, "不予处罚依据（移送司法机关不改变）", asOf, basis);
            for (StatuteMeta.DutyMeta d : g.duties()) duty(duties, d.kind(), d.text(), d.basis(), asOf);
            warnings.add("涉嫌犯罪，移送司法机关；同时，" + g.title() + "：对当事人不得给予行政处罚（"
                    + g.basis().stream().map(r -> rb.registry().resolve(r, "", asOf).map(Citation::reference).orElse(r))
                    .collect(Collectors.joining("、")) + "），并应" + g.duties().get(0).text() + "。");
        }
    }

    /**
     * The items whose 违法依据 and 处罚依据 say which statute was violated: the candidates, or — when no list item is
     * in force or in the jurisdiction — the items the case named anyway (the statute applies whether or not a list does).
     */
    static List<RuleBase.ItemRef> lawItems(Evaluator.Run run) {
        if (!run.candidates().isEmpty()) return run.candidates();
        List<RuleBase.ItemRef> out = new ArrayList<>(run.notInForce());
        out.addAll(run.outsideJurisdiction());
        return out;
    }

    /** The list's area in words (its region, else its id: a catalog need not name a region). */
    static String regionOf(CatalogMeta c) {
        return c.region() != null ? c.region() : c.id();
    }

    private static boolean isTimeBar(Finding f) {
        return f.getKind().equals("STATUTE") && f.getId().equals("XZCF-36");
    }

    /** Why an exclusion took a finding out of the ranking: 三(七) for a list item, 第37条 for a new heavier ground. */
    private String excludedNote(Finding f, boolean sentence) {
        if (f.getKind().equals("ITEM")) {
            String x = Precedence.excludedBy(f, Set.of("HX-2022-17-3-7"), rb) != null ? "滑法政办〔2022〕17号 三（七）" : "清单所声明的排除规则";
            return sentence ? "清单事项 " + f.getId() + " 因" + x + "不得适用（该文件约束本清单；对个案逐案排除是本引擎的解读，"
                    + "可在设置 huaxianExclusion 中关闭）。" : "依" + x + "，不得适用清单（逐案排除为本引擎的解读）";
        }
        String t = rb.titleOf(f);
        return sentence ? "“" + t + "”（" + f.getId() + "）是违法行为发生后施行的较重规定，依照《行政处罚法》第三十七条不予适用。"
                : "行为后施行的较重规定，依第三十七条不适用";
    }

    /**
     * An act whose law day precedes the current 行政处罚法 (before 2021-07-15): say which text governed what,
     * instead of a generic warning. The time bar is the old text's (cited above); the 2021 grounds the engine
     * applies are no heavier than their 2017 counterparts (第25至27条), so they apply under 第37条, which is cited;
     * a new heavier ground (第49条) is set aside by {@link Precedence}.
     */
    private void oldActStatement(CaseInput in, Evaluator.Run run, Evaluator.Run other, Handling h, List<Citation> basis,
                                 List<String> warnings) {
        LocalDate day = run.actLawDay();
        if (day == null) return;
        LocalDate decided = other != null && other.asOf().isAfter(run.asOf()) ? other.asOf() : run.asOf();
        String atAct = rb.registry().versionLabel("行政处罚法 第37条", day);
        String now = rb.registry().versionLabel("行政处罚法 第37条", decided.isAfter(day) ? decided : day);
        if (atAct.equals(now) || atAct.equals("?")) return;
        String label = atAct.substring(atAct.indexOf('@') + 1);
        org.discretion.rules.facts.CaseView.Limitation lim = run.limitation();
        String period = lim == null ? "" : lim.special() ? "：" + lim.label()
                : "（" + Wording.period(lim.period())
                + (lim.extended() == null ? "，没有涉及生命健康安全、金融安全的延长期限" : "") + "）";
        warnings.add("违法行为发生时适用《行政处罚法》（" + label + "）：追责期限适用该版本的规定" + period + "，较重的新规定（第四十九条从重）不溯及既往；修订后第三十条至第三十三条的规定不重于修订前的相应规定"
                + "（第二十五条至第二十七条），依照第三十七条适用。这是本引擎对两版文本的比较，所据 2017 年文本未与公布文本核对"
                + "（law-reference.md §1.5a：凭记忆整理；注册表中第29条为网页转载、第27条第2款未核实），作出决定前须核对原文。");
        if (h != Handling.TIME_BARRED && h != Handling.INSUFFICIENT_FACTS) {
            cite("行政处罚法(2021) 第37条", "从旧兼从轻", run.asOf(), basis);
        }
    }

    /**
     * 行政处罚法 第二十八条第二款: "当事人有违法所得，除依法应当退赔的外，应当予以没收". Not penalizing does not leave the
     * gains with the party: the decision says they exist and what must be decided about them.
     */
    private void illegalGainsOfANoPenaltyDecision(CaseInput in, Handling h, LocalDate asOf, List<Duty> duties,
                                                  List<String> warnings) {
        if ((h != Handling.NO_PENALTY && h != Handling.MAY_NO_PENALTY)
                || in.illegalGains() == null || in.illegalGains().signum() <= 0) {
            return;
        }
        String amount = in.illegalGains().toPlainString();
        duty(duties, "DECIDE_ILLEGAL_GAINS", "当事人有违法所得 " + amount + " 元：须决定依法应当退赔的予以退赔，其余予以没收",
                "行政处罚法(2021) 第28条第2款", asOf);
        warnings.add("当事人有违法所得 " + amount + " 元：不予处罚不等于保留违法所得。依照《行政处罚法》第二十八条第二款，"
                + "依法应当退赔的，予以退赔；其余应当予以没收。没收违法所得是第九条所列的处罚种类，不予处罚时如何处理须由行政机关依法决定。");
    }

    /**
     * 第37条: a range under the decision-date law (chosen because its handling is lighter) never goes above the
     * act-date law's statutory maximum.
     */
    private FineRange capped(CaseInput in, Evaluator.Run run, Evaluator.Run other, FineRange fine, List<String> warnings) {
        Evaluator.Run capRun = other != null && other.asOf().isBefore(run.asOf()) ? other : null;
        if (fine == null || capRun == null) return fine;
        BigDecimal oldMax = statutoryMax(in, capRun);
        if (oldMax == null || fine.max() == null || fine.max().compareTo(oldMax) <= 0) return fine;
        warnings.add("依照《行政处罚法》第三十七条，罚款不得高于违法行为发生时（" + capRun.asOf() + "）法定的最高额 "
                + oldMax.toPlainString() + " 元。");
        BigDecimal min = fine.min() != null && fine.min().compareTo(oldMax) > 0 ? oldMax : fine.min();
        return new FineRange(min, oldMax, true, fine.rule() + "；以违法行为发生时的法定最高额 " + oldMax.toPlainString()
                + " 元为限（第三十七条）", fine.verified());
    }

    /**
     * Where the case is decided: lists outside the agency's jurisdiction were set aside (said when the case named
     * one); with no {@code agency.divisionCode}, every list was considered and the decision says so when a local
     * list applied.
     */
    private void jurisdictionWarnings(CaseInput in, Evaluator.Run run, List<MatchedItem> items, List<String> warnings) {
        String code = in.agency().divisionCode();
        for (RuleBase.ItemRef r : run.outsideJurisdiction()) {
            if (r.item().id().equals(in.item()) || in.catalogs().contains(r.catalog().id())) {
                warnings.add(r.catalog().reference() + "只适用于" + regionOf(r.catalog()) + "，不适用于行政区划代码为 " + code
                        + " 的机关，事项 " + r.item().id() + " 未予适用。");
            }
        }
        if (code == null && in.catalogs().isEmpty()) {
            Set<String> local = new LinkedHashSet<>();
            for (MatchedItem m : items) {
                CatalogMeta c = rb.catalogs().get(m.catalog());
                if (c != null && !"NATIONAL".equals(c.level())) local.add(c.reference() + "（" + regionOf(c) + "）");
            }
            if (!local.isEmpty()) {
                warnings.add("未给出作出决定机关的行政区划代码（agency.divisionCode），未按地域筛选清单：适用了地方清单"
                        + String.join("、", local) + "，请核对本机关是否在其适用地域内（或以 catalogs 限定）。");
            }
        }
        Set<String> regions = items.stream().map(m -> rb.catalogs().get(m.catalog()))
                .filter(c -> c != null && !"NATIONAL".equals(c.level())).map(DecisionAssembler::regionOf)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (regions.size() > 1 && code == null) {
            warnings.add("适用的地方清单来自不同地区（" + String.join("、", regions) + "）：请给出 agency.divisionCode 或用 catalogs 限定本机关适用的清单。");
        }
    }

    private boolean collectiveDiscussion(Evaluator.Run run) {
        return catalogsOf(run.outcome().decisive()).stream()
                .anyMatch(c -> Boolean.TRUE.equals(c.settings().collectiveDiscussionForMitigation()));
    }

    private List<CatalogMeta> catalogsOf(List<Finding> fs) {
        return fs.stream().filter(f -> f.getKind().equals("ITEM")).map(f -> rb.items().get(f.getId()).catalog())
                .distinct().toList();
    }

    private void addFinding(Finding f, LocalDate asOf, List<Citation> basis, List<MatchedItem> items,
                            Set<String> measures, List<Duty> duties) {
        if (f.getKind().equals("ITEM")) {
            RuleBase.ItemRef r = rb.items().get(f.getId());
            CatalogMeta c = r.catalog();
            ItemMeta it = r.item();
            String fidelity = it.fidelity() != null ? it.fidelity() : c.fidelity();
            items.add(new MatchedItem(c.id(), it.id(), it.list(), it.name(), c.documentNumber(), it.number(),
                    c.level(), fidelity));
            basis.add(new Citation("清单事项", c.title(), c.documentNumber(), c.effectiveFrom(), null, null, null, null,
                    it.name() + (it.applicability() == null || it.applicability().equals(it.name()) ? "" : "。适用情形：" + it.applicability()),
                    fidelity, c.reference() + ItemNumbers.cited(it.number())));
            for (String ref : it.violationBasis()) cite(ref, "违法依据", asOf, basis);
            for (String ref : it.penaltyBasis()) cite(ref, "处罚依据", asOf, basis);
            String role = switch (it.list()) {
                case NO_PENALTY -> "不予处罚依据";
                case LENIENT -> "从轻处罚依据";
                case MITIGATED -> "减轻处罚依据";
                case LENIENT_OR_MITIGATED -> "从轻或者减轻处罚依据";
                case NO_COERCION -> "不予实施行政强制依据";
            };
            for (String ref : it.handlingBasis()) cite(ref, role, asOf, basis);
            if (it.measures() != null && !it.measures().isBlank()) measures.add(it.measures());
        } else {
            StatuteMeta.GroundMeta g = rb.grounds().get(f.getId());
            if (g == null) return;
            String role = switch (g.effect()) {
                case "NO_PENALTY", "MAY_NO_PENALTY" -> "不予处罚依据";
                case "LENIENT_OR_MITIGATED" -> "从轻或者减轻处罚依据";
                case "NO_COERCION" -> "不予实施行政强制依据";
                case "TIME_BARRED" -> "追责期限";
                case "REFER_CRIMINAL" -> "移送依据";
                case "AGGRAVATED" -> "从重处罚依据";
                default -> "依据";
            };
            for (String ref : g.basis()) cite(ref, role, asOf, basis);
            for (StatuteMeta.DutyMeta d : g.duties()) duty(duties, d.kind(), d.text(), d.basis(), asOf);
        }
    }

    private void duty(List<Duty> duties, String kind, String text, String ref, LocalDate asOf) {
        if (duties.stream().anyMatch(d -> d.kind().equals(kind))) return;
        String human = rb.registry().resolve(ref, "", asOf).map(Citation::reference).orElse(ref);
        duties.add(new Duty(kind, text, human));
    }

    private void cite(String ref, String role, LocalDate asOf, List<Citation> basis) {
        Optional<Citation> c = rb.registry().resolve(ref, role, asOf);
        if (c.isPresent()) {
            basis.add(c.get());
        } else {
            unresolved.add("引用“" + ref + "”（" + role + "）在 " + asOf + " 有效的版本中没有可引用的条文，已略去：请核对法律版本。");
        }
    }

    /** Notes on the statutory range (party clause, no gains): warnings of the decision. */
    private final List<String> fineNotes = new ArrayList<>();
    /** The penalty clause chosen for the party where the law distinguishes 单位 and 个人: cited as 处罚依据. */
    private final List<String> fineClauses = new ArrayList<>();

    /**
     * The statutory range ({@link StatutoryRange}: the case's, else the registry's for the party at the date, else the
     * item's published range), split by the handling: 从轻 the lower share, 减轻 below the minimum but above zero,
     * 从重 from {@code Readings.aggravatedFrom} of the range (or the upper share).
     */
    FineRange fineRange(CaseInput in, Evaluator.Run run, Handling h, List<MissingFact> missing) {
        List<RuleBase.ItemRef> items = run.candidates();
        Optional<StatutoryRange.Range> statutory = StatutoryRange.of(in, run, rb, fineNotes, missing, fineClauses);
        if (statutory.isEmpty()) {
            return null;
        }
        BigDecimal min = statutory.get().min();
        BigDecimal max = statutory.get().max();
        String source = statutory.get().source();
        boolean sourceVerified = statutory.get().verified();
        if (min == null && max == null) {
            return null;
        }
        BigDecimal share = settings.lenientShare();
        boolean verified = settings.lenientShareVerified();
        boolean sv = sourceVerified;
        for (RuleBase.ItemRef r : items) {
            if (r.catalog().settings().lenientShare() != null) {
                share = r.catalog().settings().lenientShare();
                verified = Boolean.TRUE.equals(r.catalog().settings().lenientShareVerified());
            }
        }
        BigDecimal lo = min == null ? BigDecimal.ZERO : min;
        String pct = share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
        return switch (h) {
            case STANDARD -> new FineRange(min, max, true, source + "：在法定幅度内", sv);
            case LENIENT -> max == null ? new FineRange(min, null, true, source + "：从轻，法定幅度内较低处（未设最高额）", true)
                    : new FineRange(lo, lo.add(max.subtract(lo).multiply(share)).setScale(2, RoundingMode.HALF_UP), true,
                    source + "：从轻，取法定幅度较低的" + pct, verified && sv);
            // 减轻: below the statutory minimum but above zero (a fine of zero is no penalty), or a lighter kind (第九条)
            case MITIGATED -> min == null || min.signum() == 0
                    ? new FineRange(null, null, false, source + "：法定未设最低罚款额，减轻处罚应适用更轻的处罚种类（如警告，第九条）", true, false)
                    : new FineRange(BigDecimal.ZERO, min, false, source + "：减轻，低于法定最低额 " + min.toPlainString()
                    + " 元且高于零，或者适用更轻的处罚种类（如警告）", sv, false);
            case LENIENT_OR_MITIGATED -> max == null ? new FineRange(null, min, true, source + "：从轻或者减轻", true)
                    : new FineRange(min == null || min.signum() == 0 ? null : BigDecimal.ZERO,
                    lo.add(max.subtract(lo).multiply(share)).setScale(2, RoundingMode.HALF_UP), true,
                    source + "：从轻（法定幅度较低的" + pct + "）或者减轻（低于最低额且高于零，或者更轻种类）", verified && sv,
                    min == null || min.signum() == 0);
            case AGGRAVATED -> max == null ? new FineRange(min, null, true, source + "：从重", true) : aggravated(lo, max, share, pct, verified, sv, source);
            default -> null;
        };
    }

    /**
     * 从重 within the statutory range: from {@code Readings.aggravatedFrom} of the range upwards (0.5 = "不低于幅度的中间值",
     * the common local reading), or, unset, the upper share mirroring 从轻. Unverified unless the setting says so.
     */
    private FineRange aggravated(BigDecimal lo, BigDecimal max, BigDecimal share, String pct, boolean verified,
                                 boolean sourceVerified, String source) {
        BigDecimal from = settings.readings().aggravatedFrom();
        if (from == null) {
            return new FineRange(max.subtract(max.subtract(lo).multiply(share)).setScale(2, RoundingMode.HALF_UP), max, true,
                    source + "：从重，取法定幅度较高的" + pct, verified && sourceVerified);
        }
        String at = from.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
        return new FineRange(lo.add(max.subtract(lo).multiply(from)).setScale(2, RoundingMode.HALF_UP), max, true,
                source + "：从重，不低于法定幅度的" + at + "处", settings.readings().aggravatedFromVerified() && sourceVerified);
    }

    private List<GroundReport> whyNot(CaseInput in, Evaluator.Run run) {
        Precedence.Outcome o = run.outcome();
        List<GroundReport> out = new ArrayList<>();
        Set<Finding> applied = new LinkedHashSet<>(o.decisive());
        applied.addAll(o.coercionBasis());
        for (Finding f : run.findings()) {
            String note;
            boolean isApplied = applied.contains(f) && o.handling() != Handling.INSUFFICIENT_FACTS;
            if (o.excluded().contains(f)) {
                note = excludedNote(f, false);
            } else if (isApplied) {
                note = "适用";
            } else if (f.getStatus() == Status.HELD) {
                note = "成立，但被优先的结果吸收";
            } else if (f.getStatus() == Status.UNKNOWN) {
                note = o.undecided().contains(f) || o.coercionUndecided().contains(f) ? "事实不明，须补充" : "事实不明，但不影响结果";
            } else {
                note = "不成立";
            }
            out.add(new GroundReport(f.getId(), f.getKind(), rb.titleOf(f), f.getStatus(), isApplied, note, f.getConditions()));
        }
        for (RuleBase.ItemRef r : run.outsideJurisdiction()) {
            CatalogMeta c = r.catalog();
            out.add(new GroundReport(r.item().id(), "ITEM", r.item().name(), Status.FAILED, false,
                    "清单只适用于" + regionOf(c) + "（" + Explainer.levelZh(c.level()).replace("（", "").replace("）", "")
                            + "，行政区划代码 " + (c.jurisdiction() == null ? "未载明" : c.jurisdiction().divisionCode())
                            + "），不适用于本机关所在地域",
                    List.of(new ConditionReport("清单适用于作出决定的机关所在地域", Status.FAILED, List.of("agency.divisionCode"),
                            "agency.divisionCode=" + in.agency().divisionCode()))));
        }
        for (RuleBase.ItemRef r : run.notInForce()) {
            CatalogMeta c = r.catalog();
            out.add(new GroundReport(r.item().id(), "ITEM", r.item().name(), Status.FAILED, false,
                    "清单在 " + run.asOf() + " 不适用（" + c.status() + "，有效期 " + c.effectiveFrom() + " 至 "
                            + (c.effectiveTo() == null ? "—" : c.effectiveTo()) + "）",
                    List.of(new ConditionReport("清单在评估日期有效", Status.FAILED, List.of("decisionDate", "actDate"),
                            "asOf=" + run.asOf()))));
        }
        return out;
    }

    private String fieldLabel(String field, Finding f) {
        if (field.startsWith("facts.")) {
            RuleBase.ItemRef r = rb.items().get(f.getId());
            if (r != null) {
                String name = field.substring(6);
                return r.item().facts().stream().filter(s -> s.name().equals(name))
                        .map(s -> s.label() + (s.unit().isEmpty() ? "" : "（" + s.unit() + "）")).findFirst().orElse(name);
            }
            return field;
        }
        return Conditions.FIELD_LABELS.getOrDefault(field, field);
    }

    static boolean isMissing(CaseInput in, String field) {
        return switch (field) {
            case "party.type" -> in.party().type() == null;
            case "party.age" -> in.party().age() == null;
            case "party.mentalCapacity" -> in.party().mentalCapacity() == null;
            case "actDate" -> in.actDate() == null;
            // optional: asked only for an act the case says was continuing or repeated (第36条第2款)
            case "actEndDate" -> in.actEndDate() == null && in.has(Circumstance.CONTINUING_ACT);
            case "discoveryDate" -> in.discoveryDate() == null;
            case "decisionDate" -> in.decisionDate() == null;
            case "firstOffense", "priorViolations" -> in.firstOffense() == null && in.priorViolations() == null;
            case "correction" -> in.correction() == null;
            case "severity" -> in.severity() == null;
            case "harm" -> in.harm() == null;
            case "illegalGains" -> in.illegalGains() == null;
            case "circumstances" -> false;
            default -> field.startsWith("facts.") && in.facts().get(field.substring(6)) == null;
        };
    }
}
