package org.discretion.rules.api;

/** 危害后果, from none to serious. */
public enum Harm {
    /** 没有造成危害后果. */
    NONE,
    /** 危害后果轻微. */
    MINOR,
    /** 危害后果一般. */
    GENERAL,
    /** 危害后果严重. */
    SERIOUS
}
