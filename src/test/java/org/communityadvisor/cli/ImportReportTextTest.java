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
import org.communityadvisor.Lang;
import org.communityadvisor.importer.EventLog;
import org.communityadvisor.importer.Format;
import org.communityadvisor.importer.ImportOptions;
import org.communityadvisor.importer.ImportOptionsBuilder;
import org.communityadvisor.importer.ImportReport;
import org.communityadvisor.importer.ImportResult;
import org.communityadvisor.importer.ImportedCommunity;
import org.communityadvisor.importer.Importer;
import org.communityadvisor.importer.Note;
import org.communityadvisor.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Chinese import report: every note, reason and skipped kind the importer produces over the test fixtures
 * (with the options that make each fixture import, and the variants that bring out the rarer notes) reads in
 * Chinese from the text catalog, and the sentences read as the report has always worded them.
 */
class ImportReportTextTest {
    private static final Path DIR = Path.of("src/test/resources/import");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Every note (field notes and report notes) and skipped kind seen. */
    private static final Set<Note> NOTES = new LinkedHashSet<>();
    private static final Set<Note> SKIPPED = new LinkedHashSet<>();
    private static final Set<String> SKIPPED_KINDS = new TreeSet<>();

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
            SKIPPED.add(s.counted());
            SKIPPED_KINDS.add(s.what());
            if (s.first() != null) {
                NOTES.add(s.first());
            }
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
        assertThat(SKIPPED_KINDS).contains("bot", "service", "empty", "after asOf");
    }

    @Test
    void everyNoteOfTheFixturesReadsInChinese() throws IOException {
        List<String> bad = new ArrayList<>();
        StringBuilder dump = new StringBuilder();
        for (Note n : NOTES) {
            String zh = n.text(Lang.ZH);
            dump.append(n.english()).append("\n  → ").append(zh).append('\n');
            if (!VERBATIM.contains(n.key())) {
                bad.addAll(problems(zh));
            }
        }
        for (Note s : SKIPPED) {
            String zh = s.text(Lang.ZH);
            dump.append("[skipped] ").append(s.english()).append("\n  → ").append(zh).append('\n');
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
        // a sentence the data gives as it is stays as it is, and the checker flags it
        String unknown = "a sentence the catalog does not know";
        assertThat(Note.verbatim(unknown).text(Lang.ZH)).isEqualTo(unknown);
        assertThat(problems(Note.verbatim(unknown).text(Lang.ZH))).isNotEmpty();
        // kept tokens alone are not Chinese either
        assertThat(problems("--members")).isNotEmpty();
        // a translated sentence with ids, options and API names passes
        assertThat(problems("groupchat/get 只列出当前成员;企业微信以变更事件报告退群")).isEmpty();
        assertThat(problems("7 天内的 GuildMemberJoin 通知")).isEmpty();
    }

    /** Notes that are the data's own text (a file and record, a path): not sentences to translate. */
    /** Notes whose text is, or quotes, the data as it is (the WeCom API's errmsg is English). */
    private static final Set<String> VERBATIM = Set.of("import.text", "import.wecom.statistics-error");

    private static void reads(Note n, String en, String zh) {
        assertThat(n.text(Lang.EN)).isEqualTo(en);
        assertThat(n.text(Lang.ZH)).isEqualTo(zh);
    }

    @Test
    void exactTranslations() {
        reads(Note.of("import.messages-log"), "messages in the 7 days", "7 天内的发言");
        reads(Note.of("import.created-first-event"), "the day of the first event in the data (give --created-on if "
                + "the group is older)", "数据中第一条事件的日期(如果群建得更早,请用 --created-on 给出)");
        reads(Note.of("import.wechat.no-leaves"), "WeChat writes a notice when a member is removed, none when a member "
                + "leaves by themselves", "微信只在成员被移出群聊时写通知,成员自己退群时不写");
        reads(Note.of("import.silent-senders", 23), "members.total − 23 distinct senders in the 30 days",
                "members.total 减去 30 天内发过言的 23 人");
        reads(Note.of("import.wecom.joins"), "join_time of today's members (members who joined and left since are not "
                + "listed)", "当前成员的 join_time(其间入群又退群的成员不在列表中)");
        reads(Note.of("import.less-since", Note.of("import.wecom.members"), 2, 0, LocalDate.of(2026, 11, 29)),
                "the size of group_chat.member_list, less 2 joined and plus 0 left after 2026-11-29",
                "group_chat.member_list 的人数,减去 2026-11-29 之后入群的 2 人、加回退群的 0 人");
        reads(Note.of("import.wecom.statistics-shared-total", Path.of("statistic_by_day.json"), 2,
                LocalDate.of(2026, 11, 19)), "statistic_by_day.json ignored: chat_total is 2 on 2026-11-19, so its "
                + "figures are the owner's groups together, not this group's",
                "已忽略 statistic_by_day.json:2026-11-19 的 chat_total 为 2,因此其数字是群主名下各群的合计,不是本群的");
        reads(Note.of("import.slack.channel-joins", "random"), "channel_join notices of #random in the 7 days",
                "7 天内 #random 的 channel_join 通知");
        reads(Note.of("import.sheet.replaces-of", "--as-of", "2026-11-20", "asOf", "2026-11-30",
                Note.of("import.sheet.column", "D")), "--as-of 2026-11-20 replaces asOf 2026-11-30 of column D",
                "--as-of 2026-11-20 取代了 asOf 原来的值 2026-11-30(第 D 列)");
        reads(Note.option("--members"), "--members", "选项 --members");
        reads(Note.field("group_chat.chat_id"), "group_chat.chat_id", "取自 group_chat.chat_id");
        reads(Note.of("import.history.statistics", Note.of("import.history.members-statistics")),
                "the statistics per week; members from the statistics", "每周的统计数据;成员数取自统计数据");
        reads(new ImportReport.Skipped("bot", 3, null).counted(), "3 bot", "3 条机器人消息");
        reads(new ImportReport.Skipped("after asOf", 1, null).counted(), "1 after asOf", "1 条 asOf 之后的记录");
        reads(new ImportReport.Skipped("a kind of its own", 2, null).counted(), "2 a kind of its own",
                "2 a kind of its own");
        reads(new ImportReport.Skipped(EventLog.OUT_OF_RANGE, 2, null).counted(), "2 dated before 1990 or after 2099",
                "2 条日期早于 1990 年或晚于 2099 年的记录");
        reads(Note.of("import.at.line", Path.of("chat.csv"), 12), "chat.csv line 12", "chat.csv 第 12 行");
        reads(Note.of("import.value.weeks", 3, LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 29)),
                "3 weeks, 2026-11-15 … 2026-11-29", "3 周,2026-11-15 … 2026-11-29");
        reads(Note.of("import.value.weeks", 1, LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 29)),
                "1 week, 2026-11-29 … 2026-11-29", "1 周,2026-11-29 … 2026-11-29");
        reads(Note.of("import.coverage-gap", 1, LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 15)),
                "the export may have gaps: 1 week in a row with no message (the weeks ending 2026-11-15 to 2026-11-15) "
                + "between weeks with messages",
                "导出的数据可能有缺口:连续 1 周没有任何发言(截至 2026-11-15 到 2026-11-15 的几周),而前后几周都有发言");
        // a number is written as it is, never grouped
        reads(Note.of("import.out-of-order", 1048576), "1048576 messages came before an earlier one of their thread; "
                + "questions answered across them may be miscounted",
                "有 1048576 条发言排在同一话题中更早的发言之前;跨越这些发言的问答可能统计有误");
    }

    /** The notes no fixture brings out (stdin, rarer data), in Chinese all the same. */
    @Test
    void notesNoFixtureBringsOut() {
        List<String> bad = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 11, 19);
        for (Note n : List.of(
                Note.of("import.data-ends", day),
                Note.of("import.out-of-order", 3),
                Note.of("import.telegram.not-a-group", "public_channel"),
                Note.of("import.discord.direct-messages"),
                Note.of("import.wechat.stdin"),
                Note.of("import.joins-statistics"), Note.of("import.leaves-statistics"),
                Note.of("import.active-statistics-daily"),
                Note.of("import.analytics.no-row", day),
                Note.of("import.telegram.no-members"),
                Note.of("import.discord.no-members"),
                Note.of("import.wechat.no-members"),
                Note.of("import.slack.no-channel-members", "general"),
                Note.of("import.slack.zip-name"), Note.of("import.slack.and-channel", Note.of("import.slack.zip-name")),
                Note.field("chats.list[0].id"), Note.field("chats.list[0].name"),
                Note.of("import.wecom.statistics-missing-total", "statistic_by_day.json", day),
                Note.of("import.ads-flagged"),
                Note.of("import.less-since", Note.of("import.slack.channel-members", "random"), 2, 2, day),
                Note.of("import.history.statistics", Note.of("import.history.members-reconstructed")),
                Note.of("import.at.after", day),
                Note.of("import.at.row-line", "acme.csv", 3, 4),
                new ImportReport.Skipped("no sender", 1, null).counted(),
                new ImportReport.Skipped("other", 1, null).counted(),
                new ImportReport.Skipped("pin", 1, null).counted())) {
            bad.addAll(problems(n.text(Lang.ZH)));
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void theChineseReportUsesTheTranslations() {
        ImportedCommunity c = Importer.read(Format.WECOM, List.of(DIR.resolve("wecom/group")),
                ImportOptions.builder().asOf(LocalDate.of(2026, 11, 29)).build()).communities().get(0);
        String zh = new ImportCommand.ReportText(Lang.ZH).render(c);
        assertThat(zh).contains("group_chat.member_list 的人数")
                .contains("说明: 时间按 UTC 读取;企业微信的一天从北京时间零点开始:请用 --zone Asia/Shanghai")
                .doesNotContain("the size of");
        String en = new ImportCommand.ReportText(Lang.EN).render(c);
        assertThat(en).contains("the size of group_chat.member_list");
        ImportedCommunity tg = Importer.read(Format.TELEGRAM, List.of(DIR.resolve("telegram/result.json")),
                ImportOptions.builder().members(20).build()).communities().get(0);
        String skipped = new ImportCommand.ReportText(Lang.ZH).render(tg).lines()
                .filter(l -> l.startsWith("  已跳过")).findFirst().orElseThrow();
        assertThat(skipped).containsPattern("\\d+ 条系统消息");
    }
}
