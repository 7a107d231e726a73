package org.discretion.rules.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generates a JSON-lines batch and runs the CLI on it in a child JVM, sampling its resident memory. */
final class CliRun {
    private CliRun() {
    }

    record Result(double seconds, int exit, List<Long> rssMb) {
        long peakMb() {
            return rssMb.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        String quarters() {
            if (rssMb.isEmpty()) return "—";
            int k = rssMb.size();
            return rssMb.get(k / 4) + " / " + rssMb.get(k / 2) + " / " + rssMb.get(3 * k / 4) + " / " + rssMb.get(k - 1);
        }
    }

    /** {@code n} cases over the shipped catalogs' statute layer, with facts spread so that every tier wins. */
    static Path generate(int n) throws IOException {
        Path f = Files.createTempFile("discretion-bench-", ".jsonl");
        SplittableRandom r = new SplittableRandom(12);
        String[] corr = {"ON_THE_SPOT", "WITHIN_DEADLINE", "NOT_CORRECTED"};
        String[] sev = {"MINOR", "GENERAL", "SERIOUS"};
        String[] harm = {"NONE", "MINOR", "GENERAL"};
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write("{\"id\":\"b" + i + "\",\"party\":{\"type\":\"ORGANIZATION\"},\"actDate\":\"2024-03-05\","
                        + "\"discoveryDate\":\"2024-03-20\",\"decisionDate\":\"2024-04-02\",\"firstOffense\":"
                        + r.nextBoolean() + ",\"correction\":\"" + corr[r.nextInt(3)] + "\",\"severity\":\""
                        + sev[r.nextInt(3)] + "\",\"harm\":\"" + harm[r.nextInt(3)] + "\"}\n");
            }
        }
        return f;
    }

    static Path head(Path file, int lines) throws IOException {
        Path f = Files.createTempFile("discretion-bench-", ".jsonl");
        try (var in = Files.lines(file); BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            for (String l : (Iterable<String>) in.limit(lines)::iterator) {
                w.write(l);
                w.write('\n');
            }
        }
        f.toFile().deleteOnExit();
        return f;
    }

    static Result run(String cp, boolean c1Only, Path input, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("java"));
        if (c1Only) cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(List.of("-XX:+UseSerialGC", "-Xss4m", "-cp", cp, "org.discretion.rules.cli.Main", "evaluate", "--threads", "2"));
        cmd.addAll(List.of(args));
        cmd.add(input.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        List<Long> rss = new ArrayList<>();
        Path status = Path.of("/proc/" + p.pid() + "/status");
        while (p.isAlive()) {
            try {
                for (String l : Files.readAllLines(status)) {
                    if (l.startsWith("VmRSS:")) rss.add(Long.parseLong(l.replaceAll("\\D", "")) / 1024);
                }
            } catch (IOException | NumberFormatException e) {
                // the process ended between the check and the read
            }
            Thread.sleep(500);
        }
        int exit = p.waitFor();
        return new Result((System.nanoTime() - t0) / 1e9, exit, rss);
    }
}
