package org.discretion.rules.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.discretion.rules.api.Decision;
import org.discretion.rules.api.GroundReport;
import org.discretion.rules.api.Status;

/**
 * Which statute grounds, exclusions and list items the passing scenarios exercised: <b>positively</b> (HELD in some
 * scenario: the rule fires) and <b>negatively</b> (FAILED in some scenario: a near-miss where it does not), and
 * which no scenario touches. Counted from each decision's {@code whyNot}; a failing scenario proves nothing and is
 * not counted.
 *
 * <p>Every decision reports every statute ground, so a ground is exercised negatively by almost any case. The
 * stricter measure {@link Entry#checkedHeld()} / {@link Entry#checkedFailed()} counts only scenarios whose
 * expectations name the ground or item ({@code status}, or {@code items} for a list item the case names) and so
 * prove the tester looked at it.
 */
public final class CoverageReport {

    /**
     * Coverage of one ground or item.
     *
     * @param id            ground or item id
     * @param kind          STATUTE, EXCLUSION or ITEM
     * @param catalog       catalog id, {@code statute} for the statute layer
     * @param title         title or 事项名称
     * @param held          passing scenarios where it held
     * @param failed        passing scenarios where it failed
     * @param unknown       passing scenarios where it was unknown
     * @param checkedHeld   a passing scenario expected it to hold (status HELD, or listed in items)
     * @param checkedFailed a passing scenario expected it to fail (status FAILED, or left out of items the case names)
     * @param heldIn        up to three scenarios ({@code file:line}) where it held
     * @param failedIn      up to three scenarios where it failed
     */
    public record Entry(String id, String kind, String catalog, String title, int held, int failed, int unknown,
                        boolean checkedHeld, boolean checkedFailed, List<String> heldIn, List<String> failedIn) {
        public Entry {
            heldIn = List.copyOf(heldIn);
            failedIn = List.copyOf(failedIn);
        }

        /** HELD in some scenario. */
        public boolean positive() {
            return held > 0;
        }

        /** FAILED in some scenario. */
        public boolean negative() {
            return failed > 0;
        }

        /** Reported by some scenario at all (held, failed or unknown). */
        public boolean touched() {
            return held + failed + unknown > 0;
        }
    }

    private final List<Entry> entries;

