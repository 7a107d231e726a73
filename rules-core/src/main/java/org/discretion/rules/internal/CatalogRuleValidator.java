package org.discretion.rules.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

import org.discretion.rules.api.Problem;
import org.discretion.rules.facts.Condition;
import org.discretion.rules.facts.Conditions;

/**
 * The closed rule language of a catalog: an allow-list by structure. Each catalog DRL file is parsed with the Drools
 * parser (the same {@link DrlParser} the compiler uses) and accepted only when it has exactly the shapes the catalog
 * format documents (docs/rule-authoring.md, "What a catalog rule can and cannot do"):
 *
 * <pre>
 * package catalogs.&lt;folder&gt;;
 * import org.discretion.rules.api.*;                       // optional, only these three imports
 * import org.discretion.rules.facts.*;
 * import static org.discretion.rules.facts.Conditions.*;
 *
 * rule "&lt;item id&gt;"                                        // quoted, no attributes
 * when
 *     $c : Candidate( item == "&lt;the same item id&gt;" )        // exactly this one pattern
 * then
 *     insert($c.finding( cond, cond, ... ));                 // exactly this one statement
 * end
 * </pre>
 *
 * where each {@code cond} is a call of the condition vocabulary — a public static method of {@link Conditions}
 * returning a {@link Condition} (or {@code fact("name")} followed by one of its comparison methods) — whose
 * arguments are literals only (strings, numbers, {@code true}/{@code false}, {@code Enum.CONSTANT} of an enum the
 * vocabulary takes) or, for {@code all}/{@code any}/{@code not}, conditions; optionally followed by
 * {@code .as("label")}. The consequence is read by a small recursive-descent parser of exactly this grammar, so no
 * other name, call, {@code new}, operator, block or statement can appear. Everything else — other dialects,
 * functions, globals, declares, queries, {@code from}/{@code accumulate}/{@code collect}/{@code eval}, rule
 * attributes ({@code enabled}, {@code date-expires}, {@code salience}, {@code no-loop} …), annotations, further
 * patterns, inline code — is rejected with {@code file:line:column} and a message saying what is allowed.
 *
 * <p>The vocabulary is read from {@link Conditions} by reflection, so it is defined in one place: a condition added
 * there is usable in a catalog at once, with its parameter types checked here. The statute layer (rules-core's own
 * DRL) is trusted and not subject to this validation.
 */
public final class CatalogRuleValidator {

    /** The problem code of everything outside the closed language. */
    public static final String CODE = "UNSAFE_CODE";

    /** A rule found in a file: its name, whether it was written quoted, its line. */
    public record Rule(String name, int line, int column) {
    }

    /** Every rule of the file (even rejected ones, so identity checks still see them) and every problem. */
    public record Result(List<Rule> rules, List<Problem> problems) {
    }

    static final List<String> IMPORTS = List.of("org.discretion.rules.api.*", "org.discretion.rules.facts.*");
    static final String STATIC_IMPORT = "org.discretion.rules.facts.Conditions.*";
    private static final Pattern ITEM_CONSTRAINT = Pattern.compile("item\\s*==\\s*\"([^\"\\\\]*)\"");
    private static final String SHAPE = "a catalog rule is exactly: rule \"<item id>\" when $c : Candidate( item == "
            + "\"<item id>\" ) then insert($c.finding( <conditions> )); end";

    /** Vocabulary: name → public static factory of {@link Conditions} returning a Condition or a fact reference. */
    static final Map<String, List<Method>> VOCABULARY = vocabulary(Conditions.class, true);
    /** Methods of {@code fact("…")}: name → method returning a Condition. */
    static final Map<String, List<Method>> FACT_METHODS = vocabulary(Conditions.FactRef.class, false);

    private CatalogRuleValidator() {
    }

