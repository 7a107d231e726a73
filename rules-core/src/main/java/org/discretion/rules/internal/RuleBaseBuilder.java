package org.discretion.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.KieBase;

import org.discretion.rules.api.CatalogVersion;
import org.discretion.rules.api.Problem;
import org.discretion.rules.facts.FactSpec;
import org.discretion.rules.facts.Provisions;
import org.discretion.rules.internal.model.CatalogMeta;
import org.discretion.rules.internal.model.ItemMeta;
import org.discretion.rules.internal.model.Jurisdiction;
import org.discretion.rules.internal.model.LawFile;
import org.discretion.rules.internal.model.StatuteMeta;

/**
 * Parses, checks and compiles {@link Sources} into a {@link RuleBase}. Every problem is located in the file the
 * author wrote ({@code file:line:column}). Building never returns a RuleBase with an error.
 */
public final class RuleBaseBuilder {

    /** The outcome of a build: a RuleBase when there is no error, and every problem found. */
    public record Result(RuleBase ruleBase, List<Problem> problems) {
        public boolean ok() {
            return ruleBase != null;
        }
    }

    static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
    static final Pattern FACT = Pattern.compile("fact\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Set<String> STATUSES = Set.of("IN_FORCE", "REPEALED", "DRAFT", "VALIDITY_UNVERIFIED", "EXPIRED");
    private static final Set<String> EFFECTS = Set.of("NO_PENALTY", "MAY_NO_PENALTY", "LENIENT_OR_MITIGATED",
            "TIME_BARRED", "REFER_CRIMINAL", "AGGRAVATED", "NO_COERCION", "EXCLUDE_LISTS", "PAYMENT_ADVICE");

    private RuleBaseBuilder() {
    }

    /** Parses and checks everything, then compiles the DRL only if no error was found so far. */
    public static Result build(Sources sources) {
        return build(sources, null);
    }

    /**
     * Like {@link #build(Sources)}, but takes the KieBase compiled at Maven build time ({@link Prebuilt}) from
     * {@code prebuiltFrom} instead of compiling, when it was compiled from exactly these bundles. Everything else —
     * metadata, citations, DRL safety, rules against metadata — is checked as always; with {@code null}, or when
     * the prebuilt rules do not match, this compiles.
     */
    public static Result build(Sources sources, ClassLoader prebuiltFrom) {
        List<Problem> problems = new ArrayList<>();

        List<LawFile> lawFiles = new ArrayList<>();
        List<LawTextGuard.Located> located = new ArrayList<>();
        for (Sources.SourceFile f : sources.laws()) {
            LawFile lf = parse(f, LawFile.class, problems);
            if (lf != null) {
                if (lf.shortTitle() == null || lf.instrument() == null) {
                    problems.add(Problem.error(f.origin(), 1, 0, "LAW_SCHEMA", "a law file needs \"instrument\" and \"short\""));
                } else if (limitationsValid(f, lf, problems) & kindsValid(f, lf, problems)) {
                    lawFiles.add(lf);
                    located.add(new LawTextGuard.Located(f.origin(), f.text(), lf));
                }
            }
        }
        problems.addAll(LawTextGuard.overrides(located));
        LawRegistry registry = LawRegistry.of(lawFiles);
        for (LawTextGuard.Located f : located) {
            checkLimitationCitations(f, registry, problems);
        }

        Map<String, CatalogMeta> catalogs = new LinkedHashMap<>();
        Map<String, RuleBase.ItemRef> items = new LinkedHashMap<>();
        Map<String, String> itemOrigin = new HashMap<>();
        Map<String, StatuteMeta.GroundMeta> grounds = new LinkedHashMap<>();
        Map<String, CatalogVersion> versions = new LinkedHashMap<>();
        List<RuleBase.ProvisionIndex> provisionIndex = new ArrayList<>();

        // rules compiled at Maven build time were validated there (Prebuilt.main): exactly those sources need no second parse
        boolean prebuiltSources = Prebuilt.matches(sources, prebuiltFrom);
        for (Sources.Bundle b : sources.bundles()) {
            Sources.SourceFile meta = b.meta();
            Map<String, Integer> ruleLines = new LinkedHashMap<>();
            Map<String, Sources.SourceFile> ruleFiles = new HashMap<>();
            boolean unparsed = false;
            for (Sources.SourceFile drl : b.drl()) {
                if (b.statute() || prebuiltSources) {
                    // the statute layer is rules-core's own code (trusted), and prebuilt catalogs passed the rule
                    // language when they were compiled; only their rule names are read here
                    Matcher rm = RULE.matcher(drl.text());
                    while (rm.find()) {
                        if (ruleLines.put(rm.group(1), SourceText.lineOf(drl.text(), rm.start(1))) != null) {
                            problems.add(Problem.error(drl.origin(), SourceText.lineOf(drl.text(), rm.start(1)), 0, "DUPLICATE_RULE",
                                    "rule \"" + rm.group(1) + "\" is defined twice"));
                        }
                        ruleFiles.put(rm.group(1), drl);
                    }
                    continue;
                }
                // a catalog rule file is code: only the closed rule language is accepted, checked before anything compiles
                CatalogRuleValidator.Result v = CatalogRuleValidator.validate(drl.origin(), drl.text(), b.packageName());
                problems.addAll(v.problems());
                unparsed |= v.problems().stream().anyMatch(p -> p.code().equals("DRL"));
                for (CatalogRuleValidator.Rule rule : v.rules()) {
                    if (ruleLines.put(rule.name(), rule.line()) != null) {
                        problems.add(Problem.error(drl.origin(), rule.line(), rule.column(), "DUPLICATE_RULE",
                                "rule \"" + rule.name() + "\" is defined twice"));
                    }
                    ruleFiles.put(rule.name(), drl);
                }
            }
            if (b.statute()) {
                StatuteMeta sm = parse(meta, StatuteMeta.class, problems);
                if (sm == null) continue;
                versions.put(sm.id(), new CatalogVersion(sm.id(), sm.version(), b.contentHash()));
                for (StatuteMeta.GroundMeta g : sm.grounds()) {
                    int line = SourceText.lineOf(meta.text(), "id: " + g.id());
                    if (grounds.put(g.id(), g) != null) {
                        problems.add(Problem.error(meta.origin(), line, 0, "DUPLICATE_ID", "ground id \"" + g.id() + "\" is used twice"));
                    }
                    if (!EFFECTS.contains(g.effect())) {
                        problems.add(Problem.error(meta.origin(), line, 0, "METADATA", "ground " + g.id()
                                + ": effect \"" + g.effect() + "\" is not one of " + EFFECTS));
                    }
                    if (!ruleLines.containsKey(g.id())) {
                        problems.add(Problem.error(meta.origin(), line, 0, "MISSING_RULE",
                                "ground " + g.id() + " has metadata but no rule \"" + g.id() + "\" in " + b.folder()));
                    }
                    for (String ref : g.basis()) {
                        citation(registry, ref, meta, problems);
                    }
                    for (StatuteMeta.DutyMeta d : g.duties()) {
                        citation(registry, d.basis(), meta, problems);
                    }
                }
                for (Map.Entry<String, Integer> r : ruleLines.entrySet()) {
                    if (sm.grounds().stream().noneMatch(g -> g.id().equals(r.getKey()))) {
                        problems.add(Problem.error(ruleFiles.get(r.getKey()).origin(), r.getValue(), 0, "MISSING_METADATA",
                                "rule \"" + r.getKey() + "\" has no entry in " + meta.origin()));
                    }
                }
                continue;
            }
            CatalogMeta cm = parse(meta, CatalogMeta.class, problems);
            if (cm == null) continue;
            checkCatalog(b, cm, registry, ruleLines, ruleFiles, unparsed, problems);
            if (catalogs.put(cm.id(), cm) != null) {
                problems.add(Problem.error(meta.origin(), SourceText.lineOf(meta.text(), "id: " + cm.id()), 0, "DUPLICATE_ID",
                        "catalog id \"" + cm.id() + "\" is used by two catalogs"));
            }
            versions.put(cm.id(), new CatalogVersion(cm.id(), cm.version(), b.contentHash()));
            for (ItemMeta it : cm.items()) {
                RuleBase.ItemRef ref = new RuleBase.ItemRef(cm, it);
                String prev = itemOrigin.put(it.id(), meta.origin());
                if (prev != null) {
                    problems.add(Problem.error(meta.origin(), SourceText.lineOf(meta.text(), "id: " + it.id()), 0, "DUPLICATE_ID",
                            "item id \"" + it.id() + "\" is also used in " + prev + "; item ids are permanent and unique"));
                }
                items.put(it.id(), ref);
                // a case names the violated provision (违法依据); the penalty provision (处罚依据) is indexed only for an
                // item that gives no 违法依据: one penalty clause often punishes several violations (税收征收管理法
                // 第60条第1款 punishes its items 1-5), and indexing it sent a case on 第1款第4项 to TAX-2 and TAX-14 as well
                Set<String> provisions = new LinkedHashSet<>(it.violationBasis().isEmpty()
                        ? it.penaltyBasis() : it.violationBasis());
                for (String v : provisions) {
                    Provisions.parse(v).ifPresent(p -> provisionIndex.add(new RuleBase.ProvisionIndex(p, v, ref)));
                }
            }
        }
        problems.addAll(groundIdCollisions(sources, items, grounds));
        checkExclusions(sources, catalogs, grounds, problems);
        if (sources.bundles().stream().noneMatch(Sources.Bundle::statute)) {
            problems.add(Problem.error("<classpath>", 0, 0, "NO_STATUTE",
                    "no statute layer found: rules-core's META-INF/discretion-rules.index must be on the class path"));
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            return new Result(null, problems);
        }
        KieBase kieBase = Prebuilt.lookup(sources, prebuiltFrom);
        boolean prebuilt = kieBase != null;
        if (!prebuilt) {
            kieBase = compile(sources, problems);
        }
        if (kieBase == null) {
            return new Result(null, problems);
        }
        List<Problem> warnings = problems.stream().filter(p -> !p.isError()).toList();
        return new Result(new RuleBase(kieBase, sources, catalogs, items, provisionIndex, grounds, registry, versions,
                warnings, prebuilt), problems);
    }

    private static void checkCatalog(Sources.Bundle b, CatalogMeta cm, LawRegistry registry,
                                     Map<String, Integer> ruleLines, Map<String, Sources.SourceFile> ruleFiles,
                                     boolean unparsed, List<Problem> problems) {
        Sources.SourceFile meta = b.meta();
        String origin = meta.origin();
        if (cm.id() == null || !cm.id().equals(b.folder())) {
            problems.add(Problem.error(origin, SourceText.lineOf(meta.text(), "id:"), 0, "METADATA",
                    "catalog id \"" + cm.id() + "\" must equal its folder name \"" + b.folder() + "\""));
        }
        require(cm.version(), "version", meta, problems);
        require(cm.title(), "title", meta, problems);
        require(cm.issuingBody(), "issuingBody", meta, problems);
        require(cm.level(), "level", meta, problems);
        require(cm.status(), "status", meta, problems);
        require(cm.fidelity(), "fidelity", meta, problems);
        if (cm.status() != null && !STATUSES.contains(cm.status())) {
            problems.add(Problem.error(origin, SourceText.lineOf(meta.text(), "status:"), 0, "METADATA",
                    "status \"" + cm.status() + "\" is not one of " + STATUSES));
        }
        if (cm.effectiveFrom() != null && cm.effectiveTo() != null && cm.effectiveTo().isBefore(cm.effectiveFrom())) {
            problems.add(Problem.error(origin, SourceText.lineOf(meta.text(), "effectiveTo:"), 0, "DATES",
                    "effectiveTo " + cm.effectiveTo() + " is before effectiveFrom " + cm.effectiveFrom()));
        }
        if (cm.publishedOn() != null && cm.publishedMonth() != null
                && !java.time.YearMonth.from(cm.publishedOn()).equals(cm.publishedMonth())) {
            problems.add(Problem.error(origin, SourceText.lineOf(meta.text(), "publishedMonth:"), 0, "DATES",
                    "publishedMonth " + cm.publishedMonth() + " does not agree with publishedOn " + cm.publishedOn()
                            + "; give publishedMonth only when the day is not known"));
        }
        if ("REPEALED".equals(cm.status()) && cm.effectiveTo() == null) {
            problems.add(Problem.error(origin, SourceText.lineOf(meta.text(), "status:"), 0, "DATES",
                    "a REPEALED catalog needs effectiveTo (its last day in force)"));
        }
        if ("IN_FORCE".equals(cm.status()) && cm.effectiveFrom() == null) {
            problems.add(Problem.error(origin, SourceText.lineOf(meta.text(), "status:"), 0, "DATES",
                    "an IN_FORCE catalog needs effectiveFrom; use status VALIDITY_UNVERIFIED when the date is unknown"));
        }
        checkJurisdiction(cm, meta, problems);
        if (cm.settings().limitation() != null) {
            // 行政处罚法 第36条: a special period belongs to the statute that sets it, not to a list (it governs every
            // violation of that statute, listed or not, and before the list took effect)
            problems.add(Problem.error(origin, SourceText.lineOf(meta.text(), "limitation:"), 0, "METADATA",
                    "settings.limitation is no longer read from a catalog: a special limitation period (e.g. 税收征收管理法 "
                            + "第86条, five years) belongs to the law registry — declare `limitation: {period: P5Y, basis: [\"86\"]}` "
                            + "on the instrument's version in law/*.yaml (see docs/catalog-format.md) and remove it here"
                            + (cm.settings().limitation().basis() == null ? "" : " (it named " + cm.settings().limitation().basis() + ")")));
        }
        for (ItemMeta it : cm.items()) {
            int line = SourceText.lineOf(meta.text(), "id: " + it.id());
            if (it.id() == null || it.list() == null || it.name() == null) {
                problems.add(Problem.error(origin, line, 0, "METADATA", "item " + it.id() + ": id, list and name are required"));
                continue;
            }
            if (!cm.lists().contains(it.list())) {
                problems.add(Problem.error(origin, line, 0, "METADATA", "item " + it.id() + " is on list " + it.list()
                        + " but the catalog declares lists " + cm.lists()));
            }
            if (it.applicability() == null || it.applicability().isBlank()) {
                problems.add(Problem.error(origin, line, 0, "MISSING_COLUMN", "item " + it.id() + ": 适用情形 (applicability) is required"));
            }
            if (it.handlingBasis().isEmpty() && (it.handlingBasisText() == null || it.handlingBasisText().isBlank())) {
                problems.add(Problem.error(origin, line, 0, "MISSING_COLUMN", "item " + it.id()
                        + ": the 依据 column is required (handlingBasis citations, or handlingBasisText when the list gives no citable provision)"));
            } else if (it.handlingBasis().isEmpty()) {
                problems.add(Problem.warning(origin, line, 0, "UNCITED_BASIS", "item " + it.id()
                        + ": the 依据 column has no citation the registry can quote (handlingBasis is empty)"));
            }
            if (it.effectiveFrom() != null && it.effectiveTo() != null && it.effectiveTo().isBefore(it.effectiveFrom())) {
                problems.add(Problem.error(origin, line, 0, "DATES", "item " + it.id() + ": effectiveTo is before effectiveFrom"));
            }
            for (String ref : it.violationBasis()) citation(registry, ref, meta, problems);
            for (String ref : it.penaltyBasis()) citation(registry, ref, meta, problems);
            for (String ref : it.handlingBasis()) citation(registry, ref, meta, problems);
            if (!ruleLines.containsKey(it.id()) && !unparsed) {
                // (a file that does not parse has its own error; its rules are not known, so none is "missing")
                problems.add(Problem.error(origin, line, 0, "MISSING_RULE",
                        "item " + it.id() + " has metadata but no rule \"" + it.id() + "\" in " + b.folder()));
            }
            Set<String> declared = new LinkedHashSet<>();
            for (FactSpec f : it.facts()) declared.add(f.name());
            Sources.SourceFile drl = ruleFiles.get(it.id());
            if (drl != null) {
                String body = SourceText.ruleBody(drl.text(), it.id());
                Matcher fm = FACT.matcher(body);
                while (fm.find()) {
                    if (!declared.contains(fm.group(1))) {
                        int at = drl.text().indexOf(body) + fm.start();
                        problems.add(Problem.error(drl.origin(), SourceText.lineOf(drl.text(), at), 0, "UNDECLARED_FACT",
                                "rule \"" + it.id() + "\" reads fact \"" + fm.group(1) + "\" which item " + it.id()
                                        + " does not declare under facts: in " + origin));
                    }
                }
            }
        }
        for (Map.Entry<String, Integer> r : ruleLines.entrySet()) {
            if (cm.items().stream().noneMatch(i -> r.getKey().equals(i.id()))) {
                problems.add(Problem.error(ruleFiles.get(r.getKey()).origin(), r.getValue(), 0, "MISSING_METADATA",
                        "rule \"" + r.getKey() + "\" has no item with id " + r.getKey() + " in " + origin));
            }
        }
    }

    /**
     * An item id equal to a statute ground id: ground and item would share one id in findings, reports and the why-not
     * list, and the catalog's rule would carry the name of a statute rule. Ids are one namespace.
     */
    private static List<Problem> groundIdCollisions(Sources sources, Map<String, RuleBase.ItemRef> items,
                                                    Map<String, StatuteMeta.GroundMeta> grounds) {
        List<Problem> out = new ArrayList<>();
        for (Sources.Bundle b : sources.bundles()) {
            if (b.statute()) continue;
            for (Map.Entry<String, RuleBase.ItemRef> e : items.entrySet()) {
                if (!grounds.containsKey(e.getKey()) || !e.getValue().catalog().id().equals(b.folder())) continue;
                out.add(Problem.error(b.meta().origin(), SourceText.lineOf(b.meta().text(), "id: " + e.getKey()), 0,
                        "DUPLICATE_ID", "item id \"" + e.getKey() + "\" is the id of a statute ground (statute layer); "
                        + "item ids and ground ids are one namespace: choose another id"));
            }
        }
        return out;
    }

    /**
     * 行政处罚法 第36条 periods in a law file: an ISO-8601 period of months or years (P6M, P2Y, P5Y, P10Y), and a
     * basis naming the provisions that set it.
     */
    /** A provision's {@code kinds:} must use the names of 行政处罚法 第九条 (a misspelt kind would never compare). */
    private static boolean kindsValid(Sources.SourceFile f, LawFile lf, List<Problem> problems) {
        boolean ok = true;
        for (LawFile.LawVersion v : lf.versions()) {
            for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : v.provisions().entrySet()) {
                com.fasterxml.jackson.databind.JsonNode kinds = e.getValue().get("kinds");
                if (kinds == null || kinds.isNull()) continue;
                int line = SourceText.lineOf(f.text(), "\"" + e.getKey() + "\"");
                if (!kinds.isArray()) {
                    problems.add(Problem.error(f.origin(), line, 0, "LAW_SCHEMA", lf.shortTitle() + " (" + v.version()
                            + ") " + e.getKey() + ": kinds must be a list of kinds of penalty, e.g. [警告, 罚款]"));
                    ok = false;
                    continue;
                }
                for (com.fasterxml.jackson.databind.JsonNode k : kinds) {
                    if (!org.discretion.rules.api.Readings.isPenaltyKind(k.asText())) {
                        problems.add(Problem.error(f.origin(), line, 0, "LAW_SCHEMA", lf.shortTitle() + " (" + v.version()
                                + ") " + e.getKey() + ": kind \"" + k.asText() + "\" is not a kind of penalty of 行政处罚法 第九条; use one of "
                                + org.discretion.rules.api.Readings.ARTICLE_9_KINDS.stream().flatMap(List::stream).toList()));
                        ok = false;
                    }
                }
            }
        }
        return ok;
    }

