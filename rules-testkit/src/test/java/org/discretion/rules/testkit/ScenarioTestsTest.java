package org.discretion.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The dynamic tests ScenarioTests produces: one container per file, one test per scenario, real verdicts. */
class ScenarioTestsTest {
    static final Path SUITES = Path.of("src/test/resources/suites");

    @Test
    void oneContainerPerFileAndOneTestPerScenarioWithItsLine() throws Throwable {
        List<DynamicNode> nodes = ScenarioTests.from(SUITES).toList();
        assertThat(nodes).hasSize(2);
        DynamicContainer file = (DynamicContainer) nodes.get(0);
        assertThat(file.getDisplayName()).isEqualTo("测试工具 (a-statute.yaml)");
        assertThat(file.getTestSourceUri()).hasValueSatisfying(u -> assertThat(u.toString()).endsWith("a-statute.yaml"));
        List<DynamicTest> tests = file.getChildren().map(DynamicTest.class::cast).toList();
        assertThat(tests).extracting(DynamicNode::getDisplayName)
                .containsExactly("十三周岁的个人违法的，不予处罚。", "同一案件，（故意写错）期望从重。");
        assertThat(tests.get(0).getTestSourceUri()).hasValueSatisfying(u -> assertThat(u.toString()).endsWith("a-statute.yaml?line=5"));

        tests.get(0).getExecutable().execute(); // passes
        assertThatThrownBy(() -> tests.get(1).getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("FAIL 测试工具 › 同一案件，（故意写错）期望从重。")
                .hasMessageContaining("     handling  expected: AGGRAVATED\n               actual:   NO_PENALTY\n")
                .hasMessageContaining("explanation: ");
    }

    @Test
    void aMalformedFileIsOneFailingTestNamingTheLine() {
        DynamicTest t = (DynamicTest) ScenarioTests.from(SUITES).toList().get(1);
        assertThat(t.getDisplayName()).isEqualTo("b-malformed.yaml can be read");
        assertThatThrownBy(() -> t.getExecutable().execute()).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(SUITES.resolve("b-malformed.yaml") + ":3:4: scenario \"没有期望。\" has no \"expect\"");
    }

    @Test
    void anEmptyFolderIsAFailureNotASilentPass() {
        List<DynamicNode> nodes = ScenarioTests.from(Path.of("src/main/java")).toList();
        assertThat(nodes).hasSize(1);
        assertThatThrownBy(() -> ((DynamicTest) nodes.get(0)).getExecutable().execute())
                .hasMessageContaining("no *.yaml scenario file under");
    }
}
