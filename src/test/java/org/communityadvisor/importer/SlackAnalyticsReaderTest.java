package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.communityadvisor.Fixtures;
import org.communityadvisor.ImportException;
import org.communityadvisor.Platform;
import org.communityadvisor.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code slack-analytics} reader over {@code src/test/resources/import/slack-analytics/acme-analytics.csv}:
 * 30 daily rows 01/11/2026 … 30/11/2026 where, on day d, "Total enabled membership" = 1,190 + d (written with a
 * thousands separator), "Weekly members posting messages" = 140 + d, public = 10·d, private = d, shared = 2
 * (empty on day 5), DMs = 1,000 + d (not counted), plus columns the reader ignores.
 */
class SlackAnalyticsReaderTest {
    static final Path CSV = Path.of("src/test/resources/import/slack-analytics/acme-analytics.csv");
    static final String HEADER = "Date,Total enabled membership,Weekly members posting messages,"
            + "Messages in public channels,Messages in private channels,Messages in shared channels\n";

    static ImportedCommunity read(Path path, ImportOptions options) {
        List<ImportedCommunity> cs = Importer.read(Format.SLACK_ANALYTICS, List.of(path), options).communities();
        assertThat(cs).hasSize(1);
        return cs.get(0);
    }

    static Map<String, ImportReport.Field> fields(ImportedCommunity c) {
        return c.report().fields().stream().collect(Collectors.toMap(ImportReport.Field::path, f -> f));
    }

    @Test
    void theFiguresOnAsOfAndTheSevenDaysBeforeIt() {
        ImportedCommunity c = read(CSV, ImportOptions.defaults());
        Snapshot s = c.snapshot();
        assertThat(s.id()).isEqualTo("acme-analytics");
        assertThat(s.platform()).isEqualTo(Platform.SLACK);
        // asOf: the last row
        assertThat(s.asOf()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(s.createdOn()).isEqualTo(LocalDate.of(2026, 11, 1));
        // "1,220" on 30/11
        assertThat(s.members().total()).isEqualTo(1220);
        // 140 + 30
        assertThat(s.activity().activeMembers7d()).isEqualTo(170);
        // days 24 … 30: Σ 11·d = 11·189 = 2079, + 7·2 shared = 2093 (row 23 would add 255)
        assertThat(s.activity().messages7d()).isEqualTo(2093);
        assertThat(s.members().joined7d()).isNull();
        assertThat(s.members().silent30d()).isNull();
        Map<String, ImportReport.Field> f = fields(c);
        assertThat(f.get("createdOn").how()).isEqualTo(ImportReport.How.ESTIMATED);
        assertThat(f.get("createdOn").note().english()).isEqualTo("the first row of the analytics (the workspace may be older)");
        assertThat(f.get("members.total").how()).isEqualTo(ImportReport.How.COUNTED);
        assertThat(f.get("members.joined7d").how()).isEqualTo(ImportReport.How.UNKNOWN);
        assertThat(Fixtures.ADVISOR.advise(s).communityId()).isEqualTo("acme-analytics");
    }

    @Test
    void anEarlierAsOfSumsExactlyItsSevenRows() {
        Snapshot s = read(CSV, ImportOptions.builder().asOf(LocalDate.of(2026, 11, 10)).id("acme").build())
                .snapshot();
        assertThat(s.id()).isEqualTo("acme");
        assertThat(s.members().total()).isEqualTo(1200);
        assertThat(s.activity().activeMembers7d()).isEqualTo(150);
        // days 4 … 10: Σ 11·d = 11·49 = 539, shared 2 on 6 days (day 5 empty) = 12 → 551
        assertThat(s.activity().messages7d()).isEqualTo(551);
        // the week ending 11-03 is the only earlier point (11-03 − 7 = 10-27 is before the first row)
        assertThat(s.history()).singleElement().satisfies(h -> {
            assertThat(h.weekEnding()).isEqualTo(LocalDate.of(2026, 11, 3));
            assertThat(h.members()).isEqualTo(1193);
            assertThat(h.activeMembers()).isEqualTo(143);
            assertThat(h.messages()).as("10-28 … 11-03 lack rows").isNull();
        });
    }

    @Test
    void historyTakesTheFiguresAtEachWeekEnding() {
        Snapshot s = read(CSV, ImportOptions.defaults()).snapshot();
        assertThat(s.history()).extracting(Snapshot.HistoryPoint::weekEnding).containsExactly(
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16),
                LocalDate.of(2026, 11, 23));
        assertThat(s.history()).extracting(Snapshot.HistoryPoint::members).containsExactly(1192, 1199, 1206, 1213);
        assertThat(s.history()).extracting(Snapshot.HistoryPoint::activeMembers).containsExactly(142, 149, 156, 163);
        // 11-02: the week 10-27 … 11-02 lacks rows; 11-09: 11·42 + 2·6 = 474; 11-16: 11·91 + 14 = 1015;
        // 11-23: 11·140 + 14 = 1554
        assertThat(s.history()).extracting(Snapshot.HistoryPoint::messages).containsExactly(null, 474, 1015, 1554);
    }

