package org.discretion.rules.scenario;

import java.util.List;

import org.discretion.rules.api.Decision;
import org.discretion.rules.api.InvalidCaseException;

/**
 * The outcome of one scenario.
 *
 * @param suite      the suite it belongs to
 * @param scenario   the scenario
 * @param mismatches stated expectations that were not met; empty when the scenario passed
 * @param decision   the engine's decision, or {@code null} when the case was rejected or could not run
 * @param rejection  why the case was rejected as invalid input, or {@code null}
 * @param nanos      time spent evaluating
 */
public record ScenarioResult(ScenarioSuite suite, Scenario scenario, List<Mismatch> mismatches, Decision decision,
                             InvalidCaseException rejection, long nanos) {
    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
    }

    /** Whether every stated expectation was met. */
    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** {@code file:line} of the scenario's name. */
    public String location() {
        return suite.file() + ":" + scenario.line();
    }

    /** {@code suite › scenario name}. */
    public String title() {
        return suite.name() + " › " + scenario.name();
    }

    /**
     * The readable report: for a pass one line; for a failure every mismatch as expected / actual, then the decision
     * (handling, missing facts, explanation) so that a tester sees why the engine decided as it did.
     */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(passed() ? "PASS " : "FAIL ").append(title()).append('\n');
        if (passed()) return b.toString();
        b.append("     at ").append(location()).append('\n');
        int width = mismatches.stream().mapToInt(m -> m.what().length()).max().orElse(0);
        for (Mismatch m : mismatches) {
            String pad = " ".repeat(width - m.what().length());
            b.append("     ").append(m.what()).append(pad).append("  expected: ").append(indent(m.expected(), width + 17)).append('\n');
            b.append("     ").append(" ".repeat(width)).append("  actual:   ").append(indent(m.actual(), width + 17)).append('\n');
        }
        if (decision != null) {
            b.append("     decision: ").append(decision.handling()).append(decision.mandatory() ? "（应当）" : "（可以）")
                    .append(", coercion ").append(decision.coercion()).append(", items ")
                    .append(decision.items().stream().map(i -> i.item()).toList()).append('\n');
            if (!decision.missingFacts().isEmpty()) {
                b.append("     missing facts: ");
                b.append(String.join("; ", decision.missingFacts().stream()
                        .map(f -> f.field() + "（" + f.label() + "）").toList())).append('\n');
            }
            b.append("     explanation: ").append(decision.explanation()).append('\n');
        }
        return b.toString();
    }

    private static String indent(String s, int by) {
        return s.replace("\n", "\n" + " ".repeat(by));
    }
}
