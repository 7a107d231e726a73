package org.discretion.rules.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.MissingFact;
import org.discretion.rules.api.PartyType;
import org.discretion.rules.api.PenaltyRange;
import org.discretion.rules.internal.model.LawFile;
import org.discretion.rules.internal.model.StatutoryPenalty;

/**
 * The statutory fine range of a case, before any 从轻/减轻/从重 split: the case's own {@code penaltyRange}, else the law
 * registry's fine for the party (单位 / 个人) at the date, else the range the list item prints. Two readings of the
 * statute live here and only here:
 *
 * <ul>
 *   <li><b>Party.</b> Where the law punishes 单位 and 个人 in different clauses (消防法 第60条 第1款 / 第2款), the clause
 *       for the case's party applies; a range stated for one party is never used for the other. 个体工商户 is a
 *       natural person whose treatment as 单位 or 个人 the texts here do not settle: no range is given, and the
 *       decision says so.</li>
 *   <li><b>Gains.</b> "有违法所得的，处违法所得 N 倍以上 M 倍以下罚款；没有违法所得的，处 X 元以上 Y 元以下罚款": with gains
 *       the multiple, without gains the fixed range; gains of 0 under a clause with only a multiple is not a range
 *       of 0–0 but no range at all (the decision says so); unknown gains where the answer depends on them are asked
 *       for.</li>
 * </ul>
 */
final class StatutoryRange {

    /** The range, where it comes from, whether its source is verified. */
    record Range(BigDecimal min, BigDecimal max, String source, boolean verified) {
    }

    private StatutoryRange() {
    }

    /**
     * @param notes   what the decision must say (a clause chosen for the party, no range for zero gains …)
     * @param missing facts the range turns on, with {@link MissingFact#FINE_RANGE}
     * @param clauses the clause chosen for the party, where it is not the item's own 处罚依据 (to cite)
     */
    static Optional<Range> of(CaseInput in, Evaluator.Run run, RuleBase rb, List<String> notes,
                              List<MissingFact> missing, List<String> clauses) {
        PenaltyRange pr = in.penaltyRange();
        if (pr != null && !pr.isEmpty()) {
            return amounts(in, pr.fineMin(), pr.fineMax(), pr.gainsMultipleMin(), pr.gainsMultipleMax(),
                    "案件给出的法定幅度", true, notes, missing);
        }
        String party = partyWord(in.party().type());
        for (RuleBase.ItemRef r : DecisionAssembler.lawItems(run)) {
            for (String ref : r.item().penaltyBasis()) {
                Optional<Map.Entry<String, LawFile.Fine>> any = rb.registry().fineFor(ref, null, run.asOf());
                if (any.isEmpty()) continue;
                Optional<Map.Entry<String, LawFile.Fine>> f = rb.registry().fineFor(ref, party, run.asOf());
                LawFile.Fine fine = f.get().getValue();
                String anyKey = any.get().getKey();
                boolean distinguishes = partySubject(fine) != null || partySubject(any.get().getValue()) != null
                        || !rb.registry().fineFor(ref, "个人", run.asOf()).get().getKey().equals(anyKey)
                        || !rb.registry().fineFor(ref, "单位", run.asOf()).get().getKey().equals(anyKey);
                if (distinguishes && !partyDecided(in, ref, notes, missing)) return Optional.empty();
                if (partySubject(fine) != null && party != null && !partySubject(fine).equals(party)) {
                    notes.add("罚款幅度：" + ref + " 所定罚款（" + any.get().getKey() + "）只适用于" + fine.subject()
                            + "，本案当事人为" + party + "，法律库中没有对" + party + "的罚则：未给出罚款幅度，请核对法律对" + party + "的处罚规定。");
                    return Optional.empty();
                }
                if (!f.get().getKey().equals(any.get().getKey()) || distinguishes) {
                    clauses.add(f.get().getKey());
                }
                if (distinguishes) {
                    notes.add("罚款幅度按对" + party + "的罚则确定（" + f.get().getKey() + "）。");
                }
                boolean verified = rb.registry().resolve(f.get().getKey(), "", run.asOf()).map(c -> c.verified()).orElse(false);
                String source = "法律规定（" + run.asOf() + " 有效版本）" + (fine.subject() == null ? "" : "，对" + fine.subject());
                return amounts(in, fine.min(), fine.max(), fine.gainsMultipleMin(), fine.gainsMultipleMax(), source,
                        verified, notes, missing);
            }
        }
        for (RuleBase.ItemRef r : DecisionAssembler.lawItems(run)) {
            StatutoryPenalty sp = r.item().statutoryPenalty();
            if (sp == null || (sp.fineMin() == null && sp.fineMax() == null && sp.gainsMultipleMin() == null
                    && sp.gainsMultipleMax() == null)) {
                continue;
            }
            String spParty = sp.subject() == null ? null : sp.subject().contains("个人") ? "个人"
                    : sp.subject().contains("单位") ? "单位" : null;
            if (spParty != null && party != null && !spParty.equals(party)) {
                notes.add("罚款幅度：清单事项 " + r.item().id() + " 所列法定处罚幅度只适用于" + sp.subject() + "，本案当事人为"
                        + party + "：未给出罚款幅度。");
                continue;
            }
            return amounts(in, sp.fineMin(), sp.fineMax(), sp.gainsMultipleMin(), sp.gainsMultipleMax(),
                    "清单所列法定处罚幅度（未与法条原文核对）", false, notes, missing);
        }
        return Optional.empty();
    }

