package org.discretion.rules.api;

/**
 * The deciding agency (作出决定的行政机关). Every component may be {@code null}: unknown.
 *
 * @param name         the agency's name as printed in a decision document, e.g. 滑县市场监督管理局
 * @param divisionCode the six-digit administrative division code (行政区划代码, GB/T 2260) of the area the agency
 *                     serves, e.g. {@code 410526} for 滑县; it decides which published lists apply to the case
 */
public record Agency(String name, String divisionCode) {
    public static final Agency UNKNOWN = new Agency(null, null);
}
