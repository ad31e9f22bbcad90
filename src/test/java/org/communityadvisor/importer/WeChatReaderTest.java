package org.communityadvisor.importer;

import org.communityadvisor.Lang;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.communityadvisor.Advisor;
import org.communityadvisor.ImportException;
import org.junit.jupiter.api.Test;

/**
 * The {@code wechat} reader over hand-made exports. {@code group.csv} (asOf 2026-11-30; the 7 days are
 * 11-24 … 11-30, the 30 days 11-01 … 11-30), its rows by line:
 * <pre>
 *  2 10-31 wxid_f text            (asOf−30: outside the 30 days)
 *  3 11-01 wxid_g text            (asOf−29: inside)
 *  4 11-10 "Alice"邀请"小林、小美"  → 2 invite joins (小林 = wxid_lin by Remark; 小美 never posts)
 *  5 11-12 "小红"通过扫描…二维码    → qr join (never posts)
 *  6 11-15 rename notice          → service
 *  7 11-23 wxid_a text            (asOf−7: outside the 7 days)
 *  8 11-23 23:30 wxid_b question  (answered by line 9 within 24h)
 *  9 11-24 07:30 wxid_lin         (asOf−6: inside; 11-23 23:30 UTC)
 * 10 11-25 10:00 wxid_c question  (next other sender 26h later: unanswered)
 * 11 11-26 wxid_a image
 * 12 11-26 wxid_d empty text      → empty
 * 13 11-27 wxid_d text with https (multi-line cell)
 * 15 11-27 wxid_e link share 49/5, no URL in the export
 * 16 11-27 wxid_c quote 49/57
 * 17 11-28 10002 revoke           → service
 * 18 11-28 the exporter, Sender empty (wxid_me by line 22), question answered by line 19
 * 19 11-29 wxid_b
 * 20 11-29 "Bob"邀请"小刚"         → invite join (never posts)
 * 21 11-30 08:00 "小丽"通过扫描…   → qr join (小丽 = wxid_li, posts at line 22)
 * 22 11-30 wxid_li
 * 23 11-30 22:00 the exporter, wxid_me
 * 24 11-30 23:00 wxid_c question  (younger than 24 hours at the end of asOf: not counted)
 * </pre>
 * Messages in the 7 days: lines 9, 10, 11, 13, 15, 16, 18, 19, 22, 23, 24 = 11 by wxid_lin, c, a, d, e, me, b, li
 * = 8. Senders in the 30 days: those 8 and wxid_g = 9.
 */
class WeChatReaderTest {
    private static final Path DIR = Path.of("src/test/resources/import/wechat");
    private static final Path GROUP = DIR.resolve("group.csv");

    private static ImportedCommunity read(Path file, ImportOptions options) {
        ImportResult r = Importer.read(Format.WECHAT, List.of(file), options);
        assertThat(r.communities()).hasSize(1);
        return r.communities().get(0);
    }

    private static ImportOptionsBuilder members(int n) {
        return ImportOptions.builder().members(n);
    }

    private static Map<String, ImportReport.Field> fields(ImportedCommunity c) {
        return c.report().fields().stream().collect(Collectors.toMap(ImportReport.Field::path, f -> f));
    }

    private static Map<String, Integer> skipped(ImportedCommunity c) {
        return c.report().skipped().stream().collect(Collectors.toMap(ImportReport.Skipped::what,
                ImportReport.Skipped::count));
    }

