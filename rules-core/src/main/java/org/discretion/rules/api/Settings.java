package org.discretion.rules.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;

/**
 * Engine-wide defaults for what the law leaves open. A catalog may override each for its own items. Defaults that
 * rest on no verified source say so in every decision that uses them.
 *
 * @param firstOffenseLookBack  window for "初次违法" when a case gives {@code priorViolations}; {@code null} = any
 *                              earlier violation counts. No general rule fixes it (law-reference.md §4.3).
 * @param timelyCorrections     corrections that count as 及时改正 under 行政处罚法 第33条
 * @param lenientShare          从轻 = the lower {@code lenientShare} of the statutory range. The often-quoted 30 %
 *                              is unverified (law-reference.md §4.2), hence {@code lenientShareVerified=false}.
 * @param lenientShareVerified  whether the share rests on a verified source
 * @param mitigationPrevails when both a mitigating ground and art. 49 hold: true = report the mitigated
 *                              handling and flag the conflict for the agency to weigh (the default); there is no
 *                              general statutory rule (Shanghai's 同向叠加、逆向抵减 is local).
 * @param huaxianExclusion      apply 滑法政办〔2022〕17号 三(七) case by case to the lists it governs — those whose
 *                              catalog.yaml declares {@code exclusions: [HX-2022-17-3-7]} (滑县 agencies' lists),
 *                              never a national or another place's list. 三(七) is a drafting rule ("不得纳入四张清单");
 *                              taking a listed item away from a case that shows high risk is this engine's reading,
 *                              and the decision says so. On by default; off = the published list is applied as is.
 * @param readings              readings of points no statute text settles (周岁, capacity presumption, 从重)
 * @param maxFirings            the most rule firings one run of the rules may take (one evaluation runs the rules once,
 *                              or twice for 第37条); beyond it the evaluation fails with {@link EvaluationLimitException}.
 *                              A case fires one rule per statute ground and per candidate item, so the default
 *                              {@value #DEFAULT_MAX_FIRINGS} is far above any real case.
 * @param timeBudget            the longest one run of the rules may take (checked after each firing); beyond it the
 *                              evaluation fails with {@link EvaluationLimitException}. Default 5 seconds.
 * @param continuingActLaw      which date's law governs a continuing act under 第37条 (default: the end of the act)
 */
public record Settings(Period firstOffenseLookBack, Set<Correction> timelyCorrections, BigDecimal lenientShare,
                       boolean lenientShareVerified, boolean mitigationPrevails, boolean huaxianExclusion,
                       Readings readings, int maxFirings, Duration timeBudget, ContinuingActLaw continuingActLaw) {

    /** Default {@link #maxFirings()}. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;
    /** Default {@link #timeBudget()}. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(5);

    /** Settings with the default {@link Readings}, evaluation bounds and continuing-act reading. */
    public Settings(Period firstOffenseLookBack, Set<Correction> timelyCorrections, BigDecimal lenientShare,
                    boolean lenientShareVerified, boolean mitigationPrevails, boolean huaxianExclusion) {
        this(firstOffenseLookBack, timelyCorrections, lenientShare, lenientShareVerified, mitigationPrevails,
                huaxianExclusion, Readings.defaults());
    }

    /** Settings with the default evaluation bounds and continuing-act reading (the end of the act). */
    public Settings(Period firstOffenseLookBack, Set<Correction> timelyCorrections, BigDecimal lenientShare,
                    boolean lenientShareVerified, boolean mitigationPrevails, boolean huaxianExclusion,
                    Readings readings) {
        this(firstOffenseLookBack, timelyCorrections, lenientShare, lenientShareVerified, mitigationPrevails,
                huaxianExclusion, readings, DEFAULT_MAX_FIRINGS, DEFAULT_TIME_BUDGET, ContinuingActLaw.END_OF_ACT);
    }

    public Settings {
        readings = readings == null ? Readings.defaults() : readings;
        continuingActLaw = continuingActLaw == null ? ContinuingActLaw.END_OF_ACT : continuingActLaw;
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1, was " + maxFirings);
        }
        if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive, was " + timeBudget);
        }
        timelyCorrections = timelyCorrections == null || timelyCorrections.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(timelyCorrections));
        if (lenientShare == null || lenientShare.signum() <= 0 || lenientShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("lenientShare must be in (0, 1], was " + lenientShare);
        }
        if (timelyCorrections.isEmpty()) {
            throw new IllegalArgumentException("timelyCorrections must name at least one Correction");
        }
    }

    /** The defaults: no look-back window, timely = before discovery, on the spot or within the deadline, 30 % (unverified). */
    public static Settings defaults() {
        return new Settings(null, EnumSet.of(Correction.BEFORE_DISCOVERY, Correction.ON_THE_SPOT,
                Correction.WITHIN_DEADLINE), new BigDecimal("0.3"), false, true, true);
    }

    public Settings withFirstOffenseLookBack(Period p) {
        return new Settings(p, timelyCorrections, lenientShare, lenientShareVerified, mitigationPrevails, huaxianExclusion, readings, maxFirings, timeBudget, continuingActLaw);
    }

    public Settings withLenientShare(BigDecimal share, boolean verified) {
        return new Settings(firstOffenseLookBack, timelyCorrections, share, verified, mitigationPrevails, huaxianExclusion, readings, maxFirings, timeBudget, continuingActLaw);
    }

    public Settings withTimelyCorrections(Set<Correction> c) {
        return new Settings(firstOffenseLookBack, c, lenientShare, lenientShareVerified, mitigationPrevails, huaxianExclusion, readings, maxFirings, timeBudget, continuingActLaw);
    }

    public Settings withHuaxianExclusion(boolean on) {
        return new Settings(firstOffenseLookBack, timelyCorrections, lenientShare, lenientShareVerified, mitigationPrevails, on, readings, maxFirings, timeBudget, continuingActLaw);
    }

    public Settings withReadings(Readings r) {
        return new Settings(firstOffenseLookBack, timelyCorrections, lenientShare, lenientShareVerified, mitigationPrevails,
                huaxianExclusion, r, maxFirings, timeBudget, continuingActLaw);
    }

    /** The same settings with other evaluation bounds (a firing limit and a time budget per run of the rules). */
    public Settings withEvaluationBounds(int maxFirings, Duration timeBudget) {
        return new Settings(firstOffenseLookBack, timelyCorrections, lenientShare, lenientShareVerified,
                mitigationPrevails, huaxianExclusion, readings, maxFirings, timeBudget, continuingActLaw);
    }

    public Settings withContinuingActLaw(ContinuingActLaw reading) {
        return new Settings(firstOffenseLookBack, timelyCorrections, lenientShare, lenientShareVerified, mitigationPrevails,
                huaxianExclusion, readings, maxFirings, timeBudget, reading);
    }
}
