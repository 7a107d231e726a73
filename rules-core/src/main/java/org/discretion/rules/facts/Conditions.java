package org.discretion.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.MentalCapacity;
import org.discretion.rules.api.PartyType;
import org.discretion.rules.api.PriorViolation;
import org.discretion.rules.api.Severity;
import org.discretion.rules.api.Status;

/**
 * The condition vocabulary rule authors use in DRL ({@code import static org.discretion.rules.facts.Conditions.*;}).
 * Every condition is three-valued: a fact the case does not give makes it {@link Status#UNKNOWN}. Bounds say
 * whether they include the bound itself ({@code atMost} = 以下(含本数), {@code lessThan} = 未满/低于), because
 * lists differ (see docs/rule-authoring.md).
 */
public final class Conditions {
    private Conditions() {
    }

    /** Chinese labels of case fields, for conditions and {@code missingFacts}. */
    public static final Map<String, String> FIELD_LABELS = Map.ofEntries(
            Map.entry("party.type", "当事人类型"),
            Map.entry("party.age", "违法行为发生时的年龄"),
            Map.entry("party.mentalCapacity", "违法行为发生时的辨认、控制能力"),
            Map.entry("actDate", "违法行为发生日期"),
            Map.entry("actEndDate", "连续或者继续状态终了日期"),
            Map.entry("discoveryDate", "违法行为被发现日期"),
            Map.entry("decisionDate", "作出处罚决定日期"),
            Map.entry("firstOffense", "是否初次违法（或 priorViolations 以前违法记录）"),
            Map.entry("priorViolations", "以前违法记录"),
            Map.entry("correction", "改正情况"),
            Map.entry("severity", "违法情节"),
            Map.entry("harm", "危害后果"),
            Map.entry("circumstances", "已查明的情形"),
            Map.entry("illegalGains", "违法所得（元）"),
            Map.entry("penaltyRange", "法定处罚幅度"));

    // ---- three-valued logic -------------------------------------------------------------------------------

    /** Kleene conjunction: FAILED wins, then UNKNOWN. */
    public static Status and(Status a, Status b) {
        if (a == Status.FAILED || b == Status.FAILED) return Status.FAILED;
        if (a == Status.UNKNOWN || b == Status.UNKNOWN) return Status.UNKNOWN;
        return Status.HELD;
    }

    /** Kleene disjunction: HELD wins, then UNKNOWN. */
    public static Status or(Status a, Status b) {
        if (a == Status.HELD || b == Status.HELD) return Status.HELD;
        if (a == Status.UNKNOWN || b == Status.UNKNOWN) return Status.UNKNOWN;
        return Status.FAILED;
    }

    public static Status negate(Status a) {
        return a == Status.HELD ? Status.FAILED : a == Status.FAILED ? Status.HELD : Status.UNKNOWN;
    }

    static Status of(boolean b) {
        return b ? Status.HELD : Status.FAILED;
    }

    // ---- combinators -------------------------------------------------------------------------------------

    /** All of the conditions (且). */
    public static Condition all(Condition... cs) {
        return composite(Arrays.stream(cs).map(Condition::label).collect(Collectors.joining("且")), true, cs);
    }

    /** Any of the conditions (或者). */
    public static Condition any(Condition... cs) {
        return composite(Arrays.stream(cs).map(Condition::label).collect(Collectors.joining("或者")), false, cs);
    }

    private static Condition composite(String label, boolean conj, Condition... cs) {
        List<Condition> parts = List.of(cs);
        List<String> fields = parts.stream().flatMap(c -> c.fields().stream()).distinct().toList();
        return new Condition() {
            @Override public String label() { return label; }
            @Override public List<String> fields() { return fields; }
            @Override public Status test(Subject s) {
                Status r = conj ? Status.HELD : Status.FAILED;
                for (Condition c : parts) {
                    r = conj ? and(r, c.test(s)) : or(r, c.test(s));
                }
                return r;
            }
            @Override public String detail(Subject s) {
                return parts.stream().map(c -> c.detail(s)).distinct().collect(Collectors.joining("; "));
            }
            @Override public List<Condition> parts() { return parts; }
        };
    }

    /** The negation (非). Unknown stays unknown. */
    public static Condition not(Condition c) {
        return Condition.of("非：" + c.label(), c.fields(), s -> negate(c.test(s)), c::detail);
    }

