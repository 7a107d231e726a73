package org.discretion.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Citation;
import org.discretion.rules.api.Coercion;
import org.discretion.rules.api.ConditionReport;
import org.discretion.rules.api.Duty;
import org.discretion.rules.api.FineRange;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.ListType;
import org.discretion.rules.api.MissingFact;
import org.discretion.rules.api.Status;
import org.discretion.rules.facts.FactSpec;
import org.discretion.rules.facts.CaseView;
import org.discretion.rules.facts.Finding;
import org.discretion.rules.internal.model.CatalogMeta;
import org.discretion.rules.internal.model.ItemMeta;
import org.discretion.rules.internal.model.StatuteMeta;

/**
 * Writes the 裁量理由 in the form of a 行政处罚决定书 / 不予行政处罚决定书, one paragraph per part (separated by a
 * line break, see {@link Part}): 经查 (the facts found and the evidence), 本机关认为 (each legal element tied to the
 * fact that meets it, the list and the provisions in citation form, conflicts and exclusions), 综上 (the handling
 * and its range), 另 (coercive measures) and 同时 (duties). No legal content of its own: every provision is quoted
 * from the law registry, every list from its catalog, every fact from the case. See docs/decision-documents.md.
 */
final class Explainer {
    /** The paragraphs of a 裁量理由, each opening with its own words so that a document can place it. */
    enum Part {
        FACTS("经查，"), OPINION("本机关认为，"), CONCLUSION("综上，"), COERCION("另，"), DUTIES("同时，");

        final String opening;

        Part(String opening) {
            this.opening = opening;
        }
    }

    private static final String XZCF = "行政处罚法(2021) ";

    private final CaseInput in;
    private final Evaluator.Run run;
    private final RuleBase rb;
    private final LocalDate asOf;

    private Explainer(CaseInput in, Evaluator.Run run, RuleBase rb) {
        this.in = in;
        this.run = run;
        this.rb = rb;
        this.asOf = run.asOf();
    }

    static String explain(CaseInput in, Evaluator.Run run, Evaluator.Run other, Handling h, Precedence.Outcome o,
                          List<Duty> duties, FineRange fine, List<MissingFact> missing, RuleBase rb) {
        return punctuated(new Explainer(in, run, rb).write(other, h, o, duties, fine, missing));
    }

    /**
     * A quotation that ends the sentence carries the sentence's full stop inside its marks (GB/T 15834): "……不予行政
     * 处罚。”", not "……不予行政处罚。”。", which quoting a whole provision at the end of a sentence would otherwise give.
     */
    static String punctuated(String text) {
        return text.replace("。”。", "。”");
    }

