package org.discretion.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.discretion.rules.api.Problem;

/**
 * A catalog file is code: this check keeps a rule file dropped into a folder from running arbitrary Java. It runs
 * inside {@link RuleBaseBuilder#build} (so no engine ever loads an unsafe catalog) and in {@code ./discretion check}.
 *
 * <p>What is checked, on the DRL text with comments and string literals blanked out (so that the published item
 * text above a rule and the labels inside {@code .as("…")} never trigger it):
 * <ul>
 *   <li>imports: only {@code org.discretion.rules.api.*} / {@code .X}, {@code org.discretion.rules.facts.*} / {@code .X}
 *       and {@code import static org.discretion.rules.facts.Conditions.*} / {@code .method};</li>
 *   <li>qualified names into other packages ({@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}, {@code com.},
 *       {@code org.} other than the two fact-model packages, {@code net.}, {@code io.});</li>
 *   <li>{@link #FORBIDDEN_NAMES}: the names through which java.lang (always visible in DRL) reaches the system,
 *       processes, threads, class loading and reflection, plus the file, network and {@code drools}/{@code kcontext}
 *       handles;</li>
 *   <li>{@link #FORBIDDEN_KEYWORDS}: DRL constructs a catalog rule never needs — {@code modify}, {@code update},
 *       {@code retract}, {@code delete} (facts are never modified), {@code global}, {@code function}, {@code eval},
 *       {@code query}, {@code declare}, {@code insertLogical}, {@code exitPoints}/{@code entry-point}.</li>
 * </ul>
 * Each hit is one {@code UNSAFE_CODE} error at the token's line and (0-based) column.
 */
public final class DrlSafety {

    /** Names that are rejected wherever they appear in code, with the reason shown to the author. */
    public static final Map<String, String> FORBIDDEN_NAMES = Map.ofEntries(
            Map.entry("System", "reaches the process environment, properties and exit"),
            Map.entry("Runtime", "can run programs and stop the JVM"),
            Map.entry("Process", "controls operating-system processes"),
            Map.entry("ProcessBuilder", "runs operating-system programs"),
            Map.entry("ProcessHandle", "controls operating-system processes"),
            Map.entry("exec", "runs operating-system programs"),
            Map.entry("Thread", "starts or controls threads"),
            Map.entry("ThreadGroup", "controls threads"),
            Map.entry("ThreadLocal", "keeps state across evaluations"),
            Map.entry("Executors", "starts threads"),
            Map.entry("ForkJoinPool", "starts threads"),
            Map.entry("CompletableFuture", "starts threads"),
            Map.entry("ClassLoader", "loads arbitrary classes"),
            Map.entry("classLoader", "loads arbitrary classes"),
            Map.entry("getClassLoader", "loads arbitrary classes"),
            Map.entry("Class", "is reflection"),
            Map.entry("class", "is reflection"),
            Map.entry("getClass", "is reflection"),
            Map.entry("forName", "loads arbitrary classes (Class.forName)"),
            Map.entry("reflect", "is reflection (java.lang.reflect)"),
            Map.entry("Method", "is reflection"),
            Map.entry("Field", "is reflection"),
            Map.entry("Constructor", "is reflection"),
            Map.entry("getDeclaredMethod", "is reflection"),
            Map.entry("getDeclaredField", "is reflection"),
            Map.entry("getMethod", "is reflection"),
            Map.entry("setAccessible", "is reflection"),
            Map.entry("newInstance", "is reflection"),
            Map.entry("invoke", "is reflection"),
            Map.entry("MethodHandles", "is reflection"),
            Map.entry("MethodHandle", "is reflection"),
            Map.entry("Unsafe", "bypasses the JVM's safety"),
            Map.entry("Module", "is reflection"),
            Map.entry("ModuleLayer", "loads arbitrary classes"),
            Map.entry("StackWalker", "is reflection"),
            Map.entry("SecurityManager", "changes the JVM's security"),
            Map.entry("File", "reads or writes files"),
            Map.entry("Files", "reads or writes files"),
            Map.entry("Path", "reads or writes files"),
            Map.entry("Paths", "reads or writes files"),
            Map.entry("FileInputStream", "reads files"),
            Map.entry("FileOutputStream", "writes files"),
            Map.entry("FileReader", "reads files"),
            Map.entry("FileWriter", "writes files"),
            Map.entry("RandomAccessFile", "reads or writes files"),
            Map.entry("Socket", "opens network connections"),
            Map.entry("ServerSocket", "opens network connections"),
            Map.entry("DatagramSocket", "opens network connections"),
            Map.entry("URL", "opens network connections"),
            Map.entry("URI", "opens network connections"),
            Map.entry("HttpClient", "opens network connections"),
            Map.entry("InetAddress", "uses the network"),
            Map.entry("drools", "reaches the Drools session (the rule may only insert its finding)"),
            Map.entry("kcontext", "reaches the Drools session (the rule may only insert its finding)"),
            Map.entry("exit", "stops the JVM"),
            Map.entry("halt", "stops the JVM or the session"));

