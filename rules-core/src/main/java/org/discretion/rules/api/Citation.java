package org.discretion.rules.api;

import java.time.LocalDate;

/**
 * One legal basis, resolved in the law registry: instrument, version, article, paragraph, item and the quoted text.
 *
 * @param role          what the citation is for, e.g. "不予处罚依据", "违法依据", "处罚依据", "清单事项"
 * @param instrument    full title, e.g. 中华人民共和国行政处罚法, or a list's document
 * @param version       version label, e.g. "2021年修订"
 * @param effectiveFrom date the version took effect
 * @param article       article number (条), or {@code null} for a list item
 * @param paragraph     paragraph (款), or {@code null}
 * @param item          item (项), or {@code null}
 * @param sentence      sentence (句) within the paragraph, or {@code null}
 * @param text          the quoted text
 * @param fidelity      how the text was verified: VERBATIM, OFFICIAL, WEB, SECOND_HAND, UNVERIFIED
 * @param reference     the human form, e.g. 《中华人民共和国行政处罚法》（2021年修订）第三十三条第一款
 */
public record Citation(String role, String instrument, String version, LocalDate effectiveFrom, Integer article,
                       Integer paragraph, Integer item, Integer sentence, String text, String fidelity,
                       String reference) {

    /** Whether the quoted text was checked against the published text. */
    public boolean verified() {
        return "VERBATIM".equals(fidelity) || "OFFICIAL".equals(fidelity);
    }
}
