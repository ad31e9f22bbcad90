package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.communityadvisor.Advice;
import org.communityadvisor.Fixtures;
import org.communityadvisor.ImportException;
import org.communityadvisor.Platform;
import org.communityadvisor.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code slack} reader over {@code src/test/resources/import/slack/acme}: a workspace of 10 users (7 members:
 * U01 alice owner+admin, U02 bob, U03 carol, U04 dave, U05 erin, U06 frank, U09 ivan admin; U07 gina deleted,
 * U08 a bot, USLACKBOT), channels #general (created 2023-01-01) and #random (created 2023-04-01). Times are UTC;
 * asOf 2026-11-30, so the 7 days are 11-24 … 11-30 and the 30 days 11-01 … 11-30.
 */
class SlackReaderTest {
    static final Path ROOT = Path.of("src/test/resources/import/slack");
    static final Path ACME = ROOT.resolve("acme");
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

    static ImportedCommunity read(Path path, ImportOptions options) {
        List<ImportedCommunity> cs = Importer.read(Format.SLACK, List.of(path), options).communities();
        assertThat(cs).hasSize(1);
        return cs.get(0);
    }

    static Map<String, ImportReport.Field> fields(ImportedCommunity c) {
        return c.report().fields().stream().collect(Collectors.toMap(ImportReport.Field::path, f -> f));
    }

    static Map<String, Integer> skipped(ImportedCommunity c) {
        return c.report().skipped().stream().collect(Collectors.toMap(ImportReport.Skipped::what,
                ImportReport.Skipped::count));
    }

    @Test
    void workspaceCountsMembersMessagesAndTheWindowBoundaries() {
        ImportedCommunity c = read(ACME, ImportOptions.defaults());
        Snapshot s = c.snapshot();
        assertThat(s.id()).isEqualTo("slack-acme");
        assertThat(s.name()).isEqualTo("acme");
        assertThat(s.platform()).isEqualTo(Platform.SLACK);
        // asOf defaults to the day of the last message (11-30 21:00 UTC, the thread broadcast)
        assertThat(s.asOf()).isEqualTo(AS_OF);
        // the earliest channel, #general, created 1672531200 = 2023-01-01
        assertThat(s.createdOn()).isEqualTo(LocalDate.of(2023, 1, 1));
        // users neither deleted nor bots: U01 U02 U03 U04 U05 U06 U09 (not gina, helperbot, slackbot)
        assertThat(s.members().total()).isEqualTo(7);
        assertThat(s.members().admins()).isEqualTo(2);
        // 7 days: #general 11-24 00:00:00 carol … 11-30 21:00 (6 + 5 messages; dave's 11-23 23:59:59 is out),
        // #random 4 messages
        assertThat(s.activity().messages7d()).isEqualTo(15);
        // alice, bob, carol, ivan; dave posted on asOf−7 only, erin on asOf−29 only
        assertThat(s.activity().activeMembers7d()).isEqualTo(4);
        // 30 days: + erin (11-01 00:00:00) + dave = 6 senders; frank posted 10-31 23:59:59 (asOf−30): silent
        assertThat(s.members().silent30d()).isEqualTo(1);
        // alice: late reply, "Welcome everyone?", #random; ivan: file share, thread broadcast
        assertThat(s.activity().officialPosts7d()).isEqualTo(5);
        assertThat(s.members().joined7d()).isNull();
        assertThat(s.members().left7d()).isNull();
        Map<String, ImportReport.Field> f = fields(c);
        assertThat(f.get("members.joined7d").how()).isEqualTo(ImportReport.How.UNKNOWN);
        assertThat(f.get("members.joined7d").note().english()).contains("use --channel NAME");
        assertThat(f.get("members.left7d").how()).isEqualTo(ImportReport.How.UNKNOWN);
        assertThat(f.get("members.total").how()).isEqualTo(ImportReport.How.COUNTED);
        assertThat(f.get("createdOn").how()).isEqualTo(ImportReport.How.COUNTED);
        assertThat(Fixtures.ADVISOR.advise(s)).isInstanceOf(Advice.class)
                .extracting(Advice::communityId).isEqualTo("slack-acme");
    }

