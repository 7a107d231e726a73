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
 * the same instrument, version and provision — or another fine, kinds of penalty, former number, effective date or
 * limitation period for the same provision or version — would silently
 * change what the statute layer and every other catalog quote. That is a build error naming both files
 * ({@code LAW_OVERRIDE}). The same text given twice is accepted (agency folders often copy the provisions they cite);
 * a text a registry marks as not obtained ({@value #NOT_OBTAINED}…）) and a date it leaves open may be supplied.
 */
final class LawTextGuard {

    /** A parsed law file and where it came from. */
    record Located(String origin, String text, LawFile file) {
    }

    /** The parts of a provision, besides its text, that carry legal meaning. */
    private static final List<String> MEANING = List.of("fine", "kinds", "formerly");

    /** How a registry marks a provision whose text it does not have: another file may supply the text. */
    static final String NOT_OBTAINED = "（条文未取得";

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
                // a date one file leaves open (null) is unknown there, not contradicted
                if (v.effectiveFrom() != null) {
                    check(seen, out, f, new Key(f.file().shortTitle(), v.version(), "@from"), String.valueOf(v.effectiveFrom()),
                            "version \"" + v.version() + "\" of " + f.file().shortTitle() + " has another effectiveFrom than in"
                                    + " %s (%s)", "version: " + v.version());
                }
                if (v.effectiveTo() != null) {
                    check(seen, out, f, new Key(f.file().shortTitle(), v.version(), "@to"), String.valueOf(v.effectiveTo()),
                            "version \"" + v.version() + "\" of " + f.file().shortTitle() + " has another effectiveTo than in"
                                    + " %s (%s)", "version: " + v.version());
                }
                if (v.limitation() != null) {
                    check(seen, out, f, new Key(f.file().shortTitle(), v.version(), "@limitation"), limitationText(v.limitation()),
                            "version \"" + v.version() + "\" of " + f.file().shortTitle() + " has another limitation period than"
                                    + " in %s (%s)", "limitation");
                }
                for (Map.Entry<String, JsonNode> p : v.provisions().entrySet()) {
                    // what a provision means besides its text — the fine it sets, the kinds of penalty, the provision it
                    // was before a renumbering — can no more be replaced than the text: it changes every catalog's range
                    for (String part : MEANING) {
                        JsonNode m = p.getValue() == null || !p.getValue().isObject() ? null : p.getValue().get(part);
                        if (m == null || m.isNull()) continue;
                        check(seen, out, f, new Key(f.file().shortTitle(), v.version(), p.getKey() + "@" + part), m.toString(),
                                f.file().shortTitle() + "（" + v.version() + "） provision \"" + p.getKey() + "\" has another "
                                        + part + " than in %s; a catalog may add instruments, versions and provisions but "
                                        + "never replace what they say (was: %s)", "\"" + p.getKey() + "\"");
                    }
                    String text = textOf(p.getValue());
                    if (text == null || text.startsWith(NOT_OBTAINED)) continue;
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

    /** "P2Y, basis 30" (and the extended period where there is one): comparable and readable in a message. */
    private static String limitationText(LawFile.Limitation l) {
        return l.period() + ", basis " + String.join(" ", l.basis())
                + (l.extended() == null ? "" : ", extended " + l.extended().period());
    }

    private static String textOf(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isTextual()) return node.asText().strip();
        JsonNode t = node.get("text");
        return t == null || t.isNull() ? null : t.asText().strip();
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