    @Test
    void isoDatesHeaderCaseAndThousandsSeparators(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("ws.csv");
        StringBuilder b = new StringBuilder("\uFEFF" + HEADER.replace("Total enabled membership",
                " TOTAL ENABLED MEMBERSHIP "));
        for (int d = 1; d <= 6; d++) {
            b.append("2026-03-0").append(d).append(",\"2,500\",40,\"1,000\",\"1,200\",0\n");
        }
        b.append("7/3/2026,\"2,501\",41,10,20,\n");
        Files.writeString(csv, b.toString());
        ImportedCommunity c = read(csv, ImportOptions.defaults());
        Snapshot s = c.snapshot();
        // 7/3/2026 is day-first: 7 March
        assertThat(s.asOf()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(s.createdOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(s.members().total()).isEqualTo(2501);
        assertThat(s.activity().activeMembers7d()).isEqualTo(41);
        // 6 · (1,000 + 1,200 + 0) + (10 + 20 + empty)
        assertThat(s.activity().messages7d()).isEqualTo(13230);
        assertThat(s.id()).isEqualTo("ws");
        assertThat(s.history()).isNull();
    }

    @Test
    void sevenDaysNeedSevenRows(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("ws.csv");
        Files.writeString(csv, HEADER + "2026-03-01,10,4,1,1,1\n2026-03-02,10,5,1,1,1\n");
        ImportedCommunity c = read(csv, ImportOptions.defaults());
        assertThat(c.snapshot().members().total()).isEqualTo(10);
        assertThat(fields(c).get("activity.messages7d").how()).isEqualTo(ImportReport.How.UNKNOWN);
        assertThat(fields(c).get("activity.messages7d").note().english()).contains("do not cover every day of the 7 days");
    }

    @Test
    void aDateThatParsesNeitherWayIsRefusedNamingRowAndColumn(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, HEADER + "01/11/2026,10,1,1,1,1\n\n02/11/2026,10,1,1,1,1\n31/02/2026,10,1,1,1,1\n");
        assertThatThrownBy(() -> read(csv, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessage(csv + " row 4 (line 5) Date: \"31/02/2026\" is not a date (dd/mm/yyyy or yyyy-mm-dd)");
        Files.writeString(csv, HEADER + "11-01-2026,10,1,1,1,1\n");
        assertThatThrownBy(() -> read(csv, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("row 1 (line 2) Date: \"11-01-2026\" is not a date");
    }

    @Test
    void aMissingRequiredColumnIsNamed(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("short.csv");
        Files.writeString(csv, HEADER.replace(",Messages in private channels", "") + "01/11/2026,10,1,1,1\n");
        assertThatThrownBy(() -> read(csv, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessage(csv + " line 1: column \"Messages in private channels\" is missing");
        Files.writeString(csv, "name,members\nacme,10\n");
        assertThatThrownBy(() -> read(csv, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("not Slack's workspace analytics CSV");
    }

    /**
     * {@code r4ds-normalised-2018.csv}: 17 real rows (2017-12-25 … 2018-01-10) of the R4DS community's export as
     * TidyTuesday published it, its headers normalised by R's janitor ({@code total_membership},
     * {@code weekly_members_posting_messages}, {@code messages_in_d_ms}).
     */
    @Test
    void headersNormalisedByADataToolAreMatchedByTheirWords() {
        ImportedCommunity c = read(Path.of("src/test/resources/import/slack-analytics/r4ds-normalised-2018.csv"),
                ImportOptions.defaults());
        Snapshot s = c.snapshot();
        assertThat(s.asOf()).isEqualTo(LocalDate.of(2018, 1, 10));
        assertThat(s.members().total()).isEqualTo(722);
        assertThat(s.activity().activeMembers7d()).isEqualTo(110);
        // 2018-01-04 … 01-10: public 95+59+82+52+37+50+83 = 458, private 0, shared 0
        assertThat(s.activity().messages7d()).isEqualTo(458);
        assertThat(c.report().notes()).extracting(Note::english).contains(
                "\"total_membership\" read as \"Total enabled membership\" (the name an earlier year's export gives it)",
                "4 headers matched by their words, not their spelling: weekly_members_posting_messages, "
                        + "messages_in_public_channels, messages_in_private_channels, messages_in_shared_channels");
    }

    /**
     * {@code older-2018.csv}: the same rows under the column set of an earlier year's export: "Total membership"
     * where today's has "Total enabled membership", and no shared-channel column.
     */
    @Test
    void anEarlierYearsColumnsTotalMembershipAndNoSharedChannels() {
        ImportedCommunity c = read(Path.of("src/test/resources/import/slack-analytics/older-2018.csv"),
                ImportOptions.defaults());
        Snapshot s = c.snapshot();
        assertThat(s.members().total()).isEqualTo(722);
        assertThat(s.activity().activeMembers7d()).isEqualTo(110);
        assertThat(s.activity().messages7d()).isEqualTo(458);
        assertThat(c.report().notes()).extracting(Note::english).contains(
                "\"Total membership\" read as \"Total enabled membership\" (the name an earlier year's export gives it)",
                "no \"Messages in shared channels\" column (an earlier year's export): the messages counted are "
                        + "those of the other channels");
        assertThat(c.report().notes()).extracting(Note::english).noneMatch(n -> n.contains("by their words"));
    }

    @Test
    void headerWordsIgnoreCaseSpacesUnderscoresHyphensAndPunctuation() {
        assertThat(SlackAnalyticsReader.key("Weekly members posting messages"))
                .isEqualTo(SlackAnalyticsReader.key(" weekly_members-posting  MESSAGES "))
                .isEqualTo(SlackAnalyticsReader.key("Weekly.Members.Posting.Messages:"));
        assertThat(SlackAnalyticsReader.key("Percent of messages, public channels"))
                .isEqualTo(SlackAnalyticsReader.key("percent_of_messages_public_channels"));
        assertThat(SlackAnalyticsReader.key("Messages in DMs")).isNotEqualTo(SlackAnalyticsReader.key("Messages in d ms"));
    }

    @Test
    void aCountThatIsNotANumberOrADateGivenTwiceIsRefused(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, HEADER + "01/11/2026,ten,1,1,1,1\n");
        assertThatThrownBy(() -> read(csv, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessage(csv + " row 1 (line 2) Total enabled membership: \"ten\" is not a count");
        Files.writeString(csv, HEADER + "01/11/2026,10,1,1,1,1\n2026-11-01,10,1,1,1,1\n");
        assertThatThrownBy(() -> read(csv, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessage(csv + " row 2 (line 3) Date: 2026-11-01 is also row 1");
    }

    @Test
    void anAsOfWithoutItsRowNeedsMembers() {
        assertThatThrownBy(() -> read(CSV, ImportOptions.builder().asOf(LocalDate.of(2026, 12, 5)).build()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("members.total: the analytics have no row for 2026-12-05; give --members N");
    }
}
