package org.discretion.rules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DecisionRecord;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.DiscretionEngineBuilder;
import org.discretion.rules.api.Evaluation;
import org.discretion.rules.api.InvalidCaseException;

/**
 * {@code evaluate [--format json|text] [--catalogs DIR]... [--record FILE] [--max-chars N] [--max-depth N]
 * [--max-batch N] [FILE|-]}: reads one case, a JSON array or JSON lines and prints one decision per case (JSON
 * lines, or the readable explanation). A bad case is reported on stderr with its case, field and problem; every
 * other case is still evaluated; the exit code is then 2. Input beyond the limits ({@link CaseJson.Limits}) is
 * rejected as a whole. {@code --record FILE} writes one {@link DecisionRecord} per decision (JSON lines) for
 * {@code ./discretion replay}.
 */
final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String usage() {
        return "evaluate [--format json|text] [--catalogs DIR]... [--record FILE] [--max-chars N] [--max-depth N] [--max-batch N] [FILE|-]"
                + "   evaluate cases (one object, an array or JSON lines)";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String format = "json";
        String file = "-";
        CatalogDirs dirs = new CatalogDirs();
        Path record = null;
        CaseJson.Limits d = CaseJson.Limits.DEFAULT;
        int maxChars = d.maxDocumentChars();
        int maxDepth = d.maxDepth();
        int maxBatch = d.maxBatch();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--record" -> {
                    if (i + 1 >= args.size()) return usageError(err, "--record needs a file");
                    record = Path.of(args.get(++i));
                }
                case "--max-chars", "--max-depth", "--max-batch" -> {
                    Integer v = i + 1 < args.size() ? positive(args.get(i + 1)) : null;
                    if (v == null) return usageError(err, a + " needs a positive whole number");
                    i++;
                    if (a.equals("--max-chars")) maxChars = v;
                    else if (a.equals("--max-depth")) maxDepth = v;
                    else maxBatch = v;
                }
                case "--format" -> {
                    if (i + 1 >= args.size()) return usageError(err, "--format needs json or text");
                    format = args.get(++i);
                    if (!format.equals("json") && !format.equals("text")) return usageError(err, "--format must be json or text");
                }
                case "--catalogs" -> {
                    if (i + 1 >= args.size()) return usageError(err, "--catalogs needs a directory");
                    String problem = dirs.add(args.get(++i));
                    if (problem != null) return usageError(err, problem);
                }
                default -> {
                    if (a.startsWith("--")) return usageError(err, "unknown option " + a);
                    file = a;
                }
            }
        }
        String text = InputText.read("evaluate", file, in, err);
        if (text == null) return 2;
        DiscretionEngineBuilder b = DiscretionEngine.builder().classpathCatalogs();
        dirs.dirs().forEach(b::catalogDirectory);
        DiscretionEngine engine = b.build();

        List<CaseJson.Parsed> parsed = CaseJson.parse(text, new CaseJson.Limits(maxChars, maxDepth, maxBatch));
        int exit = 0;
        List<String> lines = new ArrayList<>();
        List<String> records = new ArrayList<>();
        java.time.LocalDate today = java.time.LocalDate.now();
        for (CaseJson.Parsed p : parsed) {
            Evaluation e;
            if (!p.ok()) {
                e = Evaluation.failed(p.error());
            } else {
                try {
                    e = Evaluation.of(engine.evaluate(p.input()));
                } catch (InvalidCaseException ex) {
                    e = Evaluation.failed(ex);
                }
            }
            if (!e.ok()) {
                exit = 2;
                err.println("discretion evaluate: case #" + (p.index() + 1) + ": " + e.error().getMessage());
                if (format.equals("json")) lines.add(CaseJson.write(CaseJson.errorJson(e.error()), false));
                continue;
            }
            lines.add(format.equals("json") ? CaseJson.write(CaseJson.toJson(e.decision()), false) : text(e.decision()));
            if (record != null) records.add(DecisionRecord.of(engine, today, p.input(), e.decision()).write());
        }
        lines.forEach(out::println);
        if (record != null) {
            try {
                Files.write(record, records, StandardCharsets.UTF_8);
            } catch (IOException ex) {
                err.println("discretion evaluate: cannot write the record file " + record + ": " + ex.getMessage());
                return 2;
            }
        }
        return exit;
    }

    static String text(Decision d) {
        StringBuilder b = new StringBuilder();
        b.append("案件 ").append(d.id()).append("：").append(d.handling()).append(d.mandatory() ? "（应当）" : "（可以）");
        if (d.coercion() != null) b.append("，行政强制：").append(d.coercion());
        b.append('\n').append(d.explanation()).append('\n');
        if (!d.missingFacts().isEmpty()) {
            b.append("需补充的事实：\n");
            d.missingFacts().forEach(m -> b.append("  - ").append(m.field()).append("（").append(m.label()).append("）：")
                    .append(m.why()).append('\n'));
        }
        if (!d.warnings().isEmpty()) {
            b.append("提示：\n");
            d.warnings().forEach(w -> b.append("  - ").append(w).append('\n'));
        }
        return b.toString();
    }

    private static Integer positive(String s) {
        try {
            int v = Integer.parseInt(s);
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int usageError(PrintStream err, String msg) {
        err.println("discretion evaluate: " + msg);
        return 2;
    }
}