    private static boolean limitationsValid(Sources.SourceFile f, LawFile lf, List<Problem> problems) {
        boolean ok = true;
        for (LawFile.LawVersion v : lf.versions()) {
            LawFile.Limitation l = v.limitation();
            if (l == null) continue;
            int line = SourceText.lineOf(f.text(), "limitation:");
            List<String> periods = new ArrayList<>();
            periods.add(l.period());
            if (l.extended() != null) periods.add(l.extended().period());
            for (String p : periods) {
                String why = null;
                try {
                    java.time.Period parsed = java.time.Period.parse(p == null ? "" : p);
                    if (parsed.isNegative() || parsed.isZero()) why = "must be positive";
                } catch (java.time.format.DateTimeParseException e) {
                    why = "is not an ISO-8601 period such as P6M, P2Y or P5Y";
                }
                if (why != null) {
                    problems.add(Problem.error(f.origin(), line, 0, "LAW_SCHEMA", lf.shortTitle() + " (" + v.version()
                            + "): limitation period \"" + p + "\" " + why));
                    ok = false;
                }
            }
            if (l.basis().isEmpty()) {
                problems.add(Problem.error(f.origin(), line, 0, "LAW_SCHEMA", lf.shortTitle() + " (" + v.version()
                        + "): limitation needs a basis, the provisions that set the period (e.g. [\"86\"])"));
                ok = false;
            }
            if (l.extended() != null && !"LIFE_HEALTH_OR_FINANCIAL_SAFETY_WITH_HARM".equals(l.extended().when())) {
                problems.add(Problem.error(f.origin(), line, 0, "LAW_SCHEMA", lf.shortTitle() + " (" + v.version()
                        + "): limitation.extended.when \"" + l.extended().when()
                        + "\" is not known; the engine knows LIFE_HEALTH_OR_FINANCIAL_SAFETY_WITH_HARM"));
                ok = false;
            }
        }
        return ok;
    }

