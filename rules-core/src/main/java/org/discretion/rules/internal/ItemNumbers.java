package org.discretion.rules.internal;

/**
 * How a list item's 序号 is cited: a number "3" or "（五）" as 第3项, 第（五）项; a 序号 that is already a locator,
 * such as "第一条（三）" or "第12项", as written (never "第第一条（三）项").
 */
public final class ItemNumbers {
    private ItemNumbers() {
    }

    /** The 序号 as cited after the list's title. */
    public static String cited(String number) {
        if (number == null || number.isBlank()) return "";
        String n = number.strip();
        if (n.startsWith("第") || n.endsWith("项")) {
            return n;
        }
        return "第" + n + "项";
    }
}
