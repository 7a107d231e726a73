package org.discretion.rules.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.Problem;
import org.discretion.rules.tooling.CheckReport.Diagnostic;

/**
 * One broken fixture per kind of error (src/test/resources/fixtures/&lt;kind&gt;/): each asserts the exact message,
 * the file, the line and the column the author sees.
 */
class BrokenFixturesTest {

    private static List<Diagnostic> only(String kind, String code) {
        CheckReport r = CatalogChecker.forDirectory(Fixtures.dir(kind)).today(Fixtures.TODAY)
                .executableModel(false).check();
        return r.diagnostics().stream().filter(d -> d.problem().code().equals(code)).toList();
    }

    private static void located(Problem p, String kind, String file, int line, int column) {
        assertThat(p.file()).isEqualTo(Fixtures.file(kind, file));
        assertThat(p.line()).isEqualTo(line);
        assertThat(p.column()).isEqualTo(column);
    }

    @Test
    void syntaxErrorPointsAtTheRuleTheAuthorWrote() {
        List<Diagnostic> d = only("syntax", "DRL");
        assertThat(d).hasSize(1);
        located(d.get(0).problem(), "syntax", "syntax_list/rules.drl", 12, 0);
        assertThat(d.get(0).problem().message()).isEqualTo("mismatched input 'end' in rule \"SYN-1\"");
        assertThat(d.get(0).problem().isError()).isTrue();
    }

    @Test
    void aConstraintBeyondTheItemPatternIsRejectedByTheRuleLanguageBeforeCompiling() {
        List<Diagnostic> d = only("unknown-field", "UNSAFE_CODE");
        assertThat(d).hasSize(1);
        located(d.get(0).problem(), "unknown-field", "field_list/rules.drl", 10, 38);
        assertThat(d.get(0).problem().message()).isEqualTo("rule \"UF-1\": the constraint \"itemId == \"UF-1\", "
                + "severity == \"MINOR\"\" is not allowed; the condition part (when) must be exactly $c : Candidate( "
                + "item == \"UF-1\" ); the item's conditions go into $c.finding(…)");
    }

    @Test
    void ruleWithoutMetadata() {
        List<Diagnostic> d = only("missing-metadata", "MISSING_METADATA");
        assertThat(d).hasSize(1);
        located(d.get(0).problem(), "missing-metadata", "meta_list/rules.drl", 16, 0);
        assertThat(d.get(0).problem().message()).isEqualTo("rule \"MM-2\" has no item with id MM-2 in "
                + Fixtures.file("missing-metadata", "meta_list/catalog.yaml"));
    }

    @Test
    void unresolvedCitation() {
        List<Diagnostic> d = only("unresolved-citation", "UNRESOLVED_CITATION");
        assertThat(d).hasSize(1);
        located(d.get(0).problem(), "unresolved-citation", "cite_list/catalog.yaml", 19, 0);
        assertThat(d.get(0).problem().message()).isEqualTo("citation \"税收征收管理法 第99条第1款\": 税收征收管理法 has no "
                + "text for 第九十九条第一款 (key \"99.1\") in the law registry");
    }

    @Test
    void unsafeImportAndCallAreRejectedWithTheirLocation() {
        List<Diagnostic> d = only("unsafe", "UNSAFE_CODE");
        assertThat(d).extracting(x -> x.problem().line() + ":" + x.problem().column())
                .containsExactly("6:0", "13:4");
        located(d.get(1).problem(), "unsafe", "unsafe_list/rules.drl", 13, 4);
        assertThat(d.get(0).problem().message()).isEqualTo("import \"java.io.File\" is not allowed: a rule file may "
                + "import only org.discretion.rules.api.*, org.discretion.rules.facts.* and static "
                + "org.discretion.rules.facts.Conditions.*");
        assertThat(d.get(1).problem().message()).isEqualTo("rule \"US-1\": \"System\" found: the consequence (then) "
                + "must be exactly insert($c.finding( <conditions> ));");
    }

    @Test
    void excludedKindOfViolation() {
        List<Diagnostic> d = only("excluded", "EXCLUDED_ITEM");
        assertThat(d).hasSize(1);
        located(d.get(0).problem(), "excluded", "excluded_list/catalog.yaml", 15, 0);
        assertThat(d.get(0).problem().message()).isEqualTo("item EX-1: its 事项名称 names \"哄抬物价\", a kind of violation "
                + "that 滑法政办〔2022〕17号 三(七) keeps off the four lists (潜在风险大、纠错成本高、损失挽回难，以及利用自然灾害、"
                + "事故灾难、公共卫生事件、社会安全事件实施的如囤积居奇、哄抬物价等); remove the item from the list");
    }

