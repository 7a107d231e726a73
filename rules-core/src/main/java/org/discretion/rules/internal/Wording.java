package org.discretion.rules.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.discretion.rules.api.Citation;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.FineRange;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.MentalCapacity;
import org.discretion.rules.api.PartyType;
import org.discretion.rules.api.Severity;

/**
 * How a decision document writes dates, numbers, provisions, amounts and the case's facts: the vocabulary of a
 * signed 决定书, never the engine's (no enum names, no ISO dates, no "null"). Shared by the 裁量理由
 * ({@link Explainer}) and the decision documents, so both say the same thing the same way. No legal content of its own:
 * a fact phrase only restates a value of the case.
 */
public final class Wording {
    /** What a document prints where a particular is not given: a marked blank for the officer to fill in. */
    public static String blank(String what) {
        return "【" + what + "】";
    }

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    private static final String[] DATE_DIGITS = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private Wording() {
    }

    /** 2024年3月5日, as the body of a decision document writes a date. */
    public static String date(LocalDate d) {
        return d == null ? null : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** 二〇二四年三月五日, as the date under the seal is written. */
    public static String sealDate(LocalDate d) {
        if (d == null) return null;
        StringBuilder y = new StringBuilder();
        for (char c : String.valueOf(d.getYear()).toCharArray()) y.append(DATE_DIGITS[c - '0']);
        return y + "年" + number(d.getMonthValue()) + "月" + number(d.getDayOfMonth()) + "日";
    }

    /** 1 → 一, 10 → 十, 15 → 十五, 33 → 三十三, 101 → 一百零一 (up to 9999): article, paragraph and item numbers. */
    public static String number(int n) {
        if (n < 0 || n > 9999) return String.valueOf(n);
        if (n < 10) return DIGITS[n];
        if (n < 20) return "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        if (n < 100) return DIGITS[n / 10] + "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        if (n < 1000) {
            int rest = n % 100;
            return DIGITS[n / 100] + "百" + (rest == 0 ? "" : rest < 10 ? "零" + DIGITS[rest]
                    : rest < 20 ? "一" + number(rest) : number(rest));
        }
        int rest = n % 1000;
        return DIGITS[n / 1000] + "千" + (rest == 0 ? "" : rest < 100 ? "零" + number(rest) : number(rest));
    }

    /** An amount in yuan as a document prints it: 4400元, 196.36元. */
    public static String yuan(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString() + "元";
    }

    /**
     * A provision in standard form: 《中华人民共和国行政处罚法》（2021年修订）第三十三条第一款后段. A sentence of a
     * paragraph of two sentences is its 前段 or 后段; of a longer paragraph the sentence is quoted instead (the
     * caller quotes it). A list item's citation keeps its own reference.
     *
     * @param sentences how many sentences the cited paragraph has (0 when unknown)
     */
    public static String provision(Citation c, int sentences) {
        if (c.article() == null || c.reference().contains("（原")) return c.reference();
        StringBuilder b = new StringBuilder("《").append(c.instrument()).append("》");
        if (c.version() != null) {
            b.append("（").append(c.version().contains("未核实") ? blank("版本") : c.version()).append("）");
        }
        b.append("第").append(number(c.article())).append("条");
        if (c.paragraph() != null) b.append("第").append(number(c.paragraph())).append("款");
        if (c.item() != null) b.append("第（").append(number(c.item())).append("）项");
        if (c.sentence() != null && sentences == 2) b.append(c.sentence() == 1 ? "前段" : "后段");
        return b.toString();
    }

    /** The cited text in quotation marks, only when it was checked against the published text; else nothing. */
    public static String quote(Citation c) {
        if (!c.verified() || c.text() == null || c.text().isBlank() || c.text().contains("……")) return "";
        String t = c.text().strip();
        if (t.length() > 90) return "";
        if (t.endsWith("；") || t.endsWith("，")) t = t.substring(0, t.length() - 1) + "。";
        return "“" + t + "”";
    }

    public static String partyType(PartyType t) {
        return switch (t) {
            case ORGANIZATION -> "法人或者其他组织";
            case INDIVIDUAL -> "自然人";
            case INDIVIDUAL_BUSINESS -> "个体工商户";
        };
    }

    static String capacity(MentalCapacity m) {
        return switch (m) {
            case FULL -> "违法行为发生时具有完全的辨认和控制自己行为的能力";
            case PARTIAL -> "违法行为发生时尚未完全丧失辨认或者控制自己行为的能力";
            case NONE -> "违法行为发生时不能辨认或者不能控制自己的行为";
        };
    }

    static String correction(Correction c) {
        return switch (c) {
            case BEFORE_DISCOVERY -> "在本机关发现前主动改正了违法行为";
            case ON_THE_SPOT -> "当场改正了违法行为";
            case WITHIN_DEADLINE -> "在责令限期改正的期限内改正了违法行为";
            case DURING_INVESTIGATION -> "在调查期间改正了违法行为";
            case AFTER_DEADLINE -> "逾期改正违法行为";
            case NOT_CORRECTED -> "未改正违法行为";
        };
    }

    static String severity(Severity s) {
        return switch (s) {
            case MARKEDLY_MINOR -> "违法情节显著轻微";
            case MINOR -> "违法情节轻微";
            case GENERAL -> "违法情节一般";
            case SERIOUS -> "违法情节严重";
        };
    }

    static String harm(Harm h) {
        return switch (h) {
            case NONE -> "没有造成危害后果";
            case MINOR -> "危害后果轻微";
            case GENERAL -> "造成了一般危害后果";
            case SERIOUS -> "造成了严重危害后果";
        };
    }

    /** A circumstance as established fact, in the words of the provision that names it. */
    static String circumstance(Circumstance c) {
        return CIRCUMSTANCES.get(c);
    }

    private static final Map<Circumstance, String> CIRCUMSTANCES = Map.ofEntries(
            Map.entry(Circumstance.ELIMINATED_HARM, "主动消除或者减轻了违法行为危害后果"),
            Map.entry(Circumstance.COERCED_OR_DECEIVED, "系受他人胁迫或者诱骗实施违法行为"),
            Map.entry(Circumstance.CONFESSED_UNKNOWN_VIOLATION, "主动供述了行政机关尚未掌握的违法行为"),
            Map.entry(Circumstance.MERITORIOUS_SERVICE, "配合行政机关查处违法行为有立功表现"),
            Map.entry(Circumstance.NO_FAULT_PROVEN, "有证据足以证明没有主观过错"),
            Map.entry(Circumstance.CONTINUING_ACT, "违法行为有连续或者继续状态"),
            Map.entry(Circumstance.LIFE_HEALTH_OR_FINANCIAL_SAFETY, "违法行为涉及公民生命健康安全或者金融安全"),
            Map.entry(Circumstance.VIOLATED_EMERGENCY_MEASURES, "违反了突发事件应对措施"),
            Map.entry(Circumstance.EXPLOITED_EMERGENCY, "利用自然灾害、事故灾难、公共卫生事件、社会安全事件实施违法行为"),
            Map.entry(Circumstance.HIGH_RISK, "违法行为潜在风险大"),
            Map.entry(Circumstance.IRREVERSIBLE_LOSS, "违法行为纠错成本高、损失挽回难"),
            Map.entry(Circumstance.LARGE_SOCIAL_IMPACT, "违法行为造成较大社会影响"),
            Map.entry(Circumstance.SUSPECTED_CRIME, "涉嫌犯罪"),
            Map.entry(Circumstance.FINANCIAL_HARDSHIP, "确有经济困难"));

    /**
     * A period in the words of a decision: 二年, 六个月, 一年六个月, 十日 — years, months and days each said, in
     * Chinese numerals (the labels of the why-not report use {@code Conditions.words}, with digits).
     */
    static String period(java.time.Period p) {
        java.time.Period n = p.normalized();
        String out = (n.getYears() == 0 ? "" : number(n.getYears()) + "年") + (n.getMonths() == 0 ? "" : number(n.getMonths()) + "个月")
                + (n.getDays() == 0 ? "" : number(n.getDays()) + "日");
        return out.isEmpty() ? "零日" : out;
    }

    /** The handling in the words of a decision, for warnings that compare two answers (never an enum name). */
    static String handlingName(Handling h) {
        return switch (h) {
            case NO_PENALTY -> "不予行政处罚";
            case MAY_NO_PENALTY -> "可以不予行政处罚";
            case MITIGATED -> "减轻行政处罚";
            case LENIENT_OR_MITIGATED -> "从轻或者减轻行政处罚";
            case LENIENT -> "从轻行政处罚";
            case STANDARD -> "在法定幅度内给予行政处罚";
            case AGGRAVATED -> "从重行政处罚";
            case TIME_BARRED -> "超过追责期限，不再给予行政处罚";
            case REFER_CRIMINAL -> "移送司法机关";
            case INSUFFICIENT_FACTS -> "须先查明尚不明确的事实";
        };
    }

    /** The noun of a handling, as the conclusion of a decision says it (从轻, 减轻 …; empty for the others). */
    static String handlingWord(Handling h) {
        return switch (h) {
            case MITIGATED -> "减轻";
            case LENIENT -> "从轻";
            case LENIENT_OR_MITIGATED -> "从轻或者减轻";
            case AGGRAVATED -> "从重";
            default -> "";
        };
    }

    /**
     * The fine a penalty may impose, in words a court reads. A range that rests on an unverified split (e.g. the
     * lower 30 % of the statutory range) is not stated as law: the sentence then says where in the statutory range
     * the fine lies and leaves the amount to the officer.
     */
    public static String fine(FineRange f, Handling h) {
        if (f == null) return "";
        if (f.min() == null && f.max() == null) {
            return h == Handling.MITIGATED ? "依法适用较法定处罚种类更轻的处罚种类" : "";
        }
        if (!f.verified()) {
            return switch (h) {
                case LENIENT -> "在法定罚款幅度内从轻确定罚款数额";
                case MITIGATED -> "在法定最低罚款数额以下确定罚款数额，或者依法适用更轻的处罚种类";
                case LENIENT_OR_MITIGATED -> "在法定罚款幅度内从轻确定罚款数额，或者在法定最低罚款数额以下减轻确定罚款数额";
                case AGGRAVATED -> "在法定罚款幅度内从重确定罚款数额";
                default -> ""; // 在法定幅度内 is said by the handling itself
            };
        }
        if (h == Handling.MITIGATED && !f.maxInclusive() && f.max() != null) {
            return "罚款数额低于法定最低罚款数额" + yuan(f.max()) + "，或者依法适用更轻的处罚种类";
        }
        if (h == Handling.LENIENT_OR_MITIGATED && f.max() != null) {
            return "从轻处罚的，罚款数额不超过" + yuan(f.max()) + "；减轻处罚的，罚款数额低于法定最低罚款数额，或者依法适用更轻的处罚种类";
        }
        return "罚款数额在" + span(f.min(), f.max());
    }

    private static final java.util.regex.Pattern INSTRUMENT = java.util.regex.Pattern.compile("^《[^》]+》(?:（[^）]*）)?(?=第)");

    /**
     * Citations joined as a document writes them: the instrument named once for consecutive provisions of it,
     * 《中华人民共和国行政处罚法》（2021年修订）第三十三条第一款前段、第五十七条第一款第（二）项.
     */
    public static String joinRefs(java.util.Collection<String> refs) {
        StringBuilder b = new StringBuilder();
        String last = null;
        for (String r : refs) {
            if (r == null || r.isEmpty()) continue;
            java.util.regex.Matcher m = INSTRUMENT.matcher(r);
            String head = m.find() ? m.group() : null;
            if (b.length() > 0) b.append("、");
            b.append(head != null && head.equals(last) ? r.substring(head.length()) : r);
            last = head;
        }
        return b.toString();
    }

    /** 2000元以上10000元以下; 2000元以下; 2000元以上. */
    static String span(BigDecimal min, BigDecimal max) {
        if (max == null) return yuan(min) + "以上";
        if (min == null || min.signum() == 0) return yuan(max) + "以下";
        return yuan(min) + "以上" + yuan(max) + "以下";
    }

    private static final java.util.regex.Pattern LATIN_FULL_PAREN = java.util.regex.Pattern.compile("（[^（）]*[A-Za-z][^（）]*）");
    private static final java.util.regex.Pattern LATIN_PAREN = java.util.regex.Pattern.compile("\\([^()]*[A-Za-z][^()]*\\)");

    /** Text without parenthesised remarks that carry field names of the engine, e.g. "（或 priorViolations …）". */
    static String plain(String s) {
        return s == null ? null : LATIN_PAREN.matcher(LATIN_FULL_PAREN.matcher(s).replaceAll("")).replaceAll("");
    }
}
