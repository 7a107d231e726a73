package org.discretion.rules.api;

/** Capacity to recognise or control one's acts at the time of the act (行政处罚法 第31条). */
public enum MentalCapacity {
    /** 完全辨认、控制能力 (including an intermittent mental patient acting while lucid). */
    FULL,
    /** 尚未完全丧失辨认或者控制自己行为能力. */
    PARTIAL,
    /** 不能辨认或者不能控制自己行为. */
    NONE
}
