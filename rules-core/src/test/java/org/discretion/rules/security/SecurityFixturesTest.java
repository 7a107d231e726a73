package org.discretion.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.discretion.rules.api.Problem;
import org.discretion.rules.tooling.CatalogChecker;
import org.discretion.rules.tooling.CheckReport;

class SecurityFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/security").toAbsolutePath();

    @TempDir
    Path tmp;

    static Stream<Arguments> attacks() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("attacks"))) {
            return s.sorted().map(p -> Arguments.of(p.getFileName().toString())).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void print(String attack) throws IOException {
        Path cat = tmp.resolve("sec_list");
        Files.createDirectories(cat);
        Files.copy(ROOT.resolve("base/sec_list/catalog.yaml"), cat.resolve("catalog.yaml"));
        Files.copy(ROOT.resolve("attacks").resolve(attack), cat.resolve("rules.drl"));
        CheckReport r = CatalogChecker.forDirectory(tmp).today(LocalDate.of(2026, 11, 28)).executableModel(false)
                .analysis(false).check();
        System.out.println("=== " + attack);
        r.diagnostics().forEach(d -> System.out.println("   " + d.problem().toString().replace(tmp.toString(), "TMP")));
    }
}
