package org.discretion.rules.internal;

/**
 * How a list item's 序号 is cited: a number "3" or "（五）" as 第3项, 第（五）项; a number the list writes with its
 * part (从轻处罚事项清单-1) as 从轻处罚事项清单第1项; a 序号 that is already a locator, such as "第一条（三）" or
 * "第12项", as written (never "第第一条（三）项"); anything else quoted.
 */
public final class ItemNumbers {
    private ItemNumbers() {
    }

    private static final java.util.regex.Pattern PREFIXED = java.util.regex.Pattern.compile("(.*?)[-－—]?(\\d+)");

    /** The 序号 as cited after the list's title. */
    public static String cited(String number) {
        if (number == null || number.isBlank()) return "";
        String n = number.strip();
        if (n.startsWith("第") || n.endsWith("项")) {
            return n;
        }
        java.util.regex.Matcher m = PREFIXED.matcher(n);
        if (m.matches()) return m.group(1) + "第" + m.group(2) + "项";
        if (n.matches("（[一二三四五六七八九十百]+）|[一二三四五六七八九十百]+")) return "第" + n + "项";
        return "“" + n + "”项";
    }
}
