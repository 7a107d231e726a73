package org.discretion.rules.api;

import java.math.BigDecimal;

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
 */
public record Readings(boolean birthdayCompletesYear, boolean presumeFullCapacity, BigDecimal aggravatedFrom,
                       boolean aggravatedFromVerified) {

    public Readings {
        if (aggravatedFrom != null && (aggravatedFrom.signum() < 0 || aggravatedFrom.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("aggravatedFrom must be in [0, 1), was " + aggravatedFrom);
        }
    }

    /** 周岁 from the day after the birthday, capacity presumed for adults, 从重 mirroring 从轻. */
    public static Readings defaults() {
        return new Readings(false, true, null, false);
    }

    public Readings withBirthdayCompletesYear(boolean v) {
        return new Readings(v, presumeFullCapacity, aggravatedFrom, aggravatedFromVerified);
    }

    public Readings withPresumeFullCapacity(boolean v) {
        return new Readings(birthdayCompletesYear, v, aggravatedFrom, aggravatedFromVerified);
    }

    /** 从重 = from {@code fraction} of the statutory range upwards, e.g. 0.5 for "不低于幅度的中间值". */
    public Readings withAggravatedFrom(BigDecimal fraction, boolean verified) {
        return new Readings(birthdayCompletesYear, presumeFullCapacity, fraction, verified);
    }
}
