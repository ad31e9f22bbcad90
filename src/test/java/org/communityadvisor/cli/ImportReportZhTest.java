package org.communityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.communityadvisor.importer.Format;
import org.communityadvisor.importer.ImportOptions;
import org.communityadvisor.importer.ImportOptionsBuilder;
import org.communityadvisor.importer.ImportReport;
import org.communityadvisor.importer.ImportResult;
import org.communityadvisor.importer.ImportedCommunity;
import org.communityadvisor.importer.Importer;
import org.communityadvisor.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Chinese import report: every note, reason and skipped kind the importer produces over the test fixtures
 * (with the options that make each fixture import, and the variants that bring out the rarer notes) reads in
 * Chinese once translated.
 */
class ImportReportZhTest {
    private static final Path DIR = Path.of("src/test/resources/import");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Every note (field notes and report notes) and skipped kind seen, in English. */
    private static final Set<String> NOTES = new TreeSet<>();
    private static final Set<String> SKIPPED = new TreeSet<>();

    @BeforeAll
    static void collect() throws IOException {
        for (Input in : inputs()) {
            for (ImportOptions o : variants(in.format)) {
                List<ImportedCommunity> got = read(in, o);
                for (ImportedCommunity c : got) {
                    take(c);
                    LocalDate asOf = c.snapshot().asOf();
                    for (int shift : new int[] {-1, -3, -10, 2}) {
                        for (ImportedCommunity later : read(in, o.toBuilder().asOf(asOf.plusDays(shift)).build())) {
                            take(later);
                        }
                    }
                }
            }
        }
    }

    private record Input(Format format, List<Path> paths) {
    }

