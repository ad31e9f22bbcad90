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
import java.util.Set;
import java.util.stream.Collectors;
import org.communityadvisor.Advice;
import org.communityadvisor.Fixtures;
import org.communityadvisor.ImportException;
import org.junit.jupiter.api.Test;

/**
 * The Telegram Desktop reader over {@code import/telegram/result.json}, a "Book Club" supergroup. The numbers
 * below are counted by hand from that file, with asOf 2026-11-20 (7 days: 11-14 … 11-20; 30 days: 10-22 … 11-20):
 * <pre>
 *  id  date (as written)    what                                   7d  30d
 *   1  10-01 10:00          create_group (service)                  -   -   createdOn 2026-10-01
 *   2  10-21 12:00  Frank   message                                 -   -   (asOf−30)
 *   3  10-22 12:00  Erin    message                                 -   x   (asOf−29)
 *   4  10-25 09:00  Heidi   message                                 -   x
 *   5  11-13 10:00  Ivan    join_group_by_link                      -       (asOf−7)
 *   6  11-13 14:00  Kim     message                                 -   x   (asOf−7)
 *   7  11-14 00:00  Carol   message                                 x   x   (asOf−6)
 *   8  11-15 09:00  Alice   invite_members [Grace]                  join
 *   9  11-15 10:00  Judy    join_group_by_request                   join
 *  10  11-16 10:00  Bob     "…meetup is?"                           x   x   question, answered by 11
 *  11  11-16 11:00  Alice   reply to 10                             x   x
 *  12  11-17 08:00  Carol   "…reading list?"                        x   x   question, no other sender in 24 h
 *  13  11-17 09:00  Carol   "Thanks in advance."                    x   x
 *  14  11-17 09:30  Alice   pin_message (service)                   skipped
 *  15  11-18 10:00  Alice   "" and no media                         skipped (empty)
 *  16  11-18 12:00  Judy    text array, reply to 11                 x   x
 *  17  11-18 13:00  Bob     photo + text, reply to 11               x   x
 *  18  11-19 08:00  Heidi   remove_members [Heidi] (herself)        leave
 *  19  11-19 09:00  the group itself (anonymous admin)              x   x   official
 *  20  11-19 20:00  Dave    animation only, via_bot                 x   x
 *  21  11-20 22:30  Erin    "…call tomorrow?"                       x   x   question younger than 24 h
 * </pre>
 * Messages in 7 days: 10 (the group's own post among them); distinct senders, members only: Carol, Bob, Alice,
 * Judy, Dave, Erin = 6 (the group posting as itself is no member). Senders in 30 days: those and Heidi, Kim = 8.
 * date_unixtime is the written time read as UTC.
 */
class TelegramReaderTest {
    private static final Path DIR = Path.of("src/test/resources/import/telegram");
    private static final Path RESULT = DIR.resolve("result.json");
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

    private static ImportedCommunity read(Path path, ImportOptions options) {
        ImportResult r = Importer.read(Format.TELEGRAM, List.of(path), options);
        assertThat(r.communities()).hasSize(1);
        return r.communities().get(0);
    }