    @Test
    void excludedKindOfViolationIsCheckedOnlyForListsTheExclusionGoverns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        org.discretion.rules.Engines.copy(Fixtures.dir("excluded"), dir);
        java.nio.file.Path meta = dir.resolve("excluded_list/catalog.yaml");
        java.nio.file.Files.writeString(meta, java.nio.file.Files.readString(meta).replace("exclusions: [HX-2022-17-3-7]", "exclusions: []"));
        CheckReport r = CatalogChecker.forDirectory(dir).today(Fixtures.TODAY).executableModel(false).check();
        assertThat(r.diagnostics()).noneMatch(d -> d.problem().code().equals("EXCLUDED_ITEM"));
    }

    @Test
    void listsWhoseJurisdictionsDoNotOverlapAreNotComparedForOverlap(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        org.discretion.rules.Engines.copy(Fixtures.dir("overlapping"), dir);
        for (String[] c : new String[][] {{"county_a_2024", "410526"}, {"county_b_2024", "410727"}}) {
            java.nio.file.Path meta = dir.resolve(c[0] + "/catalog.yaml");
            java.nio.file.Files.writeString(meta, java.nio.file.Files.readString(meta)
                    + "\njurisdiction: {divisionCode: '" + c[1] + "'}\n");
        }
        CheckReport r = CatalogChecker.forDirectory(dir).today(Fixtures.TODAY).executableModel(false).check();
        assertThat(r.diagnostics()).noneMatch(d -> d.problem().code().equals("OVERLAPPING_LISTS"));
        // near-miss: the same county on both lists still overlaps
        java.nio.file.Path b = dir.resolve("county_b_2024/catalog.yaml");
        java.nio.file.Files.writeString(b, java.nio.file.Files.readString(b).replace("410727", "410526"));
        CheckReport same = CatalogChecker.forDirectory(dir).today(Fixtures.TODAY).executableModel(false).check();
        assertThat(same.diagnostics()).anyMatch(d -> d.problem().code().equals("OVERLAPPING_LISTS"));
    }

    @Test
    void overlappingListsWithoutDeclaredPrecedence() {
        List<Diagnostic> d = only("overlapping", "OVERLAPPING_LISTS");
        assertThat(d).hasSize(1);
        located(d.get(0).problem(), "overlapping", "county_a_2024/catalog.yaml", 15, 0);
        assertThat(d.get(0).problem().isError()).isTrue();
        assertThat(d.get(0).problem().message()).isEqualTo("items CA-1 (county_a_2024) and CB-1 (county_b_2024) are both "
                + "on a 不予处罚事项清单 at level COUNTY and both apply to the same facts for provision \"税收征收管理法 "
                + "第60条第1款第4项\", with no declared precedence between them (Precedence ranks by list, the decision "
                + "explains by level; both are equal here) — and their 裁量幅度 or 配套监管措施 differ, so the decision "
                + "cannot say which governs. Make their 适用情形 exclusive, or restrict one catalog with catalogs/effective dates");
        assertThat(d.get(0).example()).contains("\"provision\":\"税收征收管理法 第60条第1款第4项\"", "\"firstOffense\":true",
                "\"correction\":\"WITHIN_DEADLINE\"");
    }

    @Test
    void mitigatingFactMakingTheOutcomeHarsher() {
        List<Diagnostic> d = only("non-monotonic", "NON_MONOTONIC");
        assertThat(d).hasSize(1);
        located(d.get(0).problem(), "non-monotonic", "mono_list/catalog.yaml", 15, 0);
        assertThat(d.get(0).problem().message()).isEqualTo("item NM-1: a fact more favourable to the party makes the "
                + "outcome harsher — with harm=MINOR the case gets MITIGATED, with the milder harm=NONE it gets STANDARD "
                + "because the item then no longer holds (failing: 造成危害后果). Check the rule against the published "
                + "适用情形 (a list must not treat the milder case worse)");
        assertThat(d.get(0).example()).contains("\"case\":{", "\"harm\":\"MINOR\"", "\"milderCase\":{", "\"harm\":\"NONE\"");
    }

    @Test
    void conditionsThatCanNeverBeMet() {
        List<Diagnostic> d = only("never-met", "NEVER_MET");
        assertThat(d).hasSize(1);
        located(d.get(0).problem(), "never-met", "never_list/catalog.yaml", 15, 0);
        assertThat(d.get(0).problem().message()).isEqualTo("item NV-1: its conditions can never all be met — in 192 "
                + "generated cases (severity(4) × harm(4) × correction(6) × firstOffense(2)) the item never held; each "
                + "condition holds in some case, but never all together: 没有造成危害后果、危害后果轻微. Check the rule "
                + "against the published 适用情形");
    }

    @Test
    void itemShadowedByAnother() {
        List<Diagnostic> d = only("shadowed", "SHADOWED");
        assertThat(d).hasSize(1);
        located(d.get(0).problem(), "shadowed", "shadow_list/catalog.yaml", 25, 0);
        assertThat(d.get(0).problem().isError()).isFalse();
        assertThat(d.get(0).problem().message()).startsWith("item SH-2 (从轻处罚事项清单) is shadowed by item SH-1 "
                + "(不予处罚事项清单, shadow_list) for provision \"税收征收管理法 第60条第1款第4项\"");
    }
}
