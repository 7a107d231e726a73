package org.discretion.rules.facts;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Correction;

/**
 * What a {@link Condition} is evaluated against: the case, the date the law is read at, and the settings of the
 * catalog (or of the engine, for the statute layer).
 */
public interface Subject {
    CaseInput input();

    /** The date at which lists and law are read (the act date or the decision date, see 行政处罚法 第37条). */
    LocalDate asOf();

    /** Look-back window for "first offense"; {@code null} means any earlier violation counts. */
    Period firstOffenseLookBack();

    /** Which corrections count as 及时改正. */
    Set<Correction> timelyCorrections();

    /** Item-specific facts declared for this subject (empty for the statute layer). */
    Map<String, FactSpec> factSpecs();

    /** Item id and provision this subject concerns, for matching prior violations; may be {@code null}. */
    String itemId();

    String provision();
}
