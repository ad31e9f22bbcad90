package org.communityadvisor.importer;

import org.communityadvisor.Lang;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.communityadvisor.Advisor;
import org.communityadvisor.ImportException;
import org.junit.jupiter.api.Test;

/**
 * The {@code wecom} reader over hand-made API responses. {@code group/groupchat_get.json}: 8 members, joined (China
 * time) zhangsan (owner) and lisi 09-01 (scene 1), wmAAAA 10-15 (3), wmBBBB 11-23 20:00 (2), wmCCCC 11-24 07:00 (3;
 * 11-23 23:00 UTC), wmDDDD 11-28 (1), wmEEEE 11-30 09:00 (3), wmFFFF 11-30 10:00 (2); admin_list lisi and zhangsan;
 * a notice. {@code group/statistic_by_day.json}: 11-16 … 11-29, chat_total 1, msg_total 3, 5, 8, 3, 0, 12, 7, 4, 6,
 * 9, 2, 11, 0, 5, member_total 4 until 11-22, then 5, 6, 6, 6, 6, 7, 7. {@code shared-owner/}: the same members, an
 * empty notice and admin_list, and statistics whose 11-20 has chat_total 2.
 */
class WeComReaderTest {
    private static final Path DIR = Path.of("src/test/resources/import/wecom");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ImportedCommunity read(Path path, ImportOptions options) {
        ImportResult r = Importer.read(Format.WECOM, List.of(path), options);
        assertThat(r.communities()).hasSize(1);
        return r.communities().get(0);
    }

    private static Map<String, ImportReport.Field> fields(ImportedCommunity c) {
        return c.report().fields().stream().collect(Collectors.toMap(ImportReport.Field::path, f -> f));
    }

    @Test
    void readsTheGroupFacts() {
        ImportedCommunity c = read(DIR.resolve("group"), ImportOptions.builder().zone(SHANGHAI).build());
        JsonNode s = c.json();
        assertThat(s.get("id").asText()).isEqualTo("wecom-wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA");
        assertThat(s.get("name").asText()).isEqualTo("悦读会·客户群");
        assertThat(s.get("platform").asText()).isEqualTo("wecom");
        assertThat(s.get("createdOn").asText()).isEqualTo("2026-09-01");
        assertThat(s.get("asOf").asText()).isEqualTo("2026-11-30");
        assertThat(s.at("/members/total").asInt()).isEqualTo(8);
        // admin_list names lisi and the owner zhangsan: two people, not three
        assertThat(s.at("/members/admins").asInt()).isEqualTo(2);
        assertThat(s.at("/operations/announcement").asBoolean()).isTrue();
        // join_scene 1, 2 and 3 all occur
        assertThat(s.at("/entry/channels").toString()).isEqualTo("[\"qr\",\"invite\",\"link\"]");
        // 11-24 … 11-30: wmCCCC (asOf−6), wmDDDD, wmEEEE, wmFFFF; wmBBBB (asOf−7) is outside
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(4);
        assertThat(s.at("/members/left7d").isMissingNode()).isTrue();
        assertThat(s.at("/members/silent30d").isMissingNode()).isTrue();

        Map<String, ImportReport.Field> f = fields(c);
        assertThat(f.get("members.total").how()).isEqualTo(ImportReport.How.COUNTED);
        assertThat(f.get("members.joined7d").note().english()).startsWith("join_time of today's members");
        assertThat(f.get("members.left7d").how()).isEqualTo(ImportReport.How.UNKNOWN);
        assertThat(f.get("members.left7d").note().english()).startsWith("groupchat/get lists today's members only");
        assertThat(f.get("createdOn").how()).isEqualTo(ImportReport.How.COUNTED);
        assertThat(c.report().notes(Lang.EN)).noneMatch(n -> n.contains("--zone"));

        assertThat(Advisor.builder().build().advise(c.snapshot()).communityId())
                .isEqualTo("wecom-wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA");
    }

