package org.discretion.rules.internal.model;

import java.util.List;

/** grounds.yaml of the statute layer. */
public record StatuteMeta(String id, String version, String title, List<GroundMeta> grounds) {
    public StatuteMeta {
        grounds = grounds == null ? List.of() : List.copyOf(grounds);
    }

    /** One statutory ground or exclusion. */
    public record GroundMeta(String id, String title, String effect, boolean mandatory, List<String> basis,
                             List<DutyMeta> duties, String note) {
        public GroundMeta {
            basis = basis == null ? List.of() : List.copyOf(basis);
            duties = duties == null ? List.of() : List.copyOf(duties);
        }
    }

    /** A duty that follows from a ground. */
    public record DutyMeta(String kind, String text, String basis) {
    }
}
