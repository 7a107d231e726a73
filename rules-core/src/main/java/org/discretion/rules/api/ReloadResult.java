package org.discretion.rules.api;

import java.util.List;

/**
 * What one {@link ReloadableEngine#reload()} did.
 *
 * @param outcome  SWAPPED, UNCHANGED or REJECTED
 * @param problems every problem found (errors for a rejected reload, warnings otherwise), as {@code file:line:column}
 * @param serving  the catalog versions serving after the reload, with their content hashes
 * @param millis   time taken to read, compile and check
 */
public record ReloadResult(Outcome outcome, List<Problem> problems, List<CatalogVersion> serving, long millis) {

    public ReloadResult {
        problems = List.copyOf(problems);
        serving = List.copyOf(serving);
    }

    /** What happened to the serving catalogs. */
    public enum Outcome {
        /** The new catalogs compiled and passed the checks; they now serve every new evaluation. */
        SWAPPED,
        /** The files are the same as those serving; nothing was compiled. */
        UNCHANGED,
        /** The new catalogs failed to build or to pass the checks; the old version keeps serving. */
        REJECTED
    }

    /** The errors, one {@code file:line:column: message} per line. */
    public String errors() {
        return String.join("\n", problems.stream().filter(Problem::isError).map(Problem::toString).toList());
    }
}
