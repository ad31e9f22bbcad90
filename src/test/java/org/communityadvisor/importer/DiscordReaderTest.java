package org.communityadvisor.importer;

import org.communityadvisor.Lang;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.communityadvisor.Advice;
import org.communityadvisor.Fixtures;
import org.communityadvisor.ImportException;
import org.junit.jupiter.api.Test;

/**
 * The DiscordChatExporter reader over two channel files of the guild "Rust Learners", {@code general.json} and
 * {@code welcome.json} (the system channel). Counted by hand, asOf 2026-11-20 UTC (7 days: 11-14 … 11-20;
 * 30 days: 10-22 … 11-20):
 * <pre>
 * general                                                               7d  30d
 *   1  10-21 12:00Z  Frank   Default                                     -   -   (asOf−30)
 *   2  10-22 08:00Z  Erin    Default                                     -   x   (asOf−29)
 *   3  11-13 14:00Z  Kim     Default                                     -   x   (asOf−7)
 *   4  11-14 00:00Z  Carol   Default                                     x   x   (asOf−6)
 *   5  11-16 10:00Z  Bob     "…toolchain?"                               x   x   question, answered by 6
 *   6  11-16 12:30+02:00 Alice (role Admin) Reply to 5                   x   x   official
 *   7  11-17 08:00Z  Carol   "Which editor do you use?"                  x   x   question, only a bot follows
 *   8  11-17 08:05Z  Ferris Bot (isBot)                                 skipped (bot)
 *   9  11-17 09:00Z  Alice   ChannelPinnedMessage                        skipped (service)
 *  10  11-18 12:00Z  Judy    Reply to 6                                  x   x
 *  11  11-18 13:00Z  Bob     Reply to 6                                  x   x
 *  12  11-18 14:00Z  Dave    no content, no attachment                   skipped (empty)
 *  13  11-19 20:00Z  Dave    an attachment only                          x   x
 *  14  11-20 22:30Z  Erin    "…still on tomorrow?"                       x   x   question younger than 24 h
 * welcome
 *   1  11-13 09:00Z  Ivan    GuildMemberJoin                             -       (asOf−7)
 *   2  11-15 09:00Z  Grace   GuildMemberJoin                             join
 *   3  11-15 10:00Z  Judy    GuildMemberJoin                             join
 *   4  11-15 11:00Z  Welcome Bot (isBot) GuildMemberJoin                 skipped (bot)
 *   5  11-15 12:00Z  Judy    "…introduce myself?"                        x   x   question; Bob posts 22 h later,
 *                                                                                 but in general: unanswered
 * </pre>
 * Messages in 7 days: 9; senders: Carol, Bob, Alice, Judy, Dave, Erin = 6; in 30 days also Kim = 7.
 */
class DiscordReaderTest {
    private static final Path DIR = Path.of("src/test/resources/import/discord");
    private static final Path GENERAL = DIR.resolve("general.json");
    private static final Path WELCOME = DIR.resolve("welcome.json");
    private static final List<Path> BOTH = List.of(GENERAL, WELCOME);
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

    private static ImportedCommunity read(List<Path> paths, ImportOptions options) {
        ImportResult r = Importer.read(Format.DISCORD, paths, options);
        assertThat(r.communities()).hasSize(1);
        return r.communities().get(0);
    }

    private static ImportOptionsBuilder base() {
        return ImportOptions.builder().asOf(AS_OF).members(50);
    }

    private static ImportReport.Field field(ImportedCommunity c, String path) {
        return c.report().fields().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no report field " + path));
    }

    private static Map<String, Integer> skipped(ImportedCommunity c) {
        return c.report().skipped().stream()
                .collect(Collectors.toMap(ImportReport.Skipped::what, ImportReport.Skipped::count));
    }

    @Test
    void theGuildIsTheCommunity() {
        ImportedCommunity c = read(BOTH, base().build());
        JsonNode s = c.json();
        assertThat(s.get("id").asText()).isEqualTo("discord-900000000000000001");
        assertThat(s.get("name").asText()).isEqualTo("Rust Learners");
        assertThat(s.get("platform").asText()).isEqualTo("discord");
        // no creation date in the export: the first event's day, estimated
        assertThat(s.get("createdOn").asText()).isEqualTo("2026-10-21");
        assertThat(field(c, "createdOn").how()).isEqualTo(ImportReport.How.ESTIMATED);
    }