    /** The fine's subject where it names a kind of party (单位 / 个人), else null (e.g. 广告主 names a role). */
    private static String partySubject(LawFile.Fine f) {
        return "单位".equals(f.subject()) || "个人".equals(f.subject()) ? f.subject() : null;
    }

    /** 单位 / 个人 for the party types whose clause is clear; null for 个体工商户 and unknown. */
    static String partyWord(PartyType t) {
        if (t == null) return null;
        return switch (t) {
            case ORGANIZATION -> "单位";
            case INDIVIDUAL -> "个人";
            case INDIVIDUAL_BUSINESS -> null;
        };
    }

    private static boolean partyDecided(CaseInput in, String ref, List<String> notes, List<MissingFact> missing) {
        if (in.party().type() == null) {
            missing.add(new MissingFact("party.type", "当事人类型", ref + " 按单位、个人分别规定罚款（或只对其一规定）",
                    List.of(MissingFact.FINE_RANGE)));
            return false;
        }
        if (in.party().type() == PartyType.INDIVIDUAL_BUSINESS) {
            notes.add("罚款幅度：" + ref + " 按单位、个人分别规定罚款（或只对其一规定），个体工商户适用哪一款，本引擎未见依据：未给出罚款幅度，须由行政机关确定。");
            return false;
        }
        return true;
    }

    /** The fixed range, or the multiple of the gains, as the gains decide. */
    static Optional<Range> amounts(CaseInput in, BigDecimal min, BigDecimal max, BigDecimal multMin, BigDecimal multMax,
                                   String source, boolean verified, List<String> notes, List<MissingFact> missing) {
        boolean multiple = multMin != null || multMax != null;
        boolean fixed = min != null || max != null;
        if (!multiple) {
            return fixed ? Optional.of(new Range(min, max, source, verified)) : Optional.empty();
        }
        BigDecimal gains = in.illegalGains();
        if (gains == null) {
            missing.add(new MissingFact("illegalGains", "违法所得（元）", fixed
                    ? "有违法所得的按违法所得的倍数、没有违法所得的按固定数额确定罚款幅度"
                    : "法定罚款以违法所得的倍数计算", List.of(MissingFact.FINE_RANGE)));
            return Optional.empty();
        }
        if (gains.signum() > 0) {
            return Optional.of(new Range(multMin == null ? null : multMin.multiply(gains),
                    multMax == null ? null : multMax.multiply(gains),
                    source + "：违法所得 " + gains.toPlainString() + " 元的" + times(multMin, multMax), verified));
        }
        if (fixed) {
            return Optional.of(new Range(min, max, source + "：没有违法所得，适用固定数额", verified));
        }
        notes.add("罚款幅度：法定罚款以违法所得的倍数计算（" + times(multMin, multMax) + "），本案没有违法所得：不能据此得出罚款数额"
                + "（不是 0 元至 0 元），须核对法律对没有违法所得情形的规定。");
        return Optional.empty();
    }

    private static String times(BigDecimal a, BigDecimal b) {
        return (a == null ? "" : a.stripTrailingZeros().toPlainString() + "倍以上") + (b == null ? "" : b.stripTrailingZeros().toPlainString() + "倍以下");
    }
}
