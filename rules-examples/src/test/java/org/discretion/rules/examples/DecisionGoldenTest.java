package org.discretion.rules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.api.MentalCapacity;
import org.discretion.rules.api.Party;
import org.discretion.rules.api.PartyType;
import org.discretion.rules.api.PenaltyRange;
import org.discretion.rules.api.PriorViolation;
import org.discretion.rules.api.Severity;
import org.discretion.rules.facts.FactSpec;
import org.discretion.rules.internal.EngineImpl;
import org.discretion.rules.internal.RuleBase;
import org.discretion.rules.scenario.Scenario;
import org.discretion.rules.scenario.ScenarioLoader;
import org.discretion.rules.scenario.ScenarioSuite;

/**
 * Every field of every decision stays byte-identical: the JSON of the decisions for the shipped example cases, every
 * scenario case and 1,200 seeded cases over the shipped catalogs (unknown facts, prior violations, act dates before
 * and after list and law changes, cases by provision) is compared with {@code golden/decisions.jsonl.gz}, written
 * by the engine before the hot-path work of docs/performance.md. A change that is meant to change decisions
 * regenerates the file with {@code -Dgolden.write=true} and says so in its commit.
 */
class DecisionGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/decisions.jsonl.gz");
    static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 28);

    /** "Today" per evaluation on this thread, so that one engine serves every suite's evaluation date. */
    static final class TodayClock extends Clock {
        static final ThreadLocal<LocalDate> TODAY = ThreadLocal.withInitial(() -> DEFAULT_TODAY);

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId z) { return this; }
        @Override public Instant instant() { return TODAY.get().atStartOfDay(ZoneOffset.UTC).toInstant(); }
    }

    @Test
    void decisionsAreByteIdenticalToTheGoldenFile() throws IOException {
        DiscretionEngine engine = DiscretionEngine.builder().classpathCatalogs().clock(new TodayClock()).build();
        List<String> lines = decisions(engine);
        if (Boolean.getBoolean("golden.write")) {
            Files.createDirectories(GOLDEN.getParent());
            try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(GOLDEN)),
                    StandardCharsets.UTF_8)) {
                for (String l : lines) w.write(l + "\n");
            }
        }
        List<String> golden = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(GOLDEN)),
                StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) golden.add(l);
        }
        assertThat(lines).hasSameSizeAs(golden);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).as("decision %d", i).isEqualTo(golden.get(i));
        }
    }

    static List<String> decisions(DiscretionEngine engine) throws IOException {
        List<String> out = new ArrayList<>();
        // the shipped example cases
        try (Stream<Path> files = Files.list(Path.of("../examples/cases"))) {
            for (Path f : files.sorted().toList()) {
                for (CaseJson.Parsed p : CaseJson.parse(Files.readString(f, StandardCharsets.UTF_8))) {
                    out.add(f.getFileName() + "\t" + (p.error() != null ? "ERROR " + p.error().getMessage()
                            : decide(engine, p.input(), DEFAULT_TODAY)));
                }
            }
        }
        // every scenario case, restricted to its suite's catalogs as the scenario runner does
        for (Path f : ScenarioLoader.find(ScenarioSuitesTest.SCENARIOS)) {
            ScenarioSuite suite = ScenarioLoader.load(f);
            for (Scenario s : suite.scenarios()) {
                ObjectNode json = suite.caseOf(s);
                LocalDate today = suite.evaluationDateOf(s) != null ? suite.evaluationDateOf(s) : DEFAULT_TODAY;
                String d;
                try {
                    d = decide(engine, CaseJson.toCase(json), today);
                } catch (InvalidCaseException e) {
                    d = "ERROR " + e.getMessage();
                }
                out.add(f.getFileName() + ":" + s.line() + "\t" + d);
            }
        }
        // seeded cases over the shipped catalogs
        RuleBase rb = ((EngineImpl) engine).ruleBase();
        List<RuleBase.ItemRef> refs = rb.items().values().stream()
                .sorted(Comparator.comparing(x -> x.item().id())).toList();
        SplittableRandom r = new SplittableRandom(20261128L);
        for (int i = 0; i < 1200; i++) {
            CaseInput in;
            try {
                in = generated(i, r, refs);
            } catch (InvalidCaseException e) {
                out.add("gen-" + i + "\tERROR " + e.getMessage());
                continue;
            }
            String d;
            try {
                d = decide(engine, in, DEFAULT_TODAY);
            } catch (InvalidCaseException e) {
                d = "ERROR " + e.getMessage();
            }
            out.add("gen-" + i + "\t" + d);
        }
        return out;
    }

    static String decide(DiscretionEngine engine, CaseInput in, LocalDate today) {
        TodayClock.TODAY.set(today);
        try {
            return CaseJson.write(CaseJson.toJson(engine.evaluate(in)), false);
        } finally {
            TodayClock.TODAY.remove();
        }
    }

    private static <T> T pick(SplittableRandom r, T[] values, int unknownOneIn) {
        return unknownOneIn > 0 && r.nextInt(unknownOneIn) == 0 ? null : values[r.nextInt(values.length)];
    }

    static CaseInput generated(int i, SplittableRandom r, List<RuleBase.ItemRef> refs) {
        CaseInput.Builder b = CaseInput.builder("gen-" + i);
        RuleBase.ItemRef ref = null;
        int mode = r.nextInt(10);
        if (mode < 7) {
            ref = refs.get(r.nextInt(refs.size()));
            b.item(ref.item().id());
        } else if (mode < 9) {
            ref = refs.get(r.nextInt(refs.size()));
            if (!ref.item().violationBasis().isEmpty()) {
                b.provision(ref.item().violationBasis().get(0));
            }
        }
        int pt = r.nextInt(4);
        Party party = switch (pt) {
            case 0 -> new Party(PartyType.INDIVIDUAL, r.nextInt(8) == 0 ? null : 10 + r.nextInt(50),
                    pick(r, MentalCapacity.values(), 6));
            case 1 -> new Party(PartyType.INDIVIDUAL_BUSINESS, 20 + r.nextInt(40), MentalCapacity.FULL);
            case 2 -> Party.organization();
            default -> r.nextInt(5) == 0 ? Party.UNKNOWN : Party.organization();
        };
        b.party(party);
        // act dates from 2019 to 2025: lists and law versions change in between (行政处罚法 第37条)
        LocalDate act = LocalDate.of(2019, 1, 1).plusDays(r.nextInt(7 * 365));
        if (r.nextInt(15) != 0) b.actDate(act);
        if (r.nextInt(6) == 0) b.actEndDate(act.plusDays(r.nextInt(200)));
        LocalDate discovery = act.plusDays(r.nextInt(r.nextInt(4) == 0 ? 2200 : 300));
        if (r.nextInt(12) != 0) b.discoveryDate(discovery);
        if (r.nextInt(8) != 0) b.decisionDate(discovery.plusDays(r.nextInt(r.nextInt(3) == 0 ? 900 : 60)));
        int fo = r.nextInt(5);
        if (fo < 3) {
            b.firstOffense(fo != 0);
        } else if (fo == 3) {
            List<PriorViolation> prior = new ArrayList<>();
            int n = r.nextInt(3);
            for (int k = 0; k < n; k++) {
                LocalDate pd = act.minusDays(1 + r.nextInt(1500));
                prior.add(switch (r.nextInt(3)) {
                    case 0 -> new PriorViolation(pd, ref != null && r.nextBoolean() ? ref.item().id() : "TAX-2", null);
                    case 1 -> new PriorViolation(pd, null, ref != null && !ref.item().violationBasis().isEmpty()
                            ? ref.item().violationBasis().get(0) : "行政处罚法 第30条");
                    default -> new PriorViolation(pd, null, null);
                });
            }
            b.priorViolations(prior);
        }
        b.correction(pick(r, Correction.values(), 8));
        b.severity(pick(r, Severity.values(), 8));
        b.harm(pick(r, Harm.values(), 8));
        EnumSet<Circumstance> cs = EnumSet.noneOf(Circumstance.class);
        for (Circumstance c : Circumstance.values()) {
            // CONTINUING_ACT (added later) is drawn from its own stream, so that the other cases stay what they were
            if (c == Circumstance.CONTINUING_ACT) {
                if (new SplittableRandom(i).nextInt(12) == 0) cs.add(c);
            } else if (r.nextInt(12) == 0) {
                cs.add(c);
            }
        }
        b.circumstances(cs.toArray(new Circumstance[0]));
        int g = r.nextInt(4);
        if (g == 0) b.illegalGains(BigDecimal.ZERO);
        else if (g == 1) b.illegalGains(BigDecimal.valueOf(r.nextInt(20000), r.nextInt(3)));
        else if (g == 2 && r.nextBoolean()) b.illegalGains(BigDecimal.valueOf(500));
        int p = r.nextInt(6);
        if (p == 0) b.penaltyRange(new PenaltyRange(BigDecimal.valueOf(1000), BigDecimal.valueOf(10000 + r.nextInt(50000)), null, null, null));
        else if (p == 1) b.penaltyRange(new PenaltyRange(null, null, BigDecimal.ONE, BigDecimal.valueOf(5), null));
        else if (p == 2) b.penaltyRange(new PenaltyRange(BigDecimal.ZERO, BigDecimal.valueOf(2000), null, null, "罚款二千元以下"));
        if (ref != null && b != null && mode < 7) {
            for (FactSpec f : ref.item().facts()) {
                if (r.nextInt(6) == 0) continue; // unknown
                switch (f.type()) {
                    case "NUMBER" -> b.fact(f.name(), BigDecimal.valueOf(r.nextInt(r.nextBoolean() ? 20 : 5000)));
                    case "BOOLEAN" -> b.fact(f.name(), r.nextBoolean());
                    case "DATE" -> b.fact(f.name(), act.minusDays(r.nextInt(100)).toString());
                    case "TEXT" -> b.fact(f.name(), "x" + r.nextInt(3));
                    default -> { }
                }
            }
        }
        if (r.nextInt(10) == 0 && ref != null) b.catalogs(ref.catalog().id());
        return b.build();
    }
}