    @Test
    void countsTheWindowsAtTheirBoundaries() {
        ImportedCommunity c = read(GROUP, members(20).build());
        JsonNode s = c.json();
        assertThat(s.get("id").asText()).isEqualTo("wechat-12345678");
        assertThat(s.get("platform").asText()).isEqualTo("wechat");
        assertThat(s.has("name")).isFalse();
        assertThat(s.get("asOf").asText()).isEqualTo("2026-11-30");
        assertThat(s.get("createdOn").asText()).isEqualTo("2026-10-31");
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(11);
        assertThat(s.at("/activity/activeMembers7d").asInt()).isEqualTo(8);
        assertThat(s.at("/members/total").asInt()).isEqualTo(20);
        assertThat(s.at("/members/silent30d").asInt()).isEqualTo(20 - 9);
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(2);
        assertThat(s.at("/members/left7d").isMissingNode()).isTrue();
        assertThat(s.at("/activity/unansweredQuestions7d").asInt()).isEqualTo(1);
        assertThat(s.at("/activity/adMessages7d").isMissingNode()).isTrue();
        assertThat(s.at("/activity/officialPosts7d").isMissingNode()).isTrue();

        Map<String, ImportReport.Field> f = fields(c);
        assertThat(f.get("members.left7d").how()).isEqualTo(ImportReport.How.UNKNOWN);
        assertThat(f.get("members.left7d").note().english()).isEqualTo("WeChat writes a notice when a member is removed, none when a member leaves by themselves");
        assertThat(f.get("members.total").how()).isEqualTo(ImportReport.How.GIVEN);
        assertThat(f.get("activity.messages7d").how()).isEqualTo(ImportReport.How.COUNTED);
        assertThat(f.get("createdOn").how()).isEqualTo(ImportReport.How.ESTIMATED);

        Advisor advisor = Advisor.builder().build();
        assertThat(advisor.advise(c.snapshot())).isNotNull();
        assertThat(advisor.advise(c.snapshot()).communityId()).isEqualTo("wechat-12345678");
    }

    @Test
    void joinsByInvitationAndQrCodeGiveTheEntryChannels() {
        JsonNode s = read(GROUP, members(20).build()).json();
        assertThat(s.at("/entry/channels").toString()).isEqualTo("[\"qr\",\"invite\"]");
        // the week before: 小林, 小美 (one notice), 小红; in the 7 days: 小刚, 小丽 — the history's member
        // counts undo the joins that came after each week (an estimate: leaves are not recorded)
        JsonNode history = s.get("history");
        assertThat(history.get(history.size() - 1).get("weekEnding").asText()).isEqualTo("2026-11-23");
        assertThat(history.get(history.size() - 1).get("members").asInt()).isEqualTo(18);
        assertThat(history.get(history.size() - 1).get("messages").asInt()).isEqualTo(2);
        assertThat(history.get(0).get("weekEnding").asText()).isEqualTo("2026-11-02");
        assertThat(history.get(0).get("members").asInt()).isEqualTo(15);
        assertThat(history.get(0).get("messages").asInt()).isEqualTo(2);
    }

    @Test
    void twoInviteesInOneNoticeAreTwoJoins() {
        // as of 11-16 the 7 days are 11-10 … 11-16: the notice of 小林 and 小美, and 小红's QR code
        JsonNode s = read(GROUP, members(20).asOf(LocalDate.of(2026, 11, 16)).build()).json();
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(3);
        assertThat(s.at("/activity/messages7d").asInt()).isZero();
    }

    @Test
    void systemNoticesAndEmptyTextsAreSkippedAndCounted() {
        ImportedCommunity c = read(GROUP, members(20).build());
        Map<String, Integer> skipped = skipped(c);
        assertThat(skipped).containsEntry("service", 2).containsEntry("empty", 1);
        assertThat(c.report().skipped()).filteredOn(k -> k.what().equals("service"))
                .extracting(s -> s.first().english()).containsExactly(GROUP + " line 6");
        assertThat(c.report().skipped()).filteredOn(k -> k.what().equals("empty"))
                .extracting(s -> s.first().english()).containsExactly(GROUP + " line 12");
    }

    @Test
    void silent30dCountsTheDay29AndNotTheDay30() {
        // asOf 11-29: the 30 days are 10-31 … 11-29, so wxid_f (10-31) counts; wxid_li and line 23/24 are later
        JsonNode s = read(GROUP, members(20).asOf(LocalDate.of(2026, 11, 29)).build()).json();
        // senders 10-31 … 11-29: f, g, a, b, lin, c, d, e, me = 9
        assertThat(s.at("/members/silent30d").asInt()).isEqualTo(11);
        // asOf 11-30 drops wxid_f (asOf−30) and adds wxid_li: still 9 senders
        JsonNode t = read(GROUP, members(20).build()).json();
        assertThat(t.at("/members/silent30d").asInt()).isEqualTo(11);
        // asOf 12-01: wxid_g (11-01) is now asOf−30: 8 senders
        JsonNode u = read(GROUP, members(20).asOf(LocalDate.of(2026, 12, 1)).build()).json();
        assertThat(u.at("/members/silent30d").asInt()).isEqualTo(12);
    }

