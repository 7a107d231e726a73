package org.discretion.rules.internal.model;

import java.math.BigDecimal;

/** 法定处罚幅度 of an item: the statute's words and, where it gives them, the numbers. */
public record StatutoryPenalty(String text, BigDecimal fineMin, BigDecimal fineMax, BigDecimal gainsMultipleMin,
                               BigDecimal gainsMultipleMax, String subject) {
}
