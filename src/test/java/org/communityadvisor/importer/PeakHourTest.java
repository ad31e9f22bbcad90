package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.communityadvisor.Lang;
import org.communityadvisor.Platform;
import org.communityadvisor.importer.derive.SnapshotAssembly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code activity.peakHour}: the hour of the day (0-23, in the windows' zone) in which the most distinct members
 * posted over the 30 days ending asOf, counted alike from every message-log format (written here as each format's
 * documentation and the sample exports in the test resources write it); ties go to the earliest hour; unknown
 * with fewer than 20 messages in the 30 days, and for formats without a message log.
 */
class PeakHourTest {
    static final LocalDate AS_OF = LocalDate.parse("2026-11-30");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** One message: who, and when (UTC). */
    record Post(String member, Instant at) {
    }

    /**
     * The same conversation for every format, in UTC: six members post once each at 20:xx; one member posts 14
     * times at 09:xx and two more once each (hour 9: the most messages, but three members); four members posted at
     * 09:xx on asOf − 30, the first day outside the window (with them, hour 9 would have seven members). 22 messages in
     * the 30 days. In Asia/Shanghai the 20:xx posts fall at 04:xx the next day, still inside the window.
     */
    static List<Post> conversation() {
        List<Post> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(post("old" + i, AS_OF.minusDays(30), 9, 10 + i));
        }
        for (int i = 0; i < 14; i++) {
            out.add(post("busy", AS_OF.minusDays(25 - i), 9, 5));
        }
        out.add(post("m7", AS_OF.minusDays(6), 9, 30));
        out.add(post("m8", AS_OF.minusDays(5), 9, 40));
        for (int i = 1; i <= 6; i++) {
            out.add(post("m" + i, AS_OF.minusDays(2 + i), 20, 5 * i));
        }
        out.sort((a, b) -> a.at().compareTo(b.at()));
        return out;
    }

    static Post post(String member, LocalDate day, int hour, int minute) {
        return new Post(member, day.atTime(hour, minute).toInstant(ZoneOffset.UTC));
    }

    static ImportOptions options(ZoneId zone) {
        return ImportOptions.builder().asOf(AS_OF).members(40).zone(zone).build();
    }

    static ImportedCommunity one(Format format, Path path, ImportOptions options) {
        ImportResult r = Importer.read(format, List.of(path), options);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.communities()).hasSize(1);
        return r.communities().get(0);
    }

    static ImportReport.Field field(ImportedCommunity c, String path) {
        return c.report().fields().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    static void peakIs(ImportedCommunity c, int hour) {
        assertThat(c.snapshot().activity().peakHour()).isEqualTo(hour);
        ImportReport.Field f = field(c, "activity.peakHour");
        assertThat(f.how()).isEqualTo(ImportReport.How.COUNTED);
        assertThat(f.note().text(Lang.EN)).startsWith("6 distinct members posted between " + hour + ":00 and "
                + hour + ":59 over the 30 days");
        assertThat(f.note().text(Lang.ZH)).startsWith("30 天内在 " + hour + ":00-" + hour + ":59 发言的不同成员最多,共 6 人");
    }

    // ---- the formats, written as their documentation and the sample exports write them ------------------------

    static Path writeTelegram(Path dir) throws IOException {
        StringBuilder json = new StringBuilder("{\n \"name\": \"Book Club\",\n \"type\": \"private_supergroup\",\n"
                + " \"id\": 1700000001,\n \"messages\": [\n");
        int id = 1;
        for (Post p : conversation()) {
            json.append(id > 1 ? ",\n" : "").append("  {\"id\": ").append(id++).append(", \"type\": \"message\", ")
                    .append("\"date\": \"").append(LocalDateTime.ofInstant(p.at(), ZoneOffset.UTC)).append(":00\", ")
                    .append("\"date_unixtime\": \"").append(p.at().getEpochSecond()).append("\", ")
                    .append("\"from\": \"").append(p.member()).append("\", \"from_id\": \"user_").append(p.member())
                    .append("\", \"text\": \"hello\"}");
        }
        json.append("\n ]\n}\n");
        return write(dir.resolve("result.json"), json.toString());
    }

    static Path writeDiscord(Path dir) throws IOException {
        StringBuilder json = new StringBuilder("{\"guild\": {\"id\": \"900000000000000001\", \"name\": \"Rust Learners\"},"
                + " \"channel\": {\"id\": \"100000000000000001\", \"type\": \"GuildTextChat\", \"name\": \"general\"},"
                + " \"messages\": [\n");
        int id = 1;
        for (Post p : conversation()) {
            json.append(id > 1 ? ",\n" : "").append("{\"id\": \"8000000000000").append(10000 + id++)
                    .append("\", \"type\": \"Default\", \"timestamp\": \"")
                    .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.at().atOffset(ZoneOffset.UTC)))
                    .append("\", \"content\": \"hello\", \"author\": {\"id\": \"3000").append(p.member())
                    .append("\", \"name\": \"").append(p.member()).append("\", \"isBot\": false}}");
        }
        json.append("]}\n");
        return write(dir.resolve("general.json"), json.toString());
    }

    static Path writeSlack(Path dir) throws IOException {
        Path root = dir.resolve("workspace");
        Map<String, StringBuilder> days = new TreeMap<>();
        List<String> members = new ArrayList<>();
        for (Post p : conversation()) {
            if (!members.contains(p.member())) {
                members.add(p.member());
            }
            StringBuilder day = days.computeIfAbsent(LocalDate.ofInstant(p.at(), ZoneOffset.UTC).toString(),
                    k -> new StringBuilder());
            day.append(day.length() > 0 ? ",\n" : "").append("{\"type\": \"message\", \"user\": \"U_").append(p.member())
                    .append("\", \"text\": \"hello\", \"ts\": \"").append(p.at().getEpochSecond()).append(".000100\"}");
        }
        StringBuilder users = new StringBuilder("[");
        for (String m : members) {
            users.append(users.length() > 1 ? ",\n" : "").append("{\"id\": \"U_").append(m).append("\", \"name\": \"")
                    .append(m).append("\", \"deleted\": false, \"is_admin\": false, \"is_owner\": false, "
                            + "\"is_bot\": false}");
        }
        write(root.resolve("users.json"), users.append("]").toString());
        write(root.resolve("channels.json"), "[{\"id\": \"C01GENERAL\", \"name\": \"general\", \"created\": 1672531200}]");
        for (Map.Entry<String, StringBuilder> d : days.entrySet()) {
            write(root.resolve("general").resolve(d.getKey() + ".json"), "[" + d.getValue() + "]");
        }
        return root;
    }

    static Path writeWechat(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder(
                "localId,TalkerId,Type,SubType,IsSender,CreateTime,StrContent,StrTime,Remark,NickName,Sender\n");
        int id = 1;
        DateTimeFormatter wall = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (Post p : conversation()) {
            csv.append(id++).append(",12345678@chatroom,1,0,0,").append(p.at().getEpochSecond()).append(",你好,")
                    .append(wall.format(LocalDateTime.ofInstant(p.at(), ZoneOffset.UTC))).append(",,")
                    .append(p.member()).append(",wxid_").append(p.member()).append('\n');
        }
        return write(dir.resolve("group.csv"), csv.toString());
    }

    static Path events(Path dir, List<Post> posts) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        int id = 1;
        for (Post p : posts) {
            jsonl.append("{\"groupId\":\"g1\",\"ts\":\"").append(p.at()).append("\",\"senderId\":\"")
                    .append(p.member()).append("\",\"kind\":\"message\",\"id\":\"m").append(id++)
                    .append("\",\"text\":\"hello\"}\n");
        }
        return write(dir.resolve("group.jsonl"), jsonl.toString());
    }

    static ImportOptions eventOptions(ZoneId zone) {
        return options(zone).toBuilder().platform(Platform.DISCORD).createdOn(LocalDate.parse("2026-01-01")).build();
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    // ---- every message log counts it, in the zone of its days -------------------------------------------------

    @Test
    void telegramCountsIt(@TempDir Path tmp) throws IOException {
        Path file = writeTelegram(tmp);
        peakIs(one(Format.TELEGRAM, file, options(null)), 20);       // "date" as written (here UTC)
        peakIs(one(Format.TELEGRAM, file, options(SHANGHAI)), 4);    // date_unixtime in the zone
    }

    @Test
    void discordCountsIt(@TempDir Path tmp) throws IOException {
        Path file = writeDiscord(tmp);
        peakIs(one(Format.DISCORD, file, options(null)), 20);        // offsets: UTC by default
        peakIs(one(Format.DISCORD, file, options(SHANGHAI)), 4);
    }

    @Test
    void slackCountsIt(@TempDir Path tmp) throws IOException {
        Path root = writeSlack(tmp);
        ImportOptions noMembers = options(null).toBuilder().members(null).build();
        peakIs(one(Format.SLACK, root, noMembers), 20);
        peakIs(one(Format.SLACK, root, noMembers.toBuilder().zone(SHANGHAI).build()), 4);
    }

    @Test
    void wechatCountsIt(@TempDir Path tmp) throws IOException {
        Path file = writeWechat(tmp);
        peakIs(one(Format.WECHAT, file, options(null)), 20);         // StrTime as written
        ImportedCommunity zoned = one(Format.WECHAT, file, options(SHANGHAI));   // CreateTime in the zone
        peakIs(zoned, 4);
        assertThat(field(zoned, "activity.peakHour").note().text(Lang.EN)).endsWith("; hours in Asia/Shanghai");
        assertThat(field(zoned, "activity.peakHour").note().text(Lang.ZH)).endsWith(";按 Asia/Shanghai 时间");
    }

    @Test
    void eventsCountIt(@TempDir Path tmp) throws IOException {
        Path file = events(tmp, conversation());
        ImportedCommunity utc = one(Format.EVENTS, file, eventOptions(null));
        peakIs(utc, 20);
        assertThat(field(utc, "activity.peakHour").note().text(Lang.EN))
                .endsWith("; hours as the import reads the times (give --zone for the group's own time zone)");
        peakIs(one(Format.EVENTS, file, eventOptions(SHANGHAI)), 4);
    }

    // ---- ties, too few messages, no message log -------------------------------------------------------------

    @Test
    void aTieGoesToTheEarliestHour(@TempDir Path tmp) throws IOException {
        // 22 messages: three members at 15:xx (one of them 17 times), three at 08:xx, once each
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            posts.add(post("a", AS_OF.minusDays(20 - i), 15, 0));
        }
        posts.add(post("b", AS_OF.minusDays(2), 15, 10));
        posts.add(post("c", AS_OF.minusDays(2), 15, 20));
        posts.add(post("x", AS_OF.minusDays(1), 8, 0));
        posts.add(post("y", AS_OF.minusDays(1), 8, 10));
        posts.add(post("z", AS_OF.minusDays(1), 8, 20));
        posts.sort((p, q) -> p.at().compareTo(q.at()));
        assertThat(posts).hasSize(22);
        ImportedCommunity c = one(Format.EVENTS, events(tmp, posts), eventOptions(null));
        assertThat(c.snapshot().activity().peakHour()).isEqualTo(8);
        assertThat(field(c, "activity.peakHour").note().text(Lang.EN)).startsWith("3 distinct members posted between 8:00");
    }

    @Test
    void fewerThanTwentyMessagesInTheThirtyDaysLeaveItUnknown(@TempDir Path tmp) throws IOException {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < SnapshotAssembly.PEAK_HOUR_MIN_MESSAGES + 5; i++) {
            posts.add(post("early" + i, AS_OF.minusDays(40), 10, i));   // before the 30 days: not counted
        }
        for (int i = 0; i < SnapshotAssembly.PEAK_HOUR_MIN_MESSAGES - 1; i++) {
            posts.add(post("m" + i, AS_OF.minusDays(3), 21, i));
        }
        ImportedCommunity c = one(Format.EVENTS, events(tmp, posts), eventOptions(null));
        assertThat(c.snapshot().activity().peakHour()).isNull();
        ImportReport.Field f = field(c, "activity.peakHour");
        assertThat(f.how()).isEqualTo(ImportReport.How.UNKNOWN);
        assertThat(f.note().text(Lang.EN)).isEqualTo("only 19 messages in the 30 days; the busiest hour needs at least 20");
        assertThat(f.note().text(Lang.ZH)).isEqualTo("30 天内只有 19 条发言,至少 20 条才能判断发言最集中的钟点");

        // one more message in the window: 20 are enough
        posts.add(post("late", AS_OF.minusDays(1), 7, 0));
        ImportedCommunity enough = one(Format.EVENTS, events(tmp, posts), eventOptions(null));
        assertThat(enough.snapshot().activity().peakHour()).isEqualTo(21);
    }

    @Test
    void midnightIsHourZero(@TempDir Path tmp) throws IOException {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posts.add(post("m" + (i % 5), AS_OF.minusDays(1 + i), 0, 30));
        }
        posts.add(post("solo", AS_OF.minusDays(1), 23, 59));
        posts.sort((p, q) -> p.at().compareTo(q.at()));
        assertThat(one(Format.EVENTS, events(tmp, posts), eventOptions(null)).snapshot().activity().peakHour())
                .isZero();
    }

    @Test
    void formatsWithoutAMessageLogLeaveItUnknown() {
        Path resources = Path.of("src/test/resources/import");
        ImportedCommunity wecom = one(Format.WECOM, resources.resolve("wecom/group"), ImportOptions.defaults());
        ImportedCommunity analytics = one(Format.SLACK_ANALYTICS, resources.resolve("slack-analytics/acme-analytics.csv"),
                ImportOptions.defaults());
        for (ImportedCommunity c : List.of(wecom, analytics)) {
            assertThat(c.snapshot().activity() == null ? null : c.snapshot().activity().peakHour()).isNull();
            ImportReport.Field f = field(c, "activity.peakHour");
            assertThat(f.how()).isEqualTo(ImportReport.How.UNKNOWN);
            assertThat(f.note().text(Lang.EN)).isEqualTo("the data has no message log to tell the hours members post in");
            assertThat(f.note().text(Lang.ZH)).isEqualTo("数据中没有消息记录,无法判断成员在哪个钟点发言");
        }
    }
}
