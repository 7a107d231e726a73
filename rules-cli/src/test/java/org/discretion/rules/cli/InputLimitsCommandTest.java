package org.discretion.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code evaluate --max-chars/--max-depth/--max-batch}: oversized input is rejected as a whole, with the limit named. */
class InputLimitsCommandTest {
    static final String OK = EvaluateCommandTest.OK;

    @Test
    void aBatchOverTheLimitIsRejected() {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(OK + "\n" + OK.replace("c1", "c2"), "evaluate", "--max-batch", "1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("discretion evaluate: case #1: case <no id>: batch of 2 cases is larger than the limit of 1\n");
        assertThat(EvaluateCommandTest.run(OK + "\n" + OK.replace("c1", "c2"), "evaluate", "--max-batch", "2").exit()).isZero();
    }

    @Test
    void aDocumentOverTheLimitIsRejected() {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(OK, "evaluate", "--max-chars", "100");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("input is " + OK.length() + " characters, more than the limit of 100");
        assertThat(r.out()).contains("\"error\"");
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
