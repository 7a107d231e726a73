package org.discretion.rules.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Positions in an author's file, for {@code file:line:column} messages, and the text of one rule. Shared by the
 * build ({@link RuleBaseBuilder}) and the checks in {@code org.discretion.rules.tooling}, so that both point at
 * the same place.
 */
public final class SourceText {
    private static final Pattern END = Pattern.compile("(?m)^\\s*end\\s*$");

    private SourceText() {
    }

    /** 1-based line of the first occurrence of {@code needle}, or 1 when it does not occur (or is empty). */
    public static int lineOf(String text, String needle) {
        int at = needle.isEmpty() ? -1 : text.indexOf(needle);
        return at < 0 ? 1 : lineOf(text, at);
    }

    /** 1-based line of a character offset. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }

    /** 0-based column of a character offset. */
    public static int columnOf(String text, int offset) {
        int nl = text.lastIndexOf('\n', offset - 1);
        return offset - (nl + 1);
    }

    /** The text of rule {@code id}, from its {@code rule "id"} line to its {@code end}; empty when absent. */
    public static String ruleBody(String drl, String id) {
        Matcher start = Pattern.compile("(?m)^\\s*rule\\s+\"" + Pattern.quote(id) + "\"").matcher(drl);
        if (!start.find()) return "";
        Matcher end = END.matcher(drl);
        return end.find(start.start()) ? drl.substring(start.start(), end.end()) : drl.substring(start.start());
    }
}