    private CoverageReport(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static CoverageReport of(List<RuleInventory.Rule> rules, List<ScenarioResult> results) {
        final class Acc {
            int held, failed, unknown;
            boolean checkedHeld, checkedFailed;
            final List<String> heldIn = new ArrayList<>(), failedIn = new ArrayList<>();
        }
        Map<String, Acc> acc = new LinkedHashMap<>();
        rules.forEach(r -> acc.put(r.id(), new Acc()));
        for (ScenarioResult r : results) {
            Decision d = r.decision();
            if (!r.passed() || d == null) continue;
            Expectation x = r.scenario().expect();
            String namedItem = r.scenario().caseJson().hasNonNull("item") ? r.scenario().caseJson().get("item").asText() : null;
            for (GroundReport g : d.whyNot()) {
                Acc a = acc.get(g.id());
                if (a == null) continue;
                Status expected = x.status() == null ? null : x.status().get(g.id());
                switch (g.status()) {
                    case HELD -> {
                        a.held++;
                        if (a.heldIn.size() < 3) a.heldIn.add(r.location());
                        if (expected == Status.HELD || (x.items() != null && x.items().contains(g.id()))) a.checkedHeld = true;
                    }
                    case FAILED -> {
                        a.failed++;
                        if (a.failedIn.size() < 3) a.failedIn.add(r.location());
                        if (expected == Status.FAILED || (x.items() != null && g.id().equals(namedItem)
                                && !x.items().contains(g.id()))) a.checkedFailed = true;
                    }
                    case UNKNOWN -> a.unknown++;
                }
            }
        }
        List<Entry> out = new ArrayList<>();
        for (RuleInventory.Rule rule : rules) {
            Acc a = acc.get(rule.id());
            out.add(new Entry(rule.id(), rule.kind(), rule.catalog(), rule.title(), a.held, a.failed, a.unknown,
                    a.checkedHeld, a.checkedFailed, a.heldIn, a.failedIn));
        }
        return new CoverageReport(out);
    }

    /** Every ground and item of the engine, statute layer first, then catalogs in id order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entry of one ground or item, or {@code null}. */
    public Entry entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * Share of directions exercised: each ground or item counts twice (held somewhere, failed somewhere); 1.0 when
     * every one was exercised both ways. 1.0 for an engine without rules.
     */
    public double ratio() {
        return ratio(e -> true);
    }

    /** The same, for the entries that pass the filter (e.g. one catalog). */
    public double ratio(Predicate<Entry> which) {
        long n = 0, covered = 0;
        for (Entry e : entries) {
            if (!which.test(e)) continue;
            n += 2;
            covered += (e.positive() ? 1 : 0) + (e.negative() ? 1 : 0);
        }
        return n == 0 ? 1.0 : (double) covered / n;
    }

    /** Share of directions checked by an expectation (see {@link Entry#checkedHeld()}). */
    public double checkedRatio() {
        long n = 2L * entries.size();
        long covered = entries.stream().mapToLong(e -> (e.checkedHeld() ? 1 : 0) + (e.checkedFailed() ? 1 : 0)).sum();
        return n == 0 ? 1.0 : (double) covered / n;
    }

    /** The readable report printed after a run. */
    public String text() {
        StringBuilder b = new StringBuilder();
        long pos = entries.stream().filter(Entry::positive).count();
        long neg = entries.stream().filter(Entry::negative).count();
        b.append(String.format(Locale.ROOT, "Coverage: %.1f%% — of %d grounds and items, %d held in some scenario, "
                + "%d failed in some scenario (near-miss)%n", 100 * ratio(), entries.size(), pos, neg));
        b.append(String.format(Locale.ROOT, "Checked by an expectation (status or items): %.1f%% — held %d, failed %d%n",
                100 * checkedRatio(), entries.stream().filter(Entry::checkedHeld).count(),
                entries.stream().filter(Entry::checkedFailed).count()));
        Map<String, List<Entry>> byCatalog = new LinkedHashMap<>();
        entries.forEach(e -> byCatalog.computeIfAbsent(e.catalog(), k -> new ArrayList<>()).add(e));
        int w = byCatalog.keySet().stream().mapToInt(String::length).max().orElse(7);
        byCatalog.forEach((c, es) -> b.append(String.format(Locale.ROOT, "  %-" + w + "s %3d %s  held %3d  failed %3d  untouched %3d%n",
                c, es.size(), c.equals("statute") ? "grounds" : "items  ", es.stream().filter(Entry::positive).count(),
                es.stream().filter(Entry::negative).count(), es.stream().filter(e -> !e.touched()).count())));
        section(b, "Never touched (no scenario names it):", entries.stream().filter(e -> !e.touched()).toList());
        section(b, "Never held (no scenario where it applies):",
                entries.stream().filter(e -> e.touched() && !e.positive()).toList());
        section(b, "Never failed (no near-miss scenario):",
                entries.stream().filter(e -> e.touched() && !e.negative()).toList());
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<Entry> es) {
        if (es.isEmpty()) return;
        b.append(title).append('\n');
        for (Entry e : es) {
            b.append("  ").append(e.id()).append(e.catalog().equals("statute") ? "" : " (" + e.catalog() + ")")
                    .append("  ").append(e.title()).append('\n');
        }
    }

    /** The report as JSON: totals, then one object per ground or item. */
    public String json() {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("ratio", Math.round(ratio() * 10000) / 10000.0);
        root.put("checkedRatio", Math.round(checkedRatio() * 10000) / 10000.0);
        root.put("total", entries.size());
        root.put("held", entries.stream().filter(Entry::positive).count());
        root.put("failed", entries.stream().filter(Entry::negative).count());
        root.put("untouched", entries.stream().filter(e -> !e.touched()).count());
        ArrayNode a = root.putArray("entries");
        for (Entry e : entries) {
            ObjectNode o = a.addObject();
            o.put("id", e.id());
            o.put("kind", e.kind());
            o.put("catalog", e.catalog());
            o.put("title", e.title());
            o.put("held", e.held());
            o.put("failed", e.failed());
            o.put("unknown", e.unknown());
            o.put("checkedHeld", e.checkedHeld());
            o.put("checkedFailed", e.checkedFailed());
            e.heldIn().forEach(o.putArray("heldIn")::add);
            e.failedIn().forEach(o.putArray("failedIn")::add);
        }
        try {
            return m.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Writes {@link #json()} to a file (UTF-8), creating parent folders. */
    public void write(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the coverage report to " + file, e);
        }
    }
}
