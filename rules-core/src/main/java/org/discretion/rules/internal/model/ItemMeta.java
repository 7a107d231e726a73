package org.discretion.rules.internal.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.discretion.rules.api.ListType;
import org.discretion.rules.facts.FactSpec;

/**
 * One list item with every column of the official table (附件2). {@code settles} holds the case facts the published
 * list itself establishes for the acts it lists, e.g. {@code {severity: MINOR}} where its preamble reads "下列轻微违法
 * 行为……" ({@code settlesSource} quotes it): matching the item establishes the fact, and the decision says so.
 * {@code encoderNote} is a note for whoever encodes or
 * reviews the item (how a column was read, what was asked of the agency); it is never published as 备注
 * ({@code remarks}) and never reaches a decision.
 */
public record ItemMeta(String id, String number, ListType list, String name, String subCategory,
                       List<String> violationBasis, List<String> penaltyBasis, String basisText, String basisNote,
                       String applicability, List<String> handlingBasis, String handlingBasisText,
                       String discretionRange, String measures, String remarks, StatutoryPenalty statutoryPenalty,
                       String coercionNotApplied, List<FactSpec> facts, LocalDate effectiveFrom,
                       LocalDate effectiveTo, String fidelity, String fidelityNote, Map<String, String> settles,
                       String settlesSource, String encoderNote) {
    public ItemMeta {
        settles = settles == null ? Map.of() : Map.copyOf(settles);
        violationBasis = violationBasis == null ? List.of() : List.copyOf(violationBasis);
        penaltyBasis = penaltyBasis == null ? List.of() : List.copyOf(penaltyBasis);
        handlingBasis = handlingBasis == null ? List.of() : List.copyOf(handlingBasis);
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    /** By id only (consistent with equals): cheap for sets and maps of items. */
    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(id);
    }
}
