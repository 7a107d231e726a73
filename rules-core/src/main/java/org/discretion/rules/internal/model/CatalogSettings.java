package org.discretion.rules.internal.model;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Set;

import org.discretion.rules.api.Correction;

/** Per-catalog settings; every {@code null} falls back to the engine's {@link org.discretion.rules.api.Settings}. */
public record CatalogSettings(Period firstOffenseLookBack, String firstOffenseNote, Set<Correction> timelyCorrections,
                              String timelyCorrectionsNote, BigDecimal lenientShare, Boolean lenientShareVerified,
                              Boolean collectiveDiscussionForMitigation, String collectiveDiscussionNote,
                              Limitation limitation) {
    public static final CatalogSettings NONE = new CatalogSettings(null, null, null, null, null, null, null, null, null);

    /** A special-law limitation period. */
    public record Limitation(int years, String basis) {
    }
}
