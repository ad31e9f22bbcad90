package org.communityadvisor.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.communityadvisor.Channel;
import org.communityadvisor.Platform;

/**
 * {@code wecom}: a folder of WeCom API responses, saved as the API returned them: {@code groupchat_get.json}
 * (externalcontact/groupchat/get) and optionally {@code statistic_by_day.json}
 * (externalcontact/groupchat/statistic_group_by_day, filtered on the group's owner). The files may also be given
 * one by one. A {@code groupchat_get.json} whose {@code errcode} is not 0 is refused with its {@code errmsg}; a
 * {@code statistic_by_day.json} whose {@code errcode} is not 0 is skipped, and the report says so.
 *
 * <ul>
 * <li><b>id</b> {@code wecom-<chat_id>}, <b>name</b> {@code name}, <b>platform</b> wecom, <b>createdOn</b>
 * {@code create_time}.</li>
 * <li><b>members.total</b>: the size of {@code member_list} (staff and external members alike).</li>
 * <li><b>joins</b>: each member's {@code join_time}, channel from {@code join_scene} (1 invited directly →
 * invite, 2 invitation link → link, 3 group QR code → qr), which also give {@code entry.channels}. The list
 * holds today's members only: members who joined and left since are not counted (reported so), and leaves are
 * unknown.</li>
 * <li><b>members.admins</b>: {@code admin_list} plus the {@code owner}, each also official, counted only when
 * among {@code member_list} (the others are reported). Staff members
 * ({@code type} 1) are not counted as admins: they are the company's people in a customer group, not
 * necessarily its managers; give {@code --official} to count their posts if a message log is merged.</li>
 * <li><b>operations.announcement</b>: {@code notice} not empty.</li>
 * <li><b>statistics</b>: used only when every day's {@code chat_total} is 1, i.e. the owner runs only this
 * group, so the owner's figures are the group's: members ({@code member_total}), messages ({@code msg_total})
 * and joins ({@code new_member_cnt}) per day, which give {@code history} and {@code activity.messages7d}. Else
 * the file is ignored, and the report says why.</li>
 * <li><b>times</b>: epoch seconds, read in {@code --zone} (default UTC; WeCom's days begin at midnight China
 * time, so give {@code --zone Asia/Shanghai}).</li>
 * </ul>
 */
final class WeComReader implements FormatReader {
    static final String GROUP_FILE = "groupchat_get.json";
    static final String STATS_FILE = "statistic_by_day.json";

