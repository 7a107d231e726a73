package org.discretion.rules.api;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the engine reads points of law that no statute text settles (issue 9, part B). Each is a documented reading,
 * configurable, and labelled in every decision that relies on it.
 *
 * @param birthdayCompletesYear  false (the default): a person is 已满 N 周岁 only from the day <em>after</em> the N-th
 *                               birthday — 最高人民法院《关于审理未成年人刑事案件具体应用法律若干问题的解释》（法释〔2006〕1号）
 *                               第二条 "周岁，按照公历的年、月、日计算，从周岁生日的第二天起算" (a criminal-law
 *                               interpretation that administrative practice usually follows; second-hand,
 *                               law-reference.md §1.4). true: the birthday itself completes the year.
 * @param presumeFullCapacity    true (the default): an adult natural person whose case says nothing about capacity is
 *                               taken to have full capacity to recognise and control his acts (民法典 第十八条第一款
 *                               "成年人为完全民事行为能力人" by analogy; unverified for administrative penalties), and
 *                               the decision says so; false: capacity stays unknown and is asked for
 * @param aggravatedFrom         从重: the fine lies in the part of the statutory range from this fraction of it
 *                               upwards (0.5 = "not below the middle of the range", the common local reading);
 *                               {@code null} (the default) mirrors 从轻: the top {@code Settings.lenientShare} of
 *                               the range
 * @param aggravatedFromVerified whether {@code aggravatedFrom} rests on a verified source
 * @param penaltyKindOrder       行政处罚法 第37条: the order of severity of the kinds of penalty, lightest group first;
 *                               kinds in one group are equally heavy. 第九条 lists the kinds in six groups but does not
 *                               rank them; the default ({@link #ARTICLE_9_KINDS}) takes its group order as the order of
 *                               severity — this engine's reading, unverified
 * @param penaltyKindOrderVerified whether {@code penaltyKindOrder} rests on a verified source
 */
public record Readings(boolean birthdayCompletesYear, boolean presumeFullCapacity, BigDecimal aggravatedFrom,
                       boolean aggravatedFromVerified, List<List<String>> penaltyKindOrder,
                       boolean penaltyKindOrderVerified) {

    /**
     * The kinds of administrative penalty of 行政处罚法(2021) 第九条, in its six groups and with its names: "（一）警告、通报批评；
     * （二）罚款、没收违法所得、没收非法财物；（三）暂扣许可证件、降低资质等级、吊销许可证件；（四）限制开展生产经营活动、责令停产停业、
     * 责令关闭、限制从业；（五）行政拘留；（六）法律、行政法规规定的其他行政处罚。" (law-reference.md §1.1). The law registry's
     * {@code kinds:} use these names; group (六) is written {@code 其他行政处罚}.
     */
    public static final List<List<String>> ARTICLE_9_KINDS = List.of(
            List.of("警告", "通报批评"),
            List.of("罚款", "没收违法所得", "没收非法财物"),
            List.of("暂扣许可证件", "降低资质等级", "吊销许可证件"),
            List.of("限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业"),
            List.of("行政拘留"),
            List.of("其他行政处罚"));

    public Readings {
        if (aggravatedFrom != null && (aggravatedFrom.signum() < 0 || aggravatedFrom.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("aggravatedFrom must be in [0, 1), was " + aggravatedFrom);
        }
        penaltyKindOrder = penaltyKindOrder == null ? ARTICLE_9_KINDS
                : penaltyKindOrder.stream().map(List::copyOf).toList();
        Set<String> named = new HashSet<>();
        for (List<String> group : penaltyKindOrder) {
            for (String k : group) {
                if (!ARTICLE_9_KINDS.stream().anyMatch(g -> g.contains(k))) {
                    throw new IllegalArgumentException("penaltyKindOrder names \"" + k + "\", which is not a kind of "
                            + "行政处罚法 第九条; kinds: " + ARTICLE_9_KINDS);
                }
                if (!named.add(k)) {
                    throw new IllegalArgumentException("penaltyKindOrder names \"" + k + "\" twice");
                }
            }
        }
        if (named.size() != ARTICLE_9_KINDS.stream().mapToInt(List::size).sum()) {
            throw new IllegalArgumentException("penaltyKindOrder must rank every kind of 行政处罚法 第九条 "
                    + ARTICLE_9_KINDS + ", was " + penaltyKindOrder);
        }
    }

    /** The readings before penalty kinds were compared: the default (第九条 group) order, unverified. */
    public Readings(boolean birthdayCompletesYear, boolean presumeFullCapacity, BigDecimal aggravatedFrom,
                    boolean aggravatedFromVerified) {
        this(birthdayCompletesYear, presumeFullCapacity, aggravatedFrom, aggravatedFromVerified, ARTICLE_9_KINDS, false);
    }

    /** 周岁 from the day after the birthday, capacity presumed for adults, 从重 mirroring 从轻, kinds in 第九条's order. */
    public static Readings defaults() {
        return new Readings(false, true, null, false);
    }

    /** Whether {@code kind} is a kind of penalty of 行政处罚法 第九条 (as the registry spells it). */
    public static boolean isPenaltyKind(String kind) {
        return ARTICLE_9_KINDS.stream().anyMatch(g -> g.contains(kind));
    }

    /** The severity of a kind of penalty under {@link #penaltyKindOrder}: 0 for the lightest group; -1 for none. */
    public int severityOf(String kind) {
        for (int i = 0; i < penaltyKindOrder.size(); i++) {
            if (penaltyKindOrder.get(i).contains(kind)) return i;
        }
        return -1;
    }

    /** The same readings with another order of severity of the kinds of penalty (lightest group first). */
    public Readings withPenaltyKindOrder(List<List<String>> order, boolean verified) {
        return new Readings(birthdayCompletesYear, presumeFullCapacity, aggravatedFrom, aggravatedFromVerified, order, verified);
    }

    public Readings withBirthdayCompletesYear(boolean v) {
        return new Readings(v, presumeFullCapacity, aggravatedFrom, aggravatedFromVerified, penaltyKindOrder, penaltyKindOrderVerified);
    }

    public Readings withPresumeFullCapacity(boolean v) {
        return new Readings(birthdayCompletesYear, v, aggravatedFrom, aggravatedFromVerified, penaltyKindOrder, penaltyKindOrderVerified);
    }

    /** 从重 = from {@code fraction} of the statutory range upwards, e.g. 0.5 for "不低于幅度的中间值". */
    public Readings withAggravatedFrom(BigDecimal fraction, boolean verified) {
        return new Readings(birthdayCompletesYear, presumeFullCapacity, fraction, verified, penaltyKindOrder, penaltyKindOrderVerified);
    }
}