    @Test
    void sevenDayWindowStartsOnAsOfMinusSix() {
        // Kim posted only on 11-13 (asOf−7); Carol's 11-14 00:00 counts
        ImportedCommunity c = read(BOTH, base().build());
        assertThat(c.json().at("/activity/messages7d").asInt()).isEqualTo(9);
        assertThat(c.json().at("/activity/activeMembers7d").asInt()).isEqualTo(6);
        // asOf 11-19: 11-13 … 11-19 takes Kim in and leaves Erin's 11-20 message out
        ImportedCommunity earlier = read(BOTH, base().asOf(AS_OF.minusDays(1)).build());
        assertThat(earlier.json().at("/activity/messages7d").asInt()).isEqualTo(9);
        assertThat(earlier.json().at("/activity/activeMembers7d").asInt()).isEqualTo(6);
        // asOf 11-21: 11-15 … 11-21 drops Carol's 11-14 (she posts again on 11-17)
        ImportedCommunity later = read(BOTH, base().asOf(AS_OF.plusDays(1)).build());
        assertThat(later.json().at("/activity/messages7d").asInt()).isEqualTo(8);
        assertThat(later.json().at("/activity/activeMembers7d").asInt()).isEqualTo(6);
    }

    @Test
    void silentThirtyDaysStartsOnAsOfMinusTwentyNine() {
        // Erin (10-22, asOf−29) counts, Frank (10-21, asOf−30) does not: 7 senders of 50
        ImportedCommunity c = read(BOTH, base().build());
        assertThat(c.json().at("/members/silent30d").asInt()).isEqualTo(43);
        // a day earlier Frank counts too
        ImportedCommunity earlier = read(BOTH, base().asOf(AS_OF.minusDays(1)).build());
        assertThat(earlier.json().at("/members/silent30d").asInt()).isEqualTo(42);
    }

    @Test
    void joinsAreALowerBoundAndLeavesAndTotalUnknown() {
        ImportedCommunity c = read(BOTH, base().build());
        // Grace and Judy on 11-15; Ivan on 11-13 is asOf−7; the Welcome Bot's join is a bot's
        assertThat(c.json().at("/members/joined7d").asInt()).isEqualTo(2);
        assertThat(field(c, "members.joined7d").note().english()).contains("lower bound").contains("system channel");
        assertThat(c.report().notes(Lang.EN)).anyMatch(n -> n.startsWith("joins are a lower bound"));
        assertThat(c.json().at("/members").has("left7d")).isFalse();
        assertThat(field(c, "members.left7d").how()).isEqualTo(ImportReport.How.UNKNOWN);
        assertThat(field(c, "members.left7d").note().english()).contains("no leave notice");
        // without the system channel the joins are unknown, not 0
        ImportedCommunity generalOnly = read(List.of(GENERAL), base().build());
        assertThat(generalOnly.json().at("/members").has("joined7d")).isFalse();
        assertThat(field(generalOnly, "members.joined7d").how()).isEqualTo(ImportReport.How.UNKNOWN);
        assertThat(field(generalOnly, "members.joined7d").note().english()).contains("GuildMemberJoin");
    }

