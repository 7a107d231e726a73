package org.discretion.rules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.MatchedItem;
import org.discretion.rules.facts.Finding;

/**
 * The floor and raw Drools are only honest baselines if they answer what the engine answers: for every benchmark
 * case the floor's handling, 应当/可以, coercion, matched items and fine range equal the engine's decision, and raw
 * Drools finds the same grounds and items held.
 */
class PlainJavaFloorTest {
    @TempDir
    static Path dir;
    static DiscretionEngine engine;
    static List<GeneratedCatalogs.Item> items;

    @BeforeAll
    static void build() {
        items = GeneratedCatalogs.write(dir, 200, "1");
        engine = DiscretionEngine.builder().catalogDirectory(dir).build();
    }

    @Test
    void generatedCatalogsBuildAndEveryTemplateIsLoaded() {
        assertThat(engine.catalogVersions()).extracting(v -> v.id()).contains("statute", "bench_000", "bench_001");
        assertThat(items).extracting(GeneratedCatalogs.Item::template).containsAll(EnumSet.allOf(GeneratedCatalogs.Template.class));
    }

    @Test
    void floorDecidesWhatTheEngineDecidesForEveryBenchmarkCase() {
        PlainJavaFloor floor = new PlainJavaFloor(items);
        List<CaseInput> cases = BenchCases.forGenerated(items, Catalogs.CASES, Catalogs.SEED);
        Map<Handling, Integer> seen = new TreeMap<>();
        for (CaseInput c : cases) {
            Decision d = engine.evaluate(c);
            PlainJavaFloor.Verdict v = floor.decide(c);
            String where = c + "\n-> " + d.handling() + " " + d.items() + " " + d.fineRange();
            assertThat(v.handling()).as(where).isEqualTo(d.handling());
            assertThat(v.mandatory()).as(where).isEqualTo(d.mandatory());
            assertThat(v.coercion()).as(where).isEqualTo(d.coercion());
            assertThat(v.items()).as(where).containsExactlyInAnyOrderElementsOf(d.items().stream().map(MatchedItem::item).toList());
            if (d.fineRange() == null) {
                assertThat(v.fineMax()).as(where).isNull();
            } else {
                assertThat(v.fineMin()).as(where).isEqualByComparingTo(d.fineRange().min() == null ? v.fineMin() : d.fineRange().min());
                assertThat(v.fineMax()).as(where).isEqualByComparingTo(d.fineRange().max());
            }
            seen.merge(d.handling(), 1, Integer::sum);
        }
        // the cases reach every tier the generated catalogs can reach
        assertThat(seen.keySet()).containsAll(Set.of(Handling.NO_PENALTY, Handling.MAY_NO_PENALTY, Handling.MITIGATED,
                Handling.LENIENT_OR_MITIGATED, Handling.LENIENT, Handling.STANDARD));
    }

    @Test
    void rawDroolsFindsTheGroundsAndItemsTheEngineApplies() {
        RawDrools raw = new RawDrools(engine);
        for (CaseInput c : BenchCases.forGenerated(items, 200, 7)) {
            Decision d = engine.evaluate(c);
            List<Finding> findings = raw.fire(c);
            assertThat(findings).extracting(Finding::getId).contains(c.item(), "XZCF-33-1-1", "XQZ-16-2");
            for (MatchedItem m : d.items()) {
                assertThat(findings).filteredOn(f -> f.getId().equals(m.item())).allMatch(Finding::isHeld);
            }
        }
    }
}
