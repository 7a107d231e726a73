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

    /** A provision with its own fidelity, note or fine range. */
    public record Provision(String text, String fidelity, String note, Fine fine) {
    }

    /** Fine range a provision sets (yuan). */
    public record Fine(BigDecimal min, BigDecimal max, String subject) {
    }
}