    @Test
    void aQuestionWithoutAnAnswerIn24HoursIsUnanswered() {
        // asOf 12-01: line 24 (11-30 23:00) is now 25 hours old, and nobody answered it
        JsonNode s = read(GROUP, members(20).asOf(LocalDate.of(2026, 12, 1)).build()).json();
        assertThat(s.at("/activity/unansweredQuestions7d").asInt()).isEqualTo(2);
        // asOf 11-29: 11-23 … 11-29; line 8 (11-23) answered and outside, line 10 unanswered, line 18 answered
        JsonNode t = read(GROUP, members(20).asOf(LocalDate.of(2026, 11, 29)).build()).json();
        assertThat(t.at("/activity/unansweredQuestions7d").asInt()).isEqualTo(1);
    }

    @Test
    void zoneReadsCreateTimeInThatZone() {
        // in UTC line 9 (11-24 07:30 written, +08:00) falls on 11-23, outside the 7 days
        ImportedCommunity c = read(GROUP, members(20).zone(ZoneOffset.UTC).build());
        JsonNode s = c.json();
        assertThat(s.get("asOf").asText()).isEqualTo("2026-11-30");
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(10);
        assertThat(s.at("/activity/activeMembers7d").asInt()).isEqualTo(7);
        assertThat(s.at("/activity/unansweredQuestions7d").asInt()).isEqualTo(1);
    }

