package org.discretion.rules.internal;

import java.util.Collection;
import java.util.List;

import org.kie.api.runtime.KieSession;

import org.discretion.rules.api.DiscretionException;
import org.discretion.rules.api.EvaluationLimitException;
import org.discretion.rules.api.Settings;
import org.discretion.rules.facts.Candidate;
import org.discretion.rules.facts.Finding;

/**
 * Runs a session's rules within the bounds of {@link Settings} (a firing limit and a time budget) and checks who
 * spoke for what when the findings are collected: an item finding must be the finding of a candidate inserted for
 * this case, with that candidate's catalog and item, and a statute finding must name a ground of the statute layer.
 * Both are guaranteed by the closed rule language at build time; this is the second lock.
 */
final class BoundedFiring {

    private BoundedFiring() {
    }

    /** Fires all rules; throws {@link EvaluationLimitException} naming the case when a bound is exceeded. */
    static void fire(KieSession session, String caseId, Settings settings) {
        fire(session, caseId, settings.maxFirings(), settings.timeBudget());
    }

    /** The same with explicit bounds (a shared session of several cases has the sum of their bounds). */
    static void fire(KieSession session, String caseId, int maxFirings, java.time.Duration timeBudget) {
        long deadline = System.nanoTime() + timeBudget.toNanos();
        // the deadline is checked before each firing by an agenda filter: unlike an event listener it costs no event
        // object per firing (issue 12, hot path); past the deadline the session is halted and nothing more fires
        boolean[] overTime = new boolean[1];
        int max = maxFirings;
        int fired = session.fireAllRules(match -> {
            if (System.nanoTime() > deadline) {
                overTime[0] = true;
                session.halt();
                return false;
            }
            return true;
        }, max + 1);
        if (overTime[0]) {
            throw new EvaluationLimitException(caseId, "the rules ran longer than the time budget of "
                    + timeBudget.toMillis() + " ms (Settings.timeBudget) and were stopped after " + fired
                    + " firings; no decision was made");
        }
        if (fired > max) {
            throw new EvaluationLimitException(caseId, "the rules fired more than " + max + " times (Settings.maxFirings)"
                    + " and were stopped; no decision was made");
        }
    }

    /** Whether a candidate of this run has the finding's catalog and item (a case has one or a few candidates). */
    private static boolean isCandidate(Finding f, List<Object> facts) {
        for (Object o : facts) {
            if (o instanceof Candidate c && c.getItem().equals(f.getId()) && c.getCatalog().equals(f.getCatalog())) return true;
        }
        return false;
    }

    /**
     * Rejects a finding no rule of its own catalog could have made: an item finding whose (catalog, item) is not that
     * of a candidate of this run, or a statute finding whose id is not a ground of the statute layer.
     */
    static void checkOrigins(Collection<Finding> findings, List<Object> facts, RuleBase rb, String caseId) {
        for (Finding f : findings) {
            boolean ok = switch (f.getKind()) {
                case "ITEM" -> isCandidate(f, facts);
                case "STATUTE", "EXCLUSION" -> "statute".equals(f.getCatalog()) && rb.grounds().containsKey(f.getId());
                default -> false;
            };
            if (!ok) {
                throw new DiscretionException("case " + (caseId == null ? "<no id>" : "\"" + caseId + "\"")
                        + ": a rule produced a " + f.getKind() + " finding for \"" + f.getId() + "\" of \""
                        + f.getCatalog() + "\" that no rule of that catalog or of the statute layer may make; the "
                        + "evaluation is refused (report this catalog: it passed the build's rule language check)");
            }
        }
    }
}
