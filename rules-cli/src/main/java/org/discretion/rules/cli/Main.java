package org.discretion.rules.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./discretion <command> [args]}. Exit codes: 0 success, 1 a check or test failed, 2 bad input or usage.
 */
public final class Main {
    /** The subcommands, in the order help lists them. Add a line to add a command. */
    static List<Command> commands() {
        List<Command> c = new ArrayList<>();
        c.add(new EvaluateCommand());
        c.add(new TestCommand());
        c.add(new CheckCommand());
        c.add(new PublishCommand());
        c.add(new ReplayCommand());
        return c;
    }

    /** {@code serve} is started by the launcher ({@code ./discretion}) from rules-server, not by this class. */
    static final String SERVE_USAGE =
            "serve [--catalogs DIR] [--port N] [--decision-log FILE]   start the REST service and web page (docs/service.md)";

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs a command line; for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    public static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command c : commands()) byName.put(c.name(), c);
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.println("usage: ./discretion <command> [args]");
            for (Command c : byName.values()) out.println("  " + c.usage());
            out.println("  " + SERVE_USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals("serve")) {
            // reached only when this class is run directly (java -cp …): the launcher starts rules-server itself
            err.println("discretion: serve is started by the launcher: ./discretion serve (or java -jar "
                    + "rules-server/target/rules-server-*.jar); see docs/service.md");
            return 2;
        }
        Command c = byName.get(args[0]);
        if (c == null) {
            err.println("discretion: unknown command \"" + args[0] + "\"; commands: " + String.join(", ", byName.keySet()));
            return 2;
        }
        try {
            return c.run(Arrays.asList(args).subList(1, args.length), in, out, err);
        } catch (org.discretion.rules.api.CatalogBuildException e) {
            err.println(e.getMessage());
            return 1;
        } catch (org.discretion.rules.api.DiscretionException e) {
            err.println("discretion " + c.name() + ": " + e.getMessage());
            return 2;
        }
    }
}
