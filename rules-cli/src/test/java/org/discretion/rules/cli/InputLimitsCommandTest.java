package org.discretion.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code evaluate --max-chars/--max-depth/--max-batch}: the size and depth limits apply to each case (an oversized
 * case is rejected on its own, the others are decided); {@code --max-batch} stops reading after that many cases.
 */
class InputLimitsCommandTest {
    static final String OK = EvaluateCommandTest.OK;

    @Test
    void aBatchOverTheLimitIsCutThereAndSaidSo() {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(OK + "\n" + OK.replace("c1", "c2"), "evaluate", "--max-batch", "1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("\"id\":\"c1\"").doesNotContain("c2");
        assertThat(r.err()).isEqualTo("discretion evaluate: case #2: more than --max-batch 1 cases; the rest of the input is not read\n"
                + "discretion evaluate: 2 cases: 1 decided, 1 rejected (NO_PENALTY 1)\n");
        assertThat(EvaluateCommandTest.run(OK + "\n" + OK.replace("c1", "c2"), "evaluate", "--max-batch", "2").exit()).isZero();
    }

    @Test
    void aCaseOverTheLimitIsRejectedAndTheOthersAreDecided() {
        String big = OK.replace("c1", "c2").replace("}", ",\"factsFound\":\"" + "x".repeat(200) + "\"}");
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(OK + "\n" + big + "\n" + OK.replace("c1", "c3"), "evaluate",
                "--max-chars", "250");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("case #2: case <no id>: the case starting on line 2 is " + big.length()
                + " characters, more than the limit of 250");
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains("\"error\"");
        assertThat(lines[2]).contains("\"id\":\"c3\"");
    }

    @Test
    void nestingOverTheLimitIsRejectedNamingTheCase() {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(OK, "evaluate", "--max-depth", "1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("case \"c1\": nesting deeper than the limit of 1");
    }

    @Test
    void limitsMustBePositiveWholeNumbers() {
        for (String bad : new String[] {"0", "-3", "ten"}) {
            EvaluateCommandTest.Run r = EvaluateCommandTest.run(OK, "evaluate", "--max-batch", bad);
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("discretion evaluate: --max-batch needs a positive whole number\n");
        }
    }
}
