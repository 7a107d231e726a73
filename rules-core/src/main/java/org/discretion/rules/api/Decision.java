package org.discretion.rules.api;

import java.util.List;

/**
 * The recommended handling of one case, with every legal basis it relies on (JSON contract v1, see
 * {@code docs/case-and-decision.md}).
 *
 * @param id              the case id
 * @param handling        the recommended handling
 * @param mandatory       true for 应当, false for 可以 (the agency keeps discretion)
 * @param coercion        whether coercive measures may be dispensed with; {@code null} when the facts are unknown
 * @param items           list items whose conditions held and that were applied
 * @param basis           citations the handling relies on
 * @param duties          what the agency must do as a consequence
 * @param measures        配套监管措施 of the applied items
 * @param fineRange       the fine range when a penalty applies and the statute gives one, else {@code null}
 * @param penaltyKinds    the kinds of penalty (行政处罚法 第九条 names: 警告, 罚款, 吊销许可证件 …) the applied penalty
 *                        provision allows, as the law registry states them; empty when no penalty applies or the
 *                        registry does not state them
 * @param missingFacts    facts that would change or confirm the outcome
 * @param whyNot          every ground and item considered, with each condition's status
 * @param catalogVersions catalogs the decision used
 * @param warnings        what a reader must know: unverified text, repealed lists, conflicts to weigh
 * @param explanation     a readable Chinese paragraph for the 裁量理由 of a decision document
 * @param engineVersion   version of the engine that decided
 */
public record Decision(String id, Handling handling, boolean mandatory, Coercion coercion, List<MatchedItem> items,
                       List<Citation> basis, List<Duty> duties, List<String> measures, FineRange fineRange,
                       List<String> penaltyKinds, List<MissingFact> missingFacts, List<GroundReport> whyNot,
                       List<CatalogVersion> catalogVersions, List<String> warnings, String explanation,
                       String engineVersion) {
    public Decision {
        items = List.copyOf(items);
        basis = List.copyOf(basis);
        duties = List.copyOf(duties);
        measures = List.copyOf(measures);
        penaltyKinds = penaltyKinds == null ? List.of() : List.copyOf(penaltyKinds);
        missingFacts = List.copyOf(missingFacts);
        whyNot = List.copyOf(whyNot);
        catalogVersions = List.copyOf(catalogVersions);
        warnings = List.copyOf(warnings);
    }

    /** A decision that states no kinds of penalty (the contract before {@code penaltyKinds}). */
    public Decision(String id, Handling handling, boolean mandatory, Coercion coercion, List<MatchedItem> items,
                    List<Citation> basis, List<Duty> duties, List<String> measures, FineRange fineRange,
                    List<MissingFact> missingFacts, List<GroundReport> whyNot, List<CatalogVersion> catalogVersions,
                    List<String> warnings, String explanation, String engineVersion) {
        this(id, handling, mandatory, coercion, items, basis, duties, measures, fineRange, List.of(), missingFacts, whyNot,
                catalogVersions, warnings, explanation, engineVersion);
    }
}