    private static ImportOptionsBuilder base() {
        return ImportOptions.builder().asOf(AS_OF).members(20);
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
    void factsOfTheChat() {
        ImportedCommunity c = read(RESULT, base().build());
        JsonNode s = c.json();
        assertThat(s.get("id").asText()).isEqualTo("telegram-1700000001");
        assertThat(s.get("name").asText()).isEqualTo("Book Club");
        assertThat(s.get("platform").asText()).isEqualTo("telegram");
        assertThat(s.get("createdOn").asText()).isEqualTo("2026-10-01");
        assertThat(field(c, "createdOn").how()).isEqualTo(ImportReport.How.COUNTED);
        assertThat(s.get("asOf").asText()).isEqualTo("2026-11-20");
        assertThat(s.at("/members/total").asInt()).isEqualTo(20);
        assertThat(field(c, "members.total").how()).isEqualTo(ImportReport.How.GIVEN);
    }

    @Test
    void sevenDayWindowStartsOnAsOfMinusSix() {
        // Kim's only message is on 11-13 (asOf−7): neither a message nor an active member; Carol's at 11-14 00:00 is
        ImportedCommunity c = read(RESULT, base().build());
        JsonNode s = c.json();
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(10);
        assertThat(s.at("/activity/activeMembers7d").asInt()).isEqualTo(6);
        ImportedCommunity later = read(RESULT, base().asOf(AS_OF.plusDays(1)).build());
        // one day later: Carol's 11-14 message drops out (9), but Carol still posts on 11-17 (7 senders... minus none)
        assertThat(later.json().at("/activity/messages7d").asInt()).isEqualTo(9);
        assertThat(later.json().at("/activity/activeMembers7d").asInt()).isEqualTo(6);
        ImportedCommunity earlier = read(RESULT, base().asOf(AS_OF.minusDays(1)).build());
        // asOf 11-19: days 11-13 … 11-19, Kim counts now, Erin's 11-20 question does not
        assertThat(earlier.json().at("/activity/messages7d").asInt()).isEqualTo(10);
        assertThat(earlier.json().at("/activity/activeMembers7d").asInt()).isEqualTo(6);
    }

    @Test
    void silentThirtyDaysStartsOnAsOfMinusTwentyNine() {
        // Erin posted on 10-22 (asOf−29, counts), Frank on 10-21 (asOf−30, does not): 8 senders of 20 (the group
        // posting as itself is none of them)
        ImportedCommunity c = read(RESULT, base().build());
        assertThat(c.json().at("/members/silent30d").asInt()).isEqualTo(12);
        assertThat(field(c, "members.silent30d").note().english()).contains("8 distinct senders");
        // a day earlier Frank's 10-21 counts, Erin's 11-20 question does not, Erin stays by 10-22: 9 senders
        ImportedCommunity earlier = read(RESULT, base().asOf(AS_OF.minusDays(1)).build());
        assertThat(earlier.json().at("/members/silent30d").asInt()).isEqualTo(11);
    }

    @Test
    void joinsAndLeaves() {
        ImportedCommunity c = read(RESULT, base().build());
        JsonNode s = c.json();
        // Grace (invited, 11-15) and Judy (by request, 11-15); Ivan's link join on 11-13 is asOf−7
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(2);
        // Heidi removed herself on 11-19
        assertThat(s.at("/members/left7d").asInt()).isEqualTo(1);
        assertThat(field(c, "members.joined7d").note().english()).contains("invite_members");
        assertThat(s.at("/entry/channels")).extracting(JsonNode::asText).containsExactlyInAnyOrder("invite", "link");
        // history: weeks ending 11-13, 11-06, 10-30, 10-23 (the first message is on 10-21); members reconstructed
        // from 20 by undoing later joins (Grace, Judy after 11-13; also Ivan before) and the leave
        JsonNode h = s.get("history");
        assertThat(h).hasSize(4);
        assertThat(h.get(3).get("weekEnding").asText()).isEqualTo("2026-11-13");
        assertThat(h.get(3).get("members").asInt()).isEqualTo(19);
        assertThat(h.get(3).get("messages").asInt()).isEqualTo(1);
        assertThat(h.get(0).get("weekEnding").asText()).isEqualTo("2026-10-23");
        assertThat(h.get(0).get("members").asInt()).isEqualTo(18);
        assertThat(h.get(0).get("messages").asInt()).isEqualTo(2);
        assertThat(field(c, "history").how()).isEqualTo(ImportReport.How.ESTIMATED);
    }

    @Test
    void questionsAnsweredUnansweredAndTooYoung() {
        // Bob's 11-16 question was answered by Alice's reply within the hour; Carol's 11-17 question got only her
        // own follow-up and, 28 hours later, Judy; Erin's 11-20 22:30 question is younger than 24 h at asOf's end
        ImportedCommunity c = read(RESULT, base().people(true).build());
        assertThat(c.json().at("/activity/unansweredQuestions7d").asInt()).isEqualTo(1);
        List<People.Question> open = c.report().people().unanswered();
        assertThat(open).extracting(People.Question::senderId).containsExactly("user3");
        assertThat(open.get(0).text()).isEqualTo("Can someone share the reading list?");
        // the next day Erin's question is old enough and unanswered
        ImportedCommunity later = read(RESULT, base().asOf(AS_OF.plusDays(1)).build());
        assertThat(later.json().at("/activity/unansweredQuestions7d").asInt()).isEqualTo(2);
    }

    @Test
    void serviceAndEmptyRecordsAreSkippedAndTheGroupsOwnPostsAreOfficial() {
        ImportedCommunity c = read(RESULT, base().build());
        Map<String, Integer> skipped = skipped(c);
        // create_group and pin_message; Alice's empty 11-18 record. Joins and leaves are events, not skips.
        assertThat(skipped).containsEntry("service", 2).containsEntry("empty", 1).hasSize(2);
        assertThat(c.report().skipped().get(0).first().english()).endsWith("result.json messages[0]");
        // the anonymous admin's reminder (from_id channel1700000001) is an official post
        assertThat(c.json().at("/activity/officialPosts7d").asInt()).isEqualTo(1);
        assertThat(c.report().notes(Lang.EN)).anyMatch(n -> n.contains("do not mark bots"));
        // --official names one more id: Alice's reply counts too, and her id is no question-asker anyway
        ImportedCommunity withAlice = read(RESULT, base().official(Set.of("user1")).build());
        assertThat(withAlice.json().at("/activity/officialPosts7d").asInt()).isEqualTo(2);
    }

    @Test
    void zoneMovesLateEveningMessagesToTheNextDay() {
        // --zone Asia/Tokyo reads date_unixtime (+9 h): Erin's 11-20 22:30 becomes 11-21 07:30, after asOf;
        // Kim's 11-13 14:00 becomes 23:00, still asOf−7; Carol's 11-14 00:00 becomes 09:00
        ImportedCommunity c = read(RESULT, base().zone(ZoneId.of("Asia/Tokyo")).build());
        assertThat(c.json().at("/activity/messages7d").asInt()).isEqualTo(9);
        assertThat(c.json().at("/activity/activeMembers7d").asInt()).isEqualTo(5);
        assertThat(skipped(c)).containsEntry("after asOf", 1);
        // without --as-of the last event's day is 11-21 in Tokyo: window 11-15 … 11-21 loses Carol's 11-14
        ImportedCommunity dflt = read(RESULT, ImportOptions.builder().members(20).zone(ZoneId.of("Asia/Tokyo")).build());
        assertThat(dflt.json().get("asOf").asText()).isEqualTo("2026-11-21");
        assertThat(dflt.json().at("/activity/messages7d").asInt()).isEqualTo(9);
        // and without --zone the written times stand: asOf is the 20th
        ImportedCommunity written = read(RESULT, ImportOptions.builder().members(20).build());
        assertThat(written.json().get("asOf").asText()).isEqualTo("2026-11-20");
        assertThat(field(written, "asOf").how()).isEqualTo(ImportReport.How.ESTIMATED);
        assertThat(written.json().at("/activity/messages7d").asInt()).isEqualTo(10);
    }

    @Test
    void peopleBehindTheNumbers() {
        People p = read(RESULT, base().people(true).build()).report().people();
        // Alice got two replies (Judy's and Bob's to message 11); Bob one (Alice's to 10)
        assertThat(p.candidates().get(0).id()).isEqualTo("user1");
        assertThat(p.candidates().get(0).repliesReceived30d()).isEqualTo(2);
        assertThat(p.candidates().get(1).id()).isEqualTo("user2");
        assertThat(p.candidates().get(1).repliesReceived30d()).isEqualTo(1);
        // Heidi left, so she is no candidate; the group itself is official, so it is none either
        assertThat(p.candidates()).extracting(People.Candidate::id).doesNotContain("user8", "channel1700000001");
        // Ivan (link, 11-13) and Grace (invited by name, 11-15) never posted; Judy joined and posted
        assertThat(p.silentNewcomers()).extracting(People.Newcomer::id).containsExactly("user9", "name:Grace");
        assertThat(p.silentNewcomers().get(1).joinedOn()).isEqualTo(LocalDate.of(2026, 11, 15));
    }

    @Test
    void membersTotalMustBeGiven() {
        assertThatThrownBy(() -> read(RESULT, ImportOptions.builder().asOf(AS_OF).build()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("members.total")
                .hasMessageContaining("a Telegram Desktop export lists no members")
                .hasMessageContaining("--members N");
    }

    @Test
    void truncatedJsonNamesFileAndPosition() {
        assertThatThrownBy(() -> read(DIR.resolve("truncated.json"), base().build()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).endsWith("truncated.json");
                    assertThat(e.position()).isEqualTo("messages[3]");
                    assertThat(e.reason()).startsWith("the JSON ends too early at line ").contains("truncated");
                });
    }

    @Test
    void badDateNamesTheRecord() {
        assertThatThrownBy(() -> read(DIR.resolve("bad-date.json"), base().build()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).endsWith("bad-date.json");
                    assertThat(e.position()).isEqualTo("messages[1] date");
                    assertThat(e.reason()).contains("\"20.11.2026 09:15\" is not a date and time");
                });
    }

    @Test
    void aDiscordFileIsNotATelegramExport() {
        assertThatThrownBy(() -> read(Path.of("src/test/resources/import/discord/general.json"), base().build()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).endsWith("general.json");
                    assertThat(e.reason()).startsWith("not a Telegram Desktop export").contains("DiscordChatExporter");
                });
    }