    @Test
    void aThreadReplyAnswersWithin24HoursAndALateOneDoesNot() {
        ImportedCommunity c = read(ACME, ImportOptions.builder().asOf(AS_OF).people(true).build());
        // questions in the 7 days by non-officials: bob 11-25 08:00 (a thread reply by carol 1h30 later answers
        // it), bob 11-26 10:00 (alice's thread reply comes 24h30 later: unanswered), bob's lunch question in
        // #random (carol answers in the channel), carol's 11-30 20:00 (younger than 24 hours at the end of asOf);
        // alice's "Welcome everyone?" is official
        assertThat(c.snapshot().activity().unansweredQuestions7d()).isEqualTo(1);
        assertThat(c.report().people().unanswered()).singleElement().satisfies(q -> {
            assertThat(q.senderId()).isEqualTo("U02");
            assertThat(q.senderName()).isEqualTo("bob");
            assertThat(q.text()).isEqualTo("Is the meetup on Friday?");
            assertThat(q.thread()).isEqualTo("general");
        });
    }

    @Test
    void botsAndServiceRecordsAreSkippedAndCounted() {
        ImportedCommunity c = read(ACME, ImportOptions.builder().asOf(AS_OF).build());
        // bot: bot_message, a message with bot_id by the bot user, Slackbot's reminder;
        // service: channel_topic, #general's channel_join and all 5 join/leave notices of #random (no --channel);
        // empty: bob's message without text or files
        assertThat(skipped(c)).containsEntry("bot", 3).containsEntry("service", 7).containsEntry("empty", 1)
                .hasSize(3);
        assertThat(c.report().skipped()).filteredOn(sk -> sk.what().equals("bot")).singleElement()
                .satisfies(sk -> assertThat(sk.first().english()).contains("general/2026-11-27.json").endsWith("[2]"));
    }