    /**
     * Each limitation basis resolves in the registry (the article that sets the period is quoted in decisions):
     * checked for the limitations a law file declares, in that file (its own versions, by label).
     */
    private static void checkLimitationCitations(LawTextGuard.Located f, LawRegistry registry, List<Problem> problems) {
        String shortTitle = f.file().shortTitle();
        for (LawFile.LawVersion lv : f.file().versions()) {
            if (lv.limitation() == null) continue;
            for (LawRegistry.Version v : registry.versions(shortTitle)) {
                if (!v.label().equals(lv.version())) continue;
                for (String ref : registry.limitationCitations(v)) {
                    String why = registry.problem(ref);
                    if (why != null) {
                        problems.add(Problem.error(f.origin(), SourceText.lineOf(f.text(), "limitation:"), 0, "CITATION",
                                "limitation basis of " + shortTitle + " (" + v.label() + "): " + why));
                    }
                }
            }
        }
    }

    /** A catalog's {@code exclusions} must name exclusion rules (effect EXCLUDE_LISTS) of the statute layer. */
    private static void checkExclusions(Sources sources, Map<String, CatalogMeta> catalogs,
                                        Map<String, StatuteMeta.GroundMeta> grounds, List<Problem> problems) {
        for (Sources.Bundle b : sources.bundles()) {
            CatalogMeta cm = b.statute() ? null : catalogs.get(b.folder());
            if (cm == null) continue;
            for (String x : cm.exclusions()) {
                StatuteMeta.GroundMeta g = grounds.get(x);
                if (g == null || !"EXCLUDE_LISTS".equals(g.effect())) {
                    problems.add(Problem.error(b.meta().origin(), SourceText.lineOf(b.meta().text(), "exclusions:"), 0,
                            "METADATA", "exclusions: \"" + x + "\" is not an exclusion rule of the statute layer (known: "
                                    + grounds.values().stream().filter(e -> "EXCLUDE_LISTS".equals(e.effect()))
                                    .map(StatuteMeta.GroundMeta::id).sorted().toList() + ")"));
                }
            }
        }
    }

