package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.communityadvisor.Advisor;
import org.communityadvisor.ImportException;
import org.communityadvisor.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code qq} reader over {@code group.txt} (asOf 2026-11-27; the 7 days are 11-21 … 11-27), its messages by
 * line:
 * <pre>
 *  9 11-20 09:15 小林(10001)  question                 (outside the 7 days)
 * 12 11-20 09:20 【管理员】老王(10002), two lines        (outside)
 * 16 11-21 8:05:00 PM 小美&lt;xiaomei@example.com&gt; [图片]
 * 19 11-22 系统消息(1000000) 小红加入本群。             → join, name:小红
 * 22 11-22 小红(10003)
 * 25 11-23 系统消息(1000000) 老王邀请阿强加入了本群。   → invite join, name:阿强
 * 28 11-24 小林(10001), no text                         → empty
 * 31 11-25 系统消息(10000) a recall                     → service
 * 34 11-26 老王(10002), a first line that starts with a date but names no sender, then [表情]
 * 38 11-27 小美, a link
 * </pre>
 * Messages in the 7 days: lines 16, 22, 34, 38 = 4 by 3 senders; in the 30 days 4 senders.
 */
class QqReaderTest {
    private static final Path DIR = Path.of("src/test/resources/import/qq");
    private static final Path GROUP = DIR.resolve("group.txt");

    @TempDir
    Path tmp;

    private static ImportedCommunity read(Path file, ImportOptions options) {
        ImportResult r = Importer.read(Format.QQ, List.of(file), options);
        assertThat(r.communities()).hasSize(1);
        return r.communities().get(0);
    }

    private static Map<String, Integer> skipped(ImportedCommunity c) {
        return c.report().skipped().stream().collect(Collectors.toMap(ImportReport.Skipped::what,
                ImportReport.Skipped::count));
    }

