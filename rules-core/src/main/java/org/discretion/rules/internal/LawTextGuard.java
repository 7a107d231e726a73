package org.discretion.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.discretion.rules.api.Problem;
import org.discretion.rules.internal.model.LawFile;

/**
 * Law texts cannot be overridden: every law file (the statute layer's, the shipped catalogs', an agency folder's)
 * adds to one registry, so a catalog may add instruments, versions and provisions, but a second, different text for
 * the same instrument, version and provision — or different dates for the same version — would silently change what
 * the statute layer and every other catalog quote. That is a build error naming both files ({@code LAW_OVERRIDE}).
 * The same text given twice is accepted (agency folders often copy the provisions they cite).
 */
final class LawTextGuard {

    /** A parsed law file and where it came from. */
    record Located(String origin, String text, LawFile file) {
    }

    private record Key(String shortTitle, String version, String provision) {
    }

    private record Seen(String origin, String value) {
    }

    private LawTextGuard() {
    }

    static List<Problem> overrides(List<Located> files) {
        List<Problem> out = new ArrayList<>();
        Map<Key, Seen> seen = new HashMap<>();
        for (Located f : files) {
            for (LawFile.LawVersion v : f.file().versions()) {
                String dates = "effectiveFrom " + v.effectiveFrom() + ", effectiveTo " + v.effectiveTo();
                check(seen, out, f, new Key(f.file().shortTitle(), v.version(), null), dates,
                        "version \"" + v.version() + "\" of " + f.file().shortTitle() + " has other dates (" + dates
                                + ") than in %s (%s)", "version: " + v.version());
                for (Map.Entry<String, JsonNode> p : v.provisions().entrySet()) {
                    String text = textOf(p.getValue());
                    check(seen, out, f, new Key(f.file().shortTitle(), v.version(), p.getKey()), text,
                            f.file().shortTitle() + "（" + v.version() + "） provision \"" + p.getKey()
                                    + "\" has a different text than in %s; a catalog may add instruments, versions and "
                                    + "provisions but never replace a text (was: %s)", "\"" + p.getKey() + "\"");
                }
            }
        }
        return out;
    }

    private static void check(Map<Key, Seen> seen, List<Problem> out, Located f, Key key, String value, String message,
                              String needle) {
        Seen prev = seen.putIfAbsent(key, new Seen(f.origin(), value));
        if (prev != null && !Objects.equals(prev.value(), value)) {
            out.add(Problem.error(f.origin(), SourceText.lineOf(f.text(), needle), 0, "LAW_OVERRIDE",
                    String.format(message, prev.origin(), abbreviate(prev.value()))));
        }
    }

    private static String textOf(JsonNode node) {
        if (node == null) return null;
        if (node.isTextual()) return node.asText().strip();
        // the text and what the engine computes from (a fine range, a renumbering); notes and fidelity may differ
        JsonNode t = node.get("text");
        JsonNode fine = node.get("fine");
        JsonNode formerly = node.get("formerly");
        return (t == null ? "" : t.asText().strip()) + (fine == null || fine.isNull() ? "" : "（罚款幅度 " + fine + "）")
                + (formerly == null || formerly.isNull() ? "" : "（原 " + formerly.asText() + "）");
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