    /** DRL keywords a catalog rule never needs, with the reason shown to the author. */
    public static final Map<String, String> FORBIDDEN_KEYWORDS = Map.ofEntries(
            Map.entry("modify", "rules never modify facts; insert a finding instead"),
            Map.entry("update", "rules never modify facts; insert a finding instead"),
            Map.entry("retract", "rules never remove facts"),
            Map.entry("delete", "rules never remove facts"),
            Map.entry("insertLogical", "rules insert their finding with insert(...)"),
            Map.entry("global", "globals are shared by every evaluation; results are findings, not globals"),
            Map.entry("function", "DRL functions are arbitrary Java; use the conditions of org.discretion.rules.facts.Conditions"),
            Map.entry("eval", "eval(...) runs arbitrary Java; use the conditions of org.discretion.rules.facts.Conditions"),
            Map.entry("query", "catalogs do not declare queries"),
            Map.entry("declare", "catalogs do not declare types; use the fact model"),
            Map.entry("entry", "catalogs do not use entry points"));

    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "kotlin", "groovy", "scala");
    private static final List<String> ALLOWED_PACKAGES = List.of("org.discretion.rules.api.", "org.discretion.rules.facts.");
    private static final String ALLOWED_STATIC = "org.discretion.rules.facts.Conditions.";

    private DrlSafety() {
    }

    /** Every unsafe construct in one DRL file; empty when the file is safe. */
    public static List<Problem> check(String origin, String text) {
        String code = blank(text);
        List<Problem> out = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        int i = 0;
        int n = code.length();
        while (i < n) {
            char ch = code.charAt(i);
            if (!Character.isJavaIdentifierStart(ch)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isJavaIdentifierPart(code.charAt(i))) i++;
            String word = code.substring(start, i);
            // a dotted name starting here, e.g. java.io.File or org.discretion.rules.facts.Conditions.*
            int j = i;
            StringBuilder dotted = new StringBuilder(word);
            while (j < n) {
                int k = skipSpaces(code, j);
                if (k >= n || code.charAt(k) != '.') break;
                int m = skipSpaces(code, k + 1);
                if (m < n && code.charAt(m) == '*') {
                    dotted.append(".*");
                    j = m + 1;
                    break;
                }
                if (m >= n || !Character.isJavaIdentifierStart(code.charAt(m))) break;
                int e = m;
                while (e < n && Character.isJavaIdentifierPart(code.charAt(e))) e++;
                dotted.append('.').append(code, m, e);
                j = e;
            }
            boolean precededByDot = start > 0 && code.charAt(prevNonSpace(code, start - 1)) == '.';
            if (word.equals("import") && !precededByDot) {
                int end = code.indexOf(';', i);
                int eol = code.indexOf('\n', i);
                int stop = end < 0 ? (eol < 0 ? n : eol) : (eol >= 0 && eol < end ? eol : end);
                String target = code.substring(i, stop).strip().replaceAll("\\s+", " ");
                if (!importAllowed(target)) {
                    out.add(error(origin, lineStarts, start, "import \"" + target + "\" is not allowed: a rule file may import only "
                            + "org.discretion.rules.api.*, org.discretion.rules.facts.* and static "
                            + "org.discretion.rules.facts.Conditions.*"));
                }
                i = stop;
                continue;
            }
            if (word.equals("package") && !precededByDot) {
                int stop = code.indexOf('\n', i);
                i = stop < 0 ? n : stop;
                continue;
            }
            if (!precededByDot && PACKAGE_ROOTS.contains(word) && dotted.indexOf(".") > 0) {
                String q = dotted.toString();
                if (ALLOWED_PACKAGES.stream().noneMatch(q::startsWith)) {
                    out.add(error(origin, lineStarts, start, "\"" + q + "\" is not allowed: a rule may use only the fact model "
                            + "(org.discretion.rules.api, org.discretion.rules.facts)"));
                }
                i = j;
                continue;
            }
            String why = FORBIDDEN_KEYWORDS.get(word);
            if (why != null && !precededByDot && isKeywordUse(code, word, i)) {
                out.add(error(origin, lineStarts, start, "\"" + word + "\" is not allowed in a catalog: " + why));
                continue;
            }
            why = FORBIDDEN_NAMES.get(word);
            if (why != null) {
                out.add(error(origin, lineStarts, start, "\"" + word + "\" is not allowed in a rule: it " + why
                        + "; a rule may use only the fact model and the conditions of org.discretion.rules.facts.Conditions"));
            }
        }
        return out;
    }

    /** {@code entry} only counts in {@code entry-point}; the others count as words. */
    private static boolean isKeywordUse(String code, String word, int after) {
        if (word.equals("entry")) {
            return code.startsWith("-point", after);
        }
        return true;
    }

    static boolean importAllowed(String target) {
        if (target.startsWith("static ")) {
            String t = target.substring(7).strip();
            return t.startsWith(ALLOWED_STATIC) && t.substring(ALLOWED_STATIC.length()).matches("\\*|[A-Za-z_]\\w*");
        }
        for (String p : ALLOWED_PACKAGES) {
            if (target.startsWith(p) && target.substring(p.length()).matches("\\*|[A-Z]\\w*")) {
                return true;
            }
        }
        return false;
    }

    private static Problem error(String origin, int[] lineStarts, int offset, String message) {
        int line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
        return Problem.error(origin, line + 1, offset - lineStarts[line], "UNSAFE_CODE", message);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        return i;
    }

    private static int prevNonSpace(String s, int i) {
        while (i > 0 && Character.isWhitespace(s.charAt(i))) i--;
        return i;
    }

    /**
     * The text with comments and string/character literals replaced by spaces (newlines kept), so offsets and
     * line numbers stay those of the author's file.
     */
    static String blank(String text) {
        StringBuilder b = new StringBuilder(text);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') b.setCharAt(i++, ' ');
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    if (text.charAt(i) != '\n') b.setCharAt(i, ' ');
                    i++;
                }
                if (i < n) {
                    b.setCharAt(i++, ' ');
                    if (i < n) b.setCharAt(i++, ' ');
                }
            } else if (c == '"' || c == '\'') {
                b.setCharAt(i++, ' ');
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n) b.setCharAt(i++, ' ');
                    b.setCharAt(i++, ' ');
                }
                if (i < n && text.charAt(i) == c) b.setCharAt(i++, ' ');
            } else {
                i++;
            }
        }
        return b.toString();
    }
}
