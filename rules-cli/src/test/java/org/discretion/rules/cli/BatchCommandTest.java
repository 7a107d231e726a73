package org.discretion.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code evaluate} as a batch tool: a large generated batch streamed through the real command in this JVM with the
 * output counted (not kept), hostile lines among good ones, and the output options.
 */
class BatchCommandTest {
    static final String OK = EvaluateCommandTest.OK;

    /** Generates JSON lines on the fly: case i is good, except every 1,000th, which is bad in turn in one of four ways. */
    static final class GeneratedCases extends InputStream {
        private final int n;
        private int i;
        private byte[] line = new byte[0];
        private int pos;

        GeneratedCases(int n) {
            this.n = n;
        }

        private boolean nextLine() {
            if (i >= n) return false;
            String s = OK.replace("\"c1\"", "\"g" + i + "\"");
            if (i % 1000 == 999) {
                s = switch ((i / 1000) % 4) {
                    case 0 -> "{\"id\":\"g" + i + "\",\"harm\":\"NONE\",\"harm\":\"NONE\"}";
                    case 1 -> "{\"id\":\"g" + i + "\",\"illegalGains\":1e400}";
                    case 2 -> "{\"id\":\"g" + i + "\", oops";
                    default -> "{\"id\":\"g" + i + "\",\"party\":{\"age\":-1}}";
                };
            }
            line = (s + "\n").getBytes(StandardCharsets.UTF_8);
            if (i % 1000 == 500) line[8] = (byte) 0xFF; // invalid UTF-8 inside the id
            pos = 0;
            i++;
            return true;
        }

        @Override
        public int read() {
            if (pos >= line.length && !nextLine()) return -1;
            return line[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= line.length && !nextLine()) return -1;
            int k = Math.min(len, line.length - pos);
            System.arraycopy(line, pos, b, off, k);
            pos += k;
            return k;
        }
    }

    /** Checks each output line as it is written (order, errors) and keeps nothing. */
    static final class CheckingOutput extends OutputStream {
        final ByteArrayOutputStream current = new ByteArrayOutputStream();
        long lines;
        long errors;
        final List<String> problems = new ArrayList<>();

        @Override
        public void write(int b) {
            if (b != '\n') {
                current.write(b);
                return;
            }
            String l = current.toString(StandardCharsets.UTF_8);
            current.reset();
            long i = lines++;
            boolean bad = i % 1000 == 999 || i % 1000 == 500;
            if (bad) {
                errors++;
                if (!l.contains("\"error\"")) problems.add("line " + i + " should be an error: " + l);
            } else if (!l.startsWith("{\"id\":\"g" + i + "\",\"handling\":\"NO_PENALTY\"")) {
                problems.add("line " + i + " out of order or wrong: " + l);
            }
        }
    }

