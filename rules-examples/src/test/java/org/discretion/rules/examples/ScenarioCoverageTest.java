package org.discretion.rules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.discretion.rules.scenario.CoverageReport;
import org.discretion.rules.scenario.RunSummary;
import org.discretion.rules.scenario.ScenarioRunner;

/**
 * The shipped suites cover every rule both ways: each statute ground is expected to hold in some scenario and to
 * fail in another (checked by a {@code status} expectation, not merely observed), and each item of every loaded
 * catalog holds in some scenario and fails in another. Written against whatever catalogs are on the class path,
 * so a new catalog without scenarios fails here.
 */
class ScenarioCoverageTest {
    /**
     * Items that can never hold: the catalog is a 征求意见稿 (DRAFT), which the engine never applies. Their
     * scenarios check that they are not applied.
     */
    static final Set<String> NEVER_APPLICABLE = Set.of("YUHANG-1", "YUHANG-2");

    static RunSummary run;

    @BeforeAll
    static void runAll() {
        run = ScenarioRunner.builder().classpathCatalogs().build().runAll(ScenarioSuitesTest.SCENARIOS);
    }

    @Test
    void everyShippedScenarioPasses() {
        assertThat(run.malformed()).isEmpty();
        assertThat(run.failed()).as(run.tally()).isZero();
    }

    @Test
    void everyStatuteGroundIsCheckedHeldAndCheckedFailed() {
        var grounds = run.coverage().entries().stream().filter(e -> !e.kind().equals("ITEM")).toList();
        assertThat(grounds).extracting(CoverageReport.Entry::id).contains("XZCF-30-UNDER14", "XZCF-36", "XQZ-16-2",
                "HX-2022-17-3-7");
        assertThat(grounds).allSatisfy(e -> {
            assertThat(e.checkedHeld()).as(e.id() + " is expected to hold (status: HELD) in some scenario").isTrue();
            assertThat(e.checkedFailed()).as(e.id() + " is expected to fail (status: FAILED) in some scenario").isTrue();
        });
    }

    @Test
    void everyCatalogItemIsExercisedBothWays() {
        var items = run.coverage().entries().stream().filter(e -> e.kind().equals("ITEM")).toList();
        assertThat(items).allSatisfy(e -> {
            assertThat(e.touched()).as(e.id() + " (" + e.catalog() + ") is named by some scenario").isTrue();
            assertThat(e.negative()).as(e.id() + " (" + e.catalog() + ") fails in some scenario (near-miss)").isTrue();
        });
        assertThat(items.stream().filter(e -> !e.positive()).map(CoverageReport.Entry::id))
                .as("items that hold in no scenario").containsExactlyInAnyOrderElementsOf(
                        NEVER_APPLICABLE.stream().filter(id -> run.coverage().entry(id) != null).toList());
    }

    @Test
    void theCoverageReportListsWhatIsUntouched() {
        String text = run.coverage().text();
        assertThat(text).startsWith("Coverage: ").contains("  statute ").doesNotContain("Never touched");
        assertThat(run.coverage().ratio()).isGreaterThan(0.95);
    }
}
