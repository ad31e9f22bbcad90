package org.communityadvisor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.communityadvisor.Advice;
import org.communityadvisor.Category;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Lang;
import org.communityadvisor.Scores;
import org.communityadvisor.Severity;
import org.communityadvisor.Stage;
import org.communityadvisor.json.InputReader;
import org.communityadvisor.report.internal.TerminalText;
import org.junit.jupiter.api.Test;

/**
 * Names and values from the input cannot be turned against the reader: control characters (an OSC 8 link, a
 * screen clear, a carriage return) and bidirectional overrides reach no report and no message as they are.
 */
class InertOutputTest {
    private static final String HOSTILE = "Book\u001b]8;;http://evil.example\u0007club\u001b[2J\r\u009b31m"
            + "\u202Egnp.exe\u2066x\u2069";

    private static AdvisedCommunity hostile() {
        Advice.Recommendation r = new Advice.Recommendation(1, "growth.net-loss", Category.GROWTH, Severity.HIGH,
                "Stop " + HOSTILE, "Do " + HOSTILE, "Because " + HOSTILE, List.of(), Map.of("members.total", 12),
                new Advice.Source("doc.txt", "quote " + HOSTILE));
        Advice a = new Advice(HOSTILE, LocalDate.parse("2026-09-30"), Stage.GROWTH, List.of("reason " + HOSTILE),
                List.of(new Advice.DataWarning("members.total", "warning " + HOSTILE)), List.of(r), List.of(),
                List.of("growth.net-loss"), new Scores(70, 60, 50, 40, null, null, null, 43, Map.of()), List.of(),
                "abc", new Advice.ProfileUsed("wechat", null));
        return new AdvisedCommunity("label " + HOSTILE + ".json", null, a);
    }

    private static void assertInert(String what, String out, boolean colour) {
        String withoutOwnColour = colour ? out.replaceAll("\u001b\\[[0-9;]*m", "") : out;
        assertThat(withoutOwnColour.chars().filter(TerminalText::unsafe).mapToObj(c -> String.format("U+%04X", c)).toList())
                .as(what).isEmpty();
        // shown, not dropped (Markdown also escapes its own markup in names, and joins lines)
        assertThat(out).as(what).contains("\\u001B", "\\u0007club", "\\u202Egnp.exe", "\\u2066x\\u2069", "\\u009B31m");
    }

    @Test
    void reportsShowControlAndBidiCharactersAsTheirCodes() {
        List<AdvisedCommunity> one = List.of(hostile());
        List<AdvisedCommunity> two = List.of(hostile(), hostile());
        for (Lang lang : Lang.values()) {
            assertInert("text " + lang, TextReport.of(lang).render(one), false);
            assertInert("coloured text " + lang, TextReport.of(lang).color(true).render(one), true);
            assertInert("markdown " + lang, MarkdownReport.render(one, lang), false);
            assertInert("html " + lang, HtmlReport.render(one, lang), false);
            assertInert("portfolio " + lang, Portfolio.render(two, lang), false);
        }
        assertThat(TextReport.of(Lang.EN).color(true).render(one)).as("the report's own colours stay").contains("\u001b[1m");
    }

    @Test
    void aColourCodeFromAnInputValueIsShownAsItsCodeInTheColouredReport() {
        AdvisedCommunity c = hostile();
        AdvisedCommunity coloured = new AdvisedCommunity("label \u001b[31mred\u001b[0m.json", null,
                c.advice());
        for (Lang lang : Lang.values()) {
            String out = TextReport.of(lang).color(true).render(coloured);
            assertThat(out).as(lang.toString()).contains("label \\u001B[31mred\\u001B[0m.json")
                    .doesNotContain("\u001b[31mred").contains("\u001b[1m");
            assertThat(TextReport.of(lang).color(true).render(List.of(coloured, coloured)))
                    .doesNotContain("\u001b[31mred");
        }
    }

    @Test
    void messagesCutLongValuesAndTheErrorStreamShowsCodes() throws Exception {
        String field = "x".repeat(5000);
        assertThatThrownBy(() -> InputReader.read("{\"" + field + "\": 1}"))
                .isInstanceOfSatisfying(InvalidSnapshotException.class, e -> {
                    String reason = e.errors().get(0).reason(Lang.EN);
                    assertThat(reason).contains("x".repeat(80) + "\u2026").doesNotContain("x".repeat(81));
                    assertThat(reason.length()).isLessThan(1000);
                });
        StringWriter err = new StringWriter();
        try (var w = TerminalText.inert(err)) {
            w.write("bad.json: " + HOSTILE + "\n");
            w.write('\u001b');
        }
        assertThat(err.toString()).endsWith("\n\\u001B").contains("\\u202Egnp.exe").doesNotContain("\u202E", "\u001b");
    }
}
