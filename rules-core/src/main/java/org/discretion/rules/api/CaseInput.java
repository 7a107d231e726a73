package org.discretion.rules.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import java.util.EnumSet;

/**
 * The facts of one violation (JSON contract v1, see {@code docs/case-and-decision.md}). A component that is
 * {@code null} is <em>unknown</em>, never false; the decision asks for it when it matters. {@code circumstances}
 * lists the circumstances established: one not listed is not established.
 *
 * <p>{@code caseNumber}, {@code agency}, {@code factsFound} and {@code evidence} (and the party's name and
 * identifier) are the particulars a decision document needs and the engine cannot infer; they never decide, except
 * {@code agency.divisionCode}, which says where the case is decided and so which published lists apply.
 *
 * <p>The compact constructor rejects impossible values with an {@link InvalidCaseException} naming the case and
 * the field: negative age or amounts, an act ending before it began, a discovery or decision before the act.
 */
public record CaseInput(
        String id,
        String item,
        String provision,
        List<String> catalogs,
        Party party,
        LocalDate actDate,
        LocalDate actEndDate,
        LocalDate discoveryDate,
        LocalDate decisionDate,
        Boolean firstOffense,
        List<PriorViolation> priorViolations,
        Correction correction,
        Severity severity,
        Harm harm,
        Set<Circumstance> circumstances,
        BigDecimal illegalGains,
        PenaltyRange penaltyRange,
        Map<String, Object> facts,
        String caseNumber,
        Agency agency,
        String factsFound,
        List<String> evidence) {

    /** A case with only the facts that decide (no document particulars: 案号, agency, facts found, evidence). */
    public CaseInput(String id, String item, String provision, List<String> catalogs, Party party, LocalDate actDate,
                     LocalDate actEndDate, LocalDate discoveryDate, LocalDate decisionDate, Boolean firstOffense,
                     List<PriorViolation> priorViolations, Correction correction, Severity severity, Harm harm,
                     Set<Circumstance> circumstances, BigDecimal illegalGains, PenaltyRange penaltyRange,
                     Map<String, Object> facts) {
        this(id, item, provision, catalogs, party, actDate, actEndDate, discoveryDate, decisionDate, firstOffense,
                priorViolations, correction, severity, harm, circumstances, illegalGains, penaltyRange, facts,
                null, null, null, null);
    }

    public CaseInput {
        catalogs = catalogs == null ? List.of() : List.copyOf(catalogs);
        party = party == null ? Party.UNKNOWN : party;
        priorViolations = priorViolations == null ? null : List.copyOf(priorViolations);
        circumstances = circumstances == null || circumstances.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(circumstances));
        facts = facts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        agency = agency == null ? Agency.UNKNOWN : agency;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        validateParticulars(id, party, agency, caseNumber, factsFound, evidence);
        validate(id, party, actDate, actEndDate, discoveryDate, decisionDate, illegalGains, penaltyRange,
                priorViolations, item, provision);
    }

    private static void validate(String id, Party party, LocalDate actDate, LocalDate actEndDate,
                                 LocalDate discoveryDate, LocalDate decisionDate, BigDecimal illegalGains,
                                 PenaltyRange range, List<PriorViolation> priors, String item, String provision) {
        if (id != null && id.isBlank()) {
            throw new InvalidCaseException(id, "id", "must not be blank");
        }
        if (item != null && item.isBlank()) {
            throw new InvalidCaseException(id, "item", "must not be blank; leave it out if no list item is named");
        }
        if (provision != null && provision.isBlank()) {
            throw new InvalidCaseException(id, "provision", "must not be blank; leave it out if unknown");
        }
        if (party.age() != null && party.age() < 0) {
            throw new InvalidCaseException(id, "party.age", "must not be negative (was " + party.age() + ")");
        }
        if (party.age() != null && party.age() > 150) {
            throw new InvalidCaseException(id, "party.age", "is not a plausible age (was " + party.age() + ")");
        }
        if (party.type() == PartyType.ORGANIZATION && (party.age() != null || party.mentalCapacity() != null)) {
            throw new InvalidCaseException(id, party.age() != null ? "party.age" : "party.mentalCapacity",
                    "an ORGANIZATION has no age or mental capacity");
        }
        if (actDate != null && actEndDate != null && actEndDate.isBefore(actDate)) {
            throw new InvalidCaseException(id, "actEndDate",
                    "is before actDate (" + actEndDate + " < " + actDate + ")");
        }
        if (actDate != null && discoveryDate != null && discoveryDate.isBefore(actDate)) {
            throw new InvalidCaseException(id, "discoveryDate",
                    "is before actDate: a violation cannot be discovered before it is committed ("
                            + discoveryDate + " < " + actDate + ")");
        }
        if (actDate != null && decisionDate != null && decisionDate.isBefore(actDate)) {
            throw new InvalidCaseException(id, "decisionDate",
                    "is before actDate (" + decisionDate + " < " + actDate + ")");
        }
        if (discoveryDate != null && decisionDate != null && decisionDate.isBefore(discoveryDate)) {
            throw new InvalidCaseException(id, "decisionDate",
                    "is before discoveryDate (" + decisionDate + " < " + discoveryDate + ")");
        }
        if (illegalGains != null && illegalGains.signum() < 0) {
            throw new InvalidCaseException(id, "illegalGains", "must not be negative (was " + illegalGains + ")");
        }
        if (range != null) {
            checkAmount(id, "penaltyRange.fineMin", range.fineMin());
            checkAmount(id, "penaltyRange.fineMax", range.fineMax());
            checkAmount(id, "penaltyRange.gainsMultipleMin", range.gainsMultipleMin());
            checkAmount(id, "penaltyRange.gainsMultipleMax", range.gainsMultipleMax());
            if (range.fineMin() != null && range.fineMax() != null && range.fineMin().compareTo(range.fineMax()) > 0) {
                throw new InvalidCaseException(id, "penaltyRange.fineMin",
                        "is greater than fineMax (" + range.fineMin() + " > " + range.fineMax() + ")");
            }
            if (range.gainsMultipleMin() != null && range.gainsMultipleMax() != null
                    && range.gainsMultipleMin().compareTo(range.gainsMultipleMax()) > 0) {
                throw new InvalidCaseException(id, "penaltyRange.gainsMultipleMin", "is greater than gainsMultipleMax");
            }
        }
        if (priors != null) {
            for (int i = 0; i < priors.size(); i++) {
                PriorViolation p = priors.get(i);
                if (p == null || p.date() == null) {
                    throw new InvalidCaseException(id, "priorViolations[" + i + "].date", "is required");
                }
                if (actDate != null && p.date().isAfter(actDate)) {
                    throw new InvalidCaseException(id, "priorViolations[" + i + "].date",
                            "is after actDate: a prior violation must precede the act (" + p.date() + " > " + actDate + ")");
                }
            }
        }
    }

    private static void validateParticulars(String id, Party party, Agency agency, String caseNumber,
                                            String factsFound, List<String> evidence) {
        if (party.birthDate() != null && party.type() == PartyType.ORGANIZATION) {
            throw new InvalidCaseException(id, "party.birthDate", "an ORGANIZATION has no date of birth");
        }
        if (agency.divisionCode() != null && !agency.divisionCode().matches("[0-9]{6}")) {
            throw new InvalidCaseException(id, "agency.divisionCode",
                    "must be a six-digit administrative division code (行政区划代码), e.g. 410526; was \""
                            + agency.divisionCode() + "\"");
        }
        blankIsError(id, "caseNumber", caseNumber);
        blankIsError(id, "agency.name", agency.name());
        blankIsError(id, "party.name", party.name());
        blankIsError(id, "party.idNumber", party.idNumber());
        blankIsError(id, "factsFound", factsFound);
        for (int i = 0; i < evidence.size(); i++) {
            if (evidence.get(i) == null || evidence.get(i).isBlank()) {
                throw new InvalidCaseException(id, "evidence[" + i + "]", "must be a non-blank description of one piece of evidence");
            }
        }
    }

    private static void blankIsError(String id, String field, String v) {
        if (v != null && v.isBlank()) {
            throw new InvalidCaseException(id, field, "must not be blank; leave it out if unknown");
        }
    }

    private static void checkAmount(String id, String field, BigDecimal v) {
        if (v != null && v.signum() < 0) {
            throw new InvalidCaseException(id, field, "must not be negative (was " + v.toPlainString() + ")");
        }
    }

    /** Whether the given circumstance is established. */
    public boolean has(Circumstance c) {
        return circumstances.contains(c);
    }

    /** A builder for tests and embedders; JSON callers use {@link CaseJson}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final String id;
        private String item;
        private String provision;
        private List<String> catalogs;
        private Party party;
        private LocalDate actDate;
        private LocalDate actEndDate;
        private LocalDate discoveryDate;
        private LocalDate decisionDate;
        private Boolean firstOffense;
        private List<PriorViolation> priorViolations;
        private Correction correction;
        private Severity severity;
        private Harm harm;
        private Set<Circumstance> circumstances = EnumSet.noneOf(Circumstance.class);
        private BigDecimal illegalGains;
        private PenaltyRange penaltyRange;
        private final Map<String, Object> facts = new LinkedHashMap<>();
        private String caseNumber;
        private Agency agency;
        private String factsFound;
        private List<String> evidence;

        private Builder(String id) {
            this.id = id;
        }

        public Builder item(String v) { this.item = v; return this; }
        public Builder provision(String v) { this.provision = v; return this; }
        public Builder catalogs(String... v) { this.catalogs = List.of(v); return this; }
        public Builder party(Party v) { this.party = v; return this; }
        public Builder actDate(LocalDate v) { this.actDate = v; return this; }
        public Builder actEndDate(LocalDate v) { this.actEndDate = v; return this; }
        public Builder discoveryDate(LocalDate v) { this.discoveryDate = v; return this; }
        public Builder decisionDate(LocalDate v) { this.decisionDate = v; return this; }
        public Builder firstOffense(Boolean v) { this.firstOffense = v; return this; }
        public Builder priorViolations(List<PriorViolation> v) { this.priorViolations = v; return this; }
        public Builder correction(Correction v) { this.correction = v; return this; }
        public Builder severity(Severity v) { this.severity = v; return this; }
        public Builder harm(Harm v) { this.harm = v; return this; }
        public Builder circumstances(Circumstance... v) { this.circumstances = EnumSet.noneOf(Circumstance.class); this.circumstances.addAll(List.of(v)); return this; }
        public Builder illegalGains(BigDecimal v) { this.illegalGains = v; return this; }
        public Builder penaltyRange(PenaltyRange v) { this.penaltyRange = v; return this; }
        public Builder fact(String name, Object value) { this.facts.put(name, value); return this; }
        public Builder caseNumber(String v) { this.caseNumber = v; return this; }
        public Builder agency(Agency v) { this.agency = v; return this; }
        public Builder factsFound(String v) { this.factsFound = v; return this; }
        public Builder evidence(String... v) { this.evidence = List.of(v); return this; }

        public CaseInput build() {
            return new CaseInput(id, item, provision, catalogs, party, actDate, actEndDate, discoveryDate,
                    decisionDate, firstOffense, priorViolations, correction, severity, harm, circumstances,
                    illegalGains, penaltyRange, facts, caseNumber, agency, factsFound, evidence);
        }
    }
}
