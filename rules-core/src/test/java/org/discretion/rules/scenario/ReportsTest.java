package org.discretion.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Coverage and JUnit XML of a real run over the fixtures. */
class ReportsTest {
    static final Path FIXTURES = Path.of("src/test/resources/scenario-fixtures");

    @Test
    void coverageCountsHeldAndFailedFromPassingScenariosOnly(@TempDir Path tmp) throws Exception {
        RunSummary run = ScenarioRunner.builder().build().runAll(FIXTURES.resolve("wrong-expectation.yaml"));
        CoverageReport c = run.coverage();
        assertThat(c.entries()).hasSize(14);
        CoverageReport.Entry under14 = c.entry("XZCF-30-UNDER14");
        assertThat(under14.held()).isEqualTo(1); // the failing scenario with the same case is not counted
        assertThat(under14.failed()).isZero();
        assertThat(under14.checkedHeld()).isFalse(); // the passing scenario states only the handling
        assertThat(under14.heldIn()).containsExactly(FIXTURES.resolve("wrong-expectation.yaml") + ":16");
        assertThat(c.entry("XZCF-30-MINOR").failed()).isEqualTo(1);
        assertThat(c.entry("XZCF-36").positive()).isFalse();
        assertThat(c.ratio()).isEqualTo(0.5);
        assertThat(c.text()).startsWith("Coverage: 50.0% — of 14 grounds and items, 1 held in some scenario, 13 failed"
                + " in some scenario (near-miss)\n")
                .contains("  statute  14 grounds  held   1  failed  13  untouched   0\n")
                .contains("Never held (no scenario where it applies):\n  HX-2022-17-3-7  不得纳入“四张清单”的违法行为\n")
                .doesNotContain("Never touched");
        Path json = tmp.resolve("out/coverage.json");
        c.write(json);
        JsonNode n = new ObjectMapper().readTree(Files.readString(json));
        assertThat(n.get("total").asInt()).isEqualTo(14);
        assertThat(n.get("held").asInt()).isEqualTo(1);
        assertThat(n.get("entries").get(0).get("id").asText()).isEqualTo("HX-2022-17-3-7");
    }

    @Test
    void junitXmlHasOneTestcasePerScenarioAndAnErrorPerMalformedFile(@TempDir Path tmp) throws Exception {
        RunSummary run = ScenarioRunner.builder().build().runAll(FIXTURES);
        Path xml = tmp.resolve("junit.xml");
        JUnitXml.write(run, xml);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element root = d.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(3 + 6));
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("6");
        assertThat(d.getElementsByTagName("testsuite").getLength()).isEqualTo(2 + 6);
        Element first = (Element) d.getElementsByTagName("testcase").item(0);
        assertThat(first.getAttribute("name")).isEqualTo("改正情形拼错的案件被拒绝，报告指向该行。");
        assertThat(first.getElementsByTagName("failure").item(0).getTextContent()).contains("WITHN_DEADLINE");
        assertThat(d.getElementsByTagName("error").item(0).getTextContent()).contains("bad-date.yaml:2:0:");
        assertThat(run.tally()).isEqualTo("1 passed, 8 failed");
    }
}
