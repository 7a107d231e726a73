package org.discretion.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --record} then {@code replay}: identical, refused on changed catalogs, differences by field. */
class ReplayCommandTest {
    static EvaluateCommandTest.Run run(String stdin, String... args) {
        return EvaluateCommandTest.run(stdin, args);
    }

    static final String CASE = "{\"id\":\"r1\",\"item\":\"CLI-1\",\"party\":{\"type\":\"ORGANIZATION\"},"
            + "\"actDate\":\"2024-03-05\",\"discoveryDate\":\"2024-03-20\",\"decisionDate\":\"2024-04-02\","
            + "\"firstOffense\":true,\"correction\":\"WITHIN_DEADLINE\",\"severity\":\"GENERAL\",\"harm\":\"MINOR\","
            + "\"facts\":{\"amount\":800}}";

    /** A one-item catalog in the real format; {@code bound} is the item's amount threshold. */
    static Path catalog(Path dir, String version, int bound) throws Exception {
        Path f = dir.resolve("cli_fixture");
        Files.createDirectories(f);
        Files.writeString(f.resolve("catalog.yaml"), """
                id: cli_fixture
                version: "%s"
                title: 命令行测试清单
                issuingBody: 测试局
                level: COUNTY
                lists: [NO_PENALTY]
                effectiveFrom: 2022-01-01
                status: IN_FORCE
                fidelity: OFFICIAL
                items:
                  - id: CLI-1
                    number: "1"
                    list: NO_PENALTY
                    name: 首次轻微违法
                    violationBasis: ["行政处罚法 第28条第1款"]
                    applicability: 首次发生，危害后果轻微，限期内改正，涉案金额%d元以下
                    handlingBasis: ["行政处罚法 第33条第1款第2句"]
                    facts:
                      - {name: amount, type: NUMBER, unit: 元, label: 涉案金额}
                """.formatted(version, bound));
        Files.writeString(f.resolve("rules.drl"), """
                package catalogs.cli_fixture;

                import org.discretion.rules.api.*;
                import org.discretion.rules.facts.*;
                import static org.discretion.rules.facts.Conditions.*;

                // 命令行测试清单 第1项
                rule "CLI-1"
                when
                    $c : Candidate( item == "CLI-1" )
                then
                    insert($c.finding(firstOffense(), harmAtMost(Harm.MINOR), corrected(Correction.WITHIN_DEADLINE),
                            fact("amount").atMost(%d)));
                end
                """.formatted(bound));
        return dir;
    }

    @Test
    void aRecordedDecisionReplaysIdenticallyAgainstTheSameCatalogs(@TempDir Path tmp) throws Exception {
        Path v1 = catalog(tmp.resolve("v1"), "1", 1000);
        Path rec = tmp.resolve("rec.jsonl");
        EvaluateCommandTest.Run e = run(CASE + "\n" + CASE.replace("r1", "r2").replace(",\"decisionDate\":\"2024-04-02\"", ""),
                "evaluate", "--catalogs", v1.toString(), "--record", rec.toString());
        assertThat(e.exit()).isZero();
        List<String> lines = Files.readAllLines(rec);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"recordVersion\":1", "\"id\":\"cli_fixture\"", "\"illegalGains\":null",
                "\"handling\":\"NO_PENALTY\"");
        // the second case has no decisionDate: the record pins the engine's "today"
        assertThat(lines.get(1)).contains("\"decisionDate\":null", "\"evaluatedOn\":\"");

        EvaluateCommandTest.Run r = run("", "replay", rec.toString(), "--catalogs", v1.toString());
        assertThat(r.out()).contains("record 1 (case r1, NO_PENALTY): reproduced identically",
                "record 2 (case r2, NO_PENALTY): reproduced identically", "2 of 2 record(s) reproduced identically");
        assertThat(r.exit()).isZero();
    }

    @Test
    void changedCatalogsAreRefusedNamingBothHashesOrComparedOnRequest(@TempDir Path tmp) throws Exception {
        Path v1 = catalog(tmp.resolve("v1"), "1", 1000);
        Path v2 = catalog(tmp.resolve("v2"), "2", 500);
        Path rec = tmp.resolve("rec.jsonl");
        assertThat(run(CASE, "evaluate", "--catalogs", v1.toString(), "--record", rec.toString()).exit()).isZero();

        EvaluateCommandTest.Run refused = run("", "replay", rec.toString(), "--catalogs", v2.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).containsPattern(
                "record 1 \\(case r1, NO_PENALTY\\): catalog cli_fixture: recorded version 1 sha256:[0-9a-f]{16}, now version 2 sha256:[0-9a-f]{16}")
                .contains("REFUSED: the catalogs differ from those the decision was made with")
                .contains("0 of 1 record(s) reproduced identically");

        EvaluateCommandTest.Run compared = run("", "replay", rec.toString(), "--catalogs", v2.toString(), "--allow-changed-catalogs");
        assertThat(compared.exit()).isEqualTo(1);
        assertThat(compared.out()).contains("warning: catalog cli_fixture: recorded version 1")
                .contains("record 1 (case r1, NO_PENALTY): DIFFERENT in ")
                .contains("  handling: recorded \"NO_PENALTY\", now \"MAY_NO_PENALTY\"")
                .contains("  items: recorded 1 entries, now 0");

        EvaluateCommandTest.Run missing = run("", "replay", rec.toString());
        assertThat(missing.out()).contains("catalog cli_fixture (version 1, sha256:").contains("is no longer loaded");
        assertThat(missing.exit()).isEqualTo(1);
    }

    @Test
    void aTamperedRecordIsReportedFieldByField(@TempDir Path tmp) throws Exception {
        Path rec = tmp.resolve("rec.jsonl");
        String ok = EvaluateCommandTest.OK;
        assertThat(run(ok, "evaluate", "--record", rec.toString()).exit()).isZero();
        String line = Files.readString(rec);
        Files.writeString(rec, line.replace("\"handling\":\"NO_PENALTY\"", "\"handling\":\"STANDARD\"")
                .replace("\"mandatory\":true", "\"mandatory\":false"));
        EvaluateCommandTest.Run r = run("", "replay", rec.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("record 1 (case c1, STANDARD): DIFFERENT in 2 field(s):",
                "  handling: recorded \"STANDARD\", now \"NO_PENALTY\"", "  mandatory: recorded false, now true");
    }

    @Test
    void unreadableRecordsAndUsageErrorsExitWithTwo(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"recordVersion\":1}\n");
        EvaluateCommandTest.Run r = run("", "replay", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("discretion replay: " + bad + " line 1: decision record: \"engineVersion\" is missing\n");
        assertThat(run("", "replay").err()).contains("give the record file written by evaluate --record");
        assertThat(run("", "replay", tmp.resolve("none").toString()).err()).contains("no such file");
    }
}
