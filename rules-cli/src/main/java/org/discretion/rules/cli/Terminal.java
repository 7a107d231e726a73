package org.discretion.rules.cli;

/**
 * Text from a case (ids, names, facts) reaches a terminal only with its control characters escaped: an ANSI escape
 * sequence in a case id must not recolour, move or clear the user's terminal, or hide a line of a report.
 */
final class Terminal {
    private Terminal() {
    }

    /** One line: every control character (C0, DEL, C1) and bidirectional override escaped as {@code \\uXXXX}. */
    static String safe(String s) {
        return escape(s, false);
    }

    /** Several lines: as {@link #safe} but line breaks kept. */
    static String safeText(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepNewlines) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && !(keepNewlines && c == '\n') && c != '\t') || (c >= 0x7F && c <= 0x9F)
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            if (bad) {
                if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
                b.append(String.format("\\u%04X", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