    @Test
    void membersTotalMustBeGiven() {
        assertThatThrownBy(() -> read(BOTH, ImportOptions.builder().asOf(AS_OF).build()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("members.total: DiscordChatExporter exports carry no member count")
                .hasMessageContaining("Server Insights")
                .hasMessageContaining("--members N");
    }

    @Test
    void questionsAreAnsweredWithinTheirChannel() {
        // Bob's question: Alice replied within the hour. Carol's: only a bot followed. Judy's (welcome): Bob posted
        // 22 hours later, but in general. Erin's 11-20 22:30 question is younger than 24 hours at asOf's end.
        ImportedCommunity c = read(BOTH, base().people(true).build());
        assertThat(c.json().at("/activity/unansweredQuestions7d").asInt()).isEqualTo(2);
        assertThat(c.report().people().unanswered())
                .extracting(People.Question::senderId, People.Question::thread)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("300000000000000003", "100000000000000001"),
                        org.assertj.core.groups.Tuple.tuple("300000000000000010", "100000000000000002"));
    }

    @Test
    void botsServiceAndEmptyMessagesAreSkipped() {
        ImportedCommunity c = read(BOTH, base().build());
        assertThat(skipped(c)).containsEntry("bot", 2).containsEntry("service", 1).containsEntry("empty", 1)
                .hasSize(3);
        assertThat(c.report().skipped()).filteredOn(s -> s.what().equals("bot"))
                .extracting(s -> s.first().english()).containsExactly(GENERAL + " messages[7]");
    }

    @Test
    void adminRolesAreOfficial() {
        ImportedCommunity c = read(BOTH, base().build());
        // Alice has the role "Admin": her reply on 11-16 is the one official post
        assertThat(c.json().at("/activity/officialPosts7d").asInt()).isEqualTo(1);
        assertThat(field(c, "activity.officialPosts7d").how()).isEqualTo(ImportReport.How.COUNTED);
        assertThat(c.report().notes(Lang.EN)).anyMatch(n -> n.startsWith("officials: authors with a role named like admin")
                && n.contains("1: Alice"));
    }

    @Test
    void zoneMovesLateEveningMessagesToTheNextDay() {
        // in Tokyo (+9) Erin's 11-20 22:30Z is 11-21 07:30, after asOf; Kim's 11-13 14:00Z is 23:00, still 11-13
        ImportedCommunity c = read(BOTH, base().zone(ZoneId.of("Asia/Tokyo")).build());
        assertThat(c.json().at("/activity/messages7d").asInt()).isEqualTo(8);
        assertThat(c.json().at("/activity/activeMembers7d").asInt()).isEqualTo(5);
        assertThat(skipped(c)).containsEntry("after asOf", 1);
        // Alice's +02:00 timestamp is read with its offset: 11-16 10:30Z, so it still answers Bob
        assertThat(c.json().at("/activity/unansweredQuestions7d").asInt()).isEqualTo(2);
    }

    @Test
    void peopleBehindTheNumbers() {
        People p = read(BOTH, base().people(true).build()).report().people();
        // Alice got two replies but is official (Admin); Bob got one (Alice's)
        assertThat(p.candidates()).extracting(People.Candidate::id).doesNotContain("300000000000000001");
        assertThat(p.candidates().get(0).id()).isEqualTo("300000000000000002");
        assertThat(p.candidates().get(0).name()).isEqualTo("Bob");
        assertThat(p.candidates().get(0).repliesReceived30d()).isEqualTo(1);
        assertThat(p.candidates().get(0).messages30d()).isEqualTo(2);
        // Ivan and Grace joined and never posted; Judy joined and posted
        assertThat(p.silentNewcomers()).extracting(People.Newcomer::name).containsExactly("Ivan", "Grace");
    }

    @Test
    void twoGuildsAreRefused() {
        assertThatThrownBy(() -> read(List.of(GENERAL, DIR.resolve("other-guild.json")), base().build()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).endsWith("other-guild.json");
                    assertThat(e.position()).isEqualTo("guild.id");
                    assertThat(e.reason()).contains("900000000000000002 \"Go Gophers\"")
                            .contains("general.json").contains("one guild");
                });
    }

