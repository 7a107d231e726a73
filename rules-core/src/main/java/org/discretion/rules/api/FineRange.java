package org.discretion.rules.api;

import java.math.BigDecimal;

/**
 * The fine the handling allows, derived from the statutory range. Either bound may be {@code null} (no bound given
 * by the statute, or a mitigated penalty that may be a lighter kind of penalty altogether).
 *
 * @param min      lowest fine in yuan (inclusive)
 * @param max      highest fine in yuan; {@code maxInclusive} says whether it is included
 * @param maxInclusive whether max itself is allowed (a mitigated fine is below the statutory minimum)
 * @param rule     how it was derived, in Chinese
 * @param verified false where the split relies on an unverified rule (e.g. the lower 30 %)
 * @param minInclusive whether min itself is allowed: false for 减轻 (below the statutory minimum, but a fine of
 *                 zero is no penalty at all; a lighter kind such as 警告 is the other way to mitigate)
 */
public record FineRange(BigDecimal min, BigDecimal max, boolean maxInclusive, String rule, boolean verified,
                        boolean minInclusive) {

    /** A range whose minimum is included (every range but a 减轻 one, whose fine lies above zero). */
    public FineRange(BigDecimal min, BigDecimal max, boolean maxInclusive, String rule, boolean verified) {
        this(min, max, maxInclusive, rule, verified, true);
    }
}