    // ---- party ------------------------------------------------------------------------------------------

    /** The party is a natural person (自然人 or 个体工商户): arts. 30 and 31 can apply. */
    public static Condition naturalPerson() {
        return Condition.of("当事人为自然人（含个体工商户）", List.of("party.type"),
                s -> s.input().party().type() == null ? Status.UNKNOWN : of(s.input().party().type().isNaturalPerson()),
                s -> "party.type=" + s.input().party().type());
    }

    public static Condition partyIs(PartyType... types) {
        Set<PartyType> set = EnumSet.copyOf(List.of(types));
        return Condition.of("当事人类型为" + set, List.of("party.type"),
                s -> s.input().party().type() == null ? Status.UNKNOWN : of(set.contains(s.input().party().type())),
                s -> "party.type=" + s.input().party().type());
    }

    /** 不满 {@code years} 周岁 (age &lt; years), age at the time of the act. */
    public static Condition ageBelow(int years) {
        return Condition.of("违法行为发生时不满" + years + "周岁", List.of("party.age"),
                s -> s.input().party().age() == null ? Status.UNKNOWN : of(s.input().party().age() < years),
                s -> "party.age=" + s.input().party().age());
    }

    /** 已满 {@code years} 周岁 (age &ge; years). */
    public static Condition ageAtLeast(int years) {
        return Condition.of("违法行为发生时已满" + years + "周岁", List.of("party.age"),
                s -> s.input().party().age() == null ? Status.UNKNOWN : of(s.input().party().age() >= years),
                s -> "party.age=" + s.input().party().age());
    }

    public static Condition mentalCapacity(MentalCapacity capacity) {
        String label = switch (capacity) {
            case NONE -> "不能辨认或者不能控制自己行为";
            case PARTIAL -> "尚未完全丧失辨认或者控制自己行为能力";
            case FULL -> "具有完全辨认和控制能力";
        };
        return Condition.of(label, List.of("party.mentalCapacity"),
                s -> s.input().party().mentalCapacity() == null ? Status.UNKNOWN
                        : of(s.input().party().mentalCapacity() == capacity),
                s -> "party.mentalCapacity=" + s.input().party().mentalCapacity());
    }

    // ---- severity, harm, correction -------------------------------------------------------------------------

    private static final Map<Severity, String> SEVERITY_ZH = Map.of(Severity.MARKEDLY_MINOR, "显著轻微",
            Severity.MINOR, "轻微", Severity.GENERAL, "一般", Severity.SERIOUS, "严重");
    private static final Map<Harm, String> HARM_ZH = Map.of(Harm.NONE, "没有造成危害后果",
            Harm.MINOR, "危害后果轻微", Harm.GENERAL, "危害后果一般", Harm.SERIOUS, "危害后果严重");

    /** 情节 no heavier than {@code max} (MARKEDLY_MINOR ≤ MINOR ≤ GENERAL ≤ SERIOUS). */
    public static Condition severityAtMost(Severity max) {
        return Condition.of("违法情节" + SEVERITY_ZH.get(max) + (max == Severity.MARKEDLY_MINOR ? "" : "（或更轻）"),
                List.of("severity"),
                s -> s.input().severity() == null ? Status.UNKNOWN : of(s.input().severity().compareTo(max) <= 0),
                s -> "severity=" + s.input().severity());
    }

    /** 危害后果 no heavier than {@code max}; with {@link Harm#NONE}: 没有造成危害后果. */
    public static Condition harmAtMost(Harm max) {
        return Condition.of(max == Harm.NONE ? "没有造成危害后果" : HARM_ZH.get(max) + "或者没有危害后果",
                List.of("harm"),
                s -> s.input().harm() == null ? Status.UNKNOWN : of(s.input().harm().compareTo(max) <= 0),
                s -> "harm=" + s.input().harm());
    }

    /** 有危害后果 (harm above NONE). */
    public static Condition someHarm() {
        return Condition.of("有危害后果", List.of("harm"),
                s -> s.input().harm() == null ? Status.UNKNOWN : of(s.input().harm() != Harm.NONE),
                s -> "harm=" + s.input().harm());
    }