    @Test
    void aFullExportNeedsOneChatChosen() {
        Path full = DIR.resolve("full-export.json");
        assertThatThrownBy(() -> read(full, base().build()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.position()).isEqualTo("chats.list");
                    assertThat(e.reason()).contains("export one chat").contains("--id")
                            .contains("777 \"Garden Group\"").doesNotContain("Mum");
                });
        assertThatThrownBy(() -> read(full, base().id("778").build()))
                .isInstanceOfSatisfying(ImportException.class, e ->
                        assertThat(e.reason()).contains("no chat with id 778"));
        ImportedCommunity garden = read(full, base().id("telegram-777").build());
        assertThat(garden.json().get("id").asText()).isEqualTo("telegram-777");
        assertThat(garden.json().get("name").asText()).isEqualTo("Garden Group");
        assertThat(garden.json().get("createdOn").asText()).isEqualTo("2026-09-01");
        // the personal chat's message is not read: two messages, Pat's and Op's
        assertThat(garden.json().at("/activity/messages7d").asInt()).isEqualTo(2);
        assertThat(garden.json().at("/activity/activeMembers7d").asInt()).isEqualTo(2);
    }

    // ---- exports as Telegram Desktop writes them, in other versions (fixtures: see the README beside them) ----

    @Test
    void dateUnixtimeAloneDatesARecord() {
        // Ann's 11-16 question and Ben's 11-18 reply have date_unixtime and no date: read in UTC, said in the report
        ImportedCommunity c = read(DIR.resolve("unixtime-only.json"), base().build());
        assertThat(c.json().at("/activity/messages7d").asInt()).isEqualTo(3);
        assertThat(c.report().notes(Lang.EN)).anyMatch(n -> n.startsWith("2 records have no \"date\", only "
                + "\"date_unixtime\": they are read in UTC"));
        assertThat(c.report().notes(Lang.ZH)).anyMatch(n -> n.contains("date_unixtime") && n.contains("UTC"));
        // with --zone the instant is read in it: Ben's 12:00Z reply is 21:00 in Tokyo, no note
        ImportedCommunity tokyo = read(DIR.resolve("unixtime-only.json"), base().zone(ZoneId.of("Asia/Tokyo"))
                .people(true).build());
        assertThat(tokyo.json().at("/activity/messages7d").asInt()).isEqualTo(3);
        assertThat(tokyo.report().notes(Lang.EN)).noneMatch(n -> n.contains("only \"date_unixtime\""));
    }

    @Test
    void theGroupPostingAsItselfIsOfficialAndNoMember() {
        // from_id channel1800000002 is the chat itself (an anonymous admin): an official post, not a sender
        ImportedCommunity c = read(DIR.resolve("unixtime-only.json"), base().people(true).build());
        assertThat(c.json().at("/activity/officialPosts7d").asInt()).isEqualTo(1);
        assertThat(c.json().at("/activity/activeMembers7d").asInt()).isEqualTo(2);
        assertThat(c.json().at("/members/silent30d").asInt()).isEqualTo(18);
        assertThat(c.report().people().candidates()).extracting(People.Candidate::id)
                .doesNotContain("channel1800000002");
        assertThat(c.report().notes(Lang.EN)).anyMatch(n -> n.contains("channel1800000002")
                && n.contains("official posts"));
    }

    @Test
    void anInvitationNamingNobodyIsNoJoin() {
        // invite_members [null] and [] add no one; ["Cleo", null] adds Cleo; remove_members [null] removes no one
        ImportedCommunity c = read(DIR.resolve("unixtime-only.json"), base().people(true).build());
        assertThat(c.json().at("/members/joined7d").asInt()).isEqualTo(1);
        assertThat(c.json().at("/members/left7d").asInt()).isEqualTo(0);
        assertThat(c.report().people().silentNewcomers()).extracting(People.Newcomer::id)
                .containsExactly("name:Cleo");
        assertThat(c.report().notes(Lang.EN)).anyMatch(n -> n.startsWith("3 members named in invite_members or "
                + "remove_members are null"));
        assertThat(skipped(c)).containsEntry("service", 3);
    }

    @Test
    void theFormatOf2020GivesTheSameIdsAsNewerExports() {
        // from_id and actor_id are bare numbers: user4000001 is Dan as a newer export names him
        LocalDate asOf = LocalDate.of(2020, 3, 15);
        ImportedCommunity c = read(DIR.resolve("format-2020.json"), ImportOptions.builder().asOf(asOf).members(10)
                .people(true).official(Set.of("user4000001")).build());
        JsonNode s = c.json();
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(4);
        // Dan and Eve; the group posting as its bare chat id 1300000003 is official and no member
        assertThat(s.at("/activity/activeMembers7d").asInt()).isEqualTo(2);
        // Dan's two posts (--official user4000001) and the group's own
        assertThat(s.at("/activity/officialPosts7d").asInt()).isEqualTo(3);
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(1);
        assertThat(s.get("createdOn").asText()).isEqualTo("2020-03-02");
        // Eve joined by link (actor_id 4000002) and posted (from_id 4000002): one person, no silent newcomer
        assertThat(c.report().people().silentNewcomers()).isEmpty();
        assertThat(c.report().people().candidates()).extracting(People.Candidate::id).containsExactly("user4000002");
        assertThat(c.report().notes(Lang.EN)).anyMatch(n -> n.contains("as a bare number (the 2020 export format)"));
    }

    @Test
    void serviceRecordsDateAChatThatHasNothingElse() {
        // create_group 09-01, edit_group_title 11-10, pin_message 11-12: asOf the last of them, no message
        ImportedCommunity c = read(DIR.resolve("service-only.json"), ImportOptions.builder().members(10).build());
        JsonNode s = c.json();
        assertThat(s.get("asOf").asText()).isEqualTo("2026-11-12");
        assertThat(field(c, "asOf").how()).isEqualTo(ImportReport.How.ESTIMATED);
        assertThat(s.get("createdOn").asText()).isEqualTo("2026-09-01");
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(0);
        assertThat(skipped(c)).containsEntry("service", 3);
        assertThat(c.report().notes(Lang.EN)).anyMatch(n -> n.contains("only service records"));
    }

    @Test
    void aOneToOneChatIsRefusedAsNotAGroup() {
        assertThatThrownBy(() -> read(DIR.resolve("personal.json"), base().build()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).endsWith("personal.json");
                    assertThat(e.position()).isEqualTo("type");
                    assertThat(e.reason()).contains("personal_chat").contains("not a group");
                });
        // the same chat chosen out of a full export
        assertThatThrownBy(() -> read(DIR.resolve("full-export.json"), base().id("555").build()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.position()).isEqualTo("chats.list[0].type");
                    assertThat(e.reason()).contains("personal_chat").contains("not a group");
                });
    }

    @Test
    void theImportedSnapshotIsAdvised() {
        ImportedCommunity c = read(RESULT, base().build());
        Advice advice = Fixtures.ADVISOR.advise(c.snapshot());
        assertThat(advice.communityId()).isEqualTo("telegram-1700000001");
        assertThat(advice.asOf()).isEqualTo(AS_OF);
    }
}
