package org.communityadvisor.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityadvisor.Channel;
import org.communityadvisor.Platform;

/**
 * {@code wechat}: a WeChat group chat CSV as the common open-source exporters write it (WeChatMsg / 留痕,
 * MemoTrace): columns {@code localId, TalkerId, Type, SubType, IsSender, CreateTime, StrContent, StrTime, Remark,
 * NickName, Sender}, in any order, plus the optional {@code Status} those exporters also write. Every other
 * column is refused.
 *
 * <ul>
 * <li><b>id</b>: {@code wechat-<group>} from {@code TalkerId} ({@code 12345678@chatroom} → {@code wechat-12345678};
 * a numeric TalkerId is the exporting computer's own number for the chat, reported so). Every row must name the
 * same chat. <b>name</b>: the CSV has none, only {@code --name}. <b>platform</b>: wechat.</li>
 * <li><b>time</b>: {@code StrTime} ({@code 2026-11-20 09:15:03}, the exporter's wall clock) as written; with
 * {@code --zone}, {@code CreateTime} (epoch seconds) in that zone.</li>
 * <li><b>messages</b>: every row whose {@code Type} is not 10000/10002 and that has a sender: text (1), image (3),
 * voice (34), video (43), sticker (47), app messages (49: links, files, quotes...). A text row without text is
 * skipped as {@code empty}. The sender is {@code Sender} (the wxid); on the exporting account's own rows
 * ({@code IsSender} = 1) exporters leave {@code Sender} empty or write the exporter's wxid: an empty one becomes
 * that wxid when another of the exporter's rows names it, else {@code self} (so {@code --official self} names the
 * exporting account). The display name is {@code Remark}, else {@code NickName}.</li>
 * <li><b>text</b>: the text of type 1 rows and of quote messages (49/57, which are replies, but the CSV does not
 * carry the quoted message, so they count as plain messages); a link share (49/5) passes its URL, or a bare
 * {@code https://} marker when the export holds no URL, so that {@code --heuristics} counts it as a link.</li>
 * <li><b>joins</b>: system notices (Type 10000) {@code "X"邀请"Y、Z"加入了群聊} (one join per invitee, channel
 * invite) and {@code "Y"通过扫描"X"分享的二维码加入群聊} (channel qr); {@code 你} is the exporting account. A
 * notice names people, not wxids: a name some sender of the file carries ({@code Remark} or {@code NickName}) as
 * the only one becomes that wxid, else the member is {@code name:<name>}. The join forms give
 * {@code entry.channels}. Other notices (renames, recalls, pats, red packets...) and Type 10002 are skipped as
 * {@code service}.</li>
 * <li>WeChat writes no leave notice ({@code members.left7d} unknown), no member count ({@code members.total} from
 * {@code --members}), no admin list ({@code --official} wxids).</li>
 * </ul>
 */
final class WeChatReader implements FormatReader {
    static final List<String> COLUMNS = List.of("localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime",
            "StrContent", "StrTime", "Remark", "NickName", "Sender");
    static final List<String> OPTIONAL = List.of("Status");
    static final String SELF = "self";
    static final String LINK_MARKER = "https:// (a link share; the export does not hold its URL)";

    private static final CsvMapper CSV = new CsvMapper();
    private static final DateTimeFormatter STR_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd").optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd().appendPattern("HH:mm:ss").toFormatter();
    private static final String Q = "[\"“”]";
    private static final Pattern INVITE = Pattern.compile(
            "^\\s*(?:" + Q + "(.+?)" + Q + "|你)\\s*邀请\\s*(?:" + Q + "(.+?)" + Q + "|你)\\s*加入了群聊");
    private static final Pattern QR = Pattern.compile(
            "^\\s*(?:" + Q + "(.+?)" + Q + "|你)\\s*通过扫描\\s*(?:" + Q + "(.+?)" + Q + "|你)\\s*分享的二维码加入群聊");
    private static final Pattern URL = Pattern.compile("(?i)https?://[^\\s<>\"]+");
    private static final Pattern TITLE = Pattern.compile("(?s)<title>(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</title>");

    /** One data row, checked. */
    private record Row(Path file, int line, String localId, String talker, int type, String subType,
            boolean isSender, Instant created, LocalDateTime written, String content, String remark, String nick,
            String sender) {
        Note where() {
            return Note.of("import.at.line", file, line);
        }

        String name() {
            return !remark.isBlank() ? remark : nick.isBlank() ? null : nick;
        }
    }