    /** The correction is one of the given kinds. */
    public static Condition corrected(Correction... allowed) {
        Set<Correction> set = EnumSet.copyOf(List.of(allowed));
        return Condition.of("改正情况为" + set.stream().map(Conditions::correctionZh).collect(Collectors.joining("或者")),
                List.of("correction"),
                s -> s.input().correction() == null ? Status.UNKNOWN : of(set.contains(s.input().correction())),
                s -> "correction=" + s.input().correction());
    }

    /** 及时改正: the correction is one the engine settings (or the catalog) count as timely. */
    public static Condition timelyCorrected() {
        return Condition.of("及时改正", List.of("correction"),
                s -> s.input().correction() == null ? Status.UNKNOWN
                        : of(s.timelyCorrections().contains(s.input().correction())),
                s -> "correction=" + s.input().correction() + " (及时改正 = " + inEnumOrder(s.timelyCorrections()) + ")");
    }

    /**
     * The corrections in declaration order, as an {@code EnumSet} prints them. Subjects hold {@code Set.copyOf}
     * copies, whose iteration order changes from one JVM to the next; printed as they were, the same case gave a
     * different detail text (and decision JSON) in every run.
     */
    static String inEnumOrder(Set<Correction> set) {
        return set.isEmpty() ? "[]" : EnumSet.copyOf(set).toString();
    }

    static String correctionZh(Correction c) {
        return switch (c) {
            case BEFORE_DISCOVERY -> "发现前主动改正";
            case ON_THE_SPOT -> "当场改正";
            case WITHIN_DEADLINE -> "责令限期改正的期限内改正";
            case DURING_INVESTIGATION -> "调查期间改正";
            case AFTER_DEADLINE -> "逾期改正";
            case NOT_CORRECTED -> "未改正";
        };
    }

    // ---- circumstances ------------------------------------------------------------------------------------

    /** The circumstance is established. Circumstances are listed exhaustively, so this is never unknown. */
    public static Condition established(Circumstance c) {
        return Condition.of(circumstanceZh(c), List.of("circumstances"),
                s -> of(s.input().has(c)),
                s -> "circumstances" + (s.input().has(c) ? " 含 " : " 不含 ") + c);
    }

    /** None of the given circumstances is established. */
    public static Condition noneEstablished(String label, Circumstance... cs) {
        return Condition.of(label, List.of("circumstances"),
                s -> of(Arrays.stream(cs).noneMatch(s.input()::has)),
                s -> "circumstances=" + s.input().circumstances());
    }

    public static String circumstanceZh(Circumstance c) {
        return switch (c) {
            case ELIMINATED_HARM -> "主动消除或者减轻违法行为危害后果";
            case COERCED_OR_DECEIVED -> "受他人胁迫或者诱骗实施违法行为";
            case CONFESSED_UNKNOWN_VIOLATION -> "主动供述行政机关尚未掌握的违法行为";
            case MERITORIOUS_SERVICE -> "配合行政机关查处违法行为有立功表现";
            case NO_FAULT_PROVEN -> "当事人有证据足以证明没有主观过错";
            case LIFE_HEALTH_OR_FINANCIAL_SAFETY -> "涉及公民生命健康安全、金融安全";
            case VIOLATED_EMERGENCY_MEASURES -> "违反突发事件应对措施";
            case EXPLOITED_EMERGENCY -> "利用自然灾害、事故灾难、公共卫生事件、社会安全事件实施";
            case HIGH_RISK -> "潜在风险大";
            case IRREVERSIBLE_LOSS -> "纠错成本高、损失挽回难";
            case LARGE_SOCIAL_IMPACT -> "造成较大社会影响";
            case SUSPECTED_CRIME -> "违法行为涉嫌犯罪";
            case FINANCIAL_HARDSHIP -> "当事人确有经济困难";
        };
    }

    // ---- first offense ------------------------------------------------------------------------------------

    /**
     * 初次违法 / 首次发生. From {@code firstOffense} when given; otherwise from {@code priorViolations} within the
     * look-back window before the act date (the window is configurable: most lists do not define it). A prior
     * violation that names neither item nor provision may or may not be the same violation: unknown.
     */
    public static Condition firstOffense() {
        return Condition.of("初次违法（首次发生）", List.of("firstOffense"), Conditions::firstOffenseStatus,
                s -> s.input().firstOffense() != null ? "firstOffense=" + s.input().firstOffense()
                        : "priorViolations=" + (s.input().priorViolations() == null ? "null"
                        : s.input().priorViolations().size() + " 条") + ", 追溯期间="
                        + (s.firstOffenseLookBack() == null ? "不限" : s.firstOffenseLookBack()));
    }