    private String write(Evaluator.Run other, Handling h, Precedence.Outcome o, List<Duty> duties, FineRange fine,
                         List<MissingFact> missing) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(facts(o));
        StringBuilder opinion = new StringBuilder(Part.OPINION.opening);
        String violated = violationBasis();
        if (h != Handling.INSUFFICIENT_FACTS) {
            opinion.append("当事人的上述行为违反了").append(violated.isEmpty() ? Wording.blank("违法行为依据") : violated).append("的规定")
                    .append("。");
        }
        if (h == Handling.INSUFFICIENT_FACTS) {
            opinion.append(insufficient(o, missing));
            paragraphs.add(opinion.toString());
            if (o.coercion() == Coercion.NO_COERCION && !o.coercionBasis().isEmpty()) {
                paragraphs.add(Part.COERCION.opening + coercion(o));
            }
            return String.join("\n", paragraphs);
        }
        for (Finding f : o.decisive()) {
            opinion.append(element(f, o.mandatory()));
        }
        opinion.append(exclusion(o));
        opinion.append(conflict(h, o));
        if (other != null) {
            boolean actLaw = asOf.equals(run.actLawDay() != null ? run.actLawDay() : in.actDate());
            LocalDate decidedAt = actLaw ? other.asOf() : asOf;
            opinion.append("本案违法行为发生时（").append(dateOr(in.actDate(), "违法行为发生日期")).append("）与作出决定时（")
                    .append(dateOr(decidedAt, "决定日期")).append("）适用的规定不同，依照").append(citeQuoted(XZCF + "第37条"))
                    .append("的规定，适用").append(actLaw ? "违法行为发生时" : "作出决定时").append("的规定。");
        }
        paragraphs.add(opinion.toString());
        paragraphs.add(Part.CONCLUSION.opening + conclusion(h, o, fine));
        if (o.coercion() == Coercion.NO_COERCION && !o.coercionBasis().isEmpty()) {
            paragraphs.add(Part.COERCION.opening + coercion(o));
        }
        if (!duties.isEmpty()) {
            paragraphs.add(Part.DUTIES.opening + duties(duties, h));
        }
        return String.join("\n", paragraphs);
    }

    // ---- 经查 ------------------------------------------------------------------------------------------------

    private String facts(Precedence.Outcome o) {
        StringBuilder b = new StringBuilder(Part.FACTS.opening);
        if (in.factsFound() != null && !in.factsFound().isBlank()) {
            String t = in.factsFound().strip();
            b.append(t).append(t.endsWith("。") ? "" : "。");
        } else {
            b.append("当事人");
            if (in.actDate() != null && in.actEndDate() != null && !in.actEndDate().equals(in.actDate())) {
                b.append("自").append(Wording.date(in.actDate())).append("至").append(Wording.date(in.actEndDate()));
            } else if (in.actDate() != null && in.actEndDate() == null
                    && in.has(org.discretion.rules.api.Circumstance.CONTINUING_ACT)) {
                // 行政处罚法 第36条第2款: a continuing act whose end is not established is not stated as one day
                b.append("自").append(Wording.date(in.actDate())).append("起").append("至").append(Wording.blank("违法行为终了日期"));
            } else {
                b.append("于").append(dateOr(in.actDate(), "违法行为发生日期"));
            }
            b.append("实施了").append(act(o)).append("的违法行为。");
        }
        if (in.discoveryDate() != null) {
            b.append("本机关于").append(Wording.date(in.discoveryDate())).append("发现该违法行为。");
        }
        b.append("上述事实，有").append(in.evidence().isEmpty() ? Wording.blank("证据名称")
                : String.join("、", in.evidence())).append("等证据证实。");
        return b.toString();
    }

    /**
     * The act: the name of the list item the case names only when that item applied (its conditions then hold);
     * else a marked blank for the facts, never the title of an item whose conditions failed.
     */
    private String act(Precedence.Outcome o) {
        boolean applied = in.item() != null && o.decisive().stream().anyMatch(f -> f.getId().equals(in.item()));
        if (applied && rb.items().containsKey(in.item())) {
            String name = rb.items().get(in.item()).item().name().strip()
                    .transform(t -> END_PUNCT.matcher(t).replaceAll("")).transform(t -> PENALTY_END.matcher(t).replaceAll(""));
            return "“" + name + "”";
        }
        return Wording.blank("违法事实");
    }

    /** The provisions the act violates: the named item's violation basis, else the provision the case names. */
    private String violationBasis() {
        List<String> refs = new ArrayList<>();
        if (in.item() != null && rb.items().containsKey(in.item())) {
            refs.addAll(rb.items().get(in.item()).item().violationBasis());
        } else if (in.provision() != null) {
            refs.add(in.provision());
        }
        return Wording.joinRefs(refs.stream().map(r -> rb.registry().resolve(r, "", asOf).map(c -> Wording.provision(c, sentences(r)))
                .orElse(null)).filter(s -> s != null).distinct().toList());
    }

    // ---- 本机关认为 ------------------------------------------------------------------------------------------

    /** One ground or item: the facts of the case that meet its elements, then the provision or list item. */
    private String element(Finding f, boolean mandatory) {
        String facts = factsOf(f);
        if (f.getKind().equals("ITEM")) {
            RuleBase.ItemRef r = rb.items().get(f.getId());
            return facts + "符合" + listItem(r) + "所列情形" + applicability(r.item()) + "。" + itemHandling(r, mandatory);
        }
        StatuteMeta.GroundMeta g = rb.grounds().get(f.getId());
        if (g == null) return "";
        if (f.getId().equals("XZCF-32")) {
            return facts + "属于" + article32() + "规定的应当从轻或者减轻行政处罚的情形。";
        }
        if (g.effect().equals("TIME_BARRED")) {
            return timeBar();
        }
        Integer clause = CLAUSES.get(f.getId());
        String provisions = clause == null || g.basis().size() != 1 ? Wording.joinRefs(g.basis().stream().map(this::citeQuoted).toList())
                : rb.registry().resolve(g.basis().get(0), "", asOf).map(c -> Wording.provision(c, 0) + clause(c, clause)).orElse("");
        return facts + "属于" + provisions + "规定的情形。";
    }

    /**
     * Grounds that rest on one clause of an article that says several things (第三十条 on under-14 and on 14-18,
     * 第三十一条 on incapacity and on partial capacity): the clause quoted, not the whole article.
     */
    private static final Map<String, Integer> CLAUSES = Map.of("XZCF-30-UNDER14", 0, "XZCF-30-MINOR", 1,
            "XZCF-31-NO-CAPACITY", 0, "XZCF-31-PARTIAL", 2);

    private static String clause(Citation c, int index) {
        String[] parts = c.text() == null ? new String[0] : AFTER_CLAUSE.split(c.text());
        if (!c.verified() || index >= parts.length) return Wording.quote(c);
        String t = parts[index].strip();
        return "“" + (t.endsWith("；") ? t.substring(0, t.length() - 1) + "。" : t) + "”";
    }

    /** 当事人系初次违法，危害后果轻微，…，: the case's values of the fields the held conditions read. */
    private String factsOf(Finding f) {
        Set<String> phrases = new LinkedHashSet<>();
        ItemMeta item = f.getKind().equals("ITEM") && rb.items().containsKey(f.getId()) ? rb.items().get(f.getId()).item() : null;
        for (ConditionReport c : f.getConditions()) {
            if (c.status() != Status.HELD) continue;
            boolean said = false;
            for (String field : c.fields()) {
                String p = fact(field, item, f.getId());
                if (p != null) {
                    phrases.add(p);
                    said = true;
                }
            }
            if (!said) phrases.add(PAREN.matcher(FULL_PAREN.matcher(c.label()).replaceAll("")).replaceAll(""));
        }
        phrases.removeIf(p -> p == null || p.isBlank());
        return phrases.isEmpty() ? "" : "当事人" + String.join("，", phrases) + "，";
    }

    private String fact(String field, ItemMeta item, String findingId) {
        return switch (field) {
            case "party.type" -> in.party().type() == null ? null : "系" + Wording.partyType(in.party().type());
            case "party.age" -> in.party().age() == null ? null : "违法行为发生时" + in.party().age() + "周岁";
            case "party.mentalCapacity" -> in.party().mentalCapacity() == null ? null : Wording.capacity(in.party().mentalCapacity());
            case "correction" -> in.correction() == null ? null : Wording.correction(in.correction());
            case "severity" -> in.severity() == null ? null : Wording.severity(in.severity());
            case "harm" -> in.harm() == null ? null : Wording.harm(in.harm());
            case "firstOffense", "priorViolations" -> Boolean.TRUE.equals(in.firstOffense())
                    || (in.firstOffense() == null && in.priorViolations() != null && in.priorViolations().isEmpty())
                    ? "系初次违法" : in.firstOffense() == null && in.priorViolations() == null ? null : "此前有违法记录";
            case "circumstances" -> circumstancesOf(findingId);
            case "actDate", "actEndDate", "discoveryDate", "decisionDate" -> null;
            default -> field.startsWith("facts.") && item != null ? itemFact(field.substring(6), item) : null;
        };
    }

    /** The circumstances a statute ground reads (the circumstance a list item reads is said by its condition). */
    private String circumstancesOf(String findingId) {
        List<Circumstance> relevant = switch (findingId) {
            case "XZCF-32" -> List.of(Circumstance.ELIMINATED_HARM, Circumstance.COERCED_OR_DECEIVED,
                    Circumstance.CONFESSED_UNKNOWN_VIOLATION, Circumstance.MERITORIOUS_SERVICE);
            case "XZCF-33-2" -> List.of(Circumstance.NO_FAULT_PROVEN);
            case "XZCF-49" -> List.of(Circumstance.VIOLATED_EMERGENCY_MEASURES);
            case "XZCF-57" -> List.of(Circumstance.SUSPECTED_CRIME);
            case "HX-2022-17-3-7" -> List.of(Circumstance.EXPLOITED_EMERGENCY, Circumstance.HIGH_RISK,
                    Circumstance.IRREVERSIBLE_LOSS);
            default -> List.of();
        };
        String s = relevant.stream().filter(in::has).map(Wording::circumstance).collect(Collectors.joining("，"));
        return s.isEmpty() ? null : s;
    }

    private String itemFact(String name, ItemMeta item) {
        Object v = in.facts().get(name);
        if (v == null) return null;
        Optional<FactSpec> spec = item.facts().stream().filter(s -> s.name().equals(name)).findFirst();
        if (spec.isEmpty()) return null;
        String label = Wording.plain(spec.get().label());
        return switch (spec.get().type()) {
            case "BOOLEAN" -> {
                boolean yes = Boolean.TRUE.equals(v) || "true".equals(String.valueOf(v));
                if (label.startsWith("是否")) yield (yes ? "" : "未") + label.substring(2);
                yield yes ? label : "不具有“" + label + "”的情形";
            }
            case "DATE" -> label + "为" + dateText(v);
            default -> label + "为" + v + spec.get().unit();
        };
    }

    private static String dateText(Object v) {
        try {
            return Wording.date(LocalDate.parse(String.valueOf(v)));
        } catch (RuntimeException e) {
            return String.valueOf(v);
        }
    }

    /** 滑县财政局（issuer）《title》（文号）第N项, with the publication date when the list has no 文号. */
    String listItem(RuleBase.ItemRef r) {
        CatalogMeta c = r.catalog();
        StringBuilder b = new StringBuilder();
        if (c.issuingBody() != null && (c.title() == null || !c.title().startsWith(c.issuingBody()))) b.append(c.issuingBody());
        b.append("《").append(c.title()).append("》");
        if (c.documentNumber() != null) {
            b.append("（").append(c.documentNumber()).append("）");
        } else if (c.publishedOn() != null) {
            b.append("（").append(Wording.date(c.publishedOn())).append("公布）");
        }
        return b + itemNumber(r.item().number());
    }

    /** 第3项; a number the list writes with its part (e.g. 从轻处罚事项清单-1) as 从轻处罚事项清单第1项. */
    static String itemNumber(String number) {
        return ItemNumbers.cited(number);
    }

    private static String applicability(ItemMeta it) {
        String a = it.applicability();
        if (a == null || a.isBlank() || a.equals(it.name())) return "";
        return "（适用情形：" + END_PUNCT.matcher(a.strip()).replaceAll("") + "）";
    }

    /**
     * What the list item's handling rests on. Where the law says 可以 and the list says the agency will, the 应当
     * comes from the agency binding itself by its published list, and the sentence says so.
     */
    private String itemHandling(RuleBase.ItemRef r, boolean mandatory) {
        ItemMeta it = r.item();
        List<String> refs = it.handlingBasis();
        String law = Wording.joinRefs(refs.stream().map(this::citeQuoted).toList());
        String lawText = refs.stream().map(ref -> rb.registry().resolve(ref, "", asOf).map(Citation::text).orElse(""))
                .collect(Collectors.joining());
        String verb = switch (it.list()) {
            case NO_PENALTY -> "不予行政处罚";
            case LENIENT -> "从轻行政处罚";
            case MITIGATED -> "减轻行政处罚";
            case LENIENT_OR_MITIGATED -> "从轻或者减轻行政处罚";
            case NO_COERCION -> "不采取行政强制措施";
        };
        String issuer = r.catalog().issuingBody() == null ? "清单公布机关" : r.catalog().issuingBody();
        String self = in.agency().name() != null && in.agency().name().equals(issuer) ? "本机关" : issuer;
        StringBuilder b = new StringBuilder();
        if (!law.isEmpty()) b.append("该项的依据为").append(law).append("。");
        boolean lawSaysMay = lawText.contains("可以") && !lawText.contains("应当" + verb.replace("行政处罚", ""));
        if (mandatory && it.list() != ListType.NO_COERCION && (lawSaysMay || law.isEmpty())) {
            b.append(self).append("以公布").append(it.list().title()).append("的方式，对符合该项所列情形的违法行为承诺")
                    .append(verb).append("，").append(self.equals("本机关") ? "本机关" : "本机关适用该清单，")
                    .append("受其约束，对当事人应当").append(verb).append("。");
        }
        return b.toString();
    }

    /** 第三十二条第（三）项“主动供述行政机关尚未掌握的违法行为的”: the item of 第32条 each established circumstance meets. */
    private String article32() {
        List<Circumstance> items = List.of(Circumstance.ELIMINATED_HARM, Circumstance.COERCED_OR_DECEIVED,
                Circumstance.CONFESSED_UNKNOWN_VIOLATION, Circumstance.MERITORIOUS_SERVICE);
        Optional<Citation> whole = rb.registry().resolve(XZCF + "第32条", "", asOf);
        String head = whole.map(c -> Wording.provision(c, 0)).orElse("《中华人民共和国行政处罚法》第三十二条");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!in.has(items.get(i))) continue;
            String text = rb.registry().resolve(XZCF + "第32条第1款第" + (i + 1) + "项", "", asOf).map(Wording::quote).orElse("");
            parts.add("第（" + Wording.number(i + 1) + "）项" + text);
        }
        return head + (parts.isEmpty() ? "" : String.join("、", parts));
    }

    /**
     * 第三十六条 (2017: 第二十九条), or the special law's period: act (or its end) → discovery, the period and the law
     * that sets it, as the run resolved them ({@code Run.limitation}, from the law registry).
     */
    private String timeBar() {
        LocalDate end = in.actEndDate() != null ? in.actEndDate() : in.actDate();
        LocalDate lawDay = run.actLawDay() != null ? run.actLawDay() : asOf;
        CaseView.Limitation lim = run.limitation();
        // 行政处罚法's general period in the version that governs the act (2017 第29条 / 2021 第36条): its first
        // paragraph sets the period or yields to a special law, its second says from when the period runs
        List<String> general = rb.registry().generalLimitation(lawDay).map(LawRegistry.Period::citations)
                .orElse(List.of(XZCF + "第36条第1款", XZCF + "第36条第2款"));
        boolean special = lim != null && lim.special();
        // the provisions that set the period: the special law's (税收征收管理法 第86条), else the general paragraph
        List<String> setting = special ? lim.basis().stream().filter(r -> !general.contains(r)).toList()
                : lim != null && !lim.basis().isEmpty() ? List.of(lim.basis().get(0)) : List.of(general.get(0));
        String setBy = Wording.joinRefs(setting.stream()
                .map(r -> rb.registry().resolve(r, "", lawDay).map(c -> Wording.provision(c, 0)).orElse(r)).toList());
        boolean extended = lim != null && lim.extended() != null && in.has(Circumstance.LIFE_HEALTH_OR_FINANCIAL_SAFETY)
                && in.harm() != null && in.harm() != org.discretion.rules.api.Harm.NONE;
        // the period comes from the law registry only; without one no length is stated (never a number written here)
        java.time.Period p = lim == null ? null : extended ? lim.extended() : lim.period();
        String period = setBy + "规定的" + (extended ? "涉及公民生命健康安全、金融安全且有危害后果的" : "") + (p == null ? "" : Wording.period(p)) + "追责期限"
                + (special ? "（" + rb.registry().resolve(general.get(0), "", lawDay).map(c -> Wording.provision(c, 0))
                        .orElse(general.get(0)) + "“法律另有规定的除外”）" : "");
        String paragraph2 = general.size() > 1 ? general.get(1) : XZCF + "第36条第2款";
        String computation = rb.registry().resolve(paragraph2, "", lawDay).map(c -> Wording.provision(c, 0) + Wording.quote(c))
                .orElse(paragraph2);
        StringBuilder b = new StringBuilder();
        if (in.actEndDate() != null && !in.actEndDate().equals(in.actDate())) {
            b.append("当事人的违法行为有连续或者继续状态，于").append(Wording.date(end)).append("终了");
        } else {
            b.append("当事人的违法行为发生于").append(dateOr(end, "违法行为发生日期"));
        }
        b.append("，至").append(dateOr(in.discoveryDate(), "发现日期")).append("被发现，已超过").append(period)
                .append("。依照").append(computation).append("的规定，追责期限").append(in.actEndDate() != null ? "从行为终了之日起计算" : "从违法行为发生之日起计算")
                .append("。");
        return b.toString();
    }

    /** 二年, 五年, 六个月: a period in the words of a decision. */
    /** A list item not applied because of 滑法政办〔2022〕17号 三（七）: said in the reasons, not only in a warning. */
    private String exclusion(Precedence.Outcome o) {
        if (o.excluded().isEmpty()) return "";
        Finding hx = run.findings().stream().filter(f -> f.getKind().equals("EXCLUSION") && f.isHeld()).findFirst().orElse(null);
        String facts = hx == null ? "" : factsOf(hx);
        String basis = rb.grounds().containsKey("HX-2022-17-3-7")
                ? rb.grounds().get("HX-2022-17-3-7").basis().stream().map(r -> rb.registry().resolve(r, "", asOf)
                .map(c -> Wording.provision(c, 0) + Wording.quote(c)).orElse(r)).collect(Collectors.joining("、"))
                : "滑法政办〔2022〕17号 三（七）";
        String items = o.excluded().stream().map(f -> rb.items().containsKey(f.getId()) ? listItem(rb.items().get(f.getId())) : f.getId())
                .distinct().collect(Collectors.joining("、"));
        return facts + "依照" + basis + "的规定，本案不适用" + items + "。";
    }

    /** 第四十九条 against mitigation: stated, and how it was resolved. */
    private String conflict(Handling h, Precedence.Outcome o) {
        if (!o.aggravationConflict()) return "";
        String c49 = citeQuoted(XZCF + "第49条");
        boolean mitigationWon = h != Handling.AGGRAVATED && h != Handling.STANDARD;
        return "当事人同时违反了突发事件应对措施，依照" + c49 + "的规定，应当依法快速、从重处罚。法律未规定从重情形与从轻、减轻情形并存时如何适用，"
                + "本机关综合考虑违法行为的事实、性质、情节以及社会危害程度，"
                + (mitigationWon ? "依照上述从轻、减轻的规定处理，不再从重处罚。" : "不予从轻、减轻，也不予从重，在法定幅度内给予行政处罚。");
    }

    // ---- 综上 ------------------------------------------------------------------------------------------------

    private String conclusion(Handling h, Precedence.Outcome o, FineRange fine) {
        String refs = decisiveRefs(o);
        String may = o.mandatory() ? "应当" : "可以";
        return switch (h) {
            case NO_PENALTY -> "依照" + decisiveRefs(o, cite(XZCF + "第57条第1款第2项")) + "的规定，对当事人不予行政处罚。";
            case MAY_NO_PENALTY -> "依照" + refs + "的规定，对当事人可以不予行政处罚，由本机关裁量决定。本机关决定不予行政处罚的，依照"
                    + citeQuoted(XZCF + "第57条第1款第2项") + "的规定，作出不予行政处罚决定；决定给予行政处罚的，"
                    + fallback(o.fallback()) + "。";
            case LENIENT, MITIGATED, LENIENT_OR_MITIGATED -> "依照" + refs + "的规定，" + may + "对当事人"
                    + Wording.handlingWord(h) + "行政处罚" + sep(Wording.fine(fine, h)) + "。";
            case AGGRAVATED -> "依照" + refs + "的规定，对当事人依法快速、从重处罚" + sep(Wording.fine(fine, h)) + "。";
            case STANDARD -> "本案不具有法定或者清单所列不予行政处罚、从轻、减轻行政处罚的情形。依照"
                    + citeQuoted(XZCF + "第5条第2款") + "及本机关公布的行政处罚裁量基准（" + cite(XZCF + "第34条")
                    + "），在法定幅度内给予行政处罚" + sep(Wording.fine(fine, h)) + "。";
            case TIME_BARRED -> "依照" + refs + "的规定，对当事人的上述违法行为不再给予行政处罚。本案尚未立案的，不予立案；已经立案的，撤销立案。";
            case REFER_CRIMINAL -> "当事人的上述行为涉嫌犯罪，依照" + refs + "的规定，本机关应当将案件移送司法机关。";
            default -> "";
        };
    }

    private static String fallback(Precedence.Tier t) {
        if (t == null) return "在法定幅度内处罚";
        return switch (t) {
            case LIST_MITIGATED -> "应当减轻处罚";
            case LENIENT_OR_MITIGATED -> "应当从轻或者减轻处罚";
            case LIST_LENIENT -> "应当从轻处罚";
            case AGGRAVATED -> "依法快速、从重处罚";
            default -> "在法定幅度内处罚";
        };
    }

    /** The provisions and list items the handling rests on, each once, in citation form: provisions first. */
    private String decisiveRefs(Precedence.Outcome o, String... more) {
        Set<String> laws = new LinkedHashSet<>();
        Set<String> lists = new LinkedHashSet<>();
        for (Finding f : o.decisive()) {
            if (f.getKind().equals("ITEM")) {
                RuleBase.ItemRef r = rb.items().get(f.getId());
                r.item().handlingBasis().forEach(ref -> laws.add(cite(ref)));
                lists.add(listItem(r));
            } else if (rb.grounds().containsKey(f.getId())
                    && !(f.getId().equals("XZCF-36") && run.limitation() != null)) {
                // the time bar cites the period the run resolved (2017 第29条, a special law), below
                rb.grounds().get(f.getId()).basis().forEach(ref -> laws.add(cite(ref)));
            }
        }
        if (o.tier() == Precedence.Tier.TIME_BAR && run.limitation() != null) {
            LocalDate lawDay = run.actLawDay() != null ? run.actLawDay() : asOf;
            run.limitation().basis().forEach(ref -> laws.add(rb.registry().resolve(ref, "", lawDay)
                    .map(c -> Wording.provision(c, sentences(ref))).orElse("")));
        }
        laws.addAll(List.of(more));
        laws.addAll(lists);
        laws.remove("");
        return Wording.joinRefs(laws);
    }

    // ---- 另 / 同时 / 事实不清 ----------------------------------------------------------------------------------

    private String coercion(Precedence.Outcome o) {
        List<String> parts = new ArrayList<>();
        for (Finding f : o.coercionBasis()) {
            if (f.getKind().equals("ITEM")) {
                RuleBase.ItemRef r = rb.items().get(f.getId());
                parts.add(factsOf(f) + "符合" + listItem(r) + "所列情形");
            } else if (rb.grounds().containsKey(f.getId())) {
                parts.add(factsOf(f) + "依照" + Wording.joinRefs(rb.grounds().get(f.getId()).basis().stream()
                        .map(this::citeQuoted).toList()) + "的规定");
            }
        }
        return String.join("；", parts) + "，可以不采取行政强制措施。";
    }

    private String duties(List<Duty> duties, Handling h) {
        Map<String, List<String>> byBasis = new LinkedHashMap<>();
        for (Duty d : duties) {
            String text = d.text().replace("（不予处罚不免除改正义务）", "");
            byBasis.computeIfAbsent(d.basis(), k -> new ArrayList<>()).add(text);
        }
        List<String> parts = new ArrayList<>();
        byBasis.forEach((basis, texts) -> parts.add("依照" + humanize(basis) + "的规定，" + String.join("，", texts)));
        String s = String.join("；", parts) + "。";
        if ((h == Handling.NO_PENALTY || h == Handling.MAY_NO_PENALTY)
                && duties.stream().anyMatch(d -> d.kind().equals("ORDER_CORRECTION"))) {
            s += "不予行政处罚不免除当事人改正违法行为的义务。";
        }
        return s;
    }

    /** A human reference as the registry writes it, with 第一句 / 第二句 of a paragraph said as 前段 / 后段. */
    private static String humanize(String reference) {
        return reference.replace("款第一句", "款前段").replace("款第二句", "款后段");
    }

    /**
     * Facts unknown: for each ground whose answer is open, what must be established, each ground named once and
     * grounds that need the same facts named together.
     */
    private String insufficient(Precedence.Outcome o, List<MissingFact> missing) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (MissingFact m : missing) {
            if (m.affects().contains(MissingFact.HANDLING)) labels.put(m.field(), Wording.plain(m.label()));
        }
        Map<List<String>, List<String>> byFacts = new LinkedHashMap<>();
        List<Finding> open = new ArrayList<>(o.undecided());
        open.addAll(o.coercionUndecided());
        Set<String> seen = new LinkedHashSet<>();
        for (Finding f : open) {
            if (!seen.add(f.getId())) continue;
            List<String> need = f.getConditions().stream().filter(c -> c.status() == Status.UNKNOWN)
                    .flatMap(c -> c.fields().stream()).filter(labels::containsKey).map(labels::get).distinct().toList();
            if (need.isEmpty()) continue;
            byFacts.computeIfAbsent(need, k -> new ArrayList<>()).add(nameOf(f));
        }
        StringBuilder b = new StringBuilder("依现有事实，尚不能确定对当事人的处理。");
        List<String> parts = new ArrayList<>();
        byFacts.forEach((need, grounds) -> parts.add("为判断是否适用" + String.join("、", grounds) + "，须查明"
                + String.join("、", need)));
        if (!parts.isEmpty()) b.append(String.join("；", parts)).append("。");
        if (o.tier() != Precedence.Tier.STANDARD && !o.decisive().isEmpty()) {
            b.append("依现有事实，已可认定：");
            for (Finding f : o.decisive()) b.append(element(f, o.mandatory()));
        }
        return b.toString();
    }

    /** A ground or item as the reasons name it: the provision, or the list item in citation form. */
    private String nameOf(Finding f) {
        if (f.getKind().equals("ITEM") && rb.items().containsKey(f.getId())) return listItem(rb.items().get(f.getId()));
        StatuteMeta.GroundMeta g = rb.grounds().get(f.getId());
        if (g == null || g.basis().isEmpty()) return "“" + rb.titleOf(f) + "”";
        return Wording.joinRefs(g.basis().stream().map(this::cite).toList()) + "（" + g.title() + "）";
    }

    // ---- citations ---------------------------------------------------------------------------------------

    private String cite(String ref) {
        return rb.registry().resolve(ref, "", asOf)
                .map(c -> rb.registry().rendered(c, 0, x -> Wording.provision(x, sentences(ref)))).orElse("");
    }

    private String citeQuoted(String ref) {
        return rb.registry().resolve(ref, "", asOf)
                .map(c -> rb.registry().rendered(c, 1, x -> Wording.provision(x, sentences(ref)) + Wording.quote(x))).orElse("");
    }

    // compiled once: the explanation is written for every full decision (String.replaceAll/split compile each call)
    private static final Pattern END_PUNCT = Pattern.compile("[。；]$");
    private static final Pattern PENALTY_END = Pattern.compile("的?行政处罚$");
    private static final Pattern AFTER_CLAUSE = Pattern.compile("(?<=[；。])");
    private static final Pattern AFTER_STOP = Pattern.compile("(?<=。)");
    private static final Pattern FULL_PAREN = Pattern.compile("（[^（）]*）");
    private static final Pattern PAREN = Pattern.compile("\\([^()]*\\)");
    private static final Pattern SENTENCE = Pattern.compile("第\\d+句$");

    /** How many sentences the paragraph of a sentence citation has, so that 第二句 of two is said 后段. */
    private int sentences(String ref) {
        Matcher m = SENTENCE.matcher(ref.strip());
        if (!m.find()) return 0;
        String paragraph = ref.strip().substring(0, m.start());
        return rb.registry().resolve(paragraph, "", asOf).map(c -> AFTER_STOP.split(c.text()).length).orElse(0);
    }

    /** 国家级 / 省级 / 市级 / 县级: the layer of a list, for warnings that compare layers. */
    static String levelZh(String level) {
        if (level == null) return "";
        return switch (level) {
            case "NATIONAL" -> "（国家级）";
            case "PROVINCIAL" -> "（省级）";
            case "MUNICIPAL" -> "（市级）";
            case "COUNTY" -> "（县级）";
            default -> "（" + level + "）";
        };
    }

    private static String dateOr(LocalDate d, String blank) {
        return d == null ? (blank.isEmpty() ? "" : Wording.blank(blank)) : Wording.date(d);
    }

    private static String sep(String s) {
        return s.isEmpty() ? "" : "，" + s;
    }
}
