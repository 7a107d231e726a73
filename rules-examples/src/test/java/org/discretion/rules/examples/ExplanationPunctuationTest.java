package org.discretion.rules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The 裁量理由 is signed as written: over every explanation of the golden decisions, no doubled full stop after a
 * quotation that ends the sentence ("……不予行政处罚。”。") and no doubled full stop at all (GB/T 15834).
 */
class ExplanationPunctuationTest {

    @Test
    void noDoubledFullStopInAnyGoldenExplanation() throws Exception {
        ObjectMapper m = new ObjectMapper();
        int explanations = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(DecisionGoldenTest.GOLDEN)), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                // each line: where the case comes from, a tab, the decision as JSON (or ERROR and the message)
                String json = line.substring(line.indexOf('\t') + 1);
                if (!json.startsWith("{")) continue; // a case the golden file records as an input error
                JsonNode e = m.readTree(json).findValue("explanation");
                if (e == null || !e.isTextual()) continue;
                explanations++;
                assertThat(e.asText()).as(line.substring(0, Math.min(80, line.length())))
                        .doesNotContain("。”。").doesNotContain("。。");
            }
        }
        assertThat(explanations).isGreaterThan(1_000);
    }
}
