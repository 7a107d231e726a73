package org.discretion.rules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.CaseStream;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DecisionRecord;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.DiscretionEngineBuilder;
import org.discretion.rules.api.DiscretionException;
import org.discretion.rules.api.Evaluation;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.InvalidCaseException;

/**
 * {@code evaluate [--format json|text|csv|document] [--docx DIR] [--templates DIR] [--fields a,b,…|--profile full|compact] [--threads N] [--catalogs DIR]...
 * [--record FILE] [--max-chars N] [--max-depth N] [--max-batch N] [FILE|-]}: reads cases — one object, a JSON array
 * or JSON lines, of any length — and writes one decision per case as it is decided, in input order (JSON lines, CSV,
 * the readable explanation, or the draft decision document: see {@link DocumentOutput}). Input is read case by case in constant memory ({@link CaseStream}); the size and
 * depth limits apply to each case. A case that cannot be read or decided gets its own error (on stderr with its case
 * number, field and problem, and in place of its decision in JSON and CSV) and every other case is still decided;
 * the exit code is then 2. A summary goes to stderr for a batch, and a progress line when stderr is a terminal.
 * {@code --record FILE} writes one {@link DecisionRecord} per decision (JSON lines) for {@code ./discretion replay}.
 */
final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String usage() {
        return "evaluate [--format json|text|csv|document] [--docx DIR] [--templates DIR] [--fields a,b|--profile compact] [--threads N] [--catalogs DIR]... [--record FILE]"
                + " [--max-chars N] [--max-depth N] [--max-batch N] [FILE|-]"
                + "   evaluate cases (one object, an array or JSON lines, streamed)";
    }

    /** What one case produced: the output line (or null), the stderr line (or null), the handling, the record. */
    /** {@code out}: the case's output line, already encoded (UTF-8, with its newline) on the worker thread. */
    private record Result(byte[] out, String err, Handling handling, String record) {
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String format = "json";
        String file = "-";
        CatalogDirs dirs = new CatalogDirs();
        Path record = null;
        List<String> fields = null;
        int threads = Runtime.getRuntime().availableProcessors();
        int maxChars = CaseStream.Limits.DEFAULT.maxCaseChars();
        int maxDepth = CaseStream.Limits.DEFAULT.maxDepth();
        int maxBatch = Integer.MAX_VALUE;
        DocumentOutput documents = new DocumentOutput();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--record" -> {
                    if (i + 1 >= args.size()) return usageError(err, "--record needs a file");
                    record = Path.of(args.get(++i));
                }
                case "--max-chars", "--max-depth", "--max-batch", "--threads" -> {
                    Integer v = i + 1 < args.size() ? positive(args.get(i + 1)) : null;
                    if (v == null) return usageError(err, a + " needs a positive whole number");
                    i++;
                    if (a.equals("--max-chars")) maxChars = v;
                    else if (a.equals("--max-depth")) maxDepth = v;
                    else if (a.equals("--threads")) threads = v;
                    else maxBatch = v;
                }
                case "--format" -> {
                    if (i + 1 >= args.size()) return usageError(err, "--format needs json, text, csv or document");
                    format = args.get(++i);
                    if (!format.equals("json") && !format.equals("text") && !format.equals("csv") && !format.equals("document")) {
                        return usageError(err, "--format must be json, text, csv or document");
                    }
                }
                case "--docx", "--templates" -> {
                    if (i + 1 >= args.size()) return usageError(err, a + " needs a directory");
                    String problem = documents.option(a, Path.of(args.get(++i)));
                    if (problem != null) return usageError(err, problem);
                }
                case "--fields" -> {
                    if (i + 1 >= args.size()) return usageError(err, "--fields needs a comma-separated list of fields");
                    fields = List.of(args.get(++i).split(",", -1));
                    String bad = DecisionOutput.check(fields);
                    if (bad != null) return usageError(err, bad);
                }
                case "--profile" -> {
                    if (i + 1 >= args.size()) return usageError(err, "--profile needs full or compact");
                    String p = args.get(++i);
                    if (p.equals("compact")) fields = DecisionOutput.COMPACT;
                    else if (p.equals("full")) fields = null;
                    else return usageError(err, "--profile must be full or compact");
                }
                case "--catalogs" -> {
                    if (i + 1 >= args.size()) return usageError(err, "--catalogs needs a directory");
                    String problem = dirs.add(args.get(++i));
                    if (problem != null) return usageError(err, problem);
                }
                default -> {
                    if (a.startsWith("--")) return usageError(err, "unknown option " + Terminal.safe(a));
                    file = a;
                }
            }
        }
        if (fields != null && (format.equals("text") || format.equals("document"))) {
            return usageError(err, "--fields and --profile apply to json and csv output");
        }
        InputStream input;
        try {
            input = file.equals("-") ? in : Files.newInputStream(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println("discretion evaluate: no such file: " + Terminal.safe(file));
            return 2;
        } catch (IOException e) {
            err.println("discretion evaluate: cannot read " + Terminal.safe(file) + ": " + Terminal.safe(e.getMessage()));
            return 2;
        }
        DiscretionEngineBuilder b = DiscretionEngine.builder().classpathCatalogs();
        dirs.dirs().forEach(b::catalogDirectory);
        DiscretionEngine engine = b.build();
        boolean document = format.equals("document");
        DecisionOutput output = new DecisionOutput(document ? "json" : format, fields);
        boolean lean = record == null && !document && !documents.writesDocx() && !output.needsFullDecision();
        LocalDate today = LocalDate.now();
        Batch batch = new Batch(engine, output, lean, record != null, today, documents.writesDocx() || document ? documents : null, document);
        try (InputStream source = input;
             Writer recordOut = record == null ? null : Files.newBufferedWriter(record, StandardCharsets.UTF_8)) {
            return batch.run(source, new CaseStream.Limits(maxChars, maxDepth), threads, maxBatch, out, err, recordOut);
        } catch (java.io.UncheckedIOException e) {
            err.println("discretion evaluate: cannot write the output: " + Terminal.safe(e.getCause().getMessage()));
            return 2;
        } catch (IOException e) {
            err.println("discretion evaluate: " + (record != null ? "cannot write the record file " + Terminal.safe(record.toString())
                    + " or read the input: " : "cannot read the input: ") + Terminal.safe(e.getMessage()));
            return 2;
        }
    }

    /** One run over a stream of cases: decides on a pool of threads, writes in input order. */
    private static final class Batch {
        private final DiscretionEngine engine;
        private final DecisionOutput output;
        private final boolean lean;
        private final boolean recording;
        private final LocalDate today;
        private final DocumentOutput documents;
        private final boolean documentFormat;
        private long decided;
        private long rejected;
        private final Map<Handling, Long> byHandling = new EnumMap<>(Handling.class);

        Batch(DiscretionEngine engine, DecisionOutput output, boolean lean, boolean recording, LocalDate today,
              DocumentOutput documents, boolean documentFormat) {
            this.documents = documents;
            this.documentFormat = documentFormat;
            this.engine = engine;
            this.output = output;
            this.lean = lean;
            this.recording = recording;
            this.today = today;
        }

        private java.io.OutputStream w;
        private PrintStream err;
        private Writer recordOut;
        private Progress progress;
        /** Chunks in flight, in input order; each is decided in one call (cases of a chunk share a Drools session). */
        private final ArrayDeque<Future<List<Result>>> window = new ArrayDeque<>();
        /** Cases read but not yet submitted. */
        private final List<CaseStream.Entry> pending = new java.util.ArrayList<>();
        private ExecutorService pool;
        private static final int CHUNK = 16;

        int run(InputStream input, CaseStream.Limits limits, int threads, int maxBatch, PrintStream out, PrintStream err,
                Writer recordOut) throws IOException {
            // decisions arrive encoded from the workers: the writing thread only copies bytes (full decisions are ~8 KB)
            this.w = new java.io.BufferedOutputStream(out, 1 << 16);
            this.err = err;
            this.recordOut = recordOut;
            this.progress = Progress.forTerminal(err);
            // before the reader waits for more input (a pipe, a terminal): write out what is decided so far
            CaseStream cases = CaseStream.of(input, limits, () -> {
                try {
                    drain();
                    w.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String header = output.header();
            if (header != null) w.write((header + "\n").getBytes(StandardCharsets.UTF_8));
            pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "discretion-evaluate");
                t.setDaemon(true);
                return t;
            }) : null;
            // a bounded window of cases in flight (threads × 4 chunks of 16): memory stays flat however long the input is
            int capacity = threads * 4;
            long n = 0;
            try {
                while (cases.hasNext()) {
                    CaseStream.Entry e = cases.next();
                    if (n >= maxBatch) {
                        drain();
                        rejected++;
                        err.println("discretion evaluate: case #" + (n + 1) + ": more than --max-batch " + maxBatch
                                + " cases; the rest of the input is not read");
                        break;
                    }
                    n++;
                    pending.add(e);
                    if (pending.size() >= CHUNK) {
                        submitPending();
                        while (window.size() >= capacity) writeAll(await(window.poll()));
                    }
                }
                drain();
            } finally {
                if (pool != null) pool.shutdownNow();
                w.flush();
                progress.clear();
            }
            if (decided + rejected > 1 || rejected > 0) err.println(summary());
            return rejected > 0 ? 2 : 0;
        }

        private void drain() throws IOException {
            submitPending();
            while (!window.isEmpty()) writeAll(await(window.poll()));
        }

        private void submitPending() throws IOException {
            if (pending.isEmpty()) return;
            List<CaseStream.Entry> chunk = List.copyOf(pending);
            pending.clear();
            if (pool == null) {
                writeAll(decideChunk(chunk));
            } else {
                window.add(pool.submit(() -> decideChunk(chunk)));
            }
        }

        private void writeAll(List<Result> rs) throws IOException {
            for (Result r : rs) write(r);
        }

        private static <T> T await(Future<T> f) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DiscretionException("interrupted");
            } catch (ExecutionException e) {
                // the engine turns everything a case can throw into that case's error; only an Error gets here
                throw new DiscretionException("evaluation failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
            }
        }

        private void write(Result r) throws IOException {
            if (r.err() != null) {
                w.flush();
                progress.clear();
                err.println(r.err());
                rejected++;
            } else {
                decided++;
                byHandling.merge(r.handling(), 1L, Long::sum);
            }
            if (r.out() != null) {
                w.write(r.out());
            }
            if (r.record() != null) recordOut.write(r.record() + "\n");
            progress.tick(decided + rejected);
        }

        /**
         * Reads, decides and formats a chunk of cases in one engine call ({@code screenAll}/{@code evaluateAll} on this
         * thread: the chunk shares one Drools session); never throws: a failure becomes the case's error.
         */
        private List<Result> decideChunk(List<CaseStream.Entry> entries) {
            Result[] out = new Result[entries.size()];
            List<CaseInput> inputs = new java.util.ArrayList<>(entries.size());
            List<Integer> at = new java.util.ArrayList<>(entries.size());
            for (int k = 0; k < entries.size(); k++) {
                CaseJson.Parsed p = entries.get(k).parse();
                if (p.error() != null) {
                    out[k] = failed(entries.get(k), p.error());
                } else {
                    inputs.add(p.input());
                    at.add(k);
                }
            }
            // the engine isolates each case (an engine failure is that case's error) and redoes a failed shared session
            List<Evaluation> evs = inputs.isEmpty() ? List.of()
                    : lean ? engine.screenAll(inputs, 1) : engine.evaluateAll(inputs, 1);
            for (int j = 0; j < at.size(); j++) {
                int k = at.get(j);
                CaseStream.Entry e = entries.get(k);
                if (!evs.get(j).ok()) {
                    out[k] = failed(e, evs.get(j).error());
                } else {
                    out[k] = formatted(e, inputs.get(j), evs.get(j).decision());
                }
            }
            return java.util.Arrays.asList(out);
        }

        private Result failed(CaseStream.Entry e, InvalidCaseException error) {
            String errorLine = output.error(error);
            return new Result(errorLine == null ? null : (errorLine + "\n").getBytes(StandardCharsets.UTF_8),
                    "discretion evaluate: case #" + (e.index() + 1) + ": " + Terminal.safe(error.getMessage()), null, null);
        }

        private Result formatted(CaseStream.Entry e, CaseInput input, Decision d) {
            String rec = recording ? DecisionRecord.of(engine, today, input, d).write() : null;
            String line = documentFormat ? null : output.decision(d);
            if (documents != null) {
                List<String> md = new java.util.ArrayList<>();
                String problem = documents.write(input, d, documentFormat ? md : null);
                if (problem != null) {
                    return new Result(null, "discretion evaluate: case #" + (e.index() + 1) + ": " + Terminal.safe(problem),
                            null, rec);
                }
                if (documentFormat) line = Terminal.safeText(String.join("\n", md));
            }
            return new Result(line == null ? null : (line + "\n").getBytes(StandardCharsets.UTF_8), null, d.handling(), rec);
        }

        String summary() {
            StringBuilder b = new StringBuilder("discretion evaluate: ").append(decided + rejected).append(decided + rejected == 1 ? " case: " : " cases: ")
                    .append(decided).append(" decided, ").append(rejected).append(" rejected");
            if (!byHandling.isEmpty()) {
                b.append(" (");
                String sep = "";
                for (Map.Entry<Handling, Long> h : byHandling.entrySet()) {
                    b.append(sep).append(h.getKey()).append(' ').append(h.getValue());
                    sep = ", ";
                }
                b.append(')');
            }
            return b.toString();
        }
    }

    /** A progress line on stderr, only when stderr is a terminal (never in a pipe, a file or a test). */
    private static final class Progress {
        private final PrintStream err;
        private final long start = System.nanoTime();
        private long last = start;
        private boolean shown;

        private Progress(PrintStream err) {
            this.err = err;
        }

        static Progress forTerminal(PrintStream err) {
            return new Progress(System.console() != null && Boolean.parseBoolean(System.getProperty("discretion.progress", "true")) ? err : null);
        }

        void tick(long n) {
            if (err == null || (n & 1023) != 0) return;
            long now = System.nanoTime();
            if (now - last < 1_000_000_000L) return;
            last = now;
            double s = (now - start) / 1e9;
            err.print("\r" + n + " cases, " + Math.round(n / s) + "/s");
            err.flush();
            shown = true;
        }

        void clear() {
            if (err != null && shown) {
                err.print("\r\u001b[K");
                err.flush();
                shown = false;
            }
        }
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
