package org.discretion.rules.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.api.MentalCapacity;
import org.discretion.rules.api.Party;
import org.discretion.rules.api.PartyType;
import org.discretion.rules.api.Readings;
import org.discretion.rules.api.Severity;

/**
 * Facts the engine derives from the case before the rules run, each by a documented reading ({@link Readings}), and
 * copies of a case with one fact changed (for {@link MissingFacts}). A derived fact is stated in the decision's
 * warnings, so a reader sees what was taken rather than given.
 */
final class CaseFacts {
    private CaseFacts() {
    }

    /**
     * 周岁 at the act date from {@code party.birthDate}; an inconsistent {@code party.age} is an input error.
     * Then, for an adult natural person whose capacity the case does not give, the presumption of full capacity.
     */
    static CaseInput derive(CaseInput in, Readings r, List<String> notes) {
        Party p = in.party();
        Integer age = p.age();
        if (p.birthDate() != null && in.actDate() != null) {
            if (p.birthDate().isAfter(in.actDate())) {
                throw new InvalidCaseException(in.id(), "party.birthDate", "is after actDate (" + p.birthDate()
                        + " > " + in.actDate() + "): the party was not born when the act was committed");
            }
            int computed = fullYears(p.birthDate(), in.actDate(), r.birthdayCompletesYear());
            if (age != null && age != computed) {
                throw new InvalidCaseException(in.id(), "party.age", "is " + age + " but party.birthDate "
                        + p.birthDate() + " gives " + computed + " 周岁 at actDate " + in.actDate()
                        + " (" + ageReading(r) + "); give one of them, or correct it");
            }
            if (age == null) {
                age = computed;
                notes.add("当事人违法行为发生时的年龄按出生日期 " + p.birthDate() + " 计算为 " + computed + " 周岁（"
                        + ageReading(r) + "）。");
            }
        }
        MentalCapacity capacity = p.mentalCapacity();
        if (capacity == null && r.presumeFullCapacity() && p.type() != null && p.type().isNaturalPerson()
                && age != null && age >= 18) {
            capacity = MentalCapacity.FULL;
            notes.add("推定：当事人为成年自然人，案件未载明其辨认、控制能力，推定其具有完全辨认和控制自己行为的能力"
                    + "（参照《中华人民共和国民法典》第十八条第一款“成年人为完全民事行为能力人”，本引擎的解读，未经核实）；"
                    + "有相反证据的，请给出 party.mentalCapacity。");
        }
        if (age == p.age() && capacity == p.mentalCapacity()) {
            return in;
        }
        return withParty(in, new Party(p.type(), age, capacity, p.birthDate(), p.name(), p.idNumber()));
    }

    /**
     * What a published list settles is not asked again: a fact an item {@code settles} (a list whose preamble declares
     * its listed acts 轻微 establishes 情节轻微), and an item fact a core field decides by the catalog's {@code derive}
     * rule (harm NONE ⇒ 没有实际影响使用). Only facts the case does not give are taken; the decision says where each
     * came from.
     */
    static CaseInput settle(CaseInput in, List<RuleBase.ItemRef> items, List<String> notes) {
        Severity severity = in.severity();
        Map<String, Object> facts = new LinkedHashMap<>(in.facts());
        for (RuleBase.ItemRef r : items) {
            String settled = r.item().settles().get("severity");
            if (settled != null && severity == null) {
                severity = Severity.valueOf(settled);
                notes.add("违法情节（severity）未给出，取自清单：" + r.catalog().reference() + "将所列行为规定为轻微违法行为（"
                        + (r.item().settlesSource() == null ? "清单序言" : "“" + r.item().settlesSource() + "”")
                        + "），本案适用其第" + r.item().number() + "项，即认定违法行为" + (severity == Severity.MINOR ? "轻微" : severity)
                        + "（severity=" + severity + "），不再询问。");
            }
            for (var spec : r.item().facts()) {
                var d = spec.derive();
                if (d == null || facts.get(spec.name()) != null) continue;
                Object field = switch (d.field()) {
                    case "harm" -> in.harm();
                    case "severity" -> severity;
                    default -> in.correction();
                };
                if (field != null && d.in().contains(field.toString())) {
                    facts.put(spec.name(), d.value());
                    notes.add("清单事项 " + r.item().id() + " 的事实“" + spec.label() + "”未给出，按清单声明的推定规则取 "
                            + d.value() + "（" + d.field() + "=" + field + "：" + d.reason() + "）。");
                }
            }
        }
        if (severity == in.severity() && facts.equals(in.facts())) return in;
        return new CaseInput(in.id(), in.item(), in.provision(), in.catalogs(), in.party(), in.actDate(),
                in.actEndDate(), in.discoveryDate(), in.decisionDate(), in.firstOffense(), in.priorViolations(),
                in.correction(), severity, in.harm(), in.circumstances(), in.illegalGains(), in.penaltyRange(), facts,
                in.caseNumber(), in.agency(), in.factsFound(), in.evidence());
    }

