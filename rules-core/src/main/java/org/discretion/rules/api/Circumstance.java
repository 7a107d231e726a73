package org.discretion.rules.api;

/**
 * Circumstances a case-handling system may establish. Only the circumstances listed in a case are established;
 * anything not listed is taken as not established (the case contract says so).
 */
public enum Circumstance {
    /** 行政处罚法 第32条第1项: 主动消除或者减轻违法行为危害后果. */
    ELIMINATED_HARM,
    /** 第32条第2项: 受他人胁迫或者诱骗实施违法行为. */
    COERCED_OR_DECEIVED,
    /** 第32条第3项: 主动供述行政机关尚未掌握的违法行为. */
    CONFESSED_UNKNOWN_VIOLATION,
    /** 第32条第4项: 配合行政机关查处违法行为有立功表现. */
    MERITORIOUS_SERVICE,
    /** 第33条第2款: 当事人有证据足以证明没有主观过错. */
    NO_FAULT_PROVEN,
    /**
     * 第36条第2款: 违法行为有连续或者继续状态 — the act was continuing or repeated, and {@code actEndDate} is not (yet)
     * known. With {@code actEndDate} given this adds nothing. Without it the engine does not take the act as
     * instantaneous: it asks for {@code actEndDate} where some end (not before {@code actDate}, not after the decision
     * date) would change the time bar or the law that governs the act (第37条, {@code Settings.continuingActLaw}).
     */
    CONTINUING_ACT,
    /** 第36条第1款: 涉及公民生命健康安全、金融安全. */
    LIFE_HEALTH_OR_FINANCIAL_SAFETY,
    /** 第49条: 违反突发事件应对措施. */
    VIOLATED_EMERGENCY_MEASURES,
    /** 滑法政办〔2022〕17号 三(七): 利用自然灾害、事故灾难、公共卫生事件、社会安全事件实施（如囤积居奇、哄抬物价）. */
    EXPLOITED_EMERGENCY,
    /** 滑法政办〔2022〕17号 三(七): 潜在风险大. */
    HIGH_RISK,
    /** 滑法政办〔2022〕17号 三(七): 纠错成本高、损失挽回难; 国家税务总局公告2021年第33号: 不可挽回的税费损失. */
    IRREVERSIBLE_LOSS,
    /** 国家税务总局公告2021年第33号: 较大社会影响 (then harm cannot be 轻微). */
    LARGE_SOCIAL_IMPACT,
    /** 行政处罚法 第57条第1款第4项 / 第27条: 违法行为涉嫌犯罪. */
    SUSPECTED_CRIME,
    /** 行政处罚法 第66条第2款: 当事人确有经济困难. */
    FINANCIAL_HARDSHIP
}
