package org.discretion.rules.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalogs could not be built into a working engine. {@link #problems()} lists every error found, each as
 * {@code file:line:column: message}; no half-working engine is ever returned.
 */
public final class CatalogBuildException extends DiscretionException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public CatalogBuildException(List<Problem> problems) {
        super("catalogs do not build (" + problems.stream().filter(Problem::isError).count() + " error(s)):\n"
                + problems.stream().filter(Problem::isError).map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
