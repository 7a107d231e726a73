package org.discretion.rules.tooling;

import java.util.List;

import org.discretion.rules.api.CatalogVersion;
import org.discretion.rules.api.Problem;

/**
 * What {@link CatalogChecker#check()} found.
 *
 * @param diagnostics    every problem, errors first, each with an example case when the analysis found it
 * @param catalogs       the catalogs checked, with their content hashes (empty when the catalogs did not build)
 * @param items          number of list items checked
 * @param casesEvaluated number of generated cases the discretion analysis evaluated through the engine
 * @param millis         wall-clock time of the whole check
 */
public record CheckReport(List<Diagnostic> diagnostics, List<CatalogVersion> catalogs, int items, int casesEvaluated,
                          long millis) {

    public CheckReport {
        diagnostics = List.copyOf(diagnostics);
        catalogs = List.copyOf(catalogs);
    }

    /**
     * One problem and, for findings of the discretion analysis, an example case (case JSON v1, compact) that shows
     * it; for a monotonicity finding the example holds both cases: {@code {"case": …, "milderCase": …}}.
     */
    public record Diagnostic(Problem problem, String example) {
        /** The problem as {@code file:line:column: message [CODE]}, followed by the example when there is one. */
        @Override
        public String toString() {
            return problem + (example == null ? "" : "\n    e.g. " + example);
        }
    }

    /** Whether any diagnostic is an error (then {@code ./discretion check} exits with 1). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.problem().isError());
    }

    public List<Problem> problems() {
        return diagnostics.stream().map(Diagnostic::problem).toList();
    }

    public long errorCount() {
        return diagnostics.stream().filter(d -> d.problem().isError()).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }
}
