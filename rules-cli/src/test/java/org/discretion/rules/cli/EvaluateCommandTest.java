package org.discretion.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static final String OK = "{\"id\":\"c1\",\"party\":{\"type\":\"ORGANIZATION\"},\"actDate\":\"2024-03-05\","
            + "\"discoveryDate\":\"2024-03-20\",\"decisionDate\":\"2024-04-02\",\"firstOffense\":true,"
            + "\"correction\":\"ON_THE_SPOT\",\"severity\":\"MINOR\",\"harm\":\"NONE\"}";

    @Test
    void evaluatesOneCaseFromStdinAsJson() {
        Run r = run(OK, "evaluate", "-");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("{\"id\":\"c1\",\"handling\":\"NO_PENALTY\",\"mandatory\":true");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void textFormatPrintsTheExplanation() {
        Run r = run(OK, "evaluate", "--format", "text");
        assertThat(r.out()).contains("案件 c1：NO_PENALTY（应当）").contains("第三十三条第一款前段");
    }

    @Test
    void aBadCaseInABatchIsReportedAndTheOthersAreStillDecided(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("batch.jsonl");
        Files.writeString(f, OK + "\n{\"id\":\"neg\",\"party\":{\"type\":\"INDIVIDUAL\",\"age\":-1}}\n"
                + "{\"id\":\"typo\",\"harme\":\"NONE\"}\n" + OK.replace("c1", "c2") + "\n");
        Run r = run("", "evaluate", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).contains("\"id\":\"c1\"").contains("NO_PENALTY");
        assertThat(lines[1]).isEqualTo("{\"id\":\"neg\",\"error\":{\"field\":\"party.age\",\"problem\":\"must not be negative (was -1)\","
                + "\"message\":\"case \\\"neg\\\", field \\\"party.age\\\": must not be negative (was -1)\"}}");
        assertThat(lines[2]).contains("\"field\":\"harme\"");
        assertThat(lines[3]).contains("\"id\":\"c2\"");
        assertThat(r.err()).contains("case #2: case \"neg\", field \"party.age\": must not be negative (was -1)")
                .contains("case #3: case \"typo\", field \"harme\": unknown field");
    }

    @Test
    void malformedJsonAndMissingFilesAreClearErrors() {
        Run bad = run("{\"id\": ", "evaluate");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("malformed JSON at line 1");
        Run missing = run("", "evaluate", "/no/such/case.json");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("discretion evaluate: no such file: /no/such/case.json\n");
    }

    @Test
    void unknownCommandAndOptionExitWithTwo() {
        assertThat(run("", "evalute").exit()).isEqualTo(2);
        assertThat(run("", "evalute").err()).contains("unknown command \"evalute\"");
        assertThat(run("", "evaluate", "--fromat", "text").err()).contains("unknown option --fromat");
    }

    @Test
    void theShippedExampleCaseIsDecided() throws Exception {
        Path example = Path.of("..", "examples", "cases", "minor-corrected.json");
        Run r = run("", "evaluate", example.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"id\":\"2024-滑-001\"").contains("\"handling\":\"NO_PENALTY\"");
    }
}