    @Override
    public void read(List<Path> paths, ImportContext context) throws IOException {
        Path group = null;
        Path stats = null;
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                Path g = p.resolve(GROUP_FILE);
                if (!Files.isRegularFile(g)) {
                    throw ImportContext.malformed(p, "", "import.wecom.no-group-file", GROUP_FILE);
                }
                group = g;
                Path s = p.resolve(STATS_FILE);
                if (Files.isRegularFile(s)) {
                    stats = s;
                }
            } else if (p.getFileName() != null && p.getFileName().toString().equals(STATS_FILE)) {
                stats = p;
            } else if (group == null) {
                group = p;
            } else {
                throw ImportContext.malformed(p, "", "import.wecom.second-group", GROUP_FILE, STATS_FILE);
            }
        }
        if (group == null) {
            throw ImportContext.malformed(paths.get(0), "", "import.wecom.group-file-missing", GROUP_FILE);
        }
        EventLog log = context.log();
        group(group, context, log);
        if (stats != null) {
            statistics(stats, context, log);
        }
        if (context.options().zone() == null) {
            log.note(Note.of("import.wecom.utc"));
        }
    }

    private static void group(Path file, ImportContext context, EventLog log) throws IOException {
        JsonNode root = response(file, "group_chat", false);
        JsonNode chat = root.get("group_chat");
        if (chat == null || !chat.isObject()) {
            throw ImportContext.malformed(file, "", "import.wecom.no-group-chat");
        }
        String chatId = text(file, chat, "chat_id", "group_chat.chat_id", true);
        log.fact("id", "wecom-" + chatId, Note.field("group_chat.chat_id"));
        String name = text(file, chat, "name", "group_chat.name", false);
        if (name != null && !name.isBlank()) {
            log.fact("name", name, Note.field("group_chat.name"));
        }
        log.fact("platform", Platform.WECOM, Note.of("import.wecom.platform"));
        if (chat.hasNonNull("create_time")) {
            LocalDate created = context.at(epoch(file, chat, "create_time", "group_chat.create_time"))
                    .toLocalDate();
            log.fact("createdOn", created, Note.field("group_chat.create_time"));
        }
        JsonNode notice = chat.get("notice");
        if (notice != null && !notice.isNull()) {
            log.fact("operations.announcement", !notice.asText().isBlank(), Note.field("group_chat.notice"));
        }

        JsonNode list = chat.get("member_list");
        if (list == null || !list.isArray()) {
            throw ImportContext.malformed(file, "group_chat", "import.wecom.no-member-list");
        }
        log.fact("members.total", list.size(), Note.of("import.wecom.members"));

        Set<String> memberIds = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            if (m.isObject() && m.hasNonNull("userid")) {
                memberIds.add(m.get("userid").asText());
            }
        }
        Set<String> admins = new LinkedHashSet<>();
        String owner = text(file, chat, "owner", "group_chat.owner", false);
        if (owner != null && !owner.isBlank()) {
            admins.add(owner);
        }
        JsonNode adminList = chat.get("admin_list");
        if (adminList != null && !adminList.isNull()) {
            if (!adminList.isArray()) {
                throw ImportContext.malformed(file, "group_chat.admin_list", "import.json.expected-array");
            }
            for (int i = 0; i < adminList.size(); i++) {
                admins.add(text(file, adminList.get(i), "userid", "group_chat.admin_list[" + i + "].userid", true));
            }
        }
        if (!admins.isEmpty()) {
            // the owner and admin_list may name people who are no longer (or never were) in the group: only
            // today's members count, as the documentation's own example shows (its owner and admins are not
            // among its two members)
            List<String> absent = admins.stream().filter(a -> !memberIds.contains(a)).toList();
            admins.removeAll(absent);
            log.fact("members.admins", admins.size(), Note.of("import.wecom.admins"));
            admins.forEach(log::official);
            if (!absent.isEmpty()) {
                log.note(Note.of("import.wecom.admins-not-members", absent.size(), String.join(", ", absent)));
            }
        }

        List<Event> joins = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "group_chat.member_list[" + i + "]";
            JsonNode m = list.get(i);
            if (!m.isObject()) {
                throw ImportContext.malformed(file, at, "import.json.expected-object");
            }
            String userid = text(file, m, "userid", at + ".userid", true);
            if (!m.hasNonNull("join_time")) {
                continue;
            }
            LocalDateTime joined = context.at(epoch(file, m, "join_time", at + ".join_time"));
            Channel channel = switch (m.path("join_scene").asInt(0)) {
                case 1 -> Channel.INVITE;
                case 2 -> Channel.LINK;
                case 3 -> Channel.QR;
                default -> null;
            };
            String shown = text(file, m, "group_nickname", at + ".group_nickname", false);
            if (shown == null || shown.isBlank()) {
                shown = text(file, m, "name", at + ".name", false);
            }
            joins.add(new Event("", joined, null, userid, shown == null || shown.isBlank() ? null : shown,
                    Event.Kind.JOIN, null, null, false, null, channel, null));
        }
        joins.sort(Comparator.comparing(Event::time));
        log.recordsJoins();
        joins.forEach(log::add);
        log.joinsCountedAs(Note.of("import.wecom.joins"));
        log.unknownBecause("members.left7d", Note.of("import.wecom.no-leaves"));
        log.unknownBecause("activity.activeMembers7d", Note.of("import.wecom.no-active"));
        log.unknownBecause("members.silent30d", Note.of("import.wecom.no-silent"));
    }

    private static void statistics(Path file, ImportContext context, EventLog log) throws IOException {
        JsonNode root = response(file, "items", true);
        if (isError(root)) {
            log.note(Note.of("import.wecom.statistics-error", file.getFileName(), root.path("errcode").asText(),
                    root.path("errmsg").asText("")));
            return;
        }
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            throw ImportContext.malformed(file, "", "import.wecom.no-items");
        }
        List<LocalDate> days = new ArrayList<>();
        List<DayFigures> figures = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            JsonNode item = items.get(i);
            if (!item.isObject() || !item.path("data").isObject()) {
                throw ImportContext.malformed(file, at, "import.wecom.bad-item");
            }
            LocalDate day = context.at(epoch(file, item, "stat_time", at + ".stat_time")).toLocalDate();
            JsonNode data = item.get("data");
            Integer chats = count(file, data, "chat_total", at);
            if (chats == null || chats != 1) {
                log.note(chats == null ? Note.of("import.wecom.statistics-missing-total", file.getFileName(), day)
                        : Note.of("import.wecom.statistics-shared-total", file.getFileName(), chats, day));
                return;
            }
            days.add(day);
            figures.add(new DayFigures(count(file, data, "member_total", at), count(file, data, "msg_total", at),
                    null, count(file, data, "new_member_cnt", at), null));
        }
        for (int i = 0; i < days.size(); i++) {
            log.day(days.get(i), figures.get(i));
        }
    }

    /**
     * A response file, parsed; {@code errcode} ≠ 0 refuses it with the API's own message, or gives,
     * when the file is {@code optional}, the error answer as it is (its caller reports and skips it).
     */
    private static JsonNode response(Path file, String expectedField, boolean optional) throws IOException {
        JsonNode root = root(file);
        if (isError(root)) {
            JsonNode code = root.get("errcode");
            if (optional) {
                return root;
            }
            throw ImportContext.malformed(file, "errcode", "import.wecom.errcode", code.asText(),
                    root.path("errmsg").asText("(no errmsg)"));
        }
        if (!root.has(expectedField)) {
            throw ImportContext.malformed(file, "", "import.wecom.unexpected-response", expectedField);
        }
        return root;
    }

    private static boolean isError(JsonNode root) {
        JsonNode code = root.get("errcode");
        return code != null && !code.isNull() && code.asLong(-1) != 0;
    }

    private static JsonNode root(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Sources.open(file)) {
            root = Sources.TREE.readTree(in);
        } catch (JacksonException e) {
            throw ImportContext.malformed(file, "", Problems.of(e));
        } catch (CharConversionException e) {
            throw ImportContext.malformed(file, "", Problems.NOT_UTF8);
        }
        if (root == null || !root.isObject()) {
            throw ImportContext.malformed(file, "", "import.wecom.not-object");
        }
        return root;
    }

    private static Instant epoch(Path file, JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v != null && v.isIntegralNumber()) {
            return ImportContext.epochSecond(v.asLong());
        }
        if (v != null && v.isTextual() && v.asText().matches("\\d{1,12}")) {
            return ImportContext.epochSecond(Long.parseLong(v.asText()));
        }
        throw (v == null ? ImportContext.malformed(file, at, "import.wecom.time-missing")
                : ImportContext.malformed(file, at, "import.wecom.bad-time", v.toString()));
    }

    private static Integer count(Path file, JsonNode data, String field, String at) {
        JsonNode v = data.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > Integer.MAX_VALUE) {
            throw ImportContext.malformed(file, at + ".data." + field, "import.wecom.bad-count", v.toString());
        }
        return v.asInt();
    }

    private static String text(Path file, JsonNode node, String field, String at, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ImportContext.malformed(file, at, "import.json.is-missing");
            }
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw ImportContext.malformed(file, at, "import.json.expected-text");
        }
        return v.asText();
    }
}
