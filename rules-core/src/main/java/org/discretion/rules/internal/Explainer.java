package org.discretion.rules.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Coercion;
import org.discretion.rules.api.ConditionReport;
import org.discretion.rules.api.Duty;
import org.discretion.rules.api.FineRange;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.MissingFact;
import org.discretion.rules.api.Status;
import org.discretion.rules.facts.Finding;

/** Writes the 裁量理由: a readable Chinese paragraph from the decision's parts. No legal content of its own. */
final class Explainer {
    private Explainer() {
    }

    static String explain(CaseInput in, Evaluator.Run run, Evaluator.Run other, Handling h, Precedence.Outcome o,
                          List<String> decisiveRefs, List<Duty> duties, FineRange fine,
                          List<MissingFact> missing, RuleBase rb) {
        StringBuilder b = new StringBuilder("经审查，");
        b.append(party(in));
        if (in.actDate() != null) b.append("于").append(in.actDate()).append("实施的");
        b.append("违法行为");
        if (in.item() != null && rb.items().containsKey(in.item())) {
            b.append("（").append(rb.items().get(in.item()).item().name()).append("）");
        } else if (in.provision() != null) {
            b.append("（违反").append(in.provision()).append("）");
        }
        b.append("。");

        if (h == Handling.INSUFFICIENT_FACTS) {
            b.append("现有事实不足以确定处理结果：");
            b.append(o.undecided().stream().map(f -> "“" + title(f, rb) + "”").distinct().collect(Collectors.joining("、")));
            b.append("是否成立尚不能判断，须查明");
            b.append(missing.stream().map(MissingFact::label).distinct().collect(Collectors.joining("、")));
            b.append("。");
            if (o.tier() != Precedence.Tier.STANDARD) {
                b.append("依现有事实，至少可以认定：").append(reasons(o.decisive(), rb)).append("。");
            }
            return b.toString();
        }

        String reasons = reasons(o.decisive(), rb);
        String refs = String.join("、", decisiveRefs);
        switch (h) {
            case REFER_CRIMINAL -> b.append("该违法行为涉嫌犯罪，依照").append(refs).append("的规定，应当移送司法机关，不得以行政处罚代替刑事处罚。");
            case TIME_BARRED -> b.append(reasons).append("，依照").append(refs).append("的规定，不再给予行政处罚。");
            case NO_PENALTY -> b.append(reasons).append("，依照").append(refs).append("的规定，")
                    .append(o.mandatory() ? "应当" : "").append("不予行政处罚。");
            case MAY_NO_PENALTY -> {
                b.append(reasons).append("，依照").append(refs).append("的规定，可以不予行政处罚（由行政机关裁量决定）");
                if (o.fallback() != null) {
                    b.append("；决定给予处罚的，").append(fallbackText(o.fallback()));
                }
                b.append("。");
            }
            case MITIGATED, LENIENT, LENIENT_OR_MITIGATED -> b.append(reasons).append("，依照").append(refs).append("的规定，")
                    .append(o.mandatory() ? "应当" : "可以").append(word(h)).append("行政处罚").append(fineText(fine)).append("。");
            case AGGRAVATED -> b.append(reasons).append("，依照").append(refs).append("的规定，依法快速、从重处罚")
                    .append(fineText(fine)).append("。");
            case STANDARD -> {
                b.append("未发现可以适用的不予处罚、从轻、减轻处罚清单事项，也不具有法定不予处罚、从轻或者减轻处罚的情形");
                if (o.aggravationConflict()) b.append("（从轻、减轻与从重情形并存，已按设置处理）");
                b.append("，建议在法定幅度内依法给予行政处罚").append(fineText(fine))
                        .append("，并依照《中华人民共和国行政处罚法》第五条第二款（过罚相当）和本机关公布的裁量基准（第三十四条）综合裁量。");
            }
            default -> { }
        }
        if (o.coercion() == Coercion.NO_COERCION && !o.coercionBasis().isEmpty()) {
            b.append("另，").append(reasons(o.coercionBasis(), rb)).append("，可以不采取行政强制措施。");
        }
        if (!duties.isEmpty()) {
            b.append("同时，").append(duties.stream().map(d -> d.text() + "（" + d.basis() + "）").collect(Collectors.joining("；")))
                    .append("。");
        }
        if (other != null) {
            b.append("本案违法行为发生时与作出决定时适用的规定不同，依照《中华人民共和国行政处罚法》第三十七条，适用")
                    .append(run.asOf().equals(run.actLawDay()) ? "违法行为发生时" : "作出决定时").append("的规定。");
        }
        return b.toString();
    }

    private static String party(CaseInput in) {
        if (in.party().type() == null) return "当事人";
        return switch (in.party().type()) {
            case ORGANIZATION -> "当事人（单位）";
            case INDIVIDUAL -> "当事人（自然人" + (in.party().age() == null ? "" : "，行为时" + in.party().age() + "周岁") + "）";
            case INDIVIDUAL_BUSINESS -> "当事人（个体工商户）";
        };
    }

    private static String reasons(List<Finding> fs, RuleBase rb) {
        List<String> parts = new ArrayList<>();
        for (Finding f : fs) {
            String held = f.getConditions().stream().filter(c -> c.status() == Status.HELD).map(ConditionReport::label)
                    .collect(Collectors.joining("，"));
            if (f.getKind().equals("ITEM")) {
                RuleBase.ItemRef r = rb.items().get(f.getId());
                parts.add("符合" + levelZh(r.catalog().level()) + r.catalog().reference() + "第" + r.item().number() + "项“" + r.item().name()
                        + "”的适用情形（" + held + "）");
            } else {
                parts.add("属于“" + title(f, rb) + "”的情形（" + held + "）");
            }
        }
        return String.join("；", parts);
    }

    /** 国家级 / 省级 / 市级 / 县级 清单 — so that a reader sees which layer of lists applied. */
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

    /** A finding as the explanation names it: items with their id, so the reader can find them in the list. */
    private static String title(Finding f, RuleBase rb) {
        return f.getKind().equals("ITEM") && rb.items().containsKey(f.getId()) ? f.getId() + " " + rb.titleOf(f) : rb.titleOf(f);
    }

    private static String word(Handling h) {
        return switch (h) {
            case MITIGATED -> "减轻";
            case LENIENT -> "从轻";
            case LENIENT_OR_MITIGATED -> "从轻或者减轻";
            default -> "";
        };
    }

    private static String fallbackText(Precedence.Tier t) {
        return switch (t) {
            case LIST_MITIGATED -> "应当减轻处罚";
            case LENIENT_OR_MITIGATED -> "应当从轻或者减轻处罚";
            case LIST_LENIENT -> "应当从轻处罚";
            case AGGRAVATED -> "依照第四十九条从重处罚";
            default -> "在法定幅度内处罚";
        };
    }

    private static String fineText(FineRange f) {
        if (f == null) return "";
        if (f.min() == null && f.max() == null) return "（" + f.rule() + "）";
        return "，罚款幅度为 " + amount(f.min()) + " 元至 " + amount(f.max()) + " 元" + (f.maxInclusive() ? "" : "（不含）")
                + "（" + f.rule() + "）";
    }

    private static String amount(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }
}
