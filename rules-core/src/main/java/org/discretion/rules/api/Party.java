package org.discretion.rules.api;

import java.time.LocalDate;

/**
 * The party (当事人). Every component may be {@code null}: unknown.
 *
 * @param type           kind of party
 * @param age            age in full years (周岁) at the time of the act
 * @param mentalCapacity capacity at the time of the act (行政处罚法 第31条)
 * @param birthDate      date of birth of an individual; the engine computes 周岁 at the act date from it
 * @param name           name of the party as it appears in a decision document (姓名 / 名称); text only, never
 *                       used to decide
 * @param idNumber       identifier for a decision document (统一社会信用代码 or 身份证件号码); text only, never used
 *                       to decide
 */
public record Party(PartyType type, Integer age, MentalCapacity mentalCapacity, LocalDate birthDate,
                    String name, String idNumber) {
    public static final Party UNKNOWN = new Party(null, null, null);

    /** A party known only by the facts that decide (no birth date, name or identifier). */
    public Party(PartyType type, Integer age, MentalCapacity mentalCapacity) {
        this(type, age, mentalCapacity, null, null, null);
    }

    public static Party organization() {
        return new Party(PartyType.ORGANIZATION, null, null);
    }

    public static Party individual(int age) {
        return new Party(PartyType.INDIVIDUAL, age, MentalCapacity.FULL);
    }

    /** This party with the name and identifier a decision document prints. */
    public Party named(String name, String idNumber) {
        return new Party(type, age, mentalCapacity, birthDate, name, idNumber);
    }

    /** This party with a date of birth. */
    public Party bornOn(LocalDate date) {
        return new Party(type, age, mentalCapacity, date, name, idNumber);
    }
}
