package org.discretion.rules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What others depend on: rules-bom names every published module at the project's version, and the README's
 * dependency snippet is the one that works.
 */
class ArtifactsTest {
    static final Path ROOT = Path.of("..");
    /** Modules that are not published artifacts (examples, benchmarks, the BOM itself, the service application). */
    static final Set<String> UNPUBLISHED = Set.of("rules-examples", "rules-examples-spring", "rules-bench", "rules-bom",
            "rules-server");

    static String read(String path) throws Exception {
        return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
    }

    static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static String projectVersion() throws Exception {
        String root = read("pom.xml");
        Matcher m = Pattern.compile("<artifactId>discretion-rules-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(root);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void theBomListsEveryPublishedModuleAtTheProjectVersion() throws Exception {
        Set<String> modules = new TreeSet<>(all(Pattern.compile("<module>([^<]+)</module>"), read("pom.xml")));
        modules.removeAll(UNPUBLISHED);
        String bom = read("rules-bom/pom.xml");
        Set<String> listed = new TreeSet<>(all(Pattern.compile("<artifactId>(rules-[a-z-]+)</artifactId>"), bom));
        listed.remove("rules-bom");
        assertThat(listed).as("rules-bom/pom.xml must list every published module (or add the module to "
                + "ArtifactsTest.UNPUBLISHED)").isEqualTo(modules);
        Matcher v = Pattern.compile("<artifactId>rules-bom</artifactId>\\s*<version>([^<]+)</version>").matcher(bom);
        assertThat(v.find()).isTrue();
        assertThat(v.group(1)).as("rules-bom has no parent: keep its <version> equal to the parent's").isEqualTo(projectVersion());
    }

    @Test
    void theReadmeShowsTheDependencySnippet() throws Exception {
        String readme = read("README.md");
        String version = projectVersion();
        assertThat(readme).contains("<artifactId>rules-bom</artifactId>", "<version>" + version + "</version>",
                "<type>pom</type>", "<scope>import</scope>", "<artifactId>rules-core</artifactId>",
                "<artifactId>rules-prebuilt</artifactId>", "<artifactId>rules-spring-boot-starter</artifactId>");
    }
}
