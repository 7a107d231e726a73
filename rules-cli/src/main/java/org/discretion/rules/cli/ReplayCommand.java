package org.discretion.rules.cli;


import java.io.InputStream;
import java.io.PrintStream;



import java.nio.file.Path;
import java.util.List;

import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DecisionRecord;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.DiscretionEngineBuilder;
import org.discretion.rules.api.DiscretionException;
import org.discretion.rules.api.InvalidCaseException;

/**
 * {@code replay RECORD [--catalogs DIR] [--allow-changed-catalogs]}: evaluates each recorded case again (records as
 * written by {@code evaluate --record}, one per line) with the engine's "today" set to the recorded date, and
 * reports, field by field, every difference from the recorded decision.
 *
 * <p>A record is only reproducible against the catalog content it was decided with: when a catalog the decision
 * used is missing or its content hash differs, replay refuses that record (naming both hashes) unless
 * {@code --allow-changed-catalogs} is given, in which case it warns and compares anyway — which is how one sees
 * what a catalog revision changes for past cases. Exit code 0 when every record reproduced identically, 1 when a
 * record differed or was refused, 2 for unreadable input.
 */
final class ReplayCommand implements Command {
    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String usage() {
        return "replay RECORD [--catalogs DIR] [--allow-changed-catalogs]   re-evaluate recorded decisions, report differences";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String file = null;
        Path dir = null;
        boolean allowChanged = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--catalogs" -> {
                    if (i + 1 >= args.size()) return usage(err, "--catalogs needs a directory");
                    dir = Path.of(args.get(++i));
                }
                case "--allow-changed-catalogs" -> allowChanged = true;
                default -> {
                    if (a.startsWith("--")) return usage(err, "unknown option " + a);
                    if (file != null) return usage(err, "give one record file");
                    file = a;
                }
            }
        }
        if (file == null) return usage(err, "give the record file written by evaluate --record (or - for stdin)");
        String text = InputText.read("replay", file, in, err);
        if (text == null) return 2;
        List<DecisionRecord> records;
        try {
            records = DecisionRecord.readAll(text);
        } catch (DiscretionException e) {
            err.println("discretion replay: " + file + " " + e.getMessage());
            return 2;
        }
        if (records.isEmpty()) {
            err.println("discretion replay: " + file + " holds no decision record");
            return 2;
        }
        DecisionRecord.ReplayClock clock = new DecisionRecord.ReplayClock();
        DiscretionEngineBuilder b = DiscretionEngine.builder().classpathCatalogs().clock(clock);
        if (dir != null) b.catalogDirectory(dir);
        DiscretionEngine engine = b.build();

        int exit = 0;
        int same = 0;
        for (int i = 0; i < records.size(); i++) {
            DecisionRecord r = records.get(i);
            String head = "record " + (i + 1) + " (case " + r.input().id() + ", " + r.decision().handling() + ")";
            if (!r.engineVersion().equals(DiscretionEngine.VERSION)) {
                out.println(head + ": warning: recorded with engine " + r.engineVersion() + ", replaying with "
                        + DiscretionEngine.VERSION);
            }
            List<String> changes = r.catalogChanges(engine.catalogVersions());
            if (!changes.isEmpty()) {
                for (String c : changes) out.println(head + ": " + (allowChanged ? "warning: " : "") + c);
                if (!allowChanged) {
                    out.println(head + ": REFUSED: the catalogs differ from those the decision was made with; "
                            + "load the recorded versions with --catalogs DIR, or compare anyway with --allow-changed-catalogs");
                    exit = 1;
                    continue;
                }
            }
            clock.set(r.evaluatedOn());
            Decision now;
            try {
                now = engine.evaluate(r.input());
            } catch (InvalidCaseException e) {
                out.println(head + ": DIFFERENT: the case is now rejected: " + e.getMessage());
                exit = 1;
                continue;
            }
            List<String> diffs = r.differences(now);
            if (diffs.isEmpty()) {
                out.println(head + ": reproduced identically");
                same++;
            } else {
                out.println(head + ": DIFFERENT in " + diffs.size() + " field(s):");
                diffs.forEach(d -> out.println("  " + d));
                exit = 1;
            }
        }
        out.println(same + " of " + records.size() + " record(s) reproduced identically");
        return exit;
    }

    private static int usage(PrintStream err, String msg) {
        err.println("discretion replay: " + msg);
        return 2;
    }
}
