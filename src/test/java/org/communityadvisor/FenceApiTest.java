package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root package's API that reports, the CLI and an embedding application use instead of the engine. */
class FenceApiTest {
    @Test
    void evidenceReadsAsTheReportsWriteIt() {
        assertThat(Evidence.display(true, Lang.ZH)).isEqualTo("是");
        assertThat(Evidence.display(false, Lang.EN)).isEqualTo("no");
        assertThat(Evidence.display(0.125, Lang.EN)).isEqualTo("0.13");
        assertThat(Evidence.display(null, Lang.EN)).isNotBlank().isNotEqualTo("null");
        assertThat(Evidence.rounded(0.123456)).isEqualTo(0.1235);
        assertThat(Evidence.rounded(42)).isEqualTo(42);
        assertThat(Evidence.readableQuote("出現(xiàn)问题")).isEqualTo("出現问题");
        assertThat(Evidence.readableQuote(null)).isNull();
    }

    @Test
    void aProfileNamesItsThresholds() {
        Profile p = Profile.bundled("wechat");
        assertThat(p.threshold("minViableMembers")).contains(p.thresholds().minViableMembers());
        assertThat(p.threshold("spamRatio")).contains(p.thresholds().spamRatio());
        assertThat(p.threshold("members")).isEmpty();
        assertThat(p.threshold("noSuchThreshold")).isEmpty();
    }

    @Test
    void theBundledRulesCompileAsTheAdvisorLoadsThem() throws Exception {
        Rules rules = Rules.compile(null);
        assertThat(rules.version()).isEqualTo(Advisor.builder().build().rules().version());
        long drl;
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            drl = files.filter(f -> f.toString().endsWith(".drl")).count();
        }
        assertThat(rules.drlFiles()).isEqualTo(drl);
        assertThat(rules.caseProblems(Path.of("rules"))).isEmpty();
    }

    @Test
    void aBrokenFolderIsARulesExceptionNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.drl"), "rule \"x\" when garbage then end\n");
        assertThatThrownBy(() -> Rules.compile(dir)).isInstanceOf(RulesException.class)
                .satisfies(e -> assertThat(((RulesException) e).problems()).isNotEmpty()
                        .anyMatch(p -> p.startsWith("broken.drl")));
    }

    @Test
    void aFolderWithoutCasesSaysSo(@TempDir Path dir) throws Exception {
        List<Path> drl;
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            drl = files.filter(f -> f.toString().endsWith(".drl") || f.toString().endsWith(".properties")).toList();
        }
        for (Path f : drl) {
            Path to = dir.resolve(Path.of("rules").relativize(f).toString());
            Files.createDirectories(to.getParent());
            Files.copy(f, to);
        }
        assertThat(Rules.compile(dir).caseProblems(dir)).isNotEmpty();
    }
}