    @Override
    public void read(List<Path> paths, ImportContext context) throws IOException {
        EventLog log = context.log();
        boolean stdin = paths.stream().anyMatch(Sources::isStdin);

        // first pass (files only): who the exporting account is, and which wxid each display name belongs to
        Map<String, String> byName = new HashMap<>();
        String[] exporter = {null};
        if (!stdin) {
            for (Path path : paths) {
                scan(path, row -> {
                    if (row.sender.isBlank()) {
                        return;
                    }
                    if (row.isSender && exporter[0] == null) {
                        exporter[0] = row.sender;
                    }
                    for (String n : new String[] {row.remark, row.nick}) {
                        if (!n.isBlank()) {
                            byName.merge(n.strip(), row.sender, (a, b) -> a.equals(b) ? a : "");
                        }
                    }
                }, new String[2]);
            }
        }
        String self = exporter[0] == null ? SELF : exporter[0];

        // second pass: the events
        String[] talker = new String[2];
        int[] rows = {0};
        for (Path path : paths) {
            scan(path, row -> {
                rows[0]++;
                event(row, log, context, self, byName);
            }, talker);
        }
        if (rows[0] == 0) {
            throw ImportContext.malformed(paths.get(0), "", "holds no message row");
        }
        String group = talker[0];
        String rawId = group.endsWith("@chatroom") ? group.substring(0, group.length() - "@chatroom".length())
                : group;
        log.fact("id", "wechat-" + rawId, Note.of("import.wechat.talker", group));
        if (rawId.chars().allMatch(Character::isDigit) && !group.endsWith("@chatroom")) {
            log.note(Note.of("import.wechat.talker-local", group));
        }
        if (!group.endsWith("@chatroom")) {
            log.note(Note.of("import.wechat.talker-not-group", group));
        }
        log.fact("platform", Platform.WECHAT, Note.of("import.wechat.platform"));
        log.unknownBecause("members.total", Note.of("import.wechat.no-members"));
        log.unknownBecause("members.left7d", Note.of("import.wechat.no-leaves"));
        log.unknownBecause("activity.officialPosts7d", Note.of("import.wechat.no-official"));
        if (stdin) {
            log.note(Note.of("import.wechat.stdin"));
        }
    }

    private static void event(Row row, EventLog log, ImportContext context, String self, Map<String, String> byName) {
        LocalDateTime time = context.local(row.written, row.created);
        if (row.type == 10000) {
            if (!joins(row, time, log, self, byName)) {
                log.skip("service", row.where());
            }
            return;
        }
        if (row.type == 10002) {
            log.skip("service", row.where());
            return;
        }
        String sender = row.sender.isBlank() ? (row.isSender ? self : null) : row.sender;
        if (sender == null) {
            log.skip("no sender", row.where());
            return;
        }
        String text = null;
        if (row.type == 1) {
            if (row.content.isBlank()) {
                log.skip("empty", row.where());
                return;
            }
            text = row.content;
        } else if (row.type == 49 && "57".equals(row.subType.strip())) {
            text = quoteText(row.content);
        } else if (row.type == 49 && "5".equals(row.subType.strip())) {
            Matcher m = URL.matcher(row.content);
            text = m.find() ? m.group() : LINK_MARKER;
        }
        log.add(Event.message("", time, row.localId, sender, row.name(), text));
    }

    /** A quote message's own text: the content, or the {@code <title>} of its XML. */
    private static String quoteText(String content) {
        if (content.stripLeading().startsWith("<")) {
            Matcher m = TITLE.matcher(content);
            return m.find() ? m.group(1) : null;
        }
        return content.isBlank() ? null : content;
    }

    /** A join notice's joins (true), or false when the notice is another kind. */
    private static boolean joins(Row row, LocalDateTime time, EventLog log, String self, Map<String, String> byName) {
        Matcher m = INVITE.matcher(row.content);
        Channel channel;
        List<String> names = new ArrayList<>();
        if (m.find()) {
            channel = Channel.INVITE;
            if (m.group(2) == null) {
                names.add(null);
            } else {
                for (String n : m.group(2).split("[、,，]")) {
                    if (!n.isBlank()) {
                        names.add(n.strip().replaceAll("^" + Q + "|" + Q + "$", ""));
                    }
                }
            }
        } else {
            m = QR.matcher(row.content);
            if (!m.find()) {
                return false;
            }
            channel = Channel.QR;
            names.add(m.group(1));
        }
        for (String name : names) {
            String id;
            if (name == null) {
                id = self;
            } else {
                String known = byName.get(name);
                id = known == null || known.isEmpty() ? "name:" + name : known;
            }
            log.add(new Event("", time, row.localId, id, name, Event.Kind.JOIN, null, null, false, null, channel,
                    null));
        }
        return true;
    }

