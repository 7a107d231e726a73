package org.discretion.rules.api;

/** 情节 of the violation, from the lightest to the heaviest. */
public enum Severity {
    /** 情节显著轻微. */
    MARKEDLY_MINOR,
    /** 情节轻微. */
    MINOR,
    /** 情节一般. */
    GENERAL,
    /** 情节严重. */
    SERIOUS
}
