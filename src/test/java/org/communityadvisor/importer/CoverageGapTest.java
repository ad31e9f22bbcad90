package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.communityadvisor.Lang;
import org.communityadvisor.Platform;
import org.communityadvisor.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage: when the weekly history an importer writes has two or more weeks without a message between weeks with
 * messages, the report says the export may have gaps (one note a run of such weeks, in both languages).
 */
class CoverageGapTest {
    static final Path DIR = Path.of("src/test/resources/import");
    static final LocalDate AS_OF = LocalDate.parse("2026-11-30");
    static final ImportOptions FACTS = ImportOptions.builder().asOf(AS_OF).members(40).platform(Platform.DISCORD)
            .createdOn(LocalDate.parse("2026-01-01")).build();

    static ImportedCommunity one(Format format, List<Path> paths, ImportOptions options) {
        ImportResult r = Importer.read(format, paths, options);
        assertThat(r.rejected()).isEmpty();
        return r.communities().get(0);
    }

    static List<String> gaps(ImportedCommunity c, Lang lang) {
        return c.report().notes().stream().filter(n -> n.key().equals("import.coverage-gap")).map(n -> n.text(lang))
                .toList();
    }

    /** The group posts on the given days before asOf (one message a day, by one of three members). */
    static ImportedCommunity events(Path tmp, int... daysBack) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < daysBack.length; i++) {
            jsonl.append("{\"groupId\":\"g1\",\"ts\":\"").append(AS_OF.minusDays(daysBack[i])).append("T10:00:00Z\",")
                    .append("\"senderId\":\"u").append(i % 3).append("\",\"kind\":\"message\",\"id\":\"m").append(i)
                    .append("\"}\n");
        }
        Path file = tmp.resolve("group.jsonl");
        Files.writeString(file, jsonl, StandardCharsets.UTF_8);
        return one(Format.EVENTS, List.of(file), FACTS);
    }

    @Test
    void threeSilentWeeksBetweenActiveWeeksAreReported(@TempDir Path tmp) throws IOException {
        // history weeks end asOf − 7k: messages in the weeks ending asOf − 56 and asOf − 28, − 21, − 14, − 7
        ImportedCommunity c = events(tmp, 58, 28, 21, 14, 7, 2);
        List<Snapshot.HistoryPoint> h = c.snapshot().history();
        assertThat(h).extracting(Snapshot.HistoryPoint::messages).containsExactly(1, 0, 0, 0, 1, 1, 1, 1);
        assertThat(gaps(c, Lang.EN)).containsExactly("the export may have gaps: 3 weeks in a row with no message "
                + "(the weeks ending 2026-10-12 to 2026-10-26) between weeks with messages");
        assertThat(gaps(c, Lang.ZH)).containsExactly("导出的数据可能有缺口:连续 3 周没有任何发言(截至 2026-10-12 到 "
                + "2026-10-26 的几周),而前后几周都有发言");
    }

    @Test
    void eachRunIsReportedAndTwoWeeksAreEnough(@TempDir Path tmp) throws IOException {
        ImportedCommunity c = events(tmp, 50, 30, 3);
        assertThat(c.snapshot().history()).extracting(Snapshot.HistoryPoint::messages)
                .containsExactly(1, 0, 0, 1, 0, 0, 0);
        assertThat(gaps(c, Lang.EN)).containsExactly("the export may have gaps: 2 weeks in a row with no message "
                + "(the weeks ending 2026-10-19 to 2026-10-26) between weeks with messages");

        ImportedCommunity two = events(tmp, 50, 30, 10, 3);
        assertThat(two.snapshot().history()).extracting(Snapshot.HistoryPoint::messages)
                .containsExactly(1, 0, 0, 1, 0, 0, 1);
        assertThat(gaps(two, Lang.EN)).hasSize(2);
    }

    @Test
    void oneQuietWeekOrQuietWeeksAtTheEndAreNoGap(@TempDir Path tmp) throws IOException {
        ImportedCommunity lull = events(tmp, 30, 16, 2);
        assertThat(lull.snapshot().history()).extracting(Snapshot.HistoryPoint::messages).containsExactly(1, 0, 1, 0);
        assertThat(gaps(lull, Lang.EN)).isEmpty();
        // the last history weeks quiet, only this week active: not between weeks of the history
        ImportedCommunity quietEnd = events(tmp, 40, 2);
        assertThat(quietEnd.snapshot().history()).extracting(Snapshot.HistoryPoint::messages)
                .containsExactly(1, 0, 0, 0, 0);
        assertThat(gaps(quietEnd, Lang.EN)).isEmpty();
    }

    @Test
    void theSampleExportsWithTwoSilentWeeksSaySo() {
        String gap = "the export may have gaps: 2 weeks in a row with no message (the weeks ending 2026-11-09 to "
                + "2026-11-16) between weeks with messages";
        ImportOptions members = ImportOptions.builder().members(40).build();
        assertThat(gaps(one(Format.WECHAT, List.of(DIR.resolve("wechat/group.csv")), members), Lang.EN))
                .containsExactly(gap);
        assertThat(gaps(one(Format.SLACK, List.of(DIR.resolve("slack/acme")), ImportOptions.defaults()), Lang.EN))
                .containsExactly(gap);
        assertThat(gaps(one(Format.EVENTS, List.of(DIR.resolve("events/group.jsonl")), members.toBuilder()
                .platform(Platform.DISCORD).createdOn(LocalDate.parse("2026-01-01")).build()), Lang.EN))
                .containsExactly(gap);
        assertThat(gaps(one(Format.DISCORD, List.of(DIR.resolve("discord/general.json"),
                DIR.resolve("discord/welcome.json")), members), Lang.EN)).containsExactly("the export may have gaps: "
                + "2 weeks in a row with no message (the weeks ending 2026-10-30 to 2026-11-06) between weeks with "
                + "messages");
        // Telegram's sample: one quiet week (ending 2026-11-06) between active ones is no gap
        assertThat(gaps(one(Format.TELEGRAM, List.of(DIR.resolve("telegram/result.json")), members), Lang.EN))
                .isEmpty();
        // statistics histories: the WeCom sample's two weeks both count messages
        assertThat(gaps(one(Format.WECOM, List.of(DIR.resolve("wecom/group")), ImportOptions.defaults()), Lang.EN))
                .isEmpty();
    }
}
