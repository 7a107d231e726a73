package org.discretion.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./discretion test}: diff, tally line, JUnit XML, coverage report, exit codes. */
class TestCommandTest {
    static final Path FIXTURE = Path.of("src/test/resources/scenario-fixtures/one-wrong.yaml");

    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWrongExpectationPrintsTheDiffAndExitsNonZero(@TempDir Path tmp) throws Exception {
        Path xml = tmp.resolve("junit.xml");
        Path cov = tmp.resolve("coverage.json");
        Run r = run("test", FIXTURE.toString(), "--junit-xml", xml.toString(), "--coverage-report", cov.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("  FAILED " + FIXTURE + "  (1 passed, 1 failed)")
                .contains("FAIL 命令行测试 › 同一案件，（错误地）期望可以不予处罚。\n     at " + FIXTURE + ":9\n"
                        + "     handling  expected: MAY_NO_PENALTY\n"
                        + "               actual:   NO_PENALTY\n")
                .contains("     explanation: 经查，")
                .contains("Coverage: ")
                .contains("Never held (no scenario where it applies):");
        assertThat(r.lines().get(r.lines().size() - 1)).isEqualTo("1 passed, 1 failed");
        assertThat(Files.readString(xml)).contains("<testcase classname=\"" + FIXTURE + "\" name=\"同一案件，（错误地）期望可以不予处罚。\"")
                .contains("<failure message=\"[handling] not as expected at " + FIXTURE + ":9\"");
        assertThat(Files.readString(cov)).contains("\"id\" : \"XZCF-33-1-1\"");
    }

    @Test
    void belowTheMinimumCoverageFails() {
        Run r = run("test", FIXTURE.toString(), "--min-coverage", "0.99");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("Coverage \\d+\\.\\d% is below the minimum of 99\\.0% \\(--min-coverage 0\\.99\\)\\.");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run("test", "--min-coverage", "90").err()).contains("--min-coverage must be between 0 and 1 (0.9 = 90 %), was 90");
        assertThat(run("test", "no/such/dir").exit()).isEqualTo(2);
        assertThat(run("test", "--frobnicate").err()).contains("unknown option --frobnicate");
    }

    @Test
    void aFolderWithNoScenarioIsAnErrorNotZeroPassed(@TempDir Path tmp) {
        var r = run("test", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no scenario under " + tmp + ": nothing was tested");
        assertThat(r.out()).doesNotContain("0 passed, 0 failed");
    }

    @Test
    void theShippedSuitesAreFoundFromTheModuleFolder() {
        assertThat(TestCommand.shipped()).isNotNull();
        assertThat(TestCommand.shipped().toString().replace('\\', '/')).endsWith("rules-examples/src/test/resources/scenarios");
    }
}
