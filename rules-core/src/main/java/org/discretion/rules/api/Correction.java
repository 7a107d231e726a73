package org.discretion.rules.api;

/** When (and whether) the party corrected the violation (改正). */
public enum Correction {
    /** 在行政机关发现前主动改正. */
    BEFORE_DISCOVERY,
    /** 当场改正. */
    ON_THE_SPOT,
    /** 在责令限期改正的期限内改正. */
    WITHIN_DEADLINE,
    /** 在调查期间改正 (after discovery, not within an ordered deadline). */
    DURING_INVESTIGATION,
    /** 逾期改正. */
    AFTER_DEADLINE,
    /** 未改正. */
    NOT_CORRECTED
}
