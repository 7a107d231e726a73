package org.discretion.rules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.discretion.rules.tooling.CatalogDiff;
import org.discretion.rules.tooling.Publisher;

/**
 * {@code publish [--catalogs DIR] [--catalog ID] [--format md|csv|html|xlsx] [--out DIR]} renders the lists in the
 * official 附件2 table format (to standard output for md, csv and html; xlsx needs {@code --out}); with
 * {@code --out} one file per catalog ({@code <catalog>.md|html|xlsx}) or per list ({@code <catalog>-<list>.csv}).
 * {@code publish --diff OLD NEW} prints what changed between two catalog directories (新增 / 删除 / 修改).
 */
final class PublishCommand implements Command {
    @Override
    public String name() {
        return "publish";
    }

    @Override
    public String usage() {
        return "publish [--catalogs DIR] [--catalog ID] [--format md|csv|html|xlsx] [--out DIR] | publish --diff OLD NEW   publish the lists (附件2)";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String format = "md";
        Path dir = null;
        Path outDir = null;
        String catalog = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--diff" -> {
                    if (i + 2 >= args.size()) return usage(err, "--diff needs two catalog directories: OLD NEW");
                    Path old = Path.of(args.get(i + 1));
                    Path neu = Path.of(args.get(i + 2));
                    CatalogDiff.Result r = CatalogDiff.diff(old, neu);
                    out.print(r.markdown(old.toString(), neu.toString()));
                    return 0;
                }
                case "--format" -> {
                    if (i + 1 >= args.size()) return usage(err, "--format needs md, csv, html or xlsx");
                    format = args.get(++i);
                    if (!List.of("md", "csv", "html", "xlsx").contains(format)) {
                        return usage(err, "--format must be md, csv, html or xlsx, was \"" + format + "\"");
                    }
                }
                case "--catalogs" -> {
                    if (i + 1 >= args.size()) return usage(err, "--catalogs needs a directory");
                    dir = Path.of(args.get(++i));
                }
                case "--catalog" -> {
                    if (i + 1 >= args.size()) return usage(err, "--catalog needs a catalog id");
                    catalog = args.get(++i);
                }
                case "--out" -> {
                    if (i + 1 >= args.size()) return usage(err, "--out needs a directory");
                    outDir = Path.of(args.get(++i));
                }
                default -> {
                    return usage(err, a.startsWith("--") ? "unknown option " + a : "unexpected argument " + a
                            + " (a catalog directory goes after --catalogs)");
                }
            }
        }
        if (format.equals("xlsx") && outDir == null) return usage(err, "--format xlsx needs --out DIR");
        List<Publisher.Table> tables = dir == null ? Publisher.tables(PublishCommand.class.getClassLoader())
                : Publisher.tables(dir);
        if (catalog != null) {
            String id = catalog;
            List<String> known = tables.stream().map(Publisher.Table::catalog).distinct().toList();
            tables = tables.stream().filter(t -> t.catalog().equals(id)).toList();
            if (tables.isEmpty()) return usage(err, "no catalog \"" + id + "\"; catalogs: " + String.join(", ", known));
        }
        try {
            if (outDir == null) {
                switch (format) {
                    case "md" -> out.print(Publisher.markdown(tables));
                    case "html" -> out.print(Publisher.html(tables));
                    default -> tables.forEach(t -> out.print(Publisher.csv(t)));
                }
                return 0;
            }
            Files.createDirectories(outDir);
            Map<String, List<Publisher.Table>> byCatalog = new LinkedHashMap<>();
            tables.forEach(t -> byCatalog.computeIfAbsent(t.catalog(), k -> new ArrayList<>()).add(t));
            List<Path> written = new ArrayList<>();
            for (Map.Entry<String, List<Publisher.Table>> e : byCatalog.entrySet()) {
                switch (format) {
                    case "md" -> written.add(write(outDir.resolve(e.getKey() + ".md"), Publisher.markdown(e.getValue())));
                    case "html" -> written.add(write(outDir.resolve(e.getKey() + ".html"), Publisher.html(e.getValue())));
                    case "csv" -> {
                        for (Publisher.Table t : e.getValue()) {
                            written.add(write(outDir.resolve(Publisher.fileName(t) + ".csv"), Publisher.csv(t)));
                        }
                    }
                    default -> {
                        Path f = outDir.resolve(e.getKey() + ".xlsx");
                        try (OutputStream os = Files.newOutputStream(f)) {
                            XlsxWriter.write(e.getValue(), os);
                        }
                        written.add(f);
                    }
                }
            }
            written.forEach(p -> err.println("wrote " + p));
            return 0;
        } catch (IOException e) {
            err.println("discretion publish: cannot write " + outDir + ": " + e.getMessage());
            return 2;
        }
    }

    private static Path write(Path f, String text) throws IOException {
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static int usage(PrintStream err, String msg) {
        err.println("discretion publish: " + msg);
        return 2;
    }
}
