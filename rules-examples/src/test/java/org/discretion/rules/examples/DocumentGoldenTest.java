package org.discretion.rules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.discretion.rules.api.Agency;
import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DecisionDocuments;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.api.MatchedItem;
import org.discretion.rules.api.PartyType;
import org.discretion.rules.internal.EngineImpl;
import org.discretion.rules.internal.RuleBase;
import org.discretion.rules.scenario.Scenario;
import org.discretion.rules.scenario.ScenarioLoader;
import org.discretion.rules.scenario.ScenarioSuite;

/**
 * The review set of decision documents (docs/decision-documents.md): one golden document per handling kind and one
 * per shipped list, committed under {@code golden/documents/} and compared byte for byte
 * ({@code -Dgolden.write=true} rewrites them); and, over every example, scenario and seeded case, that no document
 * carries the engine's vocabulary and that no act is described by the conditions of a list item that failed.
 */
class DocumentGoldenTest {
    static final Path DIR = Path.of("src/test/resources/golden/documents");

    record Drafted(String name, CaseInput in, Decision decision, String markdown) {
    }

    static DiscretionEngine engine;
    static List<Drafted> all;

    @BeforeAll
    static void draftAll() throws IOException {
        engine = DiscretionEngine.builder().classpathCatalogs().clock(new DecisionGoldenTest.TodayClock()).build();
        all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../examples/cases"))) {
            for (Path f : files.sorted().toList()) {
                for (CaseJson.Parsed p : CaseJson.parse(Files.readString(f, StandardCharsets.UTF_8))) {
                    if (p.ok()) draft(f.getFileName().toString(), p.input(), DecisionGoldenTest.DEFAULT_TODAY);
                }
            }
        }
        for (Path f : ScenarioLoader.find(ScenarioSuitesTest.SCENARIOS)) {
            ScenarioSuite suite = ScenarioLoader.load(f);
            for (Scenario s : suite.scenarios()) {
                ObjectNode json = suite.caseOf(s);
                LocalDate today = suite.evaluationDateOf(s) != null ? suite.evaluationDateOf(s) : DecisionGoldenTest.DEFAULT_TODAY;
                try {
                    draft(f.getFileName() + ":" + s.line(), CaseJson.toCase(json), today);
                } catch (InvalidCaseException e) {
                    // a scenario about bad input: no document
                }
            }
        }
        RuleBase rb = ((EngineImpl) engine).ruleBase();
        List<RuleBase.ItemRef> refs = rb.items().values().stream().sorted(Comparator.comparing(x -> x.item().id())).toList();
        SplittableRandom r = new SplittableRandom(20261128L);
        for (int i = 0; i < 1200; i++) {
            try {
                draft("gen-" + i, DecisionGoldenTest.generated(i, r, refs), DecisionGoldenTest.DEFAULT_TODAY);
            } catch (InvalidCaseException e) {
                // the decision golden test covers these
            }
        }
    }

    private static void draft(String name, CaseInput in, LocalDate today) {
        DecisionGoldenTest.TodayClock.TODAY.set(today);
        try {
            Decision d = engine.evaluate(in);
            all.add(new Drafted(name, in, d, DecisionDocuments.markdown(d, in)));
        } finally {
            DecisionGoldenTest.TodayClock.TODAY.remove();
        }
    }

    /** The particulars a case-handling system would add, for the handling-kind documents. */
    static CaseInput withParticulars(CaseInput in) {
        boolean person = in.party().type() == PartyType.INDIVIDUAL;
        return new CaseInput(in.id(), in.item(), in.provision(), in.catalogs(),
                in.party().named(person ? "张某" : "某某商贸有限公司", person ? "410526200801010000" : "91410526MA0000000X"),
                in.actDate(), in.actEndDate(), in.discoveryDate(), in.decisionDate(), in.firstOffense(),
                in.priorViolations(), in.correction(), in.severity(), in.harm(), in.circumstances(), in.illegalGains(),
                in.penaltyRange(), in.facts(), "滑市监处字〔2024〕第001号", new Agency("滑县市场监督管理局", "410526"), null,
                List.of("现场检查笔录", "询问笔录", "当事人的营业执照复印件"));
    }

    /** One document per handling kind (with particulars) and one per shipped list (with the blanks left). */
    static Map<String, String> reviewSet() {
        Map<String, String> set = new LinkedHashMap<>();
        for (Handling h : Handling.values()) {
            all.stream().filter(x -> x.decision().handling() == h && !x.name().startsWith("gen-")).findFirst()
                    .or(() -> all.stream().filter(x -> x.decision().handling() == h).findFirst())
                    .ifPresent(x -> {
                        CaseInput in = withParticulars(x.in());
                        DecisionGoldenTest.TodayClock.TODAY.set(LocalDate.of(2026, 11, 28));
                        try {
                            Decision d = engine.evaluate(in);
                            set.put("handling-" + h.name().toLowerCase().replace('_', '-') + ".md",
                                    "<!-- " + x.name() + " -->\n" + DecisionDocuments.markdown(d, in));
                        } finally {
                            DecisionGoldenTest.TodayClock.TODAY.remove();
                        }
                    });
        }
        RuleBase rb = ((EngineImpl) engine).ruleBase();
        for (String catalog : rb.catalogs().keySet().stream().sorted().toList()) {
            all.stream().filter(x -> !x.name().startsWith("gen-") && x.decision().items().stream()
                            .anyMatch(m -> m.catalog().equals(catalog)))
                    .findFirst()
                    .or(() -> all.stream().filter(x -> x.decision().items().stream().anyMatch(m -> m.catalog().equals(catalog))).findFirst())
                    .ifPresent(x -> set.put("list-" + catalog.replace('_', '-') + ".md",
                            "<!-- " + x.name() + " -->\n" + x.markdown()));
        }
        return set;
    }

    @Test
    void reviewSetIsIdenticalToTheGoldenDocuments() throws IOException {
        Map<String, String> set = reviewSet();
        assertThat(set.keySet()).as("one document per handling kind and per shipped list")
                .contains("handling-no-penalty.md", "handling-may-no-penalty.md", "handling-lenient.md",
                        "handling-mitigated.md", "handling-lenient-or-mitigated.md", "handling-aggravated.md",
                        "handling-standard.md", "handling-time-barred.md", "handling-refer-criminal.md",
                        "handling-insufficient-facts.md")
                .hasSizeGreaterThanOrEqualTo(20);
        if (Boolean.getBoolean("golden.write")) {
            Files.createDirectories(DIR);
            try (Stream<Path> old = Files.list(DIR)) {
                for (Path p : old.toList()) Files.delete(p);
            }
            for (Map.Entry<String, String> e : set.entrySet()) {
                Files.writeString(DIR.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        }
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(set.keySet().stream().sorted().toList());
        }
        for (Map.Entry<String, String> e : set.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(Files.readString(DIR.resolve(e.getKey()), StandardCharsets.UTF_8));
        }
    }

    /** What a signed document never says: enum names, ids, null, ISO dates, engine notation, 第一句. */
    static final Pattern FORBIDDEN = Pattern.compile(
            "\\b[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)+\\b|\\b(?:HELD|FAILED|UNKNOWN|null|true|false)\\b|\\d{4}-\\d{2}-\\d{2}"
                    + "|— 元|（不含）|asOf|party\\.|facts\\.|较(?:低|高)的\\d+%|款第[一二三四五]句");

    @Test
    void noDocumentCarriesTheEnginesVocabulary() {
        List<String> bad = new ArrayList<>();
        for (Drafted x : all) {
            Matcher m = FORBIDDEN.matcher(x.markdown());
            if (m.find()) bad.add(x.name() + ": “" + m.group() + "” in …"
                    + x.markdown().substring(Math.max(0, m.start() - 40), Math.min(x.markdown().length(), m.end() + 20)) + "…");
        }
        assertThat(all).hasSizeGreaterThan(1000);
        assertThat(bad).as("documents with engine vocabulary").isEmpty();
    }

    @Test
    void theExplanationAndTheDocumentNeverDescribeTheActByAFailedItem() {
        RuleBase rb = ((EngineImpl) engine).ruleBase();
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (Drafted x : all) {
            String item = x.in().item();
            if (item == null || !rb.items().containsKey(item)) continue;
            boolean applied = x.decision().items().stream().map(MatchedItem::item).anyMatch(item::equals);
            if (applied) continue;
            checked++;
            String name = rb.items().get(item).item().name().strip().replaceAll("[。；]$", "");
            if (x.markdown().contains(name) || x.decision().explanation().contains(name)) bad.add(x.name() + " (" + item + ")");
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(bad).as("acts described by a failed item's title").isEmpty();
    }

    @Test
    void everyHandlingHasItsDocumentAndEveryNoPenaltyCitesArticle57() {
        for (Drafted x : all) {
            Decision d = x.decision();
            assertThat(x.markdown()).as(x.name()).contains("## " + DecisionDocuments.title(d));
            if (d.handling() == Handling.NO_PENALTY) {
                assertThat(x.markdown()).as(x.name()).contains("第五十七条第一款第（二）项");
            }
            if (d.handling() == Handling.TIME_BARRED) {
                assertThat(x.markdown()).as(x.name()).contains("不予立案").contains("撤销立案").contains("被发现，已超过");
            }
            if (d.coercion() != null && d.coercion().name().equals("NO_COERCION")) {
                assertThat(x.markdown()).as(x.name()).contains("关于不采取行政强制措施的说明").contains("可以不采取行政强制措施");
            }
        }
    }

    @Test
    void absentParticularsAreMarkedBlanksAndGivenOnesArePrinted() {
        Drafted x = all.stream().filter(d -> d.decision().handling() == Handling.NO_PENALTY).findFirst().orElseThrow();
        assertThat(x.markdown()).contains("【当事人姓名或者名称】").contains("【文书编号】").contains("【行政机关名称】")
                .contains("【证据名称】");
        CaseInput in = withParticulars(x.in());
        String md = DecisionDocuments.markdown(engine.evaluate(in), in);
        assertThat(md).contains("# 滑县市场监督管理局").contains("滑市监处字〔2024〕第001号").contains("现场检查笔录、询问笔录")
                .doesNotContain("【当事人姓名或者名称】").doesNotContain("【文书编号】");
    }

    @Test
    void theDocxOpensInPoiAndHoldsTheText() throws IOException {
        Drafted x = all.stream().filter(d -> d.decision().handling() == Handling.LENIENT_OR_MITIGATED).findFirst().orElseThrow();
        CaseInput in = withParticulars(x.in());
        Decision d = engine.evaluate(in);
        byte[] docx = DecisionDocuments.render(d, in, DecisionDocuments.Format.DOCX);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("行政处罚决定书").contains("滑县市场监督管理局").contains("本机关认为，")
                    .contains(d.explanation().split("\n")[1]);
            assertThat(text).doesNotContain("{{").doesNotContain("## ");
        }
    }
}