    @Test
    void statisticsEndingYesterdayLeaveTheWeekUnknownAndGiveTheHistory() {
        ImportedCommunity c = read(DIR.resolve("group"), ImportOptions.builder().zone(SHANGHAI).build());
        JsonNode s = c.json();
        // the statistics end on 11-29: the 7 days ending 11-30 are not all there
        assertThat(s.at("/activity/messages7d").isMissingNode()).isTrue();
        assertThat(fields(c).get("activity.messages7d").note().english())
                .isEqualTo("the statistics do not cover every day of the 7 days ending 2026-11-30");
        // weeks ending 11-23 (members 5, messages 11-17 … 11-23 = 39) and 11-16 (members 4, days before 11-16
        // missing: no message count)
        assertThat(s.get("history").toString()).isEqualTo("[{\"weekEnding\":\"2026-11-16\",\"members\":4},"
                + "{\"weekEnding\":\"2026-11-23\",\"members\":5,\"messages\":39}]");
    }

    @Test
    void statisticsGiveTheMessagesWhenTheOwnerRunsOneGroup() {
        ImportedCommunity c = read(DIR.resolve("group"),
                ImportOptions.builder().zone(SHANGHAI).asOf(LocalDate.of(2026, 11, 29)).build());
        JsonNode s = c.json();
        // 11-23 … 11-29: 4 + 6 + 9 + 2 + 11 + 0 + 5
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(37);
        assertThat(s.at("/activity/activeMembers7d").isMissingNode()).isTrue();
        Map<String, ImportReport.Field> f = fields(c);
        assertThat(f.get("activity.messages7d").how()).isEqualTo(ImportReport.How.COUNTED);
        assertThat(f.get("activity.activeMembers7d").how()).isEqualTo(ImportReport.How.UNKNOWN);
        assertThat(f.get("activity.activeMembers7d").note().english()).contains("member_has_msg");
        // 11-23 … 11-29: wmBBBB, wmCCCC, wmDDDD; the two joins of 11-30 come after asOf
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(3);
        assertThat(c.report().skipped()).extracting(ImportReport.Skipped::what, ImportReport.Skipped::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("after asOf", 2));
        // week ending 11-22: members 4, messages 11-16 … 11-22 = 3 + 5 + 8 + 3 + 0 + 12 + 7
        assertThat(s.get("history").toString())
                .isEqualTo("[{\"weekEnding\":\"2026-11-22\",\"members\":4,\"messages\":38}]");
        assertThat(f.get("history").note().english()).contains("members from the statistics");
    }

    @Test
    void statisticsOfSeveralGroupsAreIgnoredAndReported() {
        ImportedCommunity c = read(DIR.resolve("shared-owner"),
                ImportOptions.builder().zone(SHANGHAI).asOf(LocalDate.of(2026, 11, 29)).build());
        JsonNode s = c.json();
        assertThat(c.report().notes(Lang.EN)).contains("statistic_by_day.json ignored: chat_total is 2 on 2026-11-20, so "
                + "its figures are the owner's groups together, not this group's");
        assertThat(s.at("/activity/messages7d").isMissingNode()).isTrue();
        assertThat(s.at("/operations/announcement").asBoolean()).isFalse();
        // no admin_list: the owner alone
        assertThat(s.at("/members/admins").asInt()).isEqualTo(1);
        // without statistics the history's members are rebuilt from the joins: 12 weeks back to 09-01
        JsonNode h = s.get("history");
        assertThat(h).hasSize(12);
        assertThat(h.get(0).toString()).isEqualTo("{\"weekEnding\":\"2026-09-06\",\"members\":2}");
        // the member list is of today: wmEEEE and wmFFFF joined after asOf, so members.total on 11-29 is 8 - 2,
        // an estimate; week ending 11-22: 6 minus the joins of 11-23 … 11-29 (wmBBBB, wmCCCC, wmDDDD)
        assertThat(s.at("/members/total").asInt()).isEqualTo(6);
        assertThat(fields(c).get("members.total").how()).isEqualTo(ImportReport.How.ESTIMATED);
        assertThat(h.get(11).toString()).isEqualTo("{\"weekEnding\":\"2026-11-22\",\"members\":3}");
        assertThat(fields(c).get("history").how()).isEqualTo(ImportReport.How.ESTIMATED);
    }

    @Test
    void zoneShiftsAJoinByADay() {
        Path file = DIR.resolve("group").resolve("groupchat_get.json");
        LocalDate asOf = LocalDate.of(2026, 11, 30);
        // wmCCCC joined 11-24 07:00 in China, 11-23 23:00 UTC: inside the 7 days in Shanghai, outside in UTC
        ImportedCommunity utc = read(file, ImportOptions.builder().asOf(asOf).build());
        ImportedCommunity cn = read(file, ImportOptions.builder().asOf(asOf).zone(SHANGHAI).build());
        assertThat(utc.json().at("/members/joined7d").asInt()).isEqualTo(3);
        assertThat(cn.json().at("/members/joined7d").asInt()).isEqualTo(4);
        assertThat(utc.report().notes(Lang.EN)).contains(
                "times were read in UTC; WeCom's days begin at midnight China time: give --zone Asia/Shanghai");
    }