    /** Where the list applies: a known level, and a six-digit division code below NATIONAL (warned when absent). */
    private static void checkJurisdiction(CatalogMeta cm, Sources.SourceFile meta, List<Problem> problems) {
        String origin = meta.origin();
        if (cm.level() != null && !Jurisdiction.LEVELS.contains(cm.level())) {
            problems.add(Problem.error(origin, SourceText.lineOf(meta.text(), "level:"), 0, "METADATA",
                    "level \"" + cm.level() + "\" is not one of " + Jurisdiction.LEVELS));
            return;
        }
        String code = cm.jurisdiction() == null ? null : cm.jurisdiction().divisionCode();
        if (code != null && !code.matches("[0-9]{6}")) {
            problems.add(Problem.error(origin, SourceText.lineOf(meta.text(), "divisionCode:"), 0, "METADATA",
                    "jurisdiction.divisionCode must be the six-digit 行政区划代码 (GB/T 2260) of the issuing body's area, "
                            + "e.g. '310000' for 上海市 (quote it in YAML), was \"" + code + "\""));
        } else if (code != null && cm.level() != null && !"NATIONAL".equals(cm.level())) {
            boolean shape = switch (cm.level()) {
                case "PROVINCIAL" -> code.endsWith("0000");
                case "MUNICIPAL" -> code.endsWith("00") && !code.endsWith("0000");
                default -> !code.endsWith("00");
            };
            if (!shape) {
                problems.add(Problem.error(origin, SourceText.lineOf(meta.text(), "divisionCode:"), 0, "METADATA",
                        "jurisdiction.divisionCode " + code + " is not the code of a " + cm.level() + " division "
                                + "(province: xx0000, city: xxxx00, county: ending otherwise)"));
            }
        } else if (code == null && cm.level() != null && !"NATIONAL".equals(cm.level())) {
            problems.add(Problem.warning(origin, SourceText.lineOf(meta.text(), "level:"), 0, "METADATA",
                    "no jurisdiction.divisionCode: the list cannot be limited to its area, so it is considered for a case "
                            + "from anywhere; declare the issuing body's 行政区划代码 (docs/catalog-format.md)"));
        }
    }