    private Path file(String text) throws IOException {
        Path p = tmp.resolve("chat.txt");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void countsMessagesSendersJoinsAndTheGroupsName() {
        ImportedCommunity c = read(GROUP, ImportOptions.builder().members(30).build());
        JsonNode s = c.json();
        assertThat(s.get("id").asText()).isEqualTo("qq-group");
        assertThat(s.get("name").asText()).isEqualTo("读书会");
        assertThat(s.get("platform").asText()).isEqualTo("qq");
        assertThat(s.get("asOf").asText()).isEqualTo("2026-11-27");
        assertThat(s.get("createdOn").asText()).isEqualTo("2026-11-20");
        assertThat(s.at("/activity/messages7d").asInt()).isEqualTo(4);
        assertThat(s.at("/activity/activeMembers7d").asInt()).isEqualTo(3);
        assertThat(s.at("/members/silent30d").asInt()).isEqualTo(30 - 4);
        assertThat(s.at("/members/joined7d").asInt()).isEqualTo(2);
        assertThat(s.at("/members/left7d").isMissingNode()).isTrue();
        assertThat(s.at("/entry/channels").toString()).isEqualTo("[\"invite\"]");
        assertThat(skipped(c)).containsEntry("empty", 1).containsEntry("service", 1).hasSize(2);

        Map<String, ImportReport.Field> f = c.report().fields().stream()
                .collect(Collectors.toMap(ImportReport.Field::path, x -> x));
        assertThat(f.get("name").note().english()).isEqualTo("the 消息对象 line (line 6)");
        assertThat(f.get("members.left7d").how()).isEqualTo(ImportReport.How.UNKNOWN);
        assertThat(f.get("members.left7d").note().text(Lang.ZH)).isEqualTo("QQ 在成员入群时写一行,成员退群时不写");
        assertThat(f.get("activity.officialPosts7d").how()).isEqualTo(ImportReport.How.UNKNOWN);
        assertThat(Advisor.builder().build().advise(c.snapshot()).communityId()).isEqualTo("qq-group");
    }

    @Test
    void theWeekBeforeHoldsTheOlderMessages() {
        // as of 11-21 the 7 days are 11-15 … 11-21: 小林's question, 老王's two lines and 小美's 8:05 PM image
        ImportedCommunity c = read(GROUP, ImportOptions.builder().members(30).asOf(LocalDate.of(2026, 11, 21))
                .build());
        assertThat(c.json().at("/activity/messages7d").asInt()).isEqualTo(3);
        assertThat(c.json().at("/activity/activeMembers7d").asInt()).isEqualTo(3);
        assertThat(c.json().at("/members/joined7d").asInt()).isZero();
    }

    @Test
    void aTwelveHourClockIsReadAsTheTwentyFourHourTime() throws IOException {
        // 9:00 AM to 8:00 PM the next day is 35 hours: unanswered (read without PM it would be 23 hours)
        Path p = file("消息记录（此消息记录为文本格式，不支持重新导入）\n消息对象:群\n"
                + "2026-11-20 9:00:00 AM 小林(10001)\n有人知道怎么报名吗?\n"
                + "2026-11-21 8:00:00 PM 老王(10002)\n官网\n"
                + "2026-11-23 12:00:00 AM 老王(10002)\n早\n");
        assertThat(read(p, ImportOptions.builder().members(10).build()).json()
                .at("/activity/unansweredQuestions7d").asInt()).isEqualTo(1);
        Path answered = file("消息对象:群\n"
                + "2026-11-20 9:00:00 PM 小林(10001)\n有人知道怎么报名吗?\n"
                + "2026-11-21 8:00:00 PM 老王(10002)\n官网\n"
                + "2026-11-23 12:00:00 AM 老王(10002)\n早\n");
        assertThat(read(answered, ImportOptions.builder().members(10).build()).json()
                .at("/activity/unansweredQuestions7d").asInt()).isZero();
    }

    @Test
    void theSenderIsTheLastNumberOrEmailAndTheTitleIsNoPartOfTheName() throws IOException {
        Path p = file("消息记录（此消息记录为文本格式，不支持重新导入）\n\n消息对象:群\n\n"
                + "2026-11-20 09:15:03 【管理员】(B)(456456)\n你好?\n\n"
                + "2026-11-20 10:15:03 (o´・ω・`)σ<mail@example.com>\n在\n\n"
                + "2026-11-20 11:15:03 另一个昵称(456456)\n好\n");
        ImportedCommunity c = read(p, ImportOptions.builder().members(10).people(true).build());
        assertThat(c.json().at("/activity/activeMembers7d").asInt()).isEqualTo(2);
        assertThat(c.json().at("/activity/unansweredQuestions7d").asInt()).isZero();
    }

    @Test
    void aQuestionWithoutAnAnswerIsCounted() throws IOException {
        Path p = file("消息记录（此消息记录为文本格式，不支持重新导入）\n消息对象:群\n"
                + "2026-11-20 09:15:03 小林(10001)\n有人知道怎么报名吗？\n"
                + "2026-11-22 09:15:03 老王(10002)\n早\n");
        assertThat(read(p, ImportOptions.builder().members(10).build()).json()
                .at("/activity/unansweredQuestions7d").asInt()).isEqualTo(1);
    }

    @Test
    void refusesAFileThatIsNotAQqExport() {
        assertThatThrownBy(() -> Importer.read(Format.QQ, List.of(DIR.resolve("not-qq.txt")), ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).endsWith("not-qq.txt");
                    assertThat(e.position()).isEqualTo("line 1");
                    assertThat(e.reason()).startsWith("not a QQ message-manager export (.txt)");
                    assertThat(e.message(Lang.ZH)).contains("不是 QQ 消息管理器导出的 .txt");
                });
    }

    @Test
    void refusesAMessageLineWhoseDateIsNone() {
        assertThatThrownBy(() -> Importer.read(Format.QQ, List.of(DIR.resolve("bad-time.txt")), ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.position()).isEqualTo("line 8");
                    assertThat(e.reason()).contains("\"2026-13-40 09:15:03 老王(10002)\"")
                            .contains("does not hold a real date and time");
                    assertThat(e.message(Lang.ZH)).contains("的日期或时间不存在");
                });
    }

    @Test
    void refusesAnHourThatATwelveHourClockDoesNotHave() throws IOException {
        Path p = file("消息对象:群\n\n2026-11-20 13:15:03 PM 小林(10001)\n你好\n");
        assertThatThrownBy(() -> Importer.read(Format.QQ, List.of(p), ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.position()).isEqualTo("line 3"));
    }

    @Test
    void refusesAFileOfTwoChatsAndOneWithoutMessages() throws IOException {
        assertThatThrownBy(() -> Importer.read(Format.QQ, List.of(DIR.resolve("two-chats.txt")), ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.position()).isEqualTo("line 15");
                    assertThat(e.reason()).contains("\"跑步群\"").contains("\"读书会\" (line 6)");
                });
        Path headerOnly = file("消息记录（此消息记录为文本格式，不支持重新导入）\n\n消息对象:群\n");
        assertThatThrownBy(() -> Importer.read(Format.QQ, List.of(headerOnly), ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportException.class,
                        e -> assertThat(e.reason()).contains("no message line like 2020-01-01 12:00:00"));
        Path empty = file("");
        assertThatThrownBy(() -> Importer.read(Format.QQ, List.of(empty), ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.reason()).startsWith("is empty"));
    }
}
