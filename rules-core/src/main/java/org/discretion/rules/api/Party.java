package org.discretion.rules.api;

/**
 * The party (当事人). Every component may be {@code null}: unknown.
 *
 * @param type           kind of party
 * @param age            age in full years at the time of the act
 * @param mentalCapacity capacity at the time of the act (行政处罚法 第31条)
 */
public record Party(PartyType type, Integer age, MentalCapacity mentalCapacity) {
    public static final Party UNKNOWN = new Party(null, null, null);

    public static Party organization() {
        return new Party(PartyType.ORGANIZATION, null, null);
    }

    public static Party individual(int age) {
        return new Party(PartyType.INDIVIDUAL, age, MentalCapacity.FULL);
    }
}
