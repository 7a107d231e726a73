package org.discretion.rules.api;

/**
 * Which date's law governs a continuing or repeated act (违法行为有连续或者继续状态) under 行政处罚法 第37条, a
 * reading the statute does not spell out. It decides the version of 行政处罚法 and of the violated statute compared
 * with the decision-date law (the time bar, 第36条第2款, always counts from the end of the act).
 */
public enum ContinuingActLaw {
    /**
     * The law in force when the act ended ({@code actEndDate}): the prevailing reading in administrative practice
     * (the act is still being committed under the new law), and the engine's default. Marked as a reading in every
     * decision that depends on it.
     */
    END_OF_ACT,
    /** The law in force when the act began ({@code actDate}). */
    START_OF_ACT
}