    static Status firstOffenseStatus(Subject s) {
        CaseInput in = s.input();
        if (in.firstOffense() != null) {
            return of(in.firstOffense());
        }
        if (in.priorViolations() == null) {
            return Status.UNKNOWN;
        }
        Status result = Status.HELD;
        for (PriorViolation p : in.priorViolations()) {
            Status inWindow;
            if (s.firstOffenseLookBack() == null) {
                inWindow = Status.HELD;
            } else if (in.actDate() == null) {
                inWindow = Status.UNKNOWN;
            } else {
                LocalDate from = in.actDate().minus(s.firstOffenseLookBack());
                inWindow = of(!p.date().isBefore(from));
            }
            Status same;
            if (p.item() != null && s.itemId() != null) {
                same = of(p.item().equals(s.itemId()));
            } else if (p.provision() != null && s.provision() != null) {
                same = of(Provisions.sameProvision(p.provision(), s.provision()));
            } else {
                same = Status.UNKNOWN;
            }
            result = and(result, negate(and(inWindow, same)));
        }
        return result;
    }

    // ---- gains --------------------------------------------------------------------------------------------

    /** 没有违法所得. */
    public static Condition noIllegalGains() {
        return Condition.of("没有违法所得", List.of("illegalGains"),
                s -> s.input().illegalGains() == null ? Status.UNKNOWN : of(s.input().illegalGains().signum() == 0),
                s -> "illegalGains=" + (s.input().illegalGains() == null ? null : s.input().illegalGains().toPlainString()));
    }

    /** 违法所得不超过 {@code max} 元 (inclusive). */
    public static Condition illegalGainsAtMost(long max) {
        return Condition.of("违法所得" + max + "元以下（含本数）", List.of("illegalGains"),
                s -> s.input().illegalGains() == null ? Status.UNKNOWN
                        : of(s.input().illegalGains().compareTo(BigDecimal.valueOf(max)) <= 0),
                s -> "illegalGains=" + s.input().illegalGains());
    }

    // ---- limitation (行政处罚法 第36条) -----------------------------------------------------------------------

    /**
     * The violation was not discovered within the limitation period: two years from the act (from its end for a
     * continuing or repeated act); five years where it concerns life, health or financial safety and has harmful
     * consequences; or the special law's period where the catalog declares one (e.g. 税收征收管理法 第86条).
     * Discovery exactly on the anniversary is within the period.
     */
    public static Condition notDiscoveredWithinLimitation() {
        return Condition.of("违法行为在追责期限内未被发现", List.of("actDate", "actEndDate", "discoveryDate", "harm"),
                Conditions::timeBarStatus, Conditions::timeBarDetail);
    }

    static Status timeBarStatus(Subject s) {
        CaseInput in = s.input();
        LocalDate end = in.actEndDate() != null ? in.actEndDate() : in.actDate();
        if (end == null || in.discoveryDate() == null) {
            return Status.UNKNOWN;
        }
        // whichever period applies, the act is barred only if discovered after it; try the longest possible first
        Status five = limitationYears(s);
        if (five == null) {
            return Status.UNKNOWN;
        }
        return Status.HELD == five ? of(in.discoveryDate().isAfter(end.plusYears(5)))
                : of(in.discoveryDate().isAfter(end.plusYears(2)));
    }

    /** HELD when the five-year period applies, FAILED for two years, null when unknown and it matters. */
    private static Status limitationYears(Subject s) {
        CaseInput in = s.input();
        LocalDate end = in.actEndDate() != null ? in.actEndDate() : in.actDate();
        CaseView.Limitation special = s instanceof CaseView v ? v.getSpecialLimitation() : null;
        if (special != null) {
            return special.years() >= 5 ? Status.HELD : Status.FAILED;
        }
        if (!in.has(Circumstance.LIFE_HEALTH_OR_FINANCIAL_SAFETY)) {
            return Status.FAILED;
        }
        if (in.harm() == null) {
            // five years if there was harm: unknown matters only if discovery falls between 2 and 5 years
            boolean after5 = in.discoveryDate().isAfter(end.plusYears(5));
            boolean within2 = !in.discoveryDate().isAfter(end.plusYears(2));
            return after5 || within2 ? Status.HELD : null;
        }
        return of(in.harm() != Harm.NONE);
    }

