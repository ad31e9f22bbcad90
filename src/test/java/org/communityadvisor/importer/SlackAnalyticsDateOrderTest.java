package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order of a Slack analytics CSV's slashed dates, told from all its rows. Rows written as in the committed
 * {@code acme-analytics.csv} (the columns of Slack's export), 12 days: every part is 12 or less.
 */
class SlackAnalyticsDateOrderTest {
    static final String HEADER = "Date,Total enabled membership,Weekly members posting messages,"
            + "Messages in public channels,Messages in private channels\n";

    static ImportedCommunity read(Path dir, boolean monthFirst, int days) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int d = 1; d <= days; d++) {
            String day = String.format("%02d", d);
            csv.append(monthFirst ? "11/" + day : day + "/11").append("/2026,").append(100 + d).append(",20,5,1\n");
        }
        Path file = dir.resolve("analytics.csv");
        Files.writeString(file, csv);
        return Importer.read(Format.SLACK_ANALYTICS, List.of(file), ImportOptions.defaults()).communities().get(0);
    }

    @Test
    void twelveMonthFirstDaysAreReadAsDaysAndTheGuessIsReported(@TempDir Path dir) throws IOException {
        ImportedCommunity c = read(dir, true, 12);
        assertThat(c.snapshot().asOf()).isEqualTo(LocalDate.parse("2026-11-12"));
        assertThat(c.snapshot().members().total()).isEqualTo(112);
        assertThat(c.report().notes()).extracting(Note::english)
                .anyMatch(n -> n.contains("read month-first (mm/dd/yyyy)"));
    }

    @Test
    void twelveDayFirstDaysStayDayFirstAndTheGuessIsReported(@TempDir Path dir) throws IOException {
        ImportedCommunity c = read(dir, false, 12);
        assertThat(c.snapshot().asOf()).isEqualTo(LocalDate.parse("2026-11-12"));
        assertThat(c.report().notes()).extracting(Note::english).anyMatch(n -> n.contains("read day-first"));
    }

    @Test
    void aDayOver12SettlesTheOrderWithoutANote(@TempDir Path dir) throws IOException {
        ImportedCommunity c = read(dir, true, 20);
        assertThat(c.snapshot().asOf()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(c.report().notes()).extracting(Note::english).noneMatch(n -> n.contains("could be day-first"));
    }
}
