package org.discretion.rules.api;

/** Kind of party (当事人类型). */
public enum PartyType {
    /** 法人或者其他组织. */
    ORGANIZATION,
    /** 自然人. */
    INDIVIDUAL,
    /** 个体工商户: a natural person carrying on a business; the age and capacity rules of arts. 30/31 apply. */
    INDIVIDUAL_BUSINESS;

    /** Whether arts. 30 and 31 (age, mental capacity) can apply to this kind of party. */
    public boolean isNaturalPerson() {
        return this != ORGANIZATION;
    }
}
