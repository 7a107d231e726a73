package org.discretion.rules.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.Problem;
import org.discretion.rules.tooling.CatalogChecker;
import org.discretion.rules.tooling.CheckReport;

/**
 * {@code check [DIR] [--format text|json] [--expiring-within P90D] [--no-analysis] [--no-exec-model]}: compiles and
 * checks catalogs (the shipped ones, or the catalog folders under DIR) and prints every problem as
 * {@code file:line:column: message}. Exit code 1 when there is an error, 0 otherwise (warnings do not fail).
 */
final class CheckCommand implements Command {
    @Override
    public String name() {
        return "check";
    }

    @Override
    public String usage() {
        return "check [DIR] [--format text|json] [--expiring-within P90D] [--no-analysis] [--no-exec-model]   check catalogs";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String format = "text";
        Path dir = null;
        Period window = Period.ofDays(90);
        boolean analysis = true;
        boolean exec = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--format" -> {
                    if (i + 1 >= args.size()) return usage(err, "--format needs text or json");
                    format = args.get(++i);
                    if (!format.equals("text") && !format.equals("json")) return usage(err, "--format must be text or json");
                }
                case "--expiring-within" -> {
                    if (i + 1 >= args.size()) return usage(err, "--expiring-within needs an ISO-8601 period such as P90D");
                    try {
                        window = Period.parse(args.get(++i));
                    } catch (DateTimeParseException e) {
                        return usage(err, "--expiring-within: \"" + args.get(i) + "\" is not an ISO-8601 period (P90D, P3M, P1Y)");
                    }
                }
                case "--no-analysis" -> analysis = false;
                case "--no-exec-model" -> exec = false;
                default -> {
                    if (a.startsWith("--")) return usage(err, "unknown option " + a);
                    if (dir != null) return usage(err, "only one directory may be checked at a time");
                    dir = Path.of(a);
                }
            }
        }
        CatalogChecker checker = dir == null ? CatalogChecker.forClasspath(CheckCommand.class.getClassLoader())
                : CatalogChecker.forDirectory(dir);
        CheckReport r = checker.expiringWithin(window).analysis(analysis).executableModel(exec).check();
        if (format.equals("json")) {
            out.println(CaseJson.write(json(r), true));
        } else {
            r.diagnostics().forEach(out::println);
            String what = dir == null ? "shipped catalogs" : dir.toString();
            out.println("checked " + what + ": " + r.catalogs().size() + " catalog(s) incl. the statute layer, " + r.items()
                    + " item(s), " + r.casesEvaluated() + " generated case(s) evaluated, in " + r.millis() + " ms: "
                    + r.errorCount() + " error(s), " + r.warningCount() + " warning(s)");
        }
        return r.hasErrors() ? 1 : 0;
    }

    static ObjectNode json(CheckReport r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("ok", !r.hasErrors());
        root.put("errors", r.errorCount());
        root.put("warnings", r.warningCount());
        root.put("items", r.items());
        root.put("casesEvaluated", r.casesEvaluated());
        root.put("millis", r.millis());
        ArrayNode cats = root.putArray("catalogs");
        r.catalogs().forEach(c -> cats.addObject().put("id", c.id()).put("version", c.version()).put("contentHash", c.contentHash()));
        ArrayNode ps = root.putArray("problems");
        for (CheckReport.Diagnostic d : r.diagnostics()) {
            Problem p = d.problem();
            ObjectNode n = ps.addObject();
            n.put("severity", p.severity()).put("code", p.code()).put("file", p.file()).put("line", p.line())
                    .put("column", p.column()).put("message", p.message());
            if (d.example() != null) {
                try {
                    n.set("example", new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.example()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    n.put("example", d.example());
                }
            }
        }
        return root;
    }

    private static int usage(PrintStream err, String msg) {
        err.println("discretion check: " + msg);
        return 2;
    }
}