    @Test
    void truncatedJsonNamesFileAndPosition() {
        assertThatThrownBy(() -> read(List.of(WELCOME, DIR.resolve("truncated.json")), base().build()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).endsWith("truncated.json");
                    assertThat(e.position()).isEqualTo("messages[2]");
                    assertThat(e.reason()).startsWith("the JSON ends too early at line ");
                });
    }

    @Test
    void badTimestampNamesTheRecord() {
        assertThatThrownBy(() -> read(List.of(DIR.resolve("bad-timestamp.json")), base().build()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.position()).isEqualTo("messages[0] timestamp");
                    assertThat(e.reason()).contains("\"2026-11-19 10:00\" is not a time with an offset");
                });
    }

    @Test
    void aTelegramFileIsNotADiscordExport() {
        assertThatThrownBy(() -> read(List.of(Path.of("src/test/resources/import/telegram/result.json")),
                base().build()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).endsWith("result.json");
                    assertThat(e.reason()).startsWith("not a DiscordChatExporter export")
                            .contains("Telegram Desktop export");
                });
    }

    // ---- a channel exported twice, direct messages (fixtures: see the README beside them) -------------------

    private static final Path FIRST = DIR.resolve("chat-first.json");
    private static final Path REEXPORT = DIR.resolve("chat-reexport.json");

    @Test
    void aChannelAndItsReExportCountEachMessageOnce() {
        // 4 + 5 records, 6 distinct ids: the 2 the files share and the re-export's repeat are dropped
        ImportedCommunity c = read(List.of(FIRST, REEXPORT), ImportOptions.builder().asOf(AS_OF).members(10)
                .build());
        JsonNode s = c.json();
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(6);
        assertThat(s.at("/activity/activeMembers7d").asInt()).isEqualTo(3);
        // Cleo's question is answered by Ann's reply, once
        assertThat(s.at("/activity/unansweredQuestions7d").asInt()).isEqualTo(0);
        assertThat(c.report().skipped()).filteredOn(k -> k.what().equals("duplicate"))
                .singleElement().satisfies(k -> {
                    assertThat(k.count()).isEqualTo(3);
                    assertThat(k.first().english()).endsWith("chat-reexport.json messages[0]");
                });
        assertThat(c.report().notes(Lang.EN)).anyMatch(n -> n.startsWith("3 messages appear more than once")
                && n.contains("chat-reexport.json messages[0]"));
        assertThat(c.report().notes(Lang.ZH)).anyMatch(n -> n.startsWith("3 条消息出现了不止一次"));
        // merged in id order whatever the order the files are given in: nothing out of order
        ImportedCommunity reversed = read(List.of(REEXPORT, FIRST), ImportOptions.builder().asOf(AS_OF).members(10)
                .build());
        assertThat(reversed.json().at("/activity/messages7d").asInt()).isEqualTo(6);
        assertThat(reversed.report().notes(Lang.EN)).noneMatch(n -> n.contains("came before an earlier one"));
        assertThat(reversed.json().get("history")).isEqualTo(s.get("history"));
    }

    @Test
    void aMessageTwiceInOneFileCountsOnce() {
        ImportedCommunity c = read(List.of(REEXPORT), ImportOptions.builder().asOf(AS_OF).members(10).build());
        assertThat(c.json().at("/activity/messages7d").asInt()).isEqualTo(4);
        assertThat(c.report().skipped()).filteredOn(k -> k.what().equals("duplicate"))
                .singleElement().satisfies(k -> {
                    assertThat(k.count()).isEqualTo(1);
                    assertThat(k.first().english()).endsWith("chat-reexport.json messages[3]");
                });
        // a file given twice is the extreme re-export: every message once
        ImportedCommunity twice = read(List.of(FIRST, FIRST), ImportOptions.builder().asOf(AS_OF).members(10)
                .build());
        assertThat(twice.json().at("/activity/messages7d").asInt()).isEqualTo(4);
    }

    @Test
    void snowflakesCompareAsNumbers() {
        assertThat(DiscordReader.compareIds("999", "1000")).isNegative();
        assertThat(DiscordReader.compareIds("1572174456422400000", "1572174456422400000")).isZero();
        assertThat(DiscordReader.compareIds(null, "1")).isNegative();
    }

    @Test
    void directMessagesAreRefusedAsNotAGroup() {
        assertThatThrownBy(() -> read(List.of(DIR.resolve("direct-message.json")), base().build()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).endsWith("direct-message.json");
                    assertThat(e.position()).isEqualTo("guild.id");
                    assertThat(e.reason()).contains("direct messages").contains("not a group");
                });
        // given after a server's channel, too
        assertThatThrownBy(() -> read(List.of(GENERAL, DIR.resolve("direct-message.json")), base().build()))
                .isInstanceOfSatisfying(ImportException.class, e ->
                        assertThat(e.reason()).contains("not a group"));
    }

    @Test
    void theImportedSnapshotIsAdvised() {
        ImportedCommunity c = read(BOTH, base().build());
        Advice advice = Fixtures.ADVISOR.advise(c.snapshot());
        assertThat(advice.communityId()).isEqualTo("discord-900000000000000001");
        assertThat(advice.asOf()).isEqualTo(AS_OF);
    }
}
