package org.discretion.rules.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.discretion.rules.scenario.JUnitXml;
import org.discretion.rules.scenario.RunSummary;
import org.discretion.rules.scenario.ScenarioFormatException;
import org.discretion.rules.scenario.ScenarioResult;
import org.discretion.rules.scenario.ScenarioRunner;

/**
 * {@code test [DIR|FILE] [--catalogs DIR]... [--min-coverage R] [--junit-xml FILE] [--coverage-report FILE]}: runs
 * scenario suites (by default the shipped ones, {@code rules-examples/src/test/resources/scenarios}), prints each
 * failure with its diff and the decision's explanation, then the coverage, and ends with the line
 * {@code N passed, N failed}. Exit code 1 when a scenario fails, a file is malformed or coverage is below
 * {@code --min-coverage}; 2 for bad usage.
 */
final class TestCommand implements Command {
    static final Path SHIPPED = Path.of("rules-examples", "src", "test", "resources", "scenarios");

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String usage() {
        return "test [DIR|FILE] [--catalogs DIR]... [--min-coverage 0.9] [--junit-xml FILE] [--coverage-report FILE]"
                + "   run scenario suites (default: the shipped ones)";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        Path target = null;
        CatalogDirs catalogs = new CatalogDirs();
        Path junit = null;
        Path report = null;
        Double min = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--catalogs", "--junit-xml", "--coverage-report", "--min-coverage" -> {
                    if (i + 1 >= args.size()) return usage(err, a + " needs a value");
                    String v = args.get(++i);
                    switch (a) {
                        case "--catalogs" -> {
                            String problem = catalogs.add(v);
                            if (problem != null) return usage(err, problem);
                        }
                        case "--junit-xml" -> junit = Path.of(v);
                        case "--coverage-report" -> report = Path.of(v);
                        default -> {
                            try {
                                min = Double.parseDouble(v);
                            } catch (NumberFormatException e) {
                                return usage(err, "--min-coverage must be a number between 0 and 1, was \"" + v + "\"");
                            }
                            if (min < 0 || min > 1) return usage(err, "--min-coverage must be between 0 and 1 (0.9 = 90 %), was " + v);
                        }
                    }
                }
                default -> {
                    if (a.startsWith("--")) return usage(err, "unknown option " + a);
                    if (target != null) return usage(err, "one folder or file at a time (got " + target + " and " + a + ")");
                    target = Path.of(a);
                }
            }
        }
        if (target == null) {
            target = shipped();
            if (target == null) {
                err.println("discretion test: the shipped suites (" + SHIPPED + ") are not under the current folder or "
                        + "the repository this command runs from; name a folder: ./discretion test DIR");
                return 2;
            }
        }
        if (!Files.exists(target)) {
            err.println("discretion test: no such file or folder: " + target);
            return 2;
        }
        ScenarioRunner.Builder b = ScenarioRunner.builder().classpathCatalogs();
        catalogs.dirs().forEach(b::catalogDirectory);
        RunSummary run;
        try {
            run = b.build().runAll(target);
        } catch (ScenarioFormatException e) {
            err.println("discretion test: " + e.getMessage());
            return 2;
        }
        if (run.results().isEmpty() && run.malformed().isEmpty()) {
            // a run that tested nothing must not look green ("0 passed, 0 failed", exit 0)
            err.println("discretion test: no scenario under " + target + ": nothing was tested; name a scenario file "
                    + "(*.yaml) or a folder holding some (docs/scenario-testing.md)");
            return 2;
        }

        Map<String, int[]> perFile = new LinkedHashMap<>();
        for (ScenarioResult r : run.results()) {
            int[] c = perFile.computeIfAbsent(r.suite().file(), k -> new int[2]);
            c[r.passed() ? 0 : 1]++;
        }
        out.println("Scenario suites under " + target + ":");
        perFile.forEach((f, c) -> out.println("  " + (c[1] == 0 ? "ok    " : "FAILED") + " " + f + "  (" + c[0]
                + " passed" + (c[1] == 0 ? "" : ", " + c[1] + " failed") + ")"));
        for (ScenarioFormatException m : run.malformed()) out.println("  ERROR  " + m.file() + "  (malformed)");
        List<String> failures = new ArrayList<>();
        run.results().stream().filter(r -> !r.passed()).forEach(r -> failures.add(r.report()));
        run.malformed().forEach(m -> failures.add("ERROR " + m.getMessage() + "\n"));
        if (!failures.isEmpty()) {
            out.println();
            out.println("Failures:");
            failures.forEach(f -> out.print(f.endsWith("\n") ? f + "\n" : f + "\n\n"));
        }
        out.println();
        out.print(run.coverage().text());
        int exit = run.failed() > 0 ? 1 : 0;
        if (min != null && run.coverage().ratio() < min) {
            out.println(String.format(Locale.ROOT, "Coverage %.1f%% is below the minimum of %.1f%% (--min-coverage %s).",
                    100 * run.coverage().ratio(), 100 * min, min));
            exit = 1;
        }
        if (junit != null) {
            JUnitXml.write(run, junit);
            out.println("JUnit XML written to " + junit);
        }
        if (report != null) {
            run.coverage().write(report);
            out.println("Coverage report written to " + report);
        }
        out.println(run.tally());
        return exit;
    }

    /** The shipped suites: under the current folder or one of its parents, else beside this command's build. */
    static Path shipped() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(TestCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (Exception e) {
            // no code source (unusual class loader): the current folder is enough
        }
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                Path candidate = p.resolve(SHIPPED);
                if (Files.isDirectory(candidate)) {
                    Path cwd = Path.of("").toAbsolutePath();
                    return candidate.startsWith(cwd) ? cwd.relativize(candidate) : candidate;
                }
            }
        }
        return null;
    }

    private static int usage(PrintStream err, String msg) {
        err.println("discretion test: " + msg);
        return 2;
    }
}