    /** Found by fuzzing: a join_time beyond what an Instant holds escaped as DateTimeException. */
    @Test
    void aJoinTimeFarOutOfRangeIsSkippedAndReportedNotAnOverflow(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path file = dir.resolve("groupchat_get.json");
        String text = java.nio.file.Files.readString(DIR.resolve("group").resolve("groupchat_get.json"));
        java.nio.file.Files.writeString(file, text.replaceFirst("\"join_time\": 1788228000",
                "\"join_time\": 178822800094758400").replaceFirst("\"join_time\": 1788228300", "\"join_time\": 0"));
        ImportedCommunity c = read(file, ImportOptions.builder().asOf(LocalDate.of(2026, 11, 30)).build());
        assertThat(c.snapshot().members().total()).isEqualTo(8);
        assertThat(c.report().skipped()).contains(
                new ImportReport.Skipped(EventLog.OUT_OF_RANGE, 2, Note.verbatim("1970-01-01"))); // in time order
    }

    /** The documentation's own example: owner and admins are not among its two members. */
    @Test
    void theDocumentationsExampleImportsAndCountsOnlyMembersAsAdmins() {
        ImportedCommunity c = read(DIR.resolve("doc-example"),
                ImportOptions.builder().zone(SHANGHAI).asOf(LocalDate.of(2019, 11, 1)).build());
        JsonNode s = c.json();
        assertThat(s.get("id").asText()).isEqualTo("wecom-wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA");
        assertThat(s.at("/members/total").asInt()).isEqualTo(2);
        assertThat(s.at("/members/admins").asInt()).isEqualTo(0);
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(2);
        assertThat(c.report().notes(Lang.EN)).contains("3 named as owner or in admin_list but not in member_list, "
                + "so not counted as admins: ZhuShengBen, sam, pony");
        assertThat(Advisor.builder().build().advise(c.snapshot()).communityId())
                .isEqualTo("wecom-wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA");
    }

    @Test
    void anErrorAnswerInTheStatisticsIsReportedAndSkipped() {
        ImportedCommunity c = read(DIR.resolve("stats-error"),
                ImportOptions.builder().zone(SHANGHAI).asOf(LocalDate.of(2026, 11, 29)).build());
        assertThat(c.snapshot().members().total()).isEqualTo(6);
        assertThat(c.json().at("/activity/messages7d").isMissingNode()).isTrue();
        assertThat(c.report().notes(Lang.EN)).contains("statistic_by_day.json skipped: the WeCom API answered "
                + "errcode 600018 (invalid owner userid), an error answer and not the owner's figures");
        assertThat(c.report().notes(Lang.ZH)).anyMatch(n -> n.contains("errcode 600018"));
    }

    @Test
    void anErrorResponseIsRefusedWithItsMessage() {
        Path file = DIR.resolve("error").resolve("groupchat_get.json");
        ImportException e = refused(DIR.resolve("error"));
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.position()).isEqualTo("errcode");
        assertThat(e.reason()).startsWith("the WeCom API answered errcode 60011: no privilege to access/modify");
    }

    @Test
    void aTruncatedResponseIsRefused() {
        ImportException e = refused(DIR.resolve("truncated"));
        assertThat(e.file()).endsWith("groupchat_get.json");
        assertThat(e.reason()).startsWith("the JSON ends too early at line");
    }

    @Test
    void anotherJsonIsNotAGroupResponse() {
        ImportException e = refused(Path.of("src/test/resources/import/wechat/export.json"));
        assertThat(e.reason()).isEqualTo("not the WeCom response expected here: no \"group_chat\"");
    }

    @Test
    void aFolderWithoutTheGroupFileIsRefused() {
        ImportException e = refused(Path.of("src/test/resources/import/wechat"));
        assertThat(e.reason()).startsWith("not a WeCom folder: no groupchat_get.json");
    }

    private static ImportException refused(Path path) {
        try {
            Importer.read(Format.WECOM, List.of(path), ImportOptions.defaults());
        } catch (ImportException e) {
            return e;
        }
        throw new AssertionError(path + " was read");
    }
}
