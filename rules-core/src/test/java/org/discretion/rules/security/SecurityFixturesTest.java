package org.discretion.rules.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CatalogBuildException;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.EvaluationLimitException;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.Party;
import org.discretion.rules.api.Problem;
import org.discretion.rules.api.Settings;
import org.discretion.rules.tooling.CatalogChecker;
import org.discretion.rules.tooling.CheckReport;

/**
 * One fixture per attack class of issue 10 (src/test/resources/security/attacks/*.drl, each replacing the rules of
 * a minimal catalog), each rejected by the build that every entry point shares (check, evaluate --catalogs, reload,
 * catalogDirectory) with its location and message; plus the attacks that need more than a rule file (law override,
 * item id = ground id, a statute layer in a folder, an empty folder) and the evaluation bounds.
 */
class SecurityFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/security").toAbsolutePath();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @TempDir
    Path tmp;

    /** attack file → "line:column CODE message-start". */
    static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("xmldecoder-split-fqcn", "11:4 UNSAFE_CODE rule \"SEC-1\": \"java\" found: the consequence (then) "
                    + "must be exactly insert($c.finding( <conditions> ));"),
            Map.entry("forbidden-import", "6:0 UNSAFE_CODE import \"java.beans.XMLDecoder\" is not allowed: a rule file "
                    + "may import only org.discretion.rules.api.*, org.discretion.rules.facts.* and static "
                    + "org.discretion.rules.facts.Conditions.*"),
            Map.entry("mvel-dialect", "7:21 UNSAFE_CODE rule \"SEC-1\": the attribute \"dialect\" is not allowed: catalog "
                    + "rules have no attributes"),
            Map.entry("mvel-package-dialect", "3:8 UNSAFE_CODE the package attribute \"dialect\" is not allowed"),
            Map.entry("loop-consequence", "11:4 UNSAFE_CODE rule \"SEC-1\": \"while\" found: the consequence (then) must "
                    + "be exactly insert($c.finding( <conditions> ));"),
            Map.entry("wait-consequence", "11:4 UNSAFE_CODE rule \"SEC-1\": \"synchronized\" found"),
            Map.entry("self-reactivating", "12:4 UNSAFE_CODE rule \"SEC-1\": \"insert\": nothing may follow "
                    + "insert($c.finding(…)); — a consequence is exactly one insert of the rule's finding"),
            Map.entry("forge-other-catalog-item", "9:20 UNSAFE_CODE rule \"SEC-1\" matches item \"TAX-1\": a rule speaks "
                    + "only for the item it is named after; write Candidate( item == \"SEC-1\" )"),
            Map.entry("forge-statute-ground", "9:4 UNSAFE_CODE rule \"SEC-1\": pattern $v : CaseView(…) is not allowed"),
            Map.entry("forge-finding-constructor", "11:11 UNSAFE_CODE rule \"SEC-1\": \"new\" found: insert only the "
                    + "rule's own finding"),
            Map.entry("unquoted-rule-name", "7:0 UNSAFE_CODE rule Forged: the rule name must be the item id in double "
                    + "quotes, rule \"Forged\""),
            Map.entry("enabled-false", "7:21 UNSAFE_CODE rule \"SEC-1\": the attribute \"enabled\" is not allowed"),
            Map.entry("date-expires", "7:26 UNSAFE_CODE rule \"SEC-1\": the attribute \"date-expires\" is not allowed"),
            Map.entry("computed-salience", "7:22 UNSAFE_CODE rule \"SEC-1\": the attribute \"salience\" is not allowed"),
            Map.entry("accumulate", "10:4 UNSAFE_CODE rule \"SEC-1\": more than one pattern or element (pattern); the "
                    + "condition part (when) must be exactly $c : Candidate( item == \"SEC-1\" )"),
            Map.entry("eval-and-from", "10:4 UNSAFE_CODE rule \"SEC-1\": more than one pattern or element (eval(…))"),
            Map.entry("random", "11:31 UNSAFE_CODE rule \"SEC-1\": \"new\" is not allowed: a rule creates nothing"),
            Map.entry("anonymous-class", "11:22 UNSAFE_CODE rule \"SEC-1\": \"new\" is not allowed"),
            Map.entry("enum-compared-with-string", "9:37 UNSAFE_CODE rule \"SEC-1\": the constraint \"item == \"SEC-1\", "
                    + "input.severity == \"MINOR\"\" is not allowed"),
            Map.entry("string-for-enum", "11:22 UNSAFE_CODE rule \"SEC-1\": harmAtMost(String) does not match "
                    + "harmAtMost(Harm); arguments are literals only"),
            Map.entry("unicode-escape", "11:42 UNSAFE_CODE rule \"SEC-1\": a backslash is not allowed in a label or "
                    + "argument"),
            Map.entry("function-global-query", "7:0 UNSAFE_CODE \"global sink\" is not allowed: globals are shared by "
                    + "every evaluation"),
            Map.entry("second-statement", "12:4 UNSAFE_CODE rule \"SEC-1\": \"System\": nothing may follow"),
            Map.entry("half-written", "12:0 UNSAFE_CODE rule \"SEC-1\": the consequence ends before the next condition"),
            Map.entry("half-written-rule", "11:0 DRL mismatched input 'end' in rule \"SEC-1\""),
            Map.entry("duplicate-rule-name", "14:0 DUPLICATE_RULE rule \"SEC-1\" is defined twice"));

    static Stream<Arguments> attacks() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("attacks"))) {
            return s.map(p -> p.getFileName().toString().replace(".drl", "")).sorted()
                    .map(Arguments::of).toList().stream();
        }
    }

    private Path catalogWith(Path drl) throws IOException {
        Path cat = tmp.resolve("sec_list");
        Files.createDirectories(cat);
        Files.copy(ROOT.resolve("base/sec_list/catalog.yaml"), cat.resolve("catalog.yaml"));
        Files.copy(drl, cat.resolve("rules.drl"));
        Files.createDirectories(tmp.resolve("law"));
        Files.copy(ROOT.resolve("base/law/shuishou.yaml"), tmp.resolve("law/shuishou.yaml"));
        return cat;
    }

    private CheckReport check(Path dir) {
        return CatalogChecker.forDirectory(dir).today(TODAY).executableModel(false).analysis(false).check();
    }

    private static String shown(Problem p) {
        return p.line() + ":" + p.column() + " " + p.code() + " " + p.message();
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void everyAttackIsRejectedWithItsLocationAndMessage(String attack) throws IOException {
        assertThat(EXPECTED).as("expectation for fixture " + attack).containsKey(attack);
        Path cat = catalogWith(ROOT.resolve("attacks/" + attack + ".drl"));
        CheckReport r = check(tmp);
        assertThat(r.hasErrors()).isTrue();
        List<Problem> errors = r.diagnostics().stream().map(CheckReport.Diagnostic::problem).filter(Problem::isError).toList();
        assertThat(errors).as(attack).anySatisfy(p -> {
            assertThat(p.file()).isIn(cat.resolve("rules.drl").toString(), cat.resolve("catalog.yaml").toString());
            assertThat(shown(p)).startsWith(EXPECTED.get(attack));
        });
        // nothing was compiled: no Drools stack trace or compiler message reaches the author
        assertThat(errors).noneMatch(p -> p.message().contains("Exception") || p.message().contains("\tat "));
        // the same sources never build an engine either (evaluate --catalogs, the service, embedders)
        assertThatThrownBy(() -> DiscretionEngine.builder().catalogDirectory(tmp).build())
                .isInstanceOf(CatalogBuildException.class).hasMessageContaining(cat.resolve("rules.drl").toString());
    }

    @Test
    void everyFixtureHasAnExpectation() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("attacks"))) {
            assertThat(new TreeSet<>(s.map(p -> p.getFileName().toString().replace(".drl", "")).toList()))
                    .isEqualTo(new TreeSet<>(EXPECTED.keySet()));
        }
    }

    @Test
    void theBaseCatalogIsAccepted() throws IOException {
        catalogWith(ROOT.resolve("base/sec_list/rules.drl"));
        CheckReport r = check(tmp);
        assertThat(r.hasErrors()).as(r.diagnostics().toString()).isFalse();
        assertThat(r.items()).isEqualTo(2);
    }

    @Test
    void aLawFileCannotReplaceATextOfTheStatuteLayer() throws IOException {
        catalogWith(ROOT.resolve("base/sec_list/rules.drl"));
        Path law = Files.copy(ROOT.resolve("law-override/xzcf-override.yaml"), tmp.resolve("law/xzcf-override.yaml"));
        List<Problem> errors = check(tmp).diagnostics().stream().map(CheckReport.Diagnostic::problem)
                .filter(p -> p.code().equals("LAW_OVERRIDE")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).file()).isEqualTo(law.toString());
        assertThat(errors.get(0).line()).isEqualTo(9);
        assertThat(errors.get(0).message()).isEqualTo("行政处罚法（2021年修订） provision \"33.1\" has a different text than "
                + "in law/xzcf.yaml; a catalog may add instruments, versions and provisions but never replace a text "
                + "(was: 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害后果轻微…)");
    }

    @Test
    void aSecondFineOrLimitationForTheSameProvisionOrVersionIsALawOverride() throws IOException {
        catalogWith(ROOT.resolve("base/sec_list/rules.drl"));
        String law = """
                instrument: 某某管理条例
                short: 某某条例
                versions:
                  - version: 2020年
                    effectiveFrom: 2020-01-01
                    limitation: {period: %s, basis: ["30"]}
                    provisions:
                      "30": {text: 违反本条例的，处一千元以上一万元以下罚款。, fine: {min: 1000, max: %s}, kinds: [罚款]}
                """;
        Files.writeString(tmp.resolve("law/a.yaml"), law.formatted("P2Y", "10000"));
        // the same text and meaning again: accepted
        Files.writeString(tmp.resolve("law/b.yaml"), law.formatted("P2Y", "10000"));
        assertThat(check(tmp).diagnostics()).noneMatch(d -> d.problem().code().equals("LAW_OVERRIDE"));
        // the same text with another maximum fine, and another period for the version: both refused
        Files.writeString(tmp.resolve("law/b.yaml"), law.formatted("P5Y", "100000"));
        List<String> errors = check(tmp).diagnostics().stream().map(CheckReport.Diagnostic::problem)
                .filter(p -> p.code().equals("LAW_OVERRIDE")).map(Problem::message).toList();
        assertThat(errors).containsExactlyInAnyOrder(
                "version \"2020年\" of 某某条例 has another limitation period than in " + tmp.resolve("law/a.yaml")
                        + " (P2Y, basis 30)",
                "某某条例（2020年） provision \"30\" has another fine than in " + tmp.resolve("law/a.yaml")
                        + "; a catalog may add instruments, versions and provisions but never replace what they say "
                        + "(was: {\"min\":1000,\"max\":10000})");
    }

    @Test
    void aLimitationBasisThatDoesNotResolveIsACitationErrorOfItsOwnFileOnly() throws IOException {
        catalogWith(ROOT.resolve("base/sec_list/rules.drl"));
        Files.writeString(tmp.resolve("law/a.yaml"), """
                instrument: 某某管理条例
                short: 某某条例
                versions:
                  - version: 2020年
                    effectiveFrom: 2020-01-01
                    limitation: {period: P3Y, basis: ["99"]}
                    provisions:
                      "30": 违反本条例的，处一千元以上一万元以下罚款。
                """);
        // a law whose short title starts with the other's ("short: 某某条例" is a prefix of its line) declares none
        Files.writeString(tmp.resolve("law/b.yaml"), """
                instrument: 某某管理条例实施细则
                short: 某某条例实施细则
                versions:
                  - version: 2021年
                    effectiveFrom: 2021-01-01
                    provisions:
                      "1": 根据《某某管理条例》，制定本细则。
                """);
        List<Problem> errors = check(tmp).diagnostics().stream().map(CheckReport.Diagnostic::problem)
                .filter(p -> p.code().equals("CITATION") && p.message().startsWith("limitation basis of")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).file()).isEqualTo(tmp.resolve("law/a.yaml").toString());
    }

    @Test
    void aLawFileMayRepeatAnIdenticalText() throws IOException {
        catalogWith(ROOT.resolve("base/sec_list/rules.drl"));
        Files.writeString(tmp.resolve("law/xzcf-extra.yaml"), Files.readString(ROOT.resolve("law-override/xzcf-override.yaml"))
                .replace("违法行为轻微的，一律不予行政处罚。", "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。"
                        + "初次违法且危害后果轻微并及时改正的，可以不予行政处罚。"));
        CheckReport r = check(tmp);
        assertThat(r.diagnostics()).noneMatch(d -> d.problem().isError());
    }

    @Test
    void anItemIdEqualToAStatuteGroundIdIsABuildError() throws IOException {
        Path cat = catalogWith(ROOT.resolve("base/sec_list/rules.drl"));
        for (String f : List.of("catalog.yaml", "rules.drl")) {
            Files.writeString(cat.resolve(f), Files.readString(cat.resolve(f)).replace("SEC-1", "XZCF-32"));
        }
        List<Problem> errors = check(tmp).diagnostics().stream().map(CheckReport.Diagnostic::problem)
                .filter(Problem::isError).toList();
        assertThat(errors).extracting(SecurityFixturesTest::shown).containsExactly("16:0 DUPLICATE_ID item id \"XZCF-32\" "
                + "is the id of a statute ground (statute layer); item ids and ground ids are one namespace: choose "
                + "another id");
    }

    @Test
    void aFolderCannotBringAStatuteLayer() throws IOException {
        Path statute = tmp.resolve("statute");
        Files.createDirectories(statute);
        Files.writeString(statute.resolve("grounds.yaml"), "grounds: []\n");
        Files.writeString(statute.resolve("rules.drl"), "package statute;\n");
        CheckReport r = check(tmp);
        assertThat(r.diagnostics()).extracting(d -> d.problem().code() + " " + d.problem().message())
                .containsExactly("NO_CATALOG " + statute.resolve("grounds.yaml") + ": a catalog directory cannot hold a "
                        + "statute layer (grounds.yaml); statutory grounds come only from rules-core. A catalog folder "
                        + "holds catalog.yaml and its .drl files");
    }

    @Test
    void aFolderWithNoCatalogIsAnErrorNotZeroItemsChecked() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        CheckReport r = check(tmp.resolve("empty"));
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.diagnostics()).extracting(d -> d.problem().message()).containsExactly("no catalog in "
                + tmp.resolve("empty") + ": give a catalog folder (holding catalog.yaml and rules.drl) or a folder of "
                + "such catalog folders (and law/*.yaml)");
    }

    @Test
    void aCatalogFolderItselfIsCheckedLikeAFolderOfCatalogs() throws IOException {
        Path cat = catalogWith(ROOT.resolve("base/sec_list/rules.drl"));
        CheckReport r = check(cat);
        assertThat(r.hasErrors()).as(r.diagnostics().toString()).isFalse();
        assertThat(r.items()).isEqualTo(2);
    }

    @Test
    void evaluationIsBoundedByTheFiringLimitWithAnErrorNamingTheCase() throws IOException {
        catalogWith(ROOT.resolve("base/sec_list/rules.drl"));
        CaseInput in = CaseInput.builder("bounded-1").item("SEC-1").party(Party.organization())
                .actDate(TODAY).discoveryDate(TODAY).decisionDate(TODAY).firstOffense(true).harm(Harm.MINOR).build();
        DiscretionEngine ok = DiscretionEngine.builder().catalogDirectory(tmp).build();
        assertThat(ok.evaluate(in).id()).isEqualTo("bounded-1");
        // the statute layer alone fires once per ground: a limit of 3 cannot be met by any case
        DiscretionEngine tight = DiscretionEngine.builder().catalogDirectory(tmp)
                .settings(Settings.defaults().withEvaluationBounds(3, Duration.ofSeconds(5))).build();
        assertThatThrownBy(() -> tight.evaluate(in)).isInstanceOf(EvaluationLimitException.class)
                .hasMessage("case \"bounded-1\": the rules fired more than 3 times (Settings.maxFirings) and were "
                        + "stopped; no decision was made");
        // a batch goes on: only that case fails
        assertThat(tight.evaluateAll(List.of(in, in))).allSatisfy(e -> assertThat(e.ok()).isFalse());
    }

    @Test
    void evaluationIsBoundedByTheTimeBudget() throws IOException {
        catalogWith(ROOT.resolve("base/sec_list/rules.drl"));
        CaseInput in = CaseInput.builder("slow-1").item("SEC-1").party(Party.organization())
                .actDate(TODAY).discoveryDate(TODAY).decisionDate(TODAY).build();
        DiscretionEngine tight = DiscretionEngine.builder().catalogDirectory(tmp)
                .settings(Settings.defaults().withEvaluationBounds(10_000, Duration.ofNanos(1))).build();
        assertThatThrownBy(() -> tight.evaluate(in)).isInstanceOf(EvaluationLimitException.class)
                .hasMessageStartingWith("case \"slow-1\": the rules ran longer than the time budget of 0 ms "
                        + "(Settings.timeBudget) and were stopped after ");
    }
}
