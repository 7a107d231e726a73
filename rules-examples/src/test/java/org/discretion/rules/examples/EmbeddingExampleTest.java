package org.discretion.rules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.Decision;
import org.discretion.rules.api.Handling;

/** Runs the plain Java example and checks what it prints. */
class EmbeddingExampleTest {
    @Test
    void printsTheHandlingTheAppliedItemAndTheExplanation() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Decision d = EmbeddingExample.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(out.lines().toList()).hasSize(2 + (int) d.explanation().lines().count());
        assertThat(out).startsWith("案件 2024-税-0001：NO_PENALTY（应当）\n")
                .contains("适用清单事项：TAX-1 ")
                .contains("裁量理由：" + d.explanation());
        assertThat(d.explanation()).contains("不予行政处罚");
    }
}