    @Test
    void historyCountsEachWeekBackToTheFirstMessage() {
        Snapshot s = read(ACME, ImportOptions.builder().asOf(AS_OF).build()).snapshot();
        // first message 10-31: weeks ending 11-02 (frank, erin), 11-09, 11-16, 11-23 (dave); no member counts
        assertThat(s.history()).extracting(Snapshot.HistoryPoint::weekEnding).containsExactly(
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16),
                LocalDate.of(2026, 11, 23));
        assertThat(s.history()).extracting(Snapshot.HistoryPoint::messages).containsExactly(2, 0, 0, 1);
        assertThat(s.history()).extracting(Snapshot.HistoryPoint::activeMembers).containsExactly(2, 0, 0, 1);
        assertThat(s.history()).extracting(Snapshot.HistoryPoint::members).containsOnlyNulls();
    }

    @Test
    void oneChannelCountsItsJoinsAndLeaves() {
        ImportedCommunity c = read(ACME, ImportOptions.builder().asOf(AS_OF).channel("random").build());
        Snapshot s = c.snapshot();
        assertThat(s.id()).isEqualTo("slack-acme-random");
        assertThat(s.name()).isEqualTo("acme #random");
        assertThat(s.createdOn()).isEqualTo(LocalDate.of(2023, 4, 1));
        // members U01 U02 U03 U08: the bot is not a member
        assertThat(s.members().total()).isEqualTo(3);
        assertThat(s.members().admins()).isEqualTo(1);
        // joins: carol 11-20 (out), bob 11-24 00:00:00 (asOf−6: in), the bot 11-26 (skipped)
        assertThat(s.members().joined7d()).isEqualTo(1);
        // leaves: dave 11-23 23:59:59 (asOf−7: out), erin 11-26 (in)
        assertThat(s.members().left7d()).isEqualTo(1);
        assertThat(s.activity().messages7d()).isEqualTo(4);
        assertThat(s.activity().activeMembers7d()).isEqualTo(3);
        assertThat(s.members().silent30d()).isZero();
        assertThat(s.activity().officialPosts7d()).isEqualTo(1);
        // bob's lunch question is answered by carol in the channel half an hour later
        assertThat(s.activity().unansweredQuestions7d()).isZero();
        assertThat(skipped(c)).containsExactly(Map.entry("bot", 1));
        // the one week before, ending 11-23 (first event: carol's join 11-20): 3 − (1 join − 1 leave) after it
        assertThat(s.history()).singleElement().satisfies(h -> {
            assertThat(h.weekEnding()).isEqualTo(LocalDate.of(2026, 11, 23));
            assertThat(h.members()).isEqualTo(3);
            assertThat(h.messages()).isZero();
            assertThat(h.activeMembers()).isZero();
        });
        assertThat(fields(c).get("members.joined7d").how()).isEqualTo(ImportReport.How.COUNTED);
        assertThat(Fixtures.ADVISOR.advise(s).communityId()).isEqualTo("slack-acme-random");
    }

    @Test
    void aChannelWithoutJoinsInTheWeekCountsZeroNotUnknown() {
        // #general records one join (frank, 11-28) and no leave: with --channel both are counted
        Snapshot s = read(ACME, ImportOptions.builder().asOf(AS_OF).channel("#general").build()).snapshot();
        assertThat(s.members().joined7d()).isEqualTo(1);
        assertThat(s.members().left7d()).isZero();
        // general's members: U01 U02 U03 U04 U05 U06 U09 (gina deleted, the bot)
        assertThat(s.members().total()).isEqualTo(7);
        assertThat(s.activity().messages7d()).isEqualTo(11);
    }

    @Test
    void timesAreShownInTheZoneGiven() {
        // in Shanghai (UTC+8) dave's 11-23 23:59:59 UTC is 11-24 07:59:59: inside the 7 days; carol's
        // 11-30 20:00 and ivan's 21:00 fall on 12-01, after asOf
        ImportedCommunity c = read(ACME, ImportOptions.builder().asOf(AS_OF).zone(ZoneId.of("Asia/Shanghai"))
                .build());
        assertThat(c.snapshot().activity().messages7d()).isEqualTo(14);
        assertThat(c.snapshot().activity().activeMembers7d()).isEqualTo(5);
        assertThat(skipped(c)).containsEntry("after asOf", 2);
    }

    @Test
    void theZipGivesTheSameSnapshotAsTheFolder(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("acme.zip");
        zip(ACME, zip, "");
        Path wrapped = tmp.resolve("sub").resolve("acme.zip");
        Files.createDirectories(wrapped.getParent());
        zip(ACME, wrapped, "acme/");
        ImportOptions o = ImportOptions.builder().asOf(AS_OF).build();
        JsonNode folder = read(ACME, o).json();
        assertThat(read(zip, o).json()).isEqualTo(folder);
        assertThat(read(wrapped, o).json()).isEqualTo(folder);
        ImportOptions random = o.toBuilder().channel("random").build();
        assertThat(read(zip, random).json()).isEqualTo(read(ACME, random).json());
        assertThat(read(zip, o).report().skipped()).filteredOn(sk -> sk.what().equals("bot")).singleElement()
                .satisfies(sk -> assertThat(sk.first().english()).contains("acme.zip!/general/2026-11-27.json [2]"));
    }

    @Test
    void theExportNameLosesSlacksSuffix(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("Acme Corp Slack export Nov 1 2026 - Nov 30 2026.zip");
        zip(ACME, zip, "");
        Snapshot s = read(zip, ImportOptions.builder().asOf(AS_OF).build()).snapshot();
        assertThat(s.id()).isEqualTo("slack-Acme-Corp");
        assertThat(s.name()).isEqualTo("Acme Corp");
        assertThat(read(zip, ImportOptions.builder().asOf(AS_OF).id("acme-1").build()).snapshot().id())
                .isEqualTo("acme-1");
    }

    @Test
    void aTruncatedDayFileIsRefusedNamingItAndThePosition() {
        assertThatThrownBy(() -> read(ROOT.resolve("broken"), ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> {
                    ImportException ie = (ImportException) e;
                    assertThat(ie.file()).endsWith("general/2026-11-02.json".replace('/',
                            java.io.File.separatorChar));
                    assertThat(ie.reason()).startsWith("the JSON ends too early at line 11, column 16");
                });
    }

    @Test
    void aFolderWithoutUsersIsNotAnExport() {
        assertThatThrownBy(() -> read(ROOT.resolve("no-users"), ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("not a Slack workspace export: no users.json");
        assertThatThrownBy(() -> read(ROOT.resolve("acme/general"), ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("not a Slack workspace export: no users.json");
    }

    @Test
    void aFileThatIsNeitherAFolderNorAZipIsRefused() {
        assertThatThrownBy(() -> read(ACME.resolve("users.json"), ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("not a Slack workspace export: neither a folder nor a .zip");
        assertThatThrownBy(() -> read(ROOT.resolve("nowhere"), ImportOptions.defaults()))
                .isInstanceOf(ImportException.class).hasMessageContaining("no such file or folder");
    }

    @Test
    void anUnknownChannelListsTheKnownOnes() {
        assertThatThrownBy(() -> read(ACME, ImportOptions.builder().channel("nope").build()))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).position()).isEqualTo("--channel"))
                .hasMessageContaining("no channel \"nope\"").hasMessageContaining("(known: general, random)");
    }

    @Test
    void aBadTimestampNamesTheDayFileAndTheMessage(@TempDir Path tmp) throws IOException {
        Path export = copy(ACME, tmp.resolve("acme"));
        Files.writeString(export.resolve("random/2026-11-29.json"),
                "[{\"type\":\"message\",\"user\":\"U02\",\"text\":\"ok\",\"ts\":\"1796000000.0\"},"
                        + "{\"type\":\"message\",\"user\":\"U02\",\"text\":\"ok\",\"ts\":\"yesterday\"}]");
        assertThatThrownBy(() -> read(export, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> {
                    ImportException ie = (ImportException) e;
                    assertThat(ie.file()).endsWith("2026-11-29.json");
                    assertThat(ie.file()).contains("random");
                    assertThat(ie.position()).isEqualTo("[1] ts");
                    assertThat(ie.reason()).contains("\"yesterday\" is not a Slack timestamp");
                });
    }

    @Test
    void aDayFileThatIsNotAnArrayIsRefused(@TempDir Path tmp) throws IOException {
        Path export = copy(ACME, tmp.resolve("acme"));
        Files.writeString(export.resolve("general/2026-11-24.json"), "{\"messages\": []}");
        Path zip = tmp.resolve("acme.zip");
        zip(export, zip, "");
        assertThatThrownBy(() -> read(zip, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessage(zip + "!/general/2026-11-24.json: expected an array of messages");
    }

    @Test
    void aChannelWithoutAMemberListNeedsMembers(@TempDir Path tmp) throws IOException {
        Path export = copy(ACME, tmp.resolve("acme"));
        Path channels = export.resolve("channels.json");
        Files.writeString(channels, Files.readString(channels).replaceAll("(?s)\"members\": \\[[^\\]]*\\],", ""));
        ImportOptions random = ImportOptions.builder().asOf(AS_OF).channel("random").build();
        assertThatThrownBy(() -> read(export, random))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("members.total: channels.json lists no \"members\" for #random; give --members N");
        Snapshot s = read(export, random.toBuilder().members(12).build()).snapshot();
        assertThat(s.members().total()).isEqualTo(12);
        assertThat(s.members().admins()).isNull();
        assertThat(s.members().silent30d()).isEqualTo(9);
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    static void zip(Path folder, Path zip, String prefix) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    z.putNextEntry(new ZipEntry(prefix + folder.relativize(p).toString().replace('\\', '/')));
                    Files.copy(p, z);
                    z.closeEntry();
                }
            }
        }
    }
}
