package org.discretion.rules.internal.model;

import java.util.List;

/** grounds.yaml of the statute layer. */
public record StatuteMeta(String id, String version, String title, List<GroundMeta> grounds) {
    public StatuteMeta {
        grounds = grounds == null ? List.of() : List.copyOf(grounds);
    }

    /**
     * One statutory ground or exclusion. {@code heavierFrom}: the ground is a heavier rule first in force on that
     * date (行政处罚法 2021 第49条 from 2021-07-15), so it is not applied to an act before it (第37条: the law at the
     * act applies unless the new one is lighter); null for grounds whose earlier text was the same or heavier.
     */
    public record GroundMeta(String id, String title, String effect, boolean mandatory, List<String> basis,
                             List<DutyMeta> duties, String note, java.time.LocalDate heavierFrom) {
        public GroundMeta {
            basis = basis == null ? List.of() : List.copyOf(basis);
            duties = duties == null ? List.of() : List.copyOf(duties);
        }
    }

    /** A duty that follows from a ground. */
    public record DutyMeta(String kind, String text, String basis) {
    }
}