    private static Map<String, List<Method>> vocabulary(Class<?> owner, boolean statics) {
        Map<String, List<Method>> out = new TreeMap<>();
        for (Method m : owner.getDeclaredMethods()) {
            int mod = m.getModifiers();
            if (!Modifier.isPublic(mod) || Modifier.isStatic(mod) != statics || m.isSynthetic()) continue;
            Class<?> r = m.getReturnType();
            if (r != Condition.class && r != Conditions.FactRef.class) continue;
            if (Arrays.stream(m.getParameterTypes()).allMatch(CatalogRuleValidator::literalOrCondition)) {
                out.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    private static boolean literalOrCondition(Class<?> t) {
        Class<?> e = t.isArray() ? t.getComponentType() : t;
        return e == String.class || e == int.class || e == long.class || e == Integer.class || e == Long.class
                || e == Number.class || e == BigDecimal.class || e == boolean.class || e == Boolean.class
                || e == Condition.class || (e.isEnum() && e.getPackageName().equals("org.discretion.rules.api"));
    }

    /**
     * Results by file (origin, package, text): the Drools parser costs milliseconds per rule, and the same files are
     * validated again by every reload and every engine a JVM builds from them. Bounded; results are immutable.
     */
    private static final java.util.concurrent.ConcurrentHashMap<List<String>, Result> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 2_000;

    /** Validates one catalog DRL file whose package must be {@code packageName}. */
    public static Result validate(String origin, String text, String packageName) {
        List<String> key = List.of(origin, packageName, text);
        Result hit = CACHE.get(key);
        if (hit != null) return hit;
        Result r = validateUncached(origin, text, packageName);
        r = new Result(List.copyOf(r.rules()), List.copyOf(r.problems()));
        if (CACHE.size() < CACHE_LIMIT) CACHE.putIfAbsent(key, r);
        return r;
    }

    private static Result validateUncached(String origin, String text, String packageName) {
        List<Problem> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        DrlParser parser = new DrlParser();
        PackageDescr pd;
        try {
            pd = parser.parse(false, text);
        } catch (DroolsParserException | RuntimeException e) {
            problems.add(Problem.error(origin, 0, 0, "DRL", "the file cannot be parsed as DRL: " + e.getMessage()));
            return new Result(rules, problems);
        }
        if (parser.hasErrors() || pd == null) {
            for (DroolsError e : parser.getErrors()) {
                int line = e instanceof ParserError pe ? pe.getRow() : (e.getLines().length > 0 ? e.getLines()[0] : 0);
                int col = e instanceof ParserError pe ? pe.getCol() : 0;
                problems.add(Problem.error(origin, Math.max(line, 0), Math.max(col, 0), "DRL", cleanMessage(e.getMessage())));
            }
            if (problems.isEmpty()) {
                problems.add(Problem.error(origin, 0, 0, "DRL", "the file cannot be parsed as DRL"));
            }
            return new Result(rules, problems);
        }
        new Check(origin, text, packageName, problems, rules).run(pd);
        return new Result(rules, problems);
    }

    static String cleanMessage(String text) {
        String t = String.valueOf(text).replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return t.replaceFirst("^\\[ERR \\d+\\] ", "").replaceFirst("^Line \\d+:\\d+ ", "");
    }

    /** One file's structural check. */
    private static final class Check {
        private final String origin;
        private final String text;
        private final String packageName;
        private final List<Problem> problems;
        private final List<Rule> rules;

        Check(String origin, String text, String packageName, List<Problem> problems, List<Rule> rules) {
            this.origin = origin;
            this.text = text;
            this.packageName = packageName;
            this.problems = problems;
            this.rules = rules;
        }

        void error(int line, int column, String message) {
            problems.add(Problem.error(origin, Math.max(line, 0), Math.max(column, 0), CODE, message));
        }

        void error(BaseDescr d, String message) {
            error(d.getLine(), d.getColumn(), message);
        }

        void run(PackageDescr pd) {
            if (pd.getName() == null || pd.getName().isEmpty()) {
                problems.add(Problem.error(origin, 1, 0, "PACKAGE_MISMATCH",
                        "no package declaration; the package must be \"" + packageName + "\" (folder = package)"));
            } else if (!pd.getName().equals(packageName)) {
                problems.add(Problem.error(origin, Math.max(pd.getLine(), 1), Math.max(pd.getColumn(), 0), "PACKAGE_MISMATCH",
                        "package \"" + pd.getName() + "\" does not match the folder: it must be \"" + packageName + "\""));
            }
            for (ImportDescr i : pd.getImports()) {
                if (!IMPORTS.contains(i.getTarget())) {
                    error(i, "import \"" + i.getTarget() + "\" is not allowed: a rule file may import only "
                            + "org.discretion.rules.api.*, org.discretion.rules.facts.* and static "
                            + "org.discretion.rules.facts.Conditions.*");
                }
            }
            for (var i : pd.getFunctionImports()) {
                if (!STATIC_IMPORT.equals(i.getTarget())) {
                    error(i, "import static \"" + i.getTarget() + "\" is not allowed: the only static import is "
                            + STATIC_IMPORT);
                }
            }
            pd.getAccumulateImports().forEach(d -> error(d, "\"import accumulate\" is not allowed: catalogs do not "
                    + "define accumulate functions"));
            pd.getGlobals().forEach(d -> error(d, "\"global " + d.getIdentifier() + "\" is not allowed: globals are "
                    + "shared by every evaluation; a rule's only result is its finding"));
            pd.getFunctions().forEach(d -> error(d, "\"function " + d.getName() + "\" is not allowed: DRL functions are "
                    + "arbitrary Java; use the conditions of org.discretion.rules.facts.Conditions"));
            pd.getTypeDeclarations().forEach(d -> error(d, "\"declare " + d.getTypeName() + "\" is not allowed: "
                    + "catalogs do not declare types; use the fact model"));
            pd.getEnumDeclarations().forEach(d -> error(d, "\"declare enum " + d.getTypeName() + "\" is not allowed: "
                    + "catalogs do not declare types"));
            pd.getEntryPointDeclarations().forEach(d -> error(d, "entry-point declarations are not allowed in a catalog"));
            pd.getWindowDeclarations().forEach(d -> error(d, "window declarations are not allowed in a catalog"));
            if (pd.getUnit() != null) {
                error(pd.getUnit(), "\"unit\" is not allowed: a catalog is plain rules over Candidate");
            }
            // a package-level attribute ("dialect \"mvel\"" …) is also copied onto every rule; reported there once
            for (var a : pd.getAttributes()) {
                error(a, "the package attribute \"" + a.getName() + "\" is not allowed: catalog rules have no attributes"
                        + " (no dialect, no salience, no enabled/date-effective/date-expires …); precedence is decided"
                        + " by the engine, not by the rule");
            }
            for (RuleDescr r : pd.getRules()) {
                rule(r, pd);
            }
        }

        void rule(RuleDescr r, PackageDescr pd) {
            rules.add(new Rule(r.getName(), r.getLine(), r.getColumn()));
            if (r.isQuery()) {
                error(r, "query \"" + r.getName() + "\" is not allowed: catalogs do not declare queries; " + SHAPE);
                return;
            }
            if (!quotedName(r)) {
                error(r, "rule " + r.getName() + ": the rule name must be the item id in double quotes, rule \""
                        + r.getName() + "\"");
            }
            if (r.getParentName() != null) {
                error(r, "rule \"" + r.getName() + "\" extends \"" + r.getParentName() + "\": rule inheritance is not "
                        + "allowed; " + SHAPE);
            }
            for (var a : r.getAttributes().values()) {
                if (pd.getAttributes().stream().anyMatch(p -> p.getName().equals(a.getName()))) continue;
                error(a.getLine() > 0 ? a.getLine() : r.getLine(), a.getColumn(), "rule \"" + r.getName()
                        + "\": the attribute \"" + a.getName() + "\" is not allowed: catalog rules have no attributes"
                        + " (no dialect, salience, enabled, date-effective, date-expires, no-loop, timer, agenda-group"
                        + " …); whether an item is in force comes from catalog.yaml, precedence from the engine");
            }
            if (!r.getAnnotations().isEmpty()) {
                error(r, "rule \"" + r.getName() + "\": annotations (@…) are not allowed in a catalog rule");
            }
            if (!r.getNamedConsequences().isEmpty()) {
                error(r, "rule \"" + r.getName() + "\": named consequences (then[…]) are not allowed; " + SHAPE);
            }
            lhs(r);
            rhs(r);
        }

        private boolean quotedName(RuleDescr r) {
            int at = r.getStartCharacter();
            if (at < 0 || at >= text.length()) at = offsetOf(r.getLine(), r.getColumn());
            int i = text.indexOf("rule", Math.max(at, 0));
            if (i < 0) return false;
            i += 4;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
            return i < text.length() && text.charAt(i) == '"' && text.startsWith(r.getName() + "\"", i + 1);
        }

        private void lhs(RuleDescr r) {
            List<BaseDescr> parts = r.getLhs() == null ? List.of() : r.getLhs().getDescrs();
            String want = "the condition part (when) must be exactly $c : Candidate( item == \"" + r.getName()
                    + "\" ); the item's conditions go into $c.finding(…)";
            if (parts.size() != 1 || !(parts.get(0) instanceof PatternDescr p)) {
                BaseDescr at = parts.size() > 1 ? parts.get(1) : parts.isEmpty() ? r : parts.get(0);
                error(at.getLine() > 0 ? at.getLine() : r.getLine(), at.getColumn(), "rule \"" + r.getName() + "\": "
                        + (parts.isEmpty() ? "no pattern" : parts.size() > 1 ? "more than one pattern or element ("
                        + kind(at) + ")" : kind(at) + " is not allowed") + "; " + want);
                return;
            }
            if (!"Candidate".equals(p.getObjectType()) || !"$c".equals(p.getIdentifier())) {
                error(p, "rule \"" + r.getName() + "\": pattern " + (p.getIdentifier() == null ? "" : p.getIdentifier()
                        + " : ") + p.getObjectType() + "(…) is not allowed; " + want);
                return;
            }
            if (p.getSource() != null) {
                error(p, "rule \"" + r.getName() + "\": \"" + p.getSource().getText() + "\" ("
                        + p.getSource().getClass().getSimpleName().replace("Descr", "").toLowerCase()
                        + ") is not allowed: from/accumulate/collect/entry-point/window are not part of a catalog rule; "
                        + want);
                return;
            }
            if (p.isQuery() || p.isUnification() || !p.getBehaviors().isEmpty() || !p.getAnnotations().isEmpty()) {
                error(p, "rule \"" + r.getName() + "\": the Candidate pattern may carry no query marker, window or "
                        + "annotation; " + want);
                return;
            }
            List<? extends BaseDescr> cs = p.getConstraint() == null ? List.of() : p.getConstraint().getDescrs();
            Matcher m = cs.size() == 1 ? ITEM_CONSTRAINT.matcher(String.valueOf(cs.get(0).getText()).strip()) : null;
            if (m == null || !m.matches()) {
                BaseDescr at = cs.size() > 1 ? cs.get(1) : cs.isEmpty() ? p : cs.get(0);
                error(at.getLine() > 0 ? at.getLine() : p.getLine(), at.getColumn(), "rule \"" + r.getName()
                        + "\": the constraint " + (cs.isEmpty() ? "is missing" : "\"" + cs.stream()
                        .map(BaseDescr::getText).reduce((a, b) -> a + ", " + b).orElse("") + "\" is not allowed")
                        + "; " + want);
                return;
            }
            if (!m.group(1).equals(r.getName())) {
                error(cs.get(0).getLine(), cs.get(0).getColumn(), "rule \"" + r.getName() + "\" matches item \""
                        + m.group(1) + "\": a rule speaks only for the item it is named after; write Candidate( item == \""
                        + r.getName() + "\" )");
            }
        }

        private static String kind(BaseDescr d) {
            String k = d.getClass().getSimpleName().replace("Descr", "").toLowerCase();
            return switch (k) {
                case "eval" -> "eval(…)";
                case "not", "exists", "forall", "or", "and" -> "\"" + k + "\"";
                default -> k;
            };
        }

        private void rhs(RuleDescr r) {
            String body = r.getConsequence() == null ? "" : r.getConsequence().toString();
            int base = consequenceOffset(r, body);
            try {
                new Consequence(body).parse();
            } catch (Reject e) {
                int at = base < 0 ? -1 : base + e.offset;
                int line = at < 0 ? r.getConsequenceLine() : SourceText.lineOf(text, at);
                int col = at < 0 ? 0 : SourceText.columnOf(text, at);
                error(line, col, "rule \"" + r.getName() + "\": " + e.getMessage());
            }
        }

        private int consequenceOffset(RuleDescr r, String body) {
            int from = Math.max(r.getStartCharacter(), 0);
            int i = body.isEmpty() ? -1 : text.indexOf(body, from);
            return i;
        }

        private int offsetOf(int line, int col) {
            int l = 1;
            int i = 0;
            while (l < line && i < text.length()) {
                if (text.charAt(i++) == '\n') l++;
            }
            return Math.min(i + Math.max(col, 0), text.length());
        }
    }

    /** A rejection at an offset into the consequence text. */
    static final class Reject extends RuntimeException {
        final int offset;

        Reject(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private enum T { IDENT, STRING, NUMBER, PUNCT, BAD, EOF }

    private record Token(T type, String text, int at) {
    }

    /**
     * The consequence grammar:
     * <pre>
     * consequence := "insert" "(" "$c" "." "finding" "(" [ cond { "," cond } ] ")" ")" ";"
     * cond        := call [ "." "as" "(" STRING ")" ]
     * call        := NAME "(" [ arg { "," arg } ] ")" [ "." NAME "(" [ arg { "," arg } ] ")" ]   (the second for fact("…"))
     * arg         := STRING | ["-"] NUMBER | "true" | "false" | ENUM "." CONSTANT | cond
     * </pre>
     * Comments are skipped; a backslash anywhere is rejected (Java would read {@code \}{@code u0022} as a quote).
     */
    static final class Consequence {
        private final String src;
        private final List<Token> tokens = new ArrayList<>();
        private int pos;

        Consequence(String src) {
            this.src = src;
        }

        /** The current token; a character the grammar never allows fails only where the parser reaches it. */
        private Token tok() {
            Token t = tokens.get(pos);
            if (t.type == T.BAD) throw new Reject(t.at, t.text);
            return t;
        }

        void parse() {
            try {
                lex();
            } catch (Reject e) {
                tokens.add(new Token(T.BAD, e.getMessage(), e.offset));
            }
            if (tokens.isEmpty() || tokens.get(tokens.size() - 1).type != T.EOF) tokens.add(new Token(T.EOF, "", src.length()));
            expect("insert", "the consequence (then) must be exactly insert($c.finding( <conditions> ));");
            expect("(", "expected \"(\" after insert");
            expect("$c", "insert only the rule's own finding: insert($c.finding( <conditions> ));");
            expect(".", "expected $c.finding(");
            expect("finding", "the only call on $c is finding( <conditions> )");
            expect("(", "expected \"(\" after finding");
            if (!peek(")")) {
                condition();
                while (peek(",")) {
                    pos++;
                    condition();
                }
            }
            expect(")", "expected \",\" or \")\" after a condition");
            expect(")", "expected \")\" closing insert(");
            expect(";", "expected \";\" after insert($c.finding(…))");
            Token t = tok();
            if (t.type != T.EOF) {
                throw new Reject(t.at, "\"" + t.text + "\": nothing may follow insert($c.finding(…)); — a consequence is "
                        + "exactly one insert of the rule's finding");
            }
        }

        private Class<?> condition() {
            Token name = tok();
            if (name.type == T.EOF) throw ended(name, "the next condition");
            if (name.type != T.IDENT) {
                throw new Reject(name.at, "\"" + name.text + "\" is not a condition: use a condition of the vocabulary ("
                        + String.join(", ", VOCABULARY.keySet()) + ")");
            }
            List<Method> candidates = VOCABULARY.get(name.text);
            if (candidates == null) {
                throw new Reject(name.at, unknown(name.text));
            }
            pos++;
            Class<?> type = call(name, candidates);
            if (type == Conditions.FactRef.class) {
                Token dot = tok();
                if (!peek(".")) {
                    throw new Reject(dot.at, "fact(\"…\") must be followed by one of ."
                            + String.join("(…), .", FACT_METHODS.keySet()) + "(…)");
                }
                pos++;
                Token m = tok();
                List<Method> ms = m.type == T.IDENT ? FACT_METHODS.get(m.text) : null;
                if (ms == null) {
                    throw new Reject(m.at, "\"" + m.text + "\" is not a comparison of fact(\"…\"): allowed are "
                            + String.join(", ", FACT_METHODS.keySet()));
                }
                pos++;
                type = call(m, ms);
            }
            if (peek(".")) {
                Token dot = tok();
                pos++;
                Token as = tok();
                if (!as.text.equals("as") || as.type != T.IDENT) {
                    throw new Reject(as.type == T.EOF ? dot.at : as.at, "after a condition only .as(\"label\") may follow, not ."
                            + as.text);
                }
                pos++;
                expect("(", "expected .as(\"label\")");
                Token label = tok();
                if (label.type != T.STRING) {
                    throw new Reject(label.at, ".as(…) takes one string literal, the published wording");
                }
                pos++;
                expect(")", ".as(…) takes exactly one string literal");
                if (peek(".")) {
                    Token more = tok();
                    throw new Reject(more.at, "only one .as(\"label\") may follow a condition");
                }
            }
            return type;
        }

        /** A call's arguments, matched against the vocabulary's overloads; returns the result type. */
        private Class<?> call(Token name, List<Method> overloads) {
            expect("(", "expected \"(\" after " + name.text);
            List<Token> starts = new ArrayList<>();
            List<Class<?>> kinds = new ArrayList<>();
            if (!peek(")")) {
                argument(starts, kinds);
                while (peek(",")) {
                    pos++;
                    argument(starts, kinds);
                }
            }
            expect(")", "expected \",\" or \")\" in the arguments of " + name.text + "(…)");
            for (Method m : overloads) {
                if (accepts(m, kinds, starts)) return m.getReturnType();
            }
            throw new Reject(name.at, name.text + "(" + describe(kinds) + ") does not match "
                    + overloads.stream().map(CatalogRuleValidator::signature).reduce((a, b) -> a + " or " + b).orElse("")
                    + "; arguments are literals only (strings, numbers, true/false, Enum.CONSTANT) or conditions");
        }

        private void argument(List<Token> starts, List<Class<?>> kinds) {
            Token t = tok();
            starts.add(t);
            switch (t.type) {
                case STRING -> {
                    pos++;
                    kinds.add(String.class);
                }
                case NUMBER -> {
                    pos++;
                    kinds.add(t.text.contains(".") ? BigDecimal.class : long.class);
                }
                case PUNCT -> {
                    if (t.text.equals("-") && tokens.get(pos + 1).type == T.NUMBER) {
                        pos += 2;
                        kinds.add(tokens.get(pos - 1).text.contains(".") ? BigDecimal.class : long.class);
                        return;
                    }
                    throw new Reject(t.at, "\"" + t.text + "\" is not allowed here: an argument is a literal or a condition");
                }
                case IDENT -> {
                    if (t.text.equals("true") || t.text.equals("false")) {
                        pos++;
                        kinds.add(boolean.class);
                        return;
                    }
                    Class<?> e = ENUMS.get(t.text);
                    if (e != null) {
                        pos++;
                        Token dot = tok();
                        if (!peek(".")) throw new Reject(dot.at, "expected " + t.text + ".CONSTANT");
                        pos++;
                        Token c = tok();
                        Object[] values = e.getEnumConstants();
                        if (c.type != T.IDENT || Arrays.stream(values).noneMatch(v -> ((Enum<?>) v).name().equals(c.text))) {
                            throw new Reject(c.at, "\"" + c.text + "\" is not a constant of " + t.text + ": one of "
                                    + Arrays.toString(values));
                        }
                        pos++;
                        if (peek(".") || peek("(")) {
                            Token x = tok();
                            throw new Reject(x.at, "nothing may follow " + t.text + "." + c.text + " (no method calls "
                                    + "on values)");
                        }
                        kinds.add(e);
                        return;
                    }
                    if (t.text.equals("new")) {
                        throw new Reject(t.at, "\"new\" is not allowed: a rule creates nothing; its arguments are literals"
                                + " or conditions of the vocabulary");
                    }
                    if (!VOCABULARY.containsKey(t.text)) {
                        throw new Reject(t.at, unknown(t.text));
                    }
                    Class<?> r = condition();
                    kinds.add(r);
                }
                case EOF -> throw ended(t, "the call is complete");
                default -> throw new Reject(t.at, "unexpected \"" + t.text + "\"");
            }
        }

        private static boolean accepts(Method m, List<Class<?>> kinds, List<Token> starts) {
            Parameter[] ps = m.getParameters();
            boolean varargs = m.isVarArgs();
            int fixed = varargs ? ps.length - 1 : ps.length;
            if (kinds.size() < fixed || (!varargs && kinds.size() != fixed)) return false;
            for (int i = 0; i < kinds.size(); i++) {
                Class<?> want = i < fixed ? ps[i].getType() : ps[ps.length - 1].getType().getComponentType();
                if (!assignable(kinds.get(i), want)) return false;
            }
            return true;
        }

        private static boolean assignable(Class<?> have, Class<?> want) {
            if (want == Condition.class) return have == Condition.class;
            if (want == String.class) return have == String.class;
            if (want == boolean.class || want == Boolean.class) return have == boolean.class;
            if (want == int.class || want == Integer.class || want == long.class || want == Long.class) {
                return have == long.class;
            }
            if (want == Number.class || want == BigDecimal.class) return have == long.class || have == BigDecimal.class;
            return want.isEnum() && want == have;
        }

        private static String describe(List<Class<?>> kinds) {
            List<String> out = new ArrayList<>();
            for (Class<?> k : kinds) {
                out.add(k == long.class ? "integer" : k == BigDecimal.class ? "decimal" : k == boolean.class ? "boolean"
                        : k.getSimpleName());
            }
            return String.join(", ", out);
        }

        private static String unknown(String name) {
            return "\"" + name + "\" is not allowed: a consequence may call only the conditions of "
                    + "org.discretion.rules.facts.Conditions (" + String.join(", ", VOCABULARY.keySet())
                    + "), with literal arguments";
        }

        private boolean peek(String s) {
            Token t = tok();
            return t.type != T.STRING && t.type != T.EOF && t.text.equals(s);
        }

        private void expect(String s, String message) {
            Token t = tok();
            if (t.type == T.EOF) throw ended(t, "\"" + s + "\"");
            if (t.type == T.STRING || !t.text.equals(s)) {
                throw new Reject(t.at, "\"" + t.text + "\" found: " + message);
            }
            pos++;
        }

        private void lex() {
            int n = src.length();
            int i = 0;
            while (i < n) {
                char c = src.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '\\') {
                    throw new Reject(i, "a backslash is not allowed in a rule (Java reads \\u escapes before anything "
                            + "else); write the characters themselves");
                } else if (src.startsWith("//", i)) {
                    while (i < n && src.charAt(i) != '\n' && src.charAt(i) != '\r') i++;
                } else if (src.startsWith("/*", i)) {
                    int end = src.indexOf("*/", i + 2);
                    if (end < 0) throw new Reject(i, "unterminated comment");
                    for (int k = i; k < end; k++) {
                        if (src.charAt(k) == '\\') throw new Reject(k, "a backslash is not allowed in a rule");
                    }
                    i = end + 2;
                } else if (c == '"') {
                    int end = i + 1;
                    while (end < n && src.charAt(end) != '"' && src.charAt(end) != '\n') {
                        if (src.charAt(end) == '\\') {
                            throw new Reject(end, "a backslash is not allowed in a label or argument; write the "
                                    + "characters themselves");
                        }
                        end++;
                    }
                    if (end >= n || src.charAt(end) != '"') throw new Reject(i, "unterminated string literal");
                    tokens.add(new Token(T.STRING, src.substring(i + 1, end), i));
                    i = end + 1;
                } else if (c == '$' || Character.isJavaIdentifierStart(c)) {
                    int end = i + 1;
                    while (end < n && Character.isJavaIdentifierPart(src.charAt(end)) && src.charAt(end) != '$') end++;
                    tokens.add(new Token(T.IDENT, src.substring(i, end), i));
                    i = end;
                } else if (c >= '0' && c <= '9') {
                    int end = i;
                    while (end < n && (Character.isDigit(src.charAt(end)) || src.charAt(end) == '.')) end++;
                    String num = src.substring(i, end);
                    if (!num.matches("\\d{1,18}(\\.\\d{1,18})?")) throw new Reject(i, "\"" + num + "\" is not a number literal"
                            + " (digits, optionally a decimal point: no suffixes, exponents, hex or underscores)");
                    if (end < n && Character.isJavaIdentifierPart(src.charAt(end))) {
                        throw new Reject(end, "number literals take no suffix (L, d, f, e …)");
                    }
                    tokens.add(new Token(T.NUMBER, num, i));
                    i = end;
                } else if ("(),.;-".indexOf(c) >= 0) {
                    tokens.add(new Token(T.PUNCT, String.valueOf(c), i));
                    i++;
                } else {
                    throw new Reject(i, "\"" + c + "\" is not allowed: a consequence is insert($c.finding( <conditions> ));"
                            + " with literal arguments — no operators, blocks, casts or lambdas");
                }
            }
            tokens.add(new Token(T.EOF, "", n));
        }

        private Reject ended(Token t, String what) {
            return new Reject(t.at, "the consequence ends before " + what + " — a consequence is exactly "
                    + "insert($c.finding( <conditions> )); (is the rule half-written?)");
        }
    }

    /** Enums the vocabulary takes, by simple name (Harm, Severity, Correction, Circumstance …). */
    static final Map<String, Class<?>> ENUMS = enums();

    private static Map<String, Class<?>> enums() {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (List<Method> ms : VOCABULARY.values()) {
            for (Method m : ms) {
                for (Class<?> p : m.getParameterTypes()) {
                    Class<?> e = p.isArray() ? p.getComponentType() : p;
                    if (e.isEnum()) out.put(e.getSimpleName(), e);
                }
            }
        }
        return out;
    }

    static String signature(Method m) {
        StringBuilder b = new StringBuilder(m.getName()).append('(');
        Class<?>[] ps = m.getParameterTypes();
        for (int i = 0; i < ps.length; i++) {
            if (i > 0) b.append(", ");
            boolean last = i == ps.length - 1 && m.isVarArgs();
            Class<?> t = last ? ps[i].getComponentType() : ps[i];
            b.append(t.getSimpleName()).append(last ? "..." : "");
        }
        return b.append(')').toString();
    }

    /** The vocabulary for documentation and messages: each allowed call's signature, sorted. */
    public static List<String> vocabularySignatures() {
        TreeSet<String> out = new TreeSet<>();
        VOCABULARY.values().forEach(ms -> ms.forEach(m -> out.add(signature(m))));
        FACT_METHODS.values().forEach(ms -> ms.forEach(m -> out.add("fact(String)." + signature(m))));
        return List.copyOf(out);
    }
}