    private static List<Input> inputs() throws IOException {
        List<Input> in = new ArrayList<>();
        for (Format f : Format.values()) {
            Path dir = DIR.resolve(f.id());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.sorted().toList()) {
                    in.add(new Input(f, List.of(p)));
                }
            }
            in.add(new Input(f, List.of(dir)));
        }
        in.add(new Input(Format.DISCORD, List.of(DIR.resolve("discord/general.json"), DIR.resolve("discord/welcome.json"))));
        return in;
    }

    private static List<ImportOptions> variants(Format format) {
        List<ImportOptionsBuilder> bases = new ArrayList<>();
        bases.add(ImportOptions.builder());
        bases.add(ImportOptions.builder().members(20));
        bases.add(ImportOptions.builder().members(1));
        if (format == Format.EVENTS) {
            bases.add(ImportOptions.builder().groups(DIR.resolve("events/groups.jsonl")));
            bases.add(ImportOptions.builder().platform(Platform.WECHAT).members(4));
        }
        if (format == Format.SLACK) {
            bases.add(ImportOptions.builder().channel("random"));
            bases.add(ImportOptions.builder().channel("#general"));
            bases.add(ImportOptions.builder().channel("random").members(12));
        }
        List<ImportOptions> out = new ArrayList<>();
        ObjectNode merge = JsonNodeFactory.instance.objectNode();
        merge.putObject("operations").put("announcement", true);
        for (ImportOptionsBuilder b : bases) {
            ImportOptions o = b.build();
            out.add(o);
            out.add(o.toBuilder().people(true).heuristics(true).build());
            out.add(o.toBuilder().zone(SHANGHAI).build());
            out.add(o.toBuilder().official(Set.of("user1", "wxid_alice")).build());
            out.add(o.toBuilder().id("x").name("X").platform(Platform.QQ).createdOn(LocalDate.of(2020, 1, 1))
                    .merge(merge).build());
        }
        return out;
    }

    private static List<ImportedCommunity> read(Input in, ImportOptions o) {
        try {
            ImportResult r = Importer.read(in.format, in.paths, o);
            return r.communities();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static void take(ImportedCommunity c) {
        ImportReport r = c.report();
        for (ImportReport.Field f : r.fields()) {
            if (f.note() != null) {
                NOTES.add(f.note());
            }
        }
        NOTES.addAll(r.notes());
        for (ImportReport.Skipped s : r.skipped()) {
            SKIPPED.add(s.what());
        }
    }

    // ---- the checker ----------------------------------------------------------------------------------------------

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** Tokens kept as they are: backticked, and path-, option-, id- or API-like words (with . _ / - # @ digits...). */
    private static final Pattern KEPT = Pattern.compile("`[^`]*`|\\S*[._/\\\\#@:\\[\\]<>=0-9-]\\S*"
            + "|\\b[A-Za-z]*[a-z][A-Z]\\w*\\b");
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}( [A-Za-z]{2,}){2,}");

    /** What is wrong with a translated text (empty when it reads as Chinese). */
    static List<String> problems(String zh) {
        List<String> out = new ArrayList<>();
        if (!CJK.matcher(zh).find()) {
            out.add("no Chinese: " + zh);
        }
        String rest = KEPT.matcher(zh).replaceAll(" ").replaceAll(" {2,}", " ");
        var m = ENGLISH.matcher(rest);
        if (m.find()) {
            out.add("English \"" + m.group() + "\" in: " + zh);
        }
        return out;
    }

    @Test
    void theFixturesGiveNotesToCheck() {
        assertThat(NOTES).hasSizeGreaterThan(60);
        assertThat(SKIPPED).contains("bot", "service", "empty", "after asOf");
    }

    @Test
    void everyNoteOfTheFixturesReadsInChinese() throws IOException {
        List<String> bad = new ArrayList<>();
        StringBuilder dump = new StringBuilder();
        for (String n : NOTES) {
            String zh = ImportReportZh.note(n);
            dump.append(n).append("\n  → ").append(zh).append('\n');
            bad.addAll(problems(zh));
        }
        for (String s : SKIPPED) {
            String zh = ImportReportZh.skipped(s);
            dump.append("[skipped] ").append(s).append("\n  → ").append(zh).append('\n');
            bad.addAll(problems(zh));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/import-report-zh.txt"), dump);
        assertThat(bad).isEmpty();
    }

    @Test
    void theCheckerFlagsAnUntranslatedSentence() {
        assertThat(problems("the day of the last event in the data")).isNotEmpty();
        // English left around kept tokens is still English
        assertThat(problems("数据: the statistics of 2026-11-20")).isNotEmpty();
        assertThat(problems("users in users.json with is_admin or is_owner")).isNotEmpty();
        // an unmatched note comes back unchanged, and the checker flags it
        String unknown = "a sentence the table does not know";
        assertThat(ImportReportZh.note(unknown)).isEqualTo(unknown);
        assertThat(problems(ImportReportZh.note(unknown))).isNotEmpty();
        // kept tokens alone are not Chinese either
        assertThat(problems("--members")).isNotEmpty();
        // a translated sentence with ids, options and API names passes
        assertThat(problems("groupchat/get 只列出当前成员;企业微信以变更事件报告退群")).isEmpty();
        assertThat(problems("7 天内的 GuildMemberJoin 通知")).isEmpty();
    }

    @Test
    void exactTranslations() {
        assertThat(ImportReportZh.note("messages in the 7 days")).isEqualTo("7 天内的发言");
        assertThat(ImportReportZh.note("the day of the first event in the data (give --created-on if the group is "
                + "older)")).isEqualTo("数据中第一条事件的日期(如果群建得更早,请用 --created-on 给出)");
        assertThat(ImportReportZh.note("WeChat writes no leave notice")).isEqualTo("微信不写退群通知");
        assertThat(ImportReportZh.note("members.total − 23 distinct senders in the 30 days"))
                .isEqualTo("members.total 减去 30 天内发过言的 23 人");
        assertThat(ImportReportZh.note("join_time of today's members (members who joined and left since are not "
                + "listed)")).isEqualTo("当前成员的 join_time(其间入群又退群的成员不在列表中)");
        assertThat(ImportReportZh.note("the size of group_chat.member_list, less 2 joined and plus 0 left after "
                + "2026-11-29")).isEqualTo("group_chat.member_list 的人数,减去 2026-11-29 之后入群的 2 人、加回退群的 0 人");
        assertThat(ImportReportZh.note("statistic_by_day.json ignored: chat_total is 2 on 2026-11-19, so its figures "
                + "are the owner's groups together, not this group's"))
                .isEqualTo("已忽略 statistic_by_day.json:2026-11-19 的 chat_total 为 2,因此其数字是群主名下各群的合计,不是本群的");
        assertThat(ImportReportZh.note("channel_join notices of #random in the 7 days"))
                .isEqualTo("7 天内 #random 的 channel_join 通知");
        assertThat(ImportReportZh.note("--as-of 2026-11-20 replaces asOf 2026-11-30 of column D"))
                .isEqualTo("--as-of 2026-11-20 取代了 asOf 原来的值 2026-11-30(第 D 列)");
        assertThat(ImportReportZh.note("--members")).isEqualTo("选项 --members");
        assertThat(ImportReportZh.note("group_chat.chat_id")).isEqualTo("取自 group_chat.chat_id");
        assertThat(ImportReportZh.note("the statistics per week; members from the statistics"))
                .isEqualTo("每周的统计数据;成员数取自统计数据");
        assertThat(ImportReportZh.skipped("bot")).isEqualTo("条机器人消息");
        assertThat(ImportReportZh.skipped("after asOf")).isEqualTo("条 asOf 之后的记录");
        assertThat(ImportReportZh.skipped("a kind of its own")).isEqualTo("a kind of its own");
    }

    /** The notes no fixture brings out (stdin, refusals, rarer data), translated all the same. */
    @Test
    void notesNoFixtureBringsOut() {
        List<String> bad = new ArrayList<>();
        for (String n : List.of(
                "the data ends on 2026-11-28",
                "3 messages came before an earlier one of their thread; questions answered across them may be "
                        + "miscounted",
                "the chat is a public_channel, not a group: its figures describe a conversation, not a community",
                "the files are direct messages, not a server's channels",
                "read from standard input in one pass: members named by join notices are counted as name:<name>, "
                        + "not matched to the wxids of their messages",
                "the statistics' daily joins", "the statistics' daily leaves",
                "the statistics count senders per day only; a week's distinct senders cannot be added up",
                "the analytics have no row for 2026-11-10",
                "a Telegram Desktop export lists no members",
                "DiscordChatExporter exports carry no member count (the server's Server Insights shows it)",
                "a WeChat chat export does not count the members",
                "channels.json lists no \"members\" for #general",
                "the .zip's name", "the .zip's name and --channel",
                "chats.list[0].id", "chats.list[0].name",
                "statistic_by_day.json ignored: chat_total is missing on 2026-11-19, so its figures are the owner's "
                        + "groups together, not this group's",
                "messages the platform flagged as ads",
                "the \"members\" of #random in channels.json, less deleted users and bots, less 2 joined and plus 2 "
                        + "left after 2026-11-19",
                "the statistics per week; members reconstructed from members.total by undoing later joins and "
                        + "leaves")) {
            bad.addAll(problems(ImportReportZh.note(n)));
        }
        for (String s : List.of("no sender", "other")) {
            bad.addAll(problems(ImportReportZh.skipped(s)));
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void theChineseReportUsesTheTranslations() {
        ImportedCommunity c = Importer.read(Format.WECOM, List.of(DIR.resolve("wecom/group")),
                ImportOptions.builder().asOf(LocalDate.of(2026, 11, 29)).build()).communities().get(0);
        String zh = new ImportCommand.ReportText(org.communityadvisor.Lang.ZH).render(c);
        assertThat(zh).contains("group_chat.member_list 的人数")
                .contains("说明: 时间按 UTC 读取;企业微信的一天从北京时间零点开始:请用 --zone Asia/Shanghai")
                .doesNotContain("the size of");
        String en = new ImportCommand.ReportText(org.communityadvisor.Lang.EN).render(c);
        assertThat(en).contains("the size of group_chat.member_list");
        ImportedCommunity tg = Importer.read(Format.TELEGRAM, List.of(DIR.resolve("telegram/result.json")),
                ImportOptions.builder().members(20).build()).communities().get(0);
        String skipped = new ImportCommand.ReportText(org.communityadvisor.Lang.ZH).render(tg).lines()
                .filter(l -> l.startsWith("  已跳过")).findFirst().orElseThrow();
        assertThat(skipped).containsPattern("\\d+ 条系统消息");
    }
}