    private static void require(Object v, String field, Sources.SourceFile meta, List<Problem> problems) {
        if (v == null || (v instanceof String s && s.isBlank())) {
            problems.add(Problem.error(meta.origin(), 1, 0, "METADATA", "\"" + field + "\" is required"));
        }
    }

    private static void citation(LawRegistry registry, String ref, Sources.SourceFile meta, List<Problem> problems) {
        String p = registry.problem(ref);
        if (p != null) {
            problems.add(Problem.error(meta.origin(), SourceText.lineOf(meta.text(), ref == null ? "" : ref), 0,
                    "UNRESOLVED_CITATION", p));
        }
    }

    private static <T> T parse(Sources.SourceFile f, Class<T> type, List<Problem> problems) {
        try {
            return Yaml.YAML.readValue(f.text(), type);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int cut = msg.indexOf(" (class ");
            if (cut > 0) msg = msg.substring(0, cut);
            problems.add(Problem.error(f.origin(), loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "YAML_SCHEMA", msg.replace('\n', ' ')));
            return null;
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(f.origin(), 0, 0, "YAML_SCHEMA", e.getMessage()));
            return null;
        }
    }

    /** Compiles all DRL into one KieBase (classic path: right line numbers, faster builds; drools-notes.md). */
    private static KieBase compile(Sources sources, List<Problem> problems) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.discretion.generated", "rules-" + UUID.randomUUID(), "1.0");
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> origins = new HashMap<>();
        for (Sources.Bundle b : sources.bundles()) {
            int n = 0;
            for (Sources.SourceFile f : b.drl()) {
                String path = "src/main/resources/" + b.packageName().replace('.', '/') + "/rules" + (n++ == 0 ? "" : n) + ".drl";
                origins.put(path, f.origin());
                origins.put(path.substring("src/main/resources/".length()), f.origin());
                kfs.write(path, f.text());
            }
        }
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll(DrlProject.class);
        List<Message> errors = kb.getResults().getMessages(Message.Level.ERROR);
        try {
            if (!errors.isEmpty()) {
                boolean located = errors.stream().anyMatch(m -> m.getLine() > 0);
                for (Message m : errors) {
                    // "Parser returned a null Package" only repeats that the file did not parse
                    if (located && m.getLine() <= 0 && m.getText() != null && m.getText().contains("null Package")) continue;
                    String origin = m.getPath() == null ? "<drl>" : origins.getOrDefault(m.getPath(), m.getPath());
                    problems.add(Problem.error(origin, Math.max(m.getLine(), 0), Math.max(m.getColumn(), 0),
                            "DRL", cleanDroolsMessage(m.getText())));
                }
                return null;
            }
            return ks.newKieContainer(releaseId).getKieBase();
        } finally {
            // every built module otherwise stays in the global repository (drools-notes.md: heap grows per rebuild)
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static String cleanDroolsMessage(String text) {
        String t = text.replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return t.replaceFirst("^\\[ERR \\d+\\] ", "").replaceFirst("^Line \\d+:\\d+ ", "");
    }

}