    @Test
    void peopleNameTheSilentNewcomersAndTheUnansweredQuestion() {
        ImportedCommunity c = read(GROUP, members(20).people(true).build());
        People p = c.report().people();
        assertThat(p.silentNewcomers()).extracting(People.Newcomer::id, People.Newcomer::name,
                People.Newcomer::joinedOn).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name:小美", "小美", LocalDate.of(2026, 11, 10)),
                        org.assertj.core.groups.Tuple.tuple("name:小红", "小红", LocalDate.of(2026, 11, 12)),
                        org.assertj.core.groups.Tuple.tuple("name:小刚", "小刚", LocalDate.of(2026, 11, 29)));
        assertThat(p.unanswered()).hasSize(1);
        People.Question q = p.unanswered().get(0);
        assertThat(q.senderId()).isEqualTo("wxid_c");
        assertThat(q.senderName()).isEqualTo("Carol");
        assertThat(q.time()).isEqualTo(LocalDateTime.of(2026, 11, 25, 10, 0));
        assertThat(q.text()).isEqualTo("这本书有电子版吗?");
        // the exporter's rows with and without Sender are one member; Carol posted 3 times in the 30 days (lines 10, 16, 24)
        assertThat(p.candidates()).extracting(People.Candidate::id).contains("wxid_me", "wxid_c")
                .doesNotContain("self");
        assertThat(p.candidates()).filteredOn(k -> k.id().equals("wxid_c"))
                .extracting(People.Candidate::messages30d).containsExactly(3);
        assertThat(p.candidates()).filteredOn(k -> k.id().equals("wxid_me"))
                .extracting(People.Candidate::messages30d).containsExactly(2);
    }

    @Test
    void heuristicsCountLinksAndLinkSharesByNonOfficialSenders() {
        JsonNode s = read(GROUP, members(20).heuristics(true).build()).json();
        // line 13 (https in the text, wxid_d) and line 15 (a link share without URL, wxid_e)
        assertThat(s.at("/activity/adMessages7d").asInt()).isEqualTo(2);

        ImportedCommunity c = read(GROUP, members(20).heuristics(true).official(Set.of("wxid_d")).build());
        assertThat(c.json().at("/activity/adMessages7d").asInt()).isEqualTo(1);
        assertThat(c.json().at("/activity/officialPosts7d").asInt()).isEqualTo(1);
        assertThat(fields(c).get("activity.adMessages7d").how()).isEqualTo(ImportReport.How.ESTIMATED);
    }

    @Test
    void officialQuestionsAreNotCountedAsUnanswered() {
        // asOf 12-01 with Carol official: her two questions (lines 10 and 24) are not members' questions
        JsonNode s = read(GROUP, members(20).asOf(LocalDate.of(2026, 12, 1)).official(Set.of("wxid_c")).build())
                .json();
        assertThat(s.at("/activity/unansweredQuestions7d").asInt()).isZero();
        assertThat(s.at("/activity/officialPosts7d").asInt()).isEqualTo(3);
    }

    @Test
    void theCoreAsksForMembers() {
        assertThatThrownBy(() -> Importer.read(Format.WECHAT, List.of(GROUP), ImportOptions.defaults()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("members.total")
                .hasMessageContaining("a WeChat chat export does not count the members")
                .hasMessageContaining("--members");
    }

    @Test
    void theWeChatMsgLayoutWithStatusAndANumericTalkerId() {
        ImportedCommunity c = read(DIR.resolve("wechatmsg-status.csv"),
                members(10).official(Set.of("self")).people(true).build());
        JsonNode s = c.json();
        assertThat(s.get("id").asText()).isEqualTo("wechat-7");
        assertThat(c.report().notes(Lang.EN)).anyMatch(n -> n.contains("give --id"));
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(2);
        assertThat(s.at("/activity/activeMembers7d").asInt()).isEqualTo(2);
        assertThat(s.at("/activity/officialPosts7d").asInt()).isEqualTo(1);
        // 你邀请"小张" (invite) and "小李" by your QR code (qr): 小李 is wxid_li, who then sent a voice message
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(2);
        assertThat(s.at("/entry/channels").toString()).isEqualTo("[\"qr\",\"invite\"]");
        assertThat(c.report().people().silentNewcomers()).extracting(People.Newcomer::id)
                .containsExactly("name:小张");
    }

    private static final LocalDate OCT_4 = LocalDate.of(2024, 10, 4);

    /** WeChatMsg up to 0.2.6: nine columns, no sender: the others' messages count, their senders are unknown. */
    @Test
    void theNineColumnsOfWeChatMsgUpTo026() {
        ImportedCommunity c = read(DIR.resolve("wechatmsg-0.2.6.csv"), members(10).asOf(OCT_4).build());
        JsonNode s = c.json();
        assertThat(s.get("id").asText()).isEqualTo("wechat-5");
        // lines 2, 4, 5, 6, 9: two by the exporting account, three by members the file does not name
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(5);
        // the exporting account and "unnamed" (every other sender): a lower bound
        assertThat(s.at("/activity/activeMembers7d").asInt()).isEqualTo(2);
        assertThat(c.report().notes(Lang.EN)).anyMatch(n -> n.startsWith("WeChatMsg up to 0.2.6 writes no sender"));
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(2);
        assertThat(c.report().notes(Lang.EN)).contains("the CSV of WeChatMsg up to 0.2.6, recognised from its header");
        assertThat(skipped(c)).containsEntry("service", 1);
    }

    /** MemoTrace 2.x: Chinese headers, senders by display name, no chat id. */
    @Test
    void memoTraceNamesSendersByDisplayName() {
        ImportedCommunity c = read(DIR.resolve("memotrace-2.csv"), members(10).asOf(OCT_4).id("wechat-dushu").build());
        JsonNode s = c.json();
        assertThat(s.get("id").asText()).isEqualTo("wechat-dushu");
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(4);
        assertThat(s.at("/activity/activeMembers7d").asInt()).isEqualTo(3);
        // 小周 and 小吴 joined by the notice and then posted: the same name: ids
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(2);
        assertThat(c.report().notes(Lang.EN)).contains("the CSV of MemoTrace, recognised from its header")
                .anyMatch(n -> n.startsWith("MemoTrace names senders by display name only"));
    }

    /** MemoTrace names the file after the chat: without --id, the id is the file's name. */
    @Test
    void memoTraceWithoutAnIdTakesTheFileName() {
        ImportedCommunity c = read(DIR.resolve("memotrace-2.csv"), members(10).asOf(OCT_4).build());
        assertThat(c.json().get("id").asText()).isEqualTo("wechat-memotrace-2");
        assertThat(fields(c).get("id").note().english()).startsWith("the file's name");
    }

    /** PyWxDump: msg and src columns, times as a spreadsheet rewrote them, the room in room_name. */
    @Test
    void pyWxDumpWithSpreadsheetTimes() {
        ImportedCommunity c = read(DIR.resolve("pywxdump.csv"),
                members(10).asOf(OCT_4).heuristics(true).people(true).build());
        JsonNode s = c.json();
        assertThat(s.get("id").asText()).isEqualTo("wechat-20889513287");
        // lines 2, 3, 5, 7 (the pat of line 6 is a service notice)
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(4);
        assertThat(s.at("/activity/activeMembers7d").asInt()).isEqualTo(3);
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(1);
        assertThat(skipped(c)).containsEntry("service", 1);
        assertThat(c.report().notes(Lang.EN)).contains("the CSV of PyWxDump, recognised from its header");
    }

    /** PyWxDump's other writer: content as a JSON string {"src", "msg"}, no src column. */
    @Test
    void pyWxDumpWithJsonContent() {
        ImportedCommunity c = read(DIR.resolve("pywxdump-content.csv"), members(10).asOf(OCT_4).build());
        JsonNode s = c.json();
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(2);
        // the QR notice inside the JSON
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(1);
        assertThat(s.at("/entry/channels").toString()).isEqualTo("[\"qr\"]");
    }

    @Test
    void aOneToOneChatIsRefused() {
        ImportException e = refused("pywxdump-one-to-one.csv");
        assertThat(e.position()).isEqualTo("line 2");
        assertThat(e.reason()).contains("\"wxid_zhou\" is a person, not a group chat")
                .contains("one-to-one chat");
    }

    /** Joins and removals in many wordings; a template and a broken notice are counted and the first quoted. */
    @Test
    void noticesInManyWordings() {
        ImportedCommunity c = read(DIR.resolve("notices.csv"), members(10).asOf(OCT_4).build());
        JsonNode s = c.json();
        // 小张; you and 小美; 小红 (qr); Zhang, Mei, Qiang
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(7);
        assertThat(s.at("/entry/channels").toString()).isEqualTo("[\"qr\",\"invite\"]");
        assertThat(skipped(c)).containsEntry("unreadable notice", 2).containsEntry("service", 1);
        assertThat(c.report().notes(Lang.EN)).contains("2 join or removal notice(s) could not be read and were "
                + "skipped, the first: \"$username$\"邀请\"$names$\"加入了群聊");
    }

    /** A Windows export in GBK is read as GBK and reported so. */
    @Test
    void aGbkFileIsReadAsGbk() {
        ImportedCommunity c = read(DIR.resolve("gbk.csv"), members(10).asOf(OCT_4).build());
        assertThat(c.json().at("/activity/messages7d").asInt()).isEqualTo(5);
        assertThat(c.report().notes(Lang.EN)).contains(DIR.resolve("gbk.csv") + " is GBK text (a Windows export), "
                + "not UTF-8: read as GBK");
    }

    @Test
    void aFileNeitherUtf8NorGbkIsRefusedWithTheConversion(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path file = dir.resolve("chat.csv");
        java.nio.file.Files.write(file, new byte[] {'l', 'o', 'c', 'a', 'l', 'I', 'd', '\n', (byte) 0xFF, (byte) 0xFF});
        ImportException e = assertRefused(file);
        assertThat(e.reason()).contains("neither UTF-8 nor GBK").contains("iconv -f GBK -t UTF-8");
    }

    @Test
    void nameComesFromTheOption() {
        JsonNode s = read(GROUP, members(20).name("周末读书会").build()).json();
        assertThat(s.get("name").asText()).isEqualTo("周末读书会");
    }

    /**
     * The scenario export: a reading group (读书会) of 60 members, 10 weeks from 2026-09-21, 40 there from the start
     * and 20 joining by invitation (你邀请 / "X"邀请"Y、Z") or by QR code, busy for six weeks and quiet in November;
     * three members' questions of November went unanswered. Its figures were counted once from the file and are
     * kept here so the file and the reader stay in step.
     */
    @Test
    void theBookClubExportAdvisesOnItsDecline() {
        ImportedCommunity c = read(DIR.resolve("book-club-export.csv"),
                members(60).name("周末读书会").people(true).heuristics(true).build());
        JsonNode s = c.json();
        assertThat(s.get("id").asText()).isEqualTo("wechat-48151623");
        assertThat(s.get("asOf").asText()).isEqualTo("2026-11-27");
        assertThat(s.get("createdOn").asText()).isEqualTo("2026-09-21");
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(3);
        assertThat(s.at("/members/silent30d").asInt()).isEqualTo(60 - 23);
        assertThat(s.at("/entry/channels").toString()).isEqualTo("[\"qr\",\"invite\"]");
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(8);
        assertThat(s.at("/activity/activeMembers7d").asInt()).isEqualTo(7);
        assertThat(s.at("/activity/unansweredQuestions7d").asInt()).isEqualTo(1);
        assertThat(s.at("/activity/adMessages7d").asInt()).isZero();
        JsonNode h = s.get("history");
        assertThat(h).hasSize(9);
        assertThat(h.findValuesAsText("weekEnding")).startsWith("2026-09-25").endsWith("2026-11-20");
        assertThat(h.findValues("messages").stream().map(JsonNode::asInt).toList())
                .containsExactly(37, 55, 51, 51, 46, 49, 27, 18, 5);
        assertThat(h.findValues("members").stream().map(JsonNode::asInt).toList())
                .containsExactly(42, 45, 47, 49, 52, 54, 55, 57, 57);
        assertThat(skipped(c)).containsExactly(Map.entry("service", 6));
        People p = c.report().people();
        assertThat(p.silentNewcomers()).hasSize(6);
        assertThat(p.unanswered()).extracting(People.Question::text)
                .containsExactly("十一月还继续共读吗？", "下次线下活动定了吗？", "有人还在读吗?");

        org.communityadvisor.Advice advice = Advisor.builder().build().advise(c.snapshot());
        assertThat(advice.stage().json()).isEqualTo("declining");
        assertThat(advice.recommendations()).extracting(org.communityadvisor.Advice.Recommendation::id)
                .contains("lifecycle.declining", "governance.answer-questions");
    }

    // ---- malformed ------------------------------------------------------------------------------------------

    private static ImportException assertRefused(Path p) {
        try {
            Importer.read(Format.WECHAT, List.of(p), members(20).build());
        } catch (ImportException e) {
            assertThat(e.file()).isEqualTo(p.toString());
            return e;
        }
        throw new AssertionError(p + " was read");
    }

    private static ImportException refused(String file) {
        Path p = DIR.resolve(file);
        try {
            Importer.read(Format.WECHAT, List.of(p), members(20).build());
        } catch (ImportException e) {
            assertThat(e.file()).isEqualTo(p.toString());
            return e;
        }
        throw new AssertionError(file + " was read");
    }

    @Test
    void aMissingColumnIsNamed() {
        ImportException e = refused("missing-column.csv");
        assertThat(e.position()).isEqualTo("line 1");
        assertThat(e.reason()).startsWith("missing column Sender; expected localId, TalkerId");
    }

    @Test
    void anUnknownColumnIsNamed() {
        ImportException e = refused("unknown-column.csv");
        assertThat(e.position()).isEqualTo("line 1");
        assertThat(e.reason()).startsWith("unknown column \"Avatar\"; expected localId, TalkerId");
    }

    @Test
    void aStrTimeThatDoesNotParseNamesItsLine() {
        // the row of line 2 spans two lines (a message with a line break): the bad one starts on line 4
        ImportException e = refused("bad-strtime.csv");
        assertThat(e.position()).isEqualTo("line 4");
        assertThat(e.reason()).contains("StrTime \"2026-11-25 25:00:00\"");
    }

    @Test
    void aCreateTimeThatDoesNotParseNamesItsLine() {
        ImportException e = refused("bad-createtime.csv");
        assertThat(e.position()).isEqualTo("line 3");
        assertThat(e.reason()).contains("CreateTime \"2026-11-25\"").contains("epoch seconds");
    }

    @Test
    void aJsonFileIsNotAWeChatCsv() {
        ImportException e = refused("export.json");
        assertThat(e.reason()).startsWith("not a WeChat chat CSV: the file is JSON");
    }

    @Test
    void twoChatsInOneFileAreRefused() {
        ImportException e = refused("two-groups.csv");
        assertThat(e.position()).isEqualTo("line 3");
        assertThat(e.reason()).contains("\"87654321@chatroom\"").contains("mixes two chats");
    }

    @Test
    void aShortRowIsRefused() {
        ImportException e = refused("short-row.csv");
        assertThat(e.position()).isEqualTo("line 3");
        assertThat(e.reason()).isEqualTo("expected 11 fields (as the header), got 7");
    }
}