    /** The reading of 周岁 in words, for notes and errors. */
    static String ageReading(Readings r) {
        return r.birthdayCompletesYear() ? "周岁生日当天即满该周岁（配置的解读）"
                : "周岁从周岁生日的第二天起算，法释〔2006〕1号第二条，二手转引";
    }

    /** Full years (周岁) at {@code at}: by default the birthday itself does not complete the year. */
    static int fullYears(LocalDate birth, LocalDate at, boolean birthdayCompletes) {
        LocalDate day = birthdayCompletes ? at : at.minusDays(1);
        return day.isBefore(birth) ? 0 : Period.between(birth, day).getYears();
    }

    static CaseInput withParty(CaseInput in, Party p) {
        return new CaseInput(in.id(), in.item(), in.provision(), in.catalogs(), p, in.actDate(), in.actEndDate(),
                in.discoveryDate(), in.decisionDate(), in.firstOffense(), in.priorViolations(), in.correction(),
                in.severity(), in.harm(), in.circumstances(), in.illegalGains(), in.penaltyRange(), in.facts(),
                in.caseNumber(), in.agency(), in.factsFound(), in.evidence());
    }

    /** A copy of the case with the end of a continuing act set (the latest end the case allows, 第37条). */
    static CaseInput withActEndDate(CaseInput in, LocalDate end) {
        return new CaseInput(in.id(), in.item(), in.provision(), in.catalogs(), in.party(), in.actDate(), end,
                in.discoveryDate(), in.decisionDate(), in.firstOffense(), in.priorViolations(), in.correction(),
                in.severity(), in.harm(), in.circumstances(), in.illegalGains(), in.penaltyRange(), in.facts(),
                in.caseNumber(), in.agency(), in.factsFound(), in.evidence());
    }

    /**
     * The alternative values of a case field whose domain is finite (enums, booleans, the age bounds of the statute
     * layer), or {@code null} when it is not (numbers, dates, text): such a field is asked for whenever an undecided
     * ground needs it.
     */
    static List<Object> alternatives(String field, Map<String, String> factTypes) {
        return switch (field) {
            case "party.type" -> List.of((Object[]) PartyType.values());
            // 行政处罚法 第30条 draws its lines at 14 and 18; lists add none on age
            case "party.age" -> List.of(13, 14, 17, 18);
            case "party.mentalCapacity" -> List.of((Object[]) MentalCapacity.values());
            case "firstOffense", "priorViolations" -> List.of(true, false);
            case "correction" -> List.of((Object[]) Correction.values());
            case "severity" -> List.of((Object[]) Severity.values());
            case "harm" -> List.of((Object[]) Harm.values());
            default -> field.startsWith("facts.") && "BOOLEAN".equals(factTypes.get(field.substring(6)))
                    ? List.of(true, false) : null;
        };
    }

    /** A copy of the case with one field set (a field {@link #alternatives} gives values for). */
    static CaseInput with(CaseInput in, String field, Object v) {
        Party p = in.party();
        return switch (field) {
            case "party.type" -> withParty(in, new Party((PartyType) v,
                    v == PartyType.ORGANIZATION ? null : p.age(), v == PartyType.ORGANIZATION ? null : p.mentalCapacity(),
                    v == PartyType.ORGANIZATION ? null : p.birthDate(), p.name(), p.idNumber()));
            case "party.age" -> withParty(in, new Party(p.type(), (Integer) v, p.mentalCapacity(), null, p.name(), p.idNumber()));
            case "party.mentalCapacity" -> withParty(in, new Party(p.type(), p.age(), (MentalCapacity) v, p.birthDate(),
                    p.name(), p.idNumber()));
            default -> copy(in, field, v);
        };
    }

    private static CaseInput copy(CaseInput in, String field, Object v) {
        Boolean first = in.firstOffense();
        var priors = in.priorViolations();
        Correction correction = in.correction();
        Severity severity = in.severity();
        Harm harm = in.harm();
        Map<String, Object> facts = in.facts();
        switch (field) {
            case "firstOffense", "priorViolations" -> {
                first = (Boolean) v;
                priors = null;
            }
            case "correction" -> correction = (Correction) v;
            case "severity" -> severity = (Severity) v;
            case "harm" -> harm = (Harm) v;
            default -> {
                Map<String, Object> f = new LinkedHashMap<>(in.facts());
                f.put(field.substring(6), v);
                facts = f;
            }
        }
        Set<Circumstance> circumstances = in.circumstances();
        BigDecimal gains = in.illegalGains();
        return new CaseInput(in.id(), in.item(), in.provision(), in.catalogs(), in.party(), in.actDate(),
                in.actEndDate(), in.discoveryDate(), in.decisionDate(), first, priors, correction, severity, harm,
                circumstances, gains, in.penaltyRange(), facts, in.caseNumber(), in.agency(), in.factsFound(),
                in.evidence());
    }
}