    /**
     * Reads one file's rows, checked, into {@code sink}. {@code talker[0]} holds the chat's TalkerId and
     * {@code talker[1]} where it was first seen, across files.
     */
    private static void scan(Path path, Consumer<Row> sink, String[] talker) throws IOException {
        try (BufferedReader in = Sources.reader(path)) {
            in.mark(4096);
            int c;
            do {
                c = in.read();
            } while (c != -1 && Character.isWhitespace(c));
            if (c == '{' || c == '[') {
                throw ImportContext.malformed(path, "", "not a WeChat chat CSV: the file is JSON (expected the "
                        + "CSV that WeChatMsg/留痕 or MemoTrace write, headed " + String.join(", ", COLUMNS) + ")");
            }
            if (c == -1) {
                throw ImportContext.malformed(path, "", "is empty");
            }
            in.reset();
            try (CsvParser p = CSV.getFactory().createParser(in)) {
                p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
                rows(path, p, sink, talker);
            } catch (JacksonException e) {
                int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
                throw ImportContext.malformed(path, line > 0 ? "line " + line : "", "not valid CSV");
            }
        } catch (CharacterCodingException e) {
            throw ImportContext.malformed(path, "", "is not UTF-8 text");
        }
    }

    private static void rows(Path path, CsvParser p, Consumer<Row> sink, String[] talker) throws IOException {
        Map<String, Integer> columns = null;
        List<String> cells = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t != JsonToken.START_ARRAY) {
                continue;
            }
            int line = p.currentLocation().getLineNr();
            cells.clear();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                if (cells.isEmpty()) {
                    line = p.currentTokenLocation().getLineNr(); // where the row starts (not the previous row's end)
                }
                cells.add(p.getText());
            }
            if (columns == null) {
                columns = header(path, line, cells);
                continue;
            }
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            if (cells.size() != columns.size()) {
                throw ImportContext.malformed(path, "line " + line, "expected " + columns.size()
                        + " fields (as the header), got " + cells.size());
            }
            sink.accept(row(path, line, columns, cells, talker));
        }
        if (columns == null) {
            throw ImportContext.malformed(path, "", "is empty");
        }
    }

    private static Map<String, Integer> header(Path path, int line, List<String> cells) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        String expected = "; expected " + String.join(", ", COLUMNS) + " (and optionally " + String.join(", ",
                OPTIONAL) + ")";
        boolean any = cells.stream().anyMatch(c -> COLUMNS.contains(c.strip()));
        if (!any) {
            throw ImportContext.malformed(path, "line " + line, "not a WeChat chat CSV: the header names none of "
                    + "its columns" + expected);
        }
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip();
            if (!COLUMNS.contains(name) && !OPTIONAL.contains(name)) {
                throw ImportContext.malformed(path, "line " + line, "unknown column \"" + name + "\"" + expected);
            }
            if (columns.put(name, i) != null) {
                throw ImportContext.malformed(path, "line " + line, "column \"" + name + "\" appears twice");
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw ImportContext.malformed(path, "line " + line, "missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + expected);
        }
        return columns;
    }

    private static Row row(Path path, int line, Map<String, Integer> columns, List<String> cells, String[] talker) {
        String at = "line " + line;
        String group = cell(columns, cells, "TalkerId").strip();
        if (group.isEmpty()) {
            throw ImportContext.malformed(path, at, "TalkerId is empty");
        }
        if (talker[0] == null) {
            talker[0] = group;
            talker[1] = path + " line " + line;
        } else if (!talker[0].equals(group)) {
            throw ImportContext.malformed(path, at, "TalkerId \"" + group + "\" is not \"" + talker[0] + "\" ("
                    + talker[1] + "): the file mixes two chats; export one group chat a file");
        }
        String typeText = cell(columns, cells, "Type").strip();
        int type;
        try {
            type = Integer.parseInt(typeText);
        } catch (NumberFormatException e) {
            throw ImportContext.malformed(path, at, "Type \"" + typeText + "\" is not a number");
        }
        String isSenderText = cell(columns, cells, "IsSender").strip();
        boolean isSender = switch (isSenderText.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default -> throw ImportContext.malformed(path, at, "IsSender \"" + isSenderText + "\" is not 0 or 1");
        };
        String createdText = cell(columns, cells, "CreateTime").strip();
        Instant created;
        try {
            created = ImportContext.epochSecond(Long.parseLong(createdText));
        } catch (NumberFormatException | DateTimeException e) {
            throw ImportContext.malformed(path, at, "CreateTime \"" + createdText
                    + "\" is not a time in epoch seconds (e.g. 1763601303)");
        }
        String writtenText = cell(columns, cells, "StrTime").strip();
        LocalDateTime written;
        try {
            written = LocalDateTime.parse(writtenText, STR_TIME);
        } catch (DateTimeException e) {
            throw ImportContext.malformed(path, at, "StrTime \"" + writtenText
                    + "\" is not a time like 2026-11-20 09:15:03");
        }
        return new Row(path, line, cell(columns, cells, "localId").strip(), group, type,
                cell(columns, cells, "SubType"), isSender, created, written, cell(columns, cells, "StrContent"),
                cell(columns, cells, "Remark"), cell(columns, cells, "NickName"), cell(columns, cells, "Sender").strip());
    }

    private static String cell(Map<String, Integer> columns, List<String> cells, String name) {
        String v = cells.get(columns.get(name));
        return v == null ? "" : v;
    }
}
