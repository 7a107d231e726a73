package org.discretion.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
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

    // ---- memoized construction ------------------------------------------------------------------------------
    //
    // Every rule consequence calls the factories below on every firing (the statute layer fires all 14 rules for
    // every case). Conditions are immutable and stateless (they read the Subject they are given), so each distinct
    // call builds its condition once and returns the same instance afterwards. The arguments come from DRL text, so
    // the caches stay small; the cap only guards against a caller generating arguments, beyond it conditions are
    // built anew as before. Composites are cached only over conditions built here, so that no foreign Condition
    // (and its class loader) is retained.

    static final int MEMO_LIMIT = 10_000;
    private static final ConcurrentHashMap<Object, Condition> MEMO = new ConcurrentHashMap<>();

    /** A key of a memoized factory call: the factory's name and its arguments. */
    private record Key(String factory, Object a, Object b) {
    }

    private static Condition memo(String factory, Object a, Object b, Supplier<Condition> build) {
        Key k = new Key(factory, a, b);
        Condition c = MEMO.get(k);
        if (c != null) return c;
        c = build.get();
        if (MEMO.size() >= MEMO_LIMIT) return c;
        Condition prev = MEMO.putIfAbsent(k, c);
        return prev != null ? prev : c;
    }

    private static boolean allOwn(Condition[] cs) {
        for (Condition c : cs) {
            if (!(c instanceof Cond)) return false;
        }
        return true;
    }

    /** Detail texts "name=VALUE" per enum constant (index 0: null), built once. */
    private static <E extends Enum<E>> String[] enumDetails(String name, E[] values) {
        String[] out = new String[values.length + 1];
        out[0] = name + "=null";
        for (E v : values) out[v.ordinal() + 1] = name + "=" + v;
        return out;
    }

    private static String detail(String[] table, Enum<?> v) {
        return table[v == null ? 0 : v.ordinal() + 1];
    }

    private static final String[] PARTY_TYPE_DETAIL = enumDetails("party.type", PartyType.values());
    private static final String[] CAPACITY_DETAIL = enumDetails("party.mentalCapacity", MentalCapacity.values());
    private static final String[] SEVERITY_DETAIL = enumDetails("severity", Severity.values());
    private static final String[] HARM_DETAIL = enumDetails("harm", Harm.values());
    private static final String[] CORRECTION_DETAIL = enumDetails("correction", Correction.values());
    private static final String[] AGE_DETAIL = new String[151];
    static {
        for (int i = 0; i < AGE_DETAIL.length; i++) AGE_DETAIL[i] = "party.age=" + i;
    }

    private static String ageDetail(Integer age) {
        return age != null && age >= 0 && age < AGE_DETAIL.length ? AGE_DETAIL[age] : "party.age=" + age;
    }

    private static final List<String> PARTY_TYPE = List.of("party.type");
    private static final List<String> PARTY_AGE = List.of("party.age");
    private static final List<String> PARTY_CAPACITY = List.of("party.mentalCapacity");
    private static final List<String> SEVERITY = List.of("severity");
    private static final List<String> HARM = List.of("harm");
    private static final List<String> CORRECTION = List.of("correction");
    private static final List<String> CIRCUMSTANCES = List.of("circumstances");
    private static final List<String> ILLEGAL_GAINS = List.of("illegalGains");

    // ---- combinators -------------------------------------------------------------------------------------

    /** All of the conditions (且). */
    public static Condition all(Condition... cs) {
        return allOwn(cs) ? memo("all", List.of(cs), null, () -> composite("且", true, cs)) : composite("且", true, cs);
    }

    /** Any of the conditions (或者). */
    public static Condition any(Condition... cs) {
        return allOwn(cs) ? memo("any", List.of(cs), null, () -> composite("或者", false, cs)) : composite("或者", false, cs);
    }

    private static Condition composite(String joiner, boolean conj, Condition... cs) {
        List<Condition> parts = List.of(cs);
        String label = parts.stream().map(Condition::label).collect(Collectors.joining(joiner));
        List<String> fields = parts.stream().flatMap(c -> c.fields().stream()).distinct().toList();
        Condition[] array = parts.toArray(new Condition[0]);
        Function<Subject, Status> test = s -> {
            Status r = conj ? Status.HELD : Status.FAILED;
            for (Condition c : array) {
                r = conj ? and(r, c.test(s)) : or(r, c.test(s));
            }
            return r;
        };
        // the parts' details, each once, in order, joined with "; "
        Function<Subject, String> detail = s -> {
            String[] seen = new String[array.length];
            int n = 0;
            StringBuilder b = new StringBuilder();
            outer:
            for (Condition c : array) {
                String d = c.detail(s);
                for (int i = 0; i < n; i++) {
                    if (java.util.Objects.equals(seen[i], d)) continue outer;
                }
                if (n > 0) b.append("; ");
                b.append(d);
                seen[n++] = d;
            }
            return b.toString();
        };
        return new Cond(label, fields, test, detail, parts);
    }

    /** The negation (非). Unknown stays unknown. */
    public static Condition not(Condition c) {
        return c instanceof Cond ? memo("not", c, null, () -> negation(c)) : negation(c);
    }

    private static Condition negation(Condition c) {
        return Condition.of("非：" + c.label(), c.fields(), s -> negate(c.test(s)), c::detail);
    }

    // ---- party ------------------------------------------------------------------------------------------

    /** The party is a natural person (自然人 or 个体工商户): arts. 30 and 31 can apply. */
    public static Condition naturalPerson() {
        return NATURAL_PERSON;
    }

    private static final Condition NATURAL_PERSON = Condition.of("当事人为自然人（含个体工商户）", PARTY_TYPE,
            s -> s.input().party().type() == null ? Status.UNKNOWN : of(s.input().party().type().isNaturalPerson()),
            s -> detail(PARTY_TYPE_DETAIL, s.input().party().type()));

    public static Condition partyIs(PartyType... types) {
        Set<PartyType> set = EnumSet.copyOf(List.of(types));
        return memo("partyIs", set, null, () -> Condition.of("当事人类型为" + set, PARTY_TYPE,
                s -> s.input().party().type() == null ? Status.UNKNOWN : of(set.contains(s.input().party().type())),
                s -> detail(PARTY_TYPE_DETAIL, s.input().party().type())));
    }

    /** 不满 {@code years} 周岁 (age &lt; years), age at the time of the act. */
    public static Condition ageBelow(int years) {
        return memo("ageBelow", years, null, () -> Condition.of("违法行为发生时不满" + years + "周岁", PARTY_AGE,
                s -> s.input().party().age() == null ? Status.UNKNOWN : of(s.input().party().age() < years),
                s -> ageDetail(s.input().party().age())));
    }

    /** 已满 {@code years} 周岁 (age &ge; years). */
    public static Condition ageAtLeast(int years) {
        return memo("ageAtLeast", years, null, () -> Condition.of("违法行为发生时已满" + years + "周岁", PARTY_AGE,
                s -> s.input().party().age() == null ? Status.UNKNOWN : of(s.input().party().age() >= years),
                s -> ageDetail(s.input().party().age())));
    }

    public static Condition mentalCapacity(MentalCapacity capacity) {
        return MENTAL_CAPACITY[capacity.ordinal()];
    }

    private static final Condition[] MENTAL_CAPACITY = Arrays.stream(MentalCapacity.values())
            .map(Conditions::buildMentalCapacity).toArray(Condition[]::new);

    private static Condition buildMentalCapacity(MentalCapacity capacity) {
        String label = switch (capacity) {
            case NONE -> "不能辨认或者不能控制自己行为";
            case PARTIAL -> "尚未完全丧失辨认或者控制自己行为能力";
            case FULL -> "具有完全辨认和控制能力";
        };
        return Condition.of(label, PARTY_CAPACITY,
                s -> s.input().party().mentalCapacity() == null ? Status.UNKNOWN
                        : of(s.input().party().mentalCapacity() == capacity),
                s -> detail(CAPACITY_DETAIL, s.input().party().mentalCapacity()));
    }

    // ---- severity, harm, correction -------------------------------------------------------------------------

    private static final Map<Severity, String> SEVERITY_ZH = Map.of(Severity.MARKEDLY_MINOR, "显著轻微",
            Severity.MINOR, "轻微", Severity.GENERAL, "一般", Severity.SERIOUS, "严重");
    private static final Map<Harm, String> HARM_ZH = Map.of(Harm.NONE, "没有造成危害后果",
            Harm.MINOR, "危害后果轻微", Harm.GENERAL, "危害后果一般", Harm.SERIOUS, "危害后果严重");

    /** 情节 no heavier than {@code max} (MARKEDLY_MINOR ≤ MINOR ≤ GENERAL ≤ SERIOUS). */
    public static Condition severityAtMost(Severity max) {
        return SEVERITY_AT_MOST[max.ordinal()];
    }

    private static final Condition[] SEVERITY_AT_MOST = Arrays.stream(Severity.values()).map(max -> Condition.of(
            "违法情节" + SEVERITY_ZH.get(max) + (max == Severity.MARKEDLY_MINOR ? "" : "（或更轻）"), SEVERITY,
            s -> s.input().severity() == null ? Status.UNKNOWN : of(s.input().severity().compareTo(max) <= 0),
            s -> detail(SEVERITY_DETAIL, s.input().severity()))).toArray(Condition[]::new);

    /** 危害后果 no heavier than {@code max}; with {@link Harm#NONE}: 没有造成危害后果. */
    public static Condition harmAtMost(Harm max) {
        return HARM_AT_MOST[max.ordinal()];
    }

    private static final Condition[] HARM_AT_MOST = Arrays.stream(Harm.values()).map(max -> Condition.of(
            max == Harm.NONE ? "没有造成危害后果" : HARM_ZH.get(max) + "或者没有危害后果", HARM,
            s -> s.input().harm() == null ? Status.UNKNOWN : of(s.input().harm().compareTo(max) <= 0),
            s -> detail(HARM_DETAIL, s.input().harm()))).toArray(Condition[]::new);

    /**
     * 行政强制法 第十六条第二款 "没有明显社会危害": the one reading used by the statute layer and by list items alike —
     * harm no heavier than {@link Harm#MINOR}. Minor harm is not 明显 (evident) harm; "没有造成危害后果" would read the
     * word 明显 out of the text. This engine's reading, no authority found either way.
     */
    public static Condition noMarkedSocialHarm() {
        return NO_MARKED_SOCIAL_HARM;
    }

    private static final Condition NO_MARKED_SOCIAL_HARM = Condition.of("没有明显社会危害（危害后果轻微或者没有危害后果）", HARM,
            s -> s.input().harm() == null ? Status.UNKNOWN : of(s.input().harm().compareTo(Harm.MINOR) <= 0),
            s -> detail(HARM_DETAIL, s.input().harm()));

    /** 有危害后果 (harm above NONE). */
    public static Condition someHarm() {
        return SOME_HARM;
    }

    private static final Condition SOME_HARM = Condition.of("有危害后果", HARM,
            s -> s.input().harm() == null ? Status.UNKNOWN : of(s.input().harm() != Harm.NONE),
            s -> detail(HARM_DETAIL, s.input().harm()));

    /** The correction is one of the given kinds. */
    public static Condition corrected(Correction... allowed) {
        Set<Correction> set = EnumSet.copyOf(List.of(allowed));
        return memo("corrected", set, null, () -> Condition.of(
                "改正情况为" + set.stream().map(Conditions::correctionZh).collect(Collectors.joining("或者")), CORRECTION,
                s -> s.input().correction() == null ? Status.UNKNOWN : of(set.contains(s.input().correction())),
                s -> detail(CORRECTION_DETAIL, s.input().correction())));
    }

    /** 及时改正: the correction is one the engine settings (or the catalog) count as timely. */
    public static Condition timelyCorrected() {
        return TIMELY_CORRECTED;
    }

    private static final Condition TIMELY_CORRECTED = Condition.of("及时改正", CORRECTION,
            s -> s.input().correction() == null ? Status.UNKNOWN
                    : of(s.timelyCorrections().contains(s.input().correction())),
            s -> timelyDetails(s.timelyCorrections())[s.input().correction() == null ? 0
                    : s.input().correction().ordinal() + 1]);

    /** Per set of timely corrections (at most 2^6), the detail text for each correction (index 0: null). */
    private static final ConcurrentHashMap<Set<Correction>, String[]> TIMELY_DETAILS = new ConcurrentHashMap<>();

    private static String[] timelyDetails(Set<Correction> timely) {
        String[] t = TIMELY_DETAILS.get(timely);
        if (t == null) {
            String suffix = " (及时改正 = " + inEnumOrder(timely) + ")";
            t = new String[CORRECTION_DETAIL.length];
            for (int i = 0; i < t.length; i++) t[i] = CORRECTION_DETAIL[i] + suffix;
            TIMELY_DETAILS.putIfAbsent(Set.copyOf(timely), t);
        }
        return t;
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
        return ESTABLISHED[c.ordinal()];
    }

    private static final Condition[] ESTABLISHED = Arrays.stream(Circumstance.values()).map(c -> {
        String has = "circumstances 含 " + c;
        String hasNot = "circumstances 不含 " + c;
        return Condition.of(circumstanceZh(c), CIRCUMSTANCES, s -> of(s.input().has(c)),
                s -> s.input().has(c) ? has : hasNot);
    }).toArray(Condition[]::new);

    /** None of the given circumstances is established. */
    public static Condition noneEstablished(String label, Circumstance... cs) {
        Circumstance[] copy = cs.clone();
        return memo("noneEstablished", label, Arrays.asList(copy), () -> Condition.of(label, CIRCUMSTANCES,
                s -> {
                    for (Circumstance c : copy) {
                        if (s.input().has(c)) return Status.FAILED;
                    }
                    return Status.HELD;
                },
                s -> "circumstances=" + s.input().circumstances()));
    }

    public static String circumstanceZh(Circumstance c) {
        return switch (c) {
            case ELIMINATED_HARM -> "主动消除或者减轻违法行为危害后果";
            case COERCED_OR_DECEIVED -> "受他人胁迫或者诱骗实施违法行为";
            case CONFESSED_UNKNOWN_VIOLATION -> "主动供述行政机关尚未掌握的违法行为";
            case MERITORIOUS_SERVICE -> "配合行政机关查处违法行为有立功表现";
            case NO_FAULT_PROVEN -> "当事人有证据足以证明没有主观过错";
            case CONTINUING_ACT -> "违法行为有连续或者继续状态";
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
        return FIRST_OFFENSE;
    }

    private static final Condition FIRST_OFFENSE = Condition.of("初次违法（首次发生）", List.of("firstOffense"),
            Conditions::firstOffenseStatus,
            s -> s.input().firstOffense() != null ? (s.input().firstOffense() ? "firstOffense=true" : "firstOffense=false")
                    : "priorViolations=" + (s.input().priorViolations() == null ? "null"
                    : s.input().priorViolations().size() + " 条") + ", 追溯期间="
                    + (s.firstOffenseLookBack() == null ? "不限" : s.firstOffenseLookBack()));

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
        return NO_ILLEGAL_GAINS;
    }

    private static final Condition NO_ILLEGAL_GAINS = Condition.of("没有违法所得", ILLEGAL_GAINS,
            s -> s.input().illegalGains() == null ? Status.UNKNOWN : of(s.input().illegalGains().signum() == 0),
            s -> "illegalGains=" + (s.input().illegalGains() == null ? null : s.input().illegalGains().toPlainString()));

    /** 违法所得不超过 {@code max} 元 (inclusive). */
    public static Condition illegalGainsAtMost(long max) {
        BigDecimal bound = BigDecimal.valueOf(max);
        return memo("illegalGainsAtMost", max, null, () -> Condition.of("违法所得" + max + "元以下（含本数）", ILLEGAL_GAINS,
                s -> s.input().illegalGains() == null ? Status.UNKNOWN
                        : of(s.input().illegalGains().compareTo(bound) <= 0),
                s -> "illegalGains=" + s.input().illegalGains()));
    }

    // ---- limitation (行政处罚法 第36条) -----------------------------------------------------------------------

    /**
     * The violation was not discovered within the limitation period (行政处罚法 第36条; before 2021-07-15 the 2017
     * text, 第29条), counted from the act or, for a continuing or repeated act, from its end. The period is the one
     * the engine resolved from the law registry ({@link CaseView#getLimitation()}): a special law's (税收征收管理法 第86条,
     * five years) or 行政处罚法's general one, with the five-year extension only where the law at the act has it and
     * the case concerns life, health or financial safety with harm. Discovery exactly on the anniversary is taken as
     * within the period (our reading of 二年内; no source read). An unknown discovery date does not matter when the
     * period had not yet run out by the discovery bound (the decision or evaluation date): discovery cannot come
     * after the decision.
     */
    public static Condition notDiscoveredWithinLimitation() {
        return NOT_DISCOVERED_WITHIN_LIMITATION;
    }

    private static final Condition NOT_DISCOVERED_WITHIN_LIMITATION = Condition.of("违法行为在追责期限内未被发现",
            List.of("actDate", "actEndDate", "discoveryDate", "harm"), Conditions::timeBarStatus,
            Conditions::timeBarDetail);

    static Status timeBarStatus(Subject s) {
        CaseInput in = s.input();
        LocalDate end = in.actEndDate() != null ? in.actEndDate() : in.actDate();
        LocalDate latestEnd = s instanceof CaseView v ? v.getDiscoveryBound() : null;
        if (in.actEndDate() == null && in.has(Circumstance.CONTINUING_ACT) && end != null && latestEnd != null
                && latestEnd.isAfter(end)) {
            // 第36条第2款: a continuing act whose end is unknown ends between actDate and the decision (or evaluation)
            // date; a later end only shortens the time elapsed, so the two extremes bound every answer
            Status earliest = timeBarStatus(s, end);
            Status latest = timeBarStatus(s, latestEnd);
            return earliest == latest ? earliest : Status.UNKNOWN;
        }
        return timeBarStatus(s, end);
    }

    private static Status timeBarStatus(Subject s, LocalDate end) {
        CaseInput in = s.input();
        CaseView.Limitation lim = s instanceof CaseView v ? v.getLimitation() : null;
        if (end == null || lim == null) {
            return Status.UNKNOWN;
        }
        // the periods that may apply: one, or two while it is unknown whether there was harm (the extension)
        List<java.time.Period> periods = new java.util.ArrayList<>(2);
        if (lim.extended() == null || !in.has(Circumstance.LIFE_HEALTH_OR_FINANCIAL_SAFETY)) {
            periods.add(lim.period());
        } else if (in.harm() == null) {
            periods.add(lim.period());
            periods.add(lim.extended());
        } else {
            periods.add(in.harm() != Harm.NONE ? lim.extended() : lim.period());
        }
        LocalDate discovery = in.discoveryDate();
        if (discovery == null) {
            LocalDate bound = ((CaseView) s).getDiscoveryBound();
            // not yet run out on the last day discovery can have happened, under every possible period: not barred
            boolean openAtBound = bound != null && periods.stream().noneMatch(p -> bound.isAfter(end.plus(p)));
            return openAtBound ? Status.FAILED : Status.UNKNOWN;
        }
        boolean any = false;
        boolean all = true;
        for (java.time.Period p : periods) {
            boolean barred = discovery.isAfter(end.plus(p));
            any |= barred;
            all &= barred;
        }
        return all ? Status.HELD : any ? Status.UNKNOWN : Status.FAILED;
    }

    private static String timeBarDetail(Subject s) {
        CaseInput in = s.input();
        CaseView.Limitation lim = s instanceof CaseView v ? v.getLimitation() : null;
        String period = lim == null ? "未知（法律登记册未给出期限）" : lim.label()
                + (lim.extended() != null && in.has(Circumstance.LIFE_HEALTH_OR_FINANCIAL_SAFETY)
                ? "；涉及生命健康安全、金融安全且有危害后果的为" + words(lim.extended()) : "");
        String bound = in.discoveryDate() == null && s instanceof CaseView v && v.getDiscoveryBound() != null
                ? "（发现日期不晚于 " + v.getDiscoveryBound() + "）" : "";
        return "actDate=" + in.actDate() + ", actEndDate=" + in.actEndDate() + ", discoveryDate="
                + in.discoveryDate() + bound + ", 期限=" + period;
    }

    /** A period in Chinese: 6个月, 2年, 1年6个月. */
    public static String words(java.time.Period p) {
        java.time.Period n = p.normalized();
        String y = n.getYears() == 0 ? "" : n.getYears() + "年";
        String m = n.getMonths() == 0 ? "" : n.getMonths() + "个月";
        String d = p.getDays() == 0 ? "" : p.getDays() + "日";
        String out = y + m + d;
        return out.isEmpty() ? "0日" : out;
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
            // the bound as given (BigDecimal equality includes the scale, so 5 and 5.0 keep their own labels)
            return memo(op, name, bound, () -> {
                List<String> fields = List.of("facts." + name);
                return Condition.of(name + " " + op + " " + bound.toPlainString(), fields, s -> {
                    Object v = s.input().facts().get(name);
                    if (v == null) return Status.UNKNOWN;
                    return of(cmp.test(new BigDecimal(v.toString()).compareTo(bound)));
                }, s -> {
                    FactSpec spec = s.factSpecs().get(name);
                    return specLabel(s) + "=" + s.input().facts().get(name) + (spec == null ? "" : spec.unit());
                });
            });
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
            return memo("factIsTrue", name, null, () -> Condition.of(name, List.of("facts." + name), s -> {
                Object v = s.input().facts().get(name);
                return v == null ? Status.UNKNOWN : of(Boolean.TRUE.equals(v));
            }, s -> specLabel(s) + "=" + s.input().facts().get(name)));
        }

        /** The boolean fact is false. */
        public Condition isFalse() {
            return not(isTrue()).as("非：" + name);
        }

        /** The text fact is one of the values. */
        public Condition in(String... values) {
            List<String> key = List.of(values);
            return memo("factIn", name, key, () -> {
                Set<String> set = new LinkedHashSet<>(key);
                return Condition.of(name + " ∈ " + set, List.of("facts." + name), s -> {
                    Object v = s.input().facts().get(name);
                    return v == null ? Status.UNKNOWN : of(set.contains(v.toString()));
                }, s -> specLabel(s) + "=" + s.input().facts().get(name));
            });
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

}
