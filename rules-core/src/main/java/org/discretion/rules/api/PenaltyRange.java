package org.discretion.rules.api;

import java.math.BigDecimal;

/**
 * The fine range the statute sets for the violation, in yuan, or as a multiple of the illegal gains. Any component
 * may be {@code null} where the statute sets none; no range is invented.
 *
 * @param fineMin       statutory minimum fine (yuan)
 * @param fineMax       statutory maximum fine (yuan)
 * @param gainsMultipleMin minimum as a multiple of the illegal gains
 * @param gainsMultipleMax maximum as a multiple of the illegal gains
 * @param text          the statute's words, e.g. "处二千元以上一万元以下的罚款"
 */
public record PenaltyRange(BigDecimal fineMin, BigDecimal fineMax, BigDecimal gainsMultipleMin,
                           BigDecimal gainsMultipleMax, String text) {

    public static PenaltyRange fine(long min, long max) {
        return new PenaltyRange(BigDecimal.valueOf(min), BigDecimal.valueOf(max), null, null, null);
    }

    public boolean isEmpty() {
        return fineMin == null && fineMax == null && gainsMultipleMin == null && gainsMultipleMax == null;
    }
}
