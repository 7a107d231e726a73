package org.discretion.rules.scenario;

import java.util.List;

/**
 * The outcome of running a folder of suites.
 *
 * @param results   every scenario that ran, in file order
 * @param malformed files that could not be read; each counts as one failure
 * @param coverage  coverage of the engine's grounds and items by the passing scenarios
 */
public record RunSummary(List<ScenarioResult> results, List<ScenarioFormatException> malformed,
                         CoverageReport coverage) {
    public RunSummary {
        results = List.copyOf(results);
        malformed = List.copyOf(malformed);
    }

    /** Scenarios that met every stated expectation. */
    public long passed() {
        return results.stream().filter(ScenarioResult::passed).count();
    }

    /** Scenarios that did not, plus malformed files. */
    public long failed() {
        return results.stream().filter(r -> !r.passed()).count() + malformed.size();
    }

    /** The closing line of a run: {@code N passed, N failed}. */
    public String tally() {
        return passed() + " passed, " + failed() + " failed";
    }
}
