package org.communityadvisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.communityadvisor.report.internal.TerminalText;
import org.junit.jupiter.api.Test;

/** Wrapping Chinese text for a terminal: punctuation stays with its words. */
class TerminalTextTest {
    static List<String> wrapped(String text) {
        StringBuilder out = new StringBuilder();
        TerminalText.wrap(out, "", text);
        return out.toString().lines().toList();
    }

    @Test
    void closingPunctuationNeverStartsALineAndOpeningNeverEndsOne() {
        int fit = TerminalText.WIDTH / 2;
        List<String> lines = wrapped("字".repeat(fit) + "」后文");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).doesNotStartWith("」").startsWith("字」");
        List<String> comma = wrapped("字".repeat(fit) + ",后文");
        assertThat(comma.get(1)).doesNotStartWith(",");
        List<String> opening = wrapped("字".repeat(fit - 1) + "「引文」");
        assertThat(opening.get(0)).doesNotEndWith("「");
        assertThat(String.join("", opening).replace(" ", "")).isEqualTo("字".repeat(fit - 1) + "「引文」");
    }
}
