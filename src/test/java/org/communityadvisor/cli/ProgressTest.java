package org.communityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The progress line's bar is the fraction of documents done. */
class ProgressTest {
    @Test
    void theBarIsTheTrueFraction() {
        assertThat(Progress.line(0, 40, "a.json")).startsWith("[" + " ".repeat(20) + "] 0/40  a.json");
        assertThat(Progress.line(10, 40, "a.json")).startsWith("[" + "#".repeat(5) + " ".repeat(15) + "] 10/40");
        assertThat(Progress.line(20, 40, "a.json")).startsWith("[" + "#".repeat(10) + " ".repeat(10) + "] 20/40");
        assertThat(Progress.line(40, 40, "a.json")).startsWith("[" + "#".repeat(20) + "] 40/40");
        assertThat(Progress.line(7, -1, "<stdin>:7")).isEqualTo("7  <stdin>:7");
    }
}