    private static String timeBarDetail(Subject s) {
        CaseInput in = s.input();
        CaseView.Limitation special = s instanceof CaseView v ? v.getSpecialLimitation() : null;
        String period = special != null ? special.years() + "年（" + special.basis() + "）"
                : in.has(Circumstance.LIFE_HEALTH_OR_FINANCIAL_SAFETY) ? "5年（涉及生命健康安全、金融安全且有危害后果）或2年" : "2年";
        return "actDate=" + in.actDate() + ", actEndDate=" + in.actEndDate() + ", discoveryDate="
                + in.discoveryDate() + ", 期限=" + period;
    }

    // ---- item-specific facts ----------------------------------------------------------------------------------

    /** An item-specific fact declared by the item (see {@link FactSpec}). */
    public static FactRef fact(String name) {
        return new FactRef(name);
    }

    /** Builds conditions on one item-specific fact. */
    public static final class FactRef {
        private final String name;

        FactRef(String name) {
            this.name = name;
        }

        private String specLabel(Subject s) {
            FactSpec spec = s.factSpecs().get(name);
            return spec == null ? name : spec.label();
        }

        private Condition numeric(String op, BigDecimal bound, java.util.function.IntPredicate cmp) {
            String field = "facts." + name;
            return new Condition() {
                @Override public String label() { return name + " " + op + " " + bound.toPlainString(); }
                @Override public List<String> fields() { return List.of(field); }
                @Override public Status test(Subject s) {
                    Object v = s.input().facts().get(name);
                    if (v == null) return Status.UNKNOWN;
                    return of(cmp.test(new BigDecimal(v.toString()).compareTo(bound)));
                }
                @Override public String detail(Subject s) {
                    FactSpec spec = s.factSpecs().get(name);
                    return specLabel(s) + "=" + s.input().facts().get(name) + (spec == null ? "" : spec.unit());
                }
            };
        }

        /** ≤ bound (以下(含本数), 未超过, 不超过). */
        public Condition atMost(Number bound) { return numeric("≤", new BigDecimal(bound.toString()), c -> c <= 0); }
        /** &lt; bound (不满 / 低于 / 少于: the bound itself excluded). Note 未超过 means ≤: use {@link #atMost}. */
        public Condition lessThan(Number bound) { return numeric("<", new BigDecimal(bound.toString()), c -> c < 0); }
        /** ≥ bound (以上，含本数). */
        public Condition atLeast(Number bound) { return numeric("≥", new BigDecimal(bound.toString()), c -> c >= 0); }
        /** &gt; bound (超过). */
        public Condition greaterThan(Number bound) { return numeric(">", new BigDecimal(bound.toString()), c -> c > 0); }

        /** The boolean fact is true. */
        public Condition isTrue() {
            String field = "facts." + name;
            return Condition.of(name, List.of(field), s -> {
                Object v = s.input().facts().get(name);
                return v == null ? Status.UNKNOWN : of(Boolean.TRUE.equals(v));
            }, s -> specLabel(s) + "=" + s.input().facts().get(name));
        }

        /** The boolean fact is false. */
        public Condition isFalse() {
            return not(isTrue()).as("非：" + name);
        }

        /** The text fact is one of the values. */
        public Condition in(String... values) {
            Set<String> set = new LinkedHashSet<>(List.of(values));
            String field = "facts." + name;
            return Condition.of(name + " ∈ " + set, List.of(field), s -> {
                Object v = s.input().facts().get(name);
                return v == null ? Status.UNKNOWN : of(set.contains(v.toString()));
            }, s -> specLabel(s) + "=" + s.input().facts().get(name));
        }
    }

    /** All simple conditions under a condition, depth first (for analysis and missing facts). */
    public static List<Condition> leaves(Condition c) {
        List<Condition> out = new ArrayList<>();
        if (c.parts().isEmpty()) {
            out.add(c);
        } else {
            c.parts().forEach(p -> out.addAll(leaves(p)));
        }
        return out;
    }

    /** The default look-back for tests and the statute layer: none (any earlier violation counts). */
    public static final Period NO_LOOK_BACK = null;
}
