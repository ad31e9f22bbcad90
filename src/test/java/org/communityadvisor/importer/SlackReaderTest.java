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

    /**
     * {@code sev-2016/}: part of a real export of 2016 (slack-export-viewer's test archive), which writes numbers
     * as text: {@code "created": "1452837318"}, {@code "last_set": "0"}.
     */
    @Test
    void anOlderExportWritingNumbersAsTextImports() {
        ImportedCommunity c = read(ROOT.resolve("sev-2016"), ImportOptions.defaults());
        Snapshot s = c.snapshot();
        // the earliest channel, #enrique, "created": "1452837318" = 2016-01-15 05:55:18 UTC
        assertThat(s.createdOn()).isEqualTo(LocalDate.of(2016, 1, 15));
        assertThat(s.members().total()).isEqualTo(4);
        assertThat(s.members().admins()).isEqualTo(1);
        // the last message: 2016-03-17 21:54 UTC; that day's file holds 12 messages by 3 members
        assertThat(s.asOf()).isEqualTo(LocalDate.of(2016, 3, 17));
        assertThat(s.activity().messages7d()).isEqualTo(12);
        assertThat(s.activity().activeMembers7d()).isEqualTo(3);
        // the #enrique file of 01-14 (the exporter's zone) holds messages of 01-15 UTC
        Snapshot jan = read(ROOT.resolve("sev-2016"), ImportOptions.builder().asOf(LocalDate.of(2016, 1, 16))
                .build()).snapshot();
        assertThat(jan.activity().messages7d()).isEqualTo(9);
        assertThat(c.report().notes()).extracting(Note::english).anySatisfy(n -> assertThat(n)
                .startsWith("2 numbers written as text (as older Slack exports write them) read as numbers (first: ")
                .endsWith("channels.json [0] created)"));
    }

    @Test
    void aTextThatIsNoNumberWhereANumberIsExpectedIsRefusedNamingFileAndPath(@TempDir Path tmp)
            throws IOException {
        Path export = copy(ROOT.resolve("sev-2016"), tmp.resolve("old"));
        Path channels = export.resolve("channels.json");
        Files.writeString(channels, Files.readString(channels).replace("\"1452988822\"", "\"last week\""));
        assertThatThrownBy(() -> read(export, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessage(channels + " [1] created: \"last week\" is not seconds since 1970");
    }

    @Test
    void aMillionDigitNumberIsRefusedAtOnce(@TempDir Path tmp) throws IOException {
        String digits = "1".repeat(1_000_000);
        Path export = copy(ACME, tmp.resolve("acme"));
        Files.writeString(export.resolve("random/2026-11-29.json"),
                "[{\"type\":\"message\",\"user\":\"U02\",\"text\":\"ok\",\"ts\":\"" + digits + ".5\"}]");
        long start = System.nanoTime();
        assertThatThrownBy(() -> read(export, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("[0] ts: \"1111111111111111111111111111111111111111…\" is not a Slack timestamp");
        Path channels = export.resolve("channels.json");
        Files.writeString(channels, Files.readString(channels).replace("1672531200", "\"" + digits + "\""));
        assertThatThrownBy(() -> read(export, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("[0] created: \"1111111111111111111111111111111111111111…\" is not seconds");
        assertThat(System.nanoTime() - start).as("nanoseconds").isLessThan(2_000_000_000L);
    }

    @Test
    void anExportGivenTwiceCountsEachMessageOnce() {
        ImportOptions o = ImportOptions.builder().asOf(AS_OF).build();
        ImportedCommunity once = read(ACME, o);
        List<ImportedCommunity> cs = Importer.read(Format.SLACK, List.of(ACME, ACME), o).communities();
        assertThat(cs).hasSize(1);
        ImportedCommunity twice = cs.get(0);
        assertThat(twice.snapshot()).isEqualTo(once.snapshot());
        assertThat(skipped(twice)).isEqualTo(skipped(once));
        // every record of the 16 day files of the second copy
        assertThat(twice.report().notes()).extracting(Note::english)
                .contains("2 exports read together: users and channels as the first export that lists each gives them")
                .anySatisfy(n -> assertThat(n).matches("\\d+ messages read twice \\(the same channel and ts, from "
                        + "overlapping exports or a repeated record\\) dropped as duplicates \\(first: .*\\)"));
        assertThat(once.report().notes()).extracting(Note::english).noneMatch(n -> n.contains("duplicates"));
    }

    @Test
    void overlappingExportsAndARepeatedRecordAreCountedOnce(@TempDir Path tmp) throws IOException {
        ImportOptions o = ImportOptions.builder().asOf(AS_OF).build();
        Snapshot expected = read(ACME, o).snapshot();
        // a later export holding the last day of #random again, a record of it repeated, its ts written otherwise
        Path later = copy(ACME, tmp.resolve("acme"));
        for (String day : List.of("2026-11-20", "2026-11-23", "2026-11-24", "2026-11-26", "2026-11-28")) {
            Files.delete(later.resolve("random/" + day + ".json"));
        }
        Files.walk(later.resolve("general")).filter(Files::isRegularFile).forEach(f -> f.toFile().delete());
        Path last = later.resolve("random/2026-11-29.json");
        String day = Files.readString(last).strip();
        int records = Sources.MAPPER.readTree(day).size();
        com.fasterxml.jackson.databind.node.ObjectNode again =
                (com.fasterxml.jackson.databind.node.ObjectNode) Sources.MAPPER.readTree(day).get(0);
        // "1796…00.000000" written "1796…00.0000000": the same ts
        again.put("ts", again.get("ts").asText() + "0");
        String first = again.toString();
        Files.writeString(last, day.substring(0, day.length() - 1) + "," + first + "]");
        ImportedCommunity c = Importer.read(Format.SLACK, List.of(ACME, later), o).communities().get(0);
        assertThat(c.snapshot()).isEqualTo(expected);
        assertThat(c.report().notes()).extracting(Note::english).anySatisfy(n -> assertThat(n)
                .startsWith((records + 1) + " messages read twice"));
    }

    @Test
    void anExportOfDirectMessagesOnlyIsNotAGroup(@TempDir Path tmp) throws IOException {
        Path dms = ROOT.resolve("dms-only");
        assertThatThrownBy(() -> read(dms, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessage(dms + ": not a group: the export holds only direct messages (dms.json, mpims.json) and "
                        + "no channel; a one-to-one or group DM is not a community");
        // the same with an empty channels.json, as some exporters write it
        Path empty = copy(dms, tmp.resolve("dms"));
        Files.writeString(empty.resolve("channels.json"), "[]");
        assertThatThrownBy(() -> read(empty, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("not a group: the export holds only direct messages");
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