    @Test
    void fiftyThousandCasesStreamThroughInOrderWithTheirErrorsInBoundedMemory() {
        int n = 50_000;
        CheckingOutput out = new CheckingOutput();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long[] peak = {0};
        Thread watch = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], liveHeap());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        System.gc();
        long before = liveHeap();
        watch.start();
        int exit = Main.run(new String[] {"evaluate", "--profile", "compact", "--threads", "2"}, new GeneratedCases(n),
                new PrintStream(out, false, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        watch.interrupt();
        assertThat(out.problems).isEmpty();
        assertThat(out.lines).isEqualTo(n);
        assertThat(out.errors).isEqualTo(100);
        assertThat(exit).isEqualTo(2);
        String[] e = err.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(e).hasSize(101);
        assertThat(e[0]).isEqualTo("discretion evaluate: case #501: case <no id>: line 501 is not valid UTF-8 (byte 9 of the line)");
        assertThat(e[1]).isEqualTo("discretion evaluate: case #1000: case <no id>, field \"harm\": the key appears twice in the same "
                + "object (duplicate key); give it once");
        assertThat(e[3]).isEqualTo("discretion evaluate: case #2000: case \"g1999\", field \"illegalGains\": is too large (1E+400): "
                + "at most 20 digits before the decimal point");
        assertThat(e[5]).startsWith("discretion evaluate: case #3000: case <no id>: malformed JSON at line 3000, column ");
        assertThat(e[100]).isEqualTo("discretion evaluate: 50000 cases: 49900 decided, 100 rejected (NO_PENALTY 49900)");
        // the input (about 10 MB) and the output (about 15 MB) are never held: what survives collections stays small
        assertThat(peak[0] - before).as("live heap growth in bytes").isLessThan(32L << 20);
    }

    /** Heap in use just after the last collection of each pool: live data, not garbage waiting for a collection. */
    static long liveHeap() {
        long sum = 0;
        for (var p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null) {
                sum += p.getCollectionUsage().getUsed();
            }
        }
        return sum;
    }

    @Test
    void controlAndAnsiCharactersAreEscapedInTextOutputAndOnStderr() {
        String evil = OK.replace("\"c1\"", "\"c\\u001b[2J\\u001b[31mred\\u0007\"");
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(evil + "\n{\"id\":\"x\\u001b]0;pwned\\u0007\",\"harm\":7}",
                "evaluate", "--format", "text");
        assertThat(r.out()).contains("案件 c\\u001B[2J\\u001B[31mred\\u0007：NO_PENALTY").doesNotContain("\u001b");
        assertThat(r.err()).contains("case \"x\\u001B]0;pwned\\u0007\", field \"harm\"").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void invalidUtf8OnStdinIsAnErrorOfThatLine() {
        byte[] good = (OK + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"id\":\"\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(good);
        in.writeBytes(bad);
        in.writeBytes((OK.replace("c1", "c3") + "\n").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"evaluate", "-"}, new java.io.ByteArrayInputStream(in.toByteArray()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).hasSize(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("case #2: case <no id>: line 2 is not valid UTF-8 (byte 8 of the line)")
                .contains("3 cases: 2 decided, 1 rejected");
    }

    @Test
    void compactFieldsAndCsv() {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(OK, "evaluate", "--profile", "compact");
        assertThat(r.out()).startsWith("{\"id\":\"c1\",\"handling\":\"NO_PENALTY\",\"mandatory\":true,\"coercion\":\"NO_COERCION\",\"items\":[],"
                + "\"basis\":[\"《中华人民共和国行政处罚法》（2021年修订）第三十三条第一款第一句\"").endsWith(",\"fineRange\":null,\"missingFacts\":[]}\n");
        assertThat(r.out().length()).isLessThan(1_000);
        EvaluateCommandTest.Run f = EvaluateCommandTest.run(OK, "evaluate", "--fields", "id,handling");
        assertThat(f.out()).isEqualTo("{\"id\":\"c1\",\"handling\":\"NO_PENALTY\"}\n");
        EvaluateCommandTest.Run csv = EvaluateCommandTest.run(OK + "\n" + OK.replace("c1", "=cmd|x,y")
                + "\n{\"id\":\"bad\",\"harm\":1}", "evaluate", "--format", "csv", "--fields", "id,handling,mandatory,fineRange");
        assertThat(csv.out().split("\n")).containsExactly("id,handling,mandatory,fineRange,error", "c1,NO_PENALTY,true,,",
                "\"'=cmd|x,y\",NO_PENALTY,true,,",
                "bad,,,,\"case \"\"bad\"\", field \"\"harm\"\": must be a string, was the number 1\"");
        assertThat(EvaluateCommandTest.run(OK, "evaluate", "--fields", "id,nope").err())
                .startsWith("discretion evaluate: unknown field \"nope\" in --fields; fields: id, handling, mandatory");
    }

    @Test
    void moneyIsExactInTheOutput() {
        String c = "{\"id\":\"m\",\"party\":{\"type\":\"ORGANIZATION\"},\"actDate\":\"2024-01-10\",\"discoveryDate\":\"2024-02-01\","
                + "\"decisionDate\":\"2024-03-01\",\"firstOffense\":false,\"correction\":\"NOT_CORRECTED\",\"severity\":\"GENERAL\","
                + "\"harm\":\"GENERAL\",\"circumstances\":[],\"illegalGains\":12345678901234567.89}";
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(c, "evaluate");
        assertThat(r.out()).doesNotContain("12345678901234568").contains("没收违法所得12345678901234567.89元");
    }

    @Test
    void threadsGiveTheSameOutputAsOneThread() {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 300; i++) in.append(OK.replace("\"c1\"", "\"t" + i + "\"")
                .replace("MINOR", i % 3 == 0 ? "SERIOUS" : "MINOR").replace("ON_THE_SPOT", i % 5 == 0 ? "NOT_CORRECTED" : "ON_THE_SPOT")).append('\n');
        EvaluateCommandTest.Run one = EvaluateCommandTest.run(in.toString(), "evaluate", "--threads", "1");
        EvaluateCommandTest.Run four = EvaluateCommandTest.run(in.toString(), "evaluate", "--threads", "4");
        assertThat(four.out()).isEqualTo(one.out());
        assertThat(four.err()).isEqualTo(one.err());
    }
}
