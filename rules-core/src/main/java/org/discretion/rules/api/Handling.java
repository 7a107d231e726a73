package org.discretion.rules.api;

/**
 * The recommended handling of a violation. The order of the constants is not the precedence; see
 * {@code docs/architecture.md#precedence} and {@link #leniencyRank()}.
 */
public enum Handling {
    /** 不予行政处罚. */
    NO_PENALTY(0),
    /** 可以不予行政处罚 (行政处罚法 第33条第1款第2句): the agency may still penalize. */
    MAY_NO_PENALTY(1),
    /** 减轻行政处罚: below the statutory minimum or a lighter kind. */
    MITIGATED(2),
    /** 从轻或者减轻行政处罚: the agency chooses, within the list's or the statute's limits. */
    LENIENT_OR_MITIGATED(3),
    /** 从轻行政处罚: within the statutory range, at its lower part. */
    LENIENT(4),
    /** No list and no statutory ground applies: penalize within the statutory range. */
    STANDARD(5),
    /** 从重 (e.g. 行政处罚法 第49条). */
    AGGRAVATED(6),
    /** 超过追责期限，不再给予行政处罚 (第36条). */
    TIME_BARRED(-1),
    /** 涉嫌犯罪，移送司法机关 (第57条第1款第4项). */
    REFER_CRIMINAL(-1),
    /** Facts that decide the outcome are unknown; see {@code missingFacts}. */
    INSUFFICIENT_FACTS(-1);

    private final int leniencyRank;

    Handling(int leniencyRank) {
        this.leniencyRank = leniencyRank;
    }

    /** 0 is the mildest penalty outcome; -1 for outcomes that are not a degree of penalty. */
    public int leniencyRank() {
        return leniencyRank;
    }

    /** Whether a penalty (and so a fine range) follows from this handling. */
    public boolean penalizes() {
        return this == MITIGATED || this == LENIENT_OR_MITIGATED || this == LENIENT
                || this == STANDARD || this == AGGRAVATED;
    }
}
