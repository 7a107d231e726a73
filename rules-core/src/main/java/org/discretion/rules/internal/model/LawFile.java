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
                             String effectiveFromNote, String fidelity, String source, Map<String, JsonNode> provisions) {
        public LawVersion {
            provisions = provisions == null ? Map.of() : Map.copyOf(provisions);
        }
    }

    /**
     * A provision with its own fidelity, note or fine range. {@code formerly} names the key the provision had in the
     * previous version when a revision renumbered it (e.g. 会计法 2024 第41条, formerly 2017 第43条), so that a
     * citation of the old number still finds its successor at a later date.
     */
    public record Provision(String text, String fidelity, String note, Fine fine, String formerly) {
    }

    /** Fine range a provision sets (yuan). */
    public record Fine(BigDecimal min, BigDecimal max, String subject) {
    }
}
