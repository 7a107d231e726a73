package org.discretion.rules.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code ./discretion}. Returns the process exit code; never lets an exception escape. */
public interface Command {
    /** The subcommand word, e.g. {@code evaluate}. */
    String name();

    /** One line of usage, shown by {@code ./discretion help}. */
    String usage();

    int run(List<String> args, InputStream in, PrintStream out, PrintStream err);
}
