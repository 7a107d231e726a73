package org.discretion.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@code ./discretion help} lists every command, {@code serve} (started by the launcher) included. */
class HelpTest {

    @Test
    void helpListsEveryCommandAndServe() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).startsWith("usage: ./discretion <command> [args]");
        for (Command c : Main.commands()) assertThat(help).contains("  " + c.usage());
        assertThat(help).contains("  serve [--catalogs DIR] [--port N] [--decision-log FILE]   start the REST service "
                + "and web page (docs/service.md)");
    }

    @Test
    void serveRunWithoutTheLauncherSaysWhereItIsAndFails() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"serve"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("./discretion serve").contains("docs/service.md");
        assertThat(out.size()).isZero();
    }
}
