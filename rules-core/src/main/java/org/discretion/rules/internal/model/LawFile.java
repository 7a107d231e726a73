package org.discretion.rules.internal.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** One law registry file: an instrument and some of its versions. */
public record LawFile(String instrument, @JsonProperty("short") String shortTitle, List<LawVersion> versions) {
    public LawFile {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** One version of an instrument; {@code provisions} maps "33.1" style keys to a text or a {@link Provision}. */
    public record LawVersion(String version, LocalDate adopted, LocalDate effectiveFrom, LocalDate effectiveTo,
                             String effectiveFromNote, String fidelity, String source, Map<String, JsonNode> provisions,
                             Limitation limitation) {
        public LawVersion {
            provisions = provisions == null ? Map.of() : Map.copyOf(provisions);
        }
    }

    /**
     * The period after which a violation of this instrument is no longer penalized (行政处罚法 第36条 and the
     * special laws it reserves: "法律另有规定的除外"). Periods are ISO-8601 ({@code P2Y}, {@code P6M}, {@code P5Y}),
     * so a special law's period keeps its exact length in months or years.
     *
     * @param period   the period, e.g. {@code P5Y} (税收征收管理法 第86条) or {@code P6M}
     * @param basis    the keys of the provisions that set it and say how it is counted, e.g. {@code ["36.1", "36.2"]}
     * @param extended a longer period in the version's own words, or null (行政处罚法 2021: five years)
     * @param general  true only for 行政处罚法: the general period that applies unless another law provides otherwise
     */
    public record Limitation(String period, List<String> basis, Extension extended, Boolean general) {
        public Limitation {
            basis = basis == null ? List.of() : List.copyOf(basis);
        }

        public boolean isGeneral() {
            return Boolean.TRUE.equals(general);
        }
    }

    /**
     * A longer period when a condition holds; {@code when} names it: {@code LIFE_HEALTH_OR_FINANCIAL_SAFETY_WITH_HARM}
     * (行政处罚法 2021 第36条第1款: 涉及公民生命健康安全、金融安全且有危害后果的) is the only one the engine knows.
     */
    public record Extension(String period, String when) {
    }

    /**
     * A provision with its own fidelity, note or fine range. {@code formerly} names the key the provision had in the
     * previous version when a revision renumbered it (e.g. 会计法 2024 第41条, formerly 2017 第43条), so that a
     * citation of the old number still finds its successor at a later date. {@code kinds} are the kinds of penalty
     * the quoted text allows, named as in 行政处罚法 第九条 ({@code Readings.ARTICLE_9_KINDS}), e.g. 消防法 第60条第2款
     * "处警告或者五百元以下罚款" → [警告, 罚款]; empty where the registry does not state them (never guessed).
     */
    public record Provision(String text, String fidelity, String note, Fine fine, String formerly, List<String> kinds) {
        public Provision {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
        }

        public Provision(String text, String fidelity, String note, Fine fine, String formerly) {
            this(text, fidelity, note, fine, formerly, null);
        }
    }

    /**
     * Fine range a provision sets (yuan).
     *
     * @param min              fixed minimum (yuan); with a multiple, the range "没有违法所得的"
     * @param max              fixed maximum (yuan)
     * @param subject          the party the clause punishes where the law distinguishes them: 单位 or 个人
     * @param gainsMultipleMin "有违法所得的，处违法所得 N 倍以上…": the minimum multiple of the illegal gains
     * @param gainsMultipleMax the maximum multiple of the illegal gains
     * @param forParty         where another clause punishes another party, its key by party (个人 or 单位), e.g.
     *                         消防法 第60条第1款第2项 {个人: "60.2"}; a fine with only this refers the other parties to
     *                         the enclosing provision
     */
    public record Fine(BigDecimal min, BigDecimal max, String subject, BigDecimal gainsMultipleMin,
                       BigDecimal gainsMultipleMax, Map<String, String> forParty) {
        public Fine {
            forParty = forParty == null ? Map.of() : Map.copyOf(forParty);
        }

        public Fine(BigDecimal min, BigDecimal max, String subject) {
            this(min, max, subject, null, null, null);
        }

        /** Whether the clause itself states an amount (fixed or as a multiple). */
        public boolean statesAmount() {
            return min != null || max != null || gainsMultipleMin != null || gainsMultipleMax != null;
        }
    }
}
