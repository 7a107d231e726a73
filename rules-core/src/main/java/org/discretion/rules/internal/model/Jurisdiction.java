package org.discretion.rules.internal.model;

/**
 * Where a published list applies (catalog.yaml {@code jurisdiction}; docs/catalog-format.md). The level is the
 * catalog's {@code level} (NATIONAL, PROVINCIAL, MUNICIPAL, COUNTY — i.e. national, province, city, county) and its
 * name the catalog's {@code region}; the area is the administrative division (行政区划代码, GB/T 2260) of the issuing
 * body.
 *
 * @param divisionCode six digits, e.g. {@code 310000} 上海市, {@code 330200} 宁波市, {@code 410526} 滑县; null for
 *                     a NATIONAL list
 * @param system       the agency or 系统 the list binds where published (税务, 市场监管, 城市管理 …); descriptive
 * @param fidelity     how sure the code is: OFFICIAL (published or looked up in the official code table) or
 *                     UNVERIFIED (taken from memory or a secondary source; check before relying on it)
 * @param note         where the code comes from
 */
public record Jurisdiction(String divisionCode, String system, String fidelity, String note) {

    /** Level names of the catalog contract, broadest first. */
    public static final java.util.List<String> LEVELS = java.util.List.of("NATIONAL", "PROVINCIAL", "MUNICIPAL", "COUNTY");

    /**
     * The part of a division code that a list of this level covers: nothing (national), the first two digits
     * (province), four (city), six (county). A 市辖区 or county-level city is COUNTY.
     */
    public static String prefix(String level, String code) {
        if (code == null || level == null) return null;
        return switch (level) {
            case "NATIONAL" -> "";
            case "PROVINCIAL" -> code.substring(0, 2);
            case "MUNICIPAL" -> code.substring(0, 4);
            default -> code;
        };
    }

    /** Whether a list of this level and code applies to an agency serving {@code agencyCode}. */
    public static boolean covers(String level, String listCode, String agencyCode) {
        if ("NATIONAL".equals(level)) return true;
        if (listCode == null || agencyCode == null) return true; // an undeclared area cannot be ruled out (warned at build)
        return agencyCode.startsWith(prefix(level, listCode));
    }

    /** Whether two lists can both apply to some agency: one's area contains the other's. */
    public static boolean overlap(String levelA, String codeA, String levelB, String codeB) {
        if ("NATIONAL".equals(levelA) || "NATIONAL".equals(levelB)) return true;
        if (codeA == null || codeB == null) return true; // unknown area: cannot rule the overlap out
        String a = prefix(levelA, codeA);
        String b = prefix(levelB, codeB);
        return a.startsWith(b) || b.startsWith(a);
    }
}
