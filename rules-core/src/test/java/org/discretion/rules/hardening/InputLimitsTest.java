package org.discretion.rules.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.CaseJson;

/** Oversized or ambiguous input is rejected with a message that says what limit was hit; nothing is dropped silently. */
class InputLimitsTest {
    static final String CASE = "{\"id\":\"a\",\"harm\":\"NONE\"}";

    @Test
    void aDocumentLongerThanTheLimitIsRejected() {
        List<CaseJson.Parsed> p = CaseJson.parse(CASE + " ".repeat(100), new CaseJson.Limits(50, 20, 10));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).error().getMessage())
                .isEqualTo("case <no id>: input is 124 characters, more than the limit of 50");
    }

    @Test
    void aBatchLargerThanTheLimitIsRejectedAsArrayAndAsJsonLines() {
        CaseJson.Limits limits = new CaseJson.Limits(1_000_000, 20, 2);
        assertThat(CaseJson.parse("[" + CASE + "," + CASE + "," + CASE + "]", limits).get(0).error().getMessage())
                .isEqualTo("case <no id>: batch of 3 cases is larger than the limit of 2");
        assertThat(CaseJson.parse(CASE + "\n" + CASE + "\n" + CASE, limits).get(0).error().getMessage())
                .isEqualTo("case <no id>: batch of 3 cases is larger than the limit of 2");
        assertThat(CaseJson.parse(CASE + "\n" + CASE, limits)).allMatch(CaseJson.Parsed::ok);
    }

    @Test
    void nestingDeeperThanTheLimitIsRejectedNamingTheCase() {
        String deep = "{\"id\":\"deep\",\"facts\":{\"x\":" + "[".repeat(5) + "]".repeat(5) + "}}";
        List<CaseJson.Parsed> p = CaseJson.parse(deep, new CaseJson.Limits(1_000_000, 4, 10));
        assertThat(p.get(0).error().getMessage()).isEqualTo("case \"deep\": nesting deeper than the limit of 4");
    }

    @Test
    void contentAfterAnArrayIsAnErrorNotSilentlyDropped() {
        // found by JsonFuzzTest: "[]{" used to parse as an empty batch, and "[{a}]{b}" dropped case b
        List<CaseJson.Parsed> p = CaseJson.parse("[" + CASE + "]{\"id\":\"b\"}");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).ok()).isFalse();
        assertThat(p.get(0).error().getMessage()).startsWith("case <no id>: malformed JSON at line 1, column ")
                .endsWith("unexpected content after the end of the JSON value (give one case object, one array of "
                        + "cases, or one case per line)");
    }

    @Test
    void twoObjectsOnOneLineAreAnErrorNotOneCase() {
        List<CaseJson.Parsed> p = CaseJson.parse(CASE + " {\"id\":\"b\"}");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).ok()).isFalse();
        assertThat(p.get(0).error().getMessage()).contains("unexpected content after the end of the JSON value");
    }
}
