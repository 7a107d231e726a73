package org.discretion.rules.scenario;

import java.util.List;
import java.util.stream.Collectors;

import org.discretion.rules.api.DiscretionException;
import org.discretion.rules.api.Problem;

/**
 * A scenario file cannot be read: malformed YAML, an unknown or misspelt key, a value of the wrong kind, a missing
 * {@code name}. {@link #problems()} lists every problem found in the file, each located as
 * {@code file:line:column: message} (line 1-based, column 0-based as in {@link Problem}).
 */
public final class ScenarioFormatException extends DiscretionException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final transient List<Problem> problems;

    public ScenarioFormatException(String file, List<Problem> problems) {
        super("scenario file " + file + " is malformed (" + problems.size() + " problem(s)):\n"
                + problems.stream().map(ScenarioFormatException::line).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioFormatException needs at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    private static String line(Problem p) {
        return p.file() + ":" + p.line() + ":" + p.column() + ": " + p.message();
    }

    /** The file as it was given to the loader. */
    public String file() {
        return file;
    }

    /** Every problem found, in file order; never empty. */
    public List<Problem> problems() {
        return problems;
    }
}
