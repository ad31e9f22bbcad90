package org.communityadvisor.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
import org.communityadvisor.Platform;

/**
 * {@code wechat}: a WeChat group chat CSV as the open-source exporters write it, recognised from its header line:
 * <ul>
 * <li><b>WeChatMsg / 留痕 0.2.7 and later</b>: {@code localId, TalkerId, Type, SubType, IsSender, CreateTime,
 * Status, StrContent, StrTime, Remark, NickName, Sender} (UTF-8 with a BOM; {@code Status} optional);</li>
 * <li><b>WeChatMsg up to 0.2.6</b>: the first nine of those, without {@code Remark, NickName, Sender}: the
 * exporting account's rows are its own ({@code self}), the others' messages have no sender: they count as
 * messages, all by one sender {@code unnamed}, so active members are a lower bound (reported so);</li>
 * <li><b>MemoTrace 2.x</b>: {@code 消息ID, 类型, 发送人, 时间, 内容, 备注, 昵称, 更多信息}: senders are display
 * names ({@code name:<发送人>}), the chat has no id in the file: {@code wechat-<file name>}, or {@code --id};</li>
 * <li><b>PyWxDump</b>: {@code id, MsgSvrID, type_name, is_sender, talker, room_name, content} (or {@code msg}),
 * optionally {@code src}, then {@code CreateTime}: {@code room_name} is the chat ({@code …@chatroom}),
 * {@code talker} the sender's wxid ({@code 我} the exporting account), {@code content} a JSON string whose
 * {@code msg} is the text, times {@code 2024-10-04 11:42:00} (or {@code 2024/10/4 11:42} once a spreadsheet
 * saved the file).</li>
 * </ul>
 * Every other column is refused. A file that is not UTF-8 but reads as GBK (a Windows export) is read as GBK and
 * reported so; from standard input it is refused with the command that converts it.
 *
 * <ul>
 * <li><b>id</b>: {@code wechat-<group>} from {@code TalkerId} or {@code room_name} ({@code 12345678@chatroom} →
 * {@code wechat-12345678}; a numeric TalkerId is the exporting computer's own number for the chat, reported so).
 * Every row must name the same chat. A chat id that is a person's ({@code wxid_…}, not ending in
 * {@code @chatroom}) is a one-to-one chat, refused. <b>name</b>: the CSV has none, only {@code --name}.
 * <b>platform</b>: wechat.</li>
 * <li><b>time</b>: {@code StrTime} ({@code 2026-11-20 09:15:03}, the exporter's wall clock) as written; with
 * {@code --zone}, {@code CreateTime} (epoch seconds) in that zone.</li>
 * <li><b>messages</b>: every row whose {@code Type} is not 10000/10002 and that has a sender: text (1), image (3),
 * voice (34), video (43), sticker (47), app messages (49: links, files, quotes...). A text row without text is
 * skipped as {@code empty}. The sender is {@code Sender} (the wxid); on the exporting account's own rows
 * ({@code IsSender} = 1) exporters leave {@code Sender} empty or write the exporter's wxid: an empty one becomes
 * that wxid when another of the exporter's rows names it, else {@code self} (so {@code --official self} names the
 * exporting account). The display name is {@code Remark}, else {@code NickName}. MemoTrace and PyWxDump write
 * type names ({@code 文本}, {@code 图片}, {@code 系统通知}, {@code 引用回复}...), read as those numbers.</li>
 * <li><b>text</b>: the text of type 1 rows and of quote messages (49/57, which are replies, but the CSV does not
 * carry the quoted message, so they count as plain messages); a link share (49/5) passes its URL, or a bare
 * {@code https://} marker when the export holds no URL, so that {@code --heuristics} counts it as a link.</li>
 * <li><b>joins and leaves</b>: system notices, read by {@link WeChatNotices}: invitations (channel invite), QR
 * codes (channel qr), removals (leaves). {@code 你} is the exporting account. A notice names people, not wxids: a
 * name some sender of the file carries ({@code Remark} or {@code NickName}) as the only one becomes that wxid,
 * else the member is {@code name:<name>}. A notice that looks like a join or a removal but cannot be read (an
 * unexpanded template such as {@code "$username$"}) is skipped as {@code unreadable notice} and the first one is
 * quoted in the report. Other notices (renames, recalls, pats, red packets...) and Type 10002 are skipped as
 * {@code service}.</li>
 * <li>WeChat writes no notice when a member leaves by themselves, only removals ({@code members.left7d} unknown),
 * no member count ({@code members.total} from {@code --members}), no admin list ({@code --official} wxids).</li>
 * </ul>
 */
final class WeChatReader implements FormatReader {
    static final List<String> COLUMNS = List.of("localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime",
            "StrContent", "StrTime", "Remark", "NickName", "Sender");
    static final List<String> OPTIONAL = List.of("Status");
    /** WeChatMsg up to 0.2.6: no sender columns. */
    static final List<String> OLD_COLUMNS = List.of("localId", "TalkerId", "Type", "SubType", "IsSender",
            "CreateTime", "StrContent", "StrTime");
    static final List<String> MEMOTRACE_COLUMNS = List.of("消息ID", "类型", "发送人", "时间", "内容");
    static final List<String> MEMOTRACE_OPTIONAL = List.of("备注", "昵称", "更多信息");
    static final List<String> PYWXDUMP_COLUMNS = List.of("id", "MsgSvrID", "type_name", "is_sender", "talker",
            "room_name", "CreateTime");
    static final List<String> PYWXDUMP_OPTIONAL = List.of("content", "msg", "src");
    static final String SELF = "self";
    /** The author of a message in a file that writes no sender (WeChatMsg up to 0.2.6). */
    static final String UNNAMED = "unnamed";
    static final String LINK_MARKER = "https:// (a link share; the export does not hold its URL)";
    static final Charset GBK = Charset.forName("GBK");

    private static final CsvMapper CSV = new CsvMapper();
    private static final DateTimeFormatter STR_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd").optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd().appendPattern("HH:mm:ss").toFormatter();
    /** {@code 2024-10-04 11:42:00}, and as a spreadsheet rewrites it: {@code 2024/10/4 11:42}. */
    private static final List<DateTimeFormatter> LOOSE_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d[ ]['T']H:mm[:ss]"),
            DateTimeFormatter.ofPattern("uuuu/M/d[ ]H:mm[:ss]"));
    private static final Pattern URL = Pattern.compile("(?i)https?://[^\\s<>\"]+");
    private static final Pattern TITLE = Pattern.compile("(?s)<title>(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</title>");
    /** PyWxDump's and MemoTrace's type names, as WeChat's Type/SubType. */
    private static final Map<String, int[]> TYPE_NAMES = Map.ofEntries(
            Map.entry("文本", new int[] {1, 0}), Map.entry("图片", new int[] {3, 0}),
            Map.entry("语音", new int[] {34, 0}), Map.entry("视频", new int[] {43, 0}),
            Map.entry("动画表情", new int[] {47, 0}), Map.entry("表情", new int[] {47, 0}),
            Map.entry("引用回复", new int[] {49, 57}), Map.entry("引用消息", new int[] {49, 57}),
            Map.entry("(分享)卡片式链接", new int[] {49, 5}), Map.entry("分享链接", new int[] {49, 5}),
            Map.entry("链接", new int[] {49, 5}), Map.entry("系统通知", new int[] {10000, 0}),
            Map.entry("系统消息", new int[] {10000, 0}), Map.entry("邀请加群", new int[] {10000, 8000}),
            Map.entry("拍一拍", new int[] {10000, 4}));

    /** The exporters whose CSV this reader knows, told apart by their header. */
    enum Layout {
        WECHATMSG("WeChatMsg 0.2.7+", COLUMNS, OPTIONAL),
        WECHATMSG_OLD("WeChatMsg up to 0.2.6", OLD_COLUMNS, OPTIONAL),
        MEMOTRACE("MemoTrace", MEMOTRACE_COLUMNS, MEMOTRACE_OPTIONAL),
        PYWXDUMP("PyWxDump", PYWXDUMP_COLUMNS, PYWXDUMP_OPTIONAL);

        final String label;
        final List<String> required;
        final List<String> optional;

        Layout(String label, List<String> required, List<String> optional) {
            this.label = label;
            this.required = required;
            this.optional = optional;
        }
    }

        private static final Note EXPECTED = Note.of("import.wechat.expected-any", String.join(",", COLUMNS),
            String.join(",", MEMOTRACE_COLUMNS) + "," + String.join(",", MEMOTRACE_OPTIONAL),
            "id,MsgSvrID,type_name,is_sender,talker,room_name,content,src,CreateTime");

    /** One data row, checked. {@code created} is {@code null} when the export writes no epoch time. */
    private record Row(Path file, int line, Layout layout, String localId, String talker, int type,
            String subType, boolean isSender, Instant created, LocalDateTime written, String content,
            String remark, String nick, String sender) {
        Note where() {
            return Note.of("import.at.line", file, line);
        }

        String name() {
            return !remark.isBlank() ? remark : nick.isBlank() ? null : nick;
        }
    }

    /** What the files held, across both passes. */
    private static final class Seen {
        String talker;
        String talkerAt;
        Layout layout;
        int unreadNotices;
        String firstUnread;
        final Map<Path, Charset> charsets = new HashMap<>();
    }

    @Override
    public void read(List<Path> paths, ImportContext context) throws IOException {
        EventLog log = context.log();
        boolean stdin = paths.stream().anyMatch(Sources::isStdin);
        Seen seen = new Seen();
        for (Path path : paths) {
            seen.charsets.put(path, charset(path));
        }

        // first pass (files only): who the exporting account is, and which wxid each display name belongs to
        Map<String, String> byName = new HashMap<>();
        String[] exporter = {null};
        if (!stdin) {
            Seen first = new Seen();
            first.charsets.putAll(seen.charsets);
            for (Path path : paths) {
                scan(path, row -> {
                    if (row.sender.isBlank() || row.layout == Layout.MEMOTRACE) {
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
                }, first);
            }
        }
        String self = exporter[0] == null ? SELF : exporter[0];

        // second pass: the events
        int[] rows = {0};
        for (Path path : paths) {
            scan(path, row -> {
                rows[0]++;
                event(row, log, context, self, byName, seen);
            }, seen);
        }
        if (rows[0] == 0) {
            throw ImportContext.malformed(paths.get(0), "", "import.wechat.no-rows");
        }
        for (Map.Entry<Path, Charset> e : seen.charsets.entrySet()) {
            if (e.getValue().equals(GBK)) {
                log.note(Note.of("import.wechat.gbk", e.getKey()));
            }
        }
        log.note(Note.of("import.wechat.layout", seen.layout.label));
        String group = seen.talker;
        if (group != null) {
            String rawId = group.endsWith("@chatroom") ? group.substring(0, group.length() - "@chatroom".length())
                    : group;
            log.fact("id", "wechat-" + rawId, seen.layout == Layout.PYWXDUMP ? Note.of("import.wechat.room-name", group)
                    : Note.of("import.wechat.talker", group));
            if (!group.endsWith("@chatroom")) {
                log.note(Note.of("import.wechat.talker-local", group));
            }
        } else {
            // MemoTrace names its file after the chat (the contact's remark): the best id the export has
            Path first = paths.get(0);
            String stem = Sources.isStdin(first) || first.getFileName() == null ? "chat"
                    : first.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
            log.fact("id", "wechat-" + stem, Note.of("import.wechat.no-chat-id"));
        }
        if (seen.layout == Layout.WECHATMSG_OLD) {
            log.note(Note.of("import.wechat.no-sender-column"));
        }
        if (seen.layout == Layout.MEMOTRACE) {
            log.note(Note.of("import.wechat.names-only"));
        }
        if (seen.unreadNotices > 0) {
            log.note(Note.of("import.wechat.notices-unread", seen.unreadNotices, seen.firstUnread));
        }
        log.fact("platform", Platform.WECHAT, Note.of("import.wechat.platform"));
        log.unknownBecause("members.total", Note.of("import.wechat.no-members"));
        log.unknownBecause("members.left7d", Note.of("import.wechat.no-leaves"));
        log.unknownBecause("activity.officialPosts7d", Note.of("import.wechat.no-official"));
        if (stdin) {
            log.note(Note.of("import.wechat.stdin"));
        }
    }

    /**
     * The file's encoding: UTF-8, or GBK when the bytes are not UTF-8 but are GBK (a Windows export). Read
     * through once, a buffer at a time; standard input cannot be read twice, so it must be UTF-8.
     */
    private static Charset charset(Path path) throws IOException {
        if (Sources.isStdin(path)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(path, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(path, GBK)) {
            return GBK;
        }
        throw ImportContext.malformed(path, "", "import.wechat.not-text");
    }

    private static boolean decodes(Path path, Charset charset) throws IOException {
        try (Reader in = new InputStreamReader(Sources.open(path), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buffer = new char[8192];
            while (in.read(buffer) != -1) {
                // only whether it decodes
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void event(Row row, EventLog log, ImportContext context, String self, Map<String, String> byName,
            Seen seen) {
        LocalDateTime time = context.local(row.written, row.created);
        if (row.type == 10000) {
            WeChatNotices.Result notice = WeChatNotices.read(row.content);
            if (notice.unreadable()) {
                seen.unreadNotices++;
                if (seen.firstUnread == null) {
                    String c = row.content.strip();
                    seen.firstUnread = c.length() > 120 ? c.substring(0, 120) + "…" : c;
                }
                log.skip("unreadable notice", row.where());
            } else if (notice.membership()) {
                members(row, time, notice, log, self, byName);
            } else {
                log.skip("service", row.where());
            }
            return;
        }
        if (row.type == 10002) {
            log.skip("service", row.where());
            return;
        }
        String sender = row.sender.isBlank() ? (row.isSender ? self : null) : row.sender;
        if (sender == null && row.layout == Layout.WECHATMSG_OLD) {
            sender = UNNAMED; // the file writes no sender: the message counts, its author is not known
        }
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

    /** A join or removal notice's events. */
    private static void members(Row row, LocalDateTime time, WeChatNotices.Result notice, EventLog log, String self,
            Map<String, String> byName) {
        for (String name : notice.names()) {
            String id;
            if (name == null) {
                id = self;
            } else {
                String known = byName.get(name);
                id = known == null || known.isEmpty() ? "name:" + name : known;
            }
            log.add(new Event("", time, row.localId, id, name, notice.join() ? Event.Kind.JOIN : Event.Kind.LEAVE,
                    null, null, false, null, notice.channel(), null));
        }
    }

    /** Reads one file's rows, checked, into {@code sink}; {@code seen} holds the chat and the layout across files. */
    private static void scan(Path path, Consumer<Row> sink, Seen seen) throws IOException {
        Charset charset = seen.charsets.getOrDefault(path, StandardCharsets.UTF_8);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Sources.open(path), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            in.mark(4096);
            int c;
            do {
                c = in.read();
            } while (c != -1 && (Character.isWhitespace(c) || c == '\uFEFF'));
            if (c == '{' || c == '[') {
                throw ImportContext.malformed(path, "", "import.wechat.is-json");
            }
            if (c == -1) {
                throw ImportContext.malformed(path, "", "import.file.empty");
            }
            in.reset();
            try (CsvParser p = CSV.getFactory().createParser(in)) {
                p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
                rows(path, p, sink, seen);
            } catch (JacksonException e) {
                int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
                throw ImportContext.malformed(path, line > 0 ? "line " + line : "", "import.csv.invalid", "");
            }
        } catch (CharacterCodingException e) {
            throw ImportContext.malformed(path, "", Sources.isStdin(path)
                    ? "import.wechat.stdin-not-utf8" : "import.wechat.not-text");
        }
    }

    /** The header's columns by name, and the layout they are. */
    private record Header(Layout layout, Map<String, Integer> columns) {
    }

    private static void rows(Path path, CsvParser p, Consumer<Row> sink, Seen seen) throws IOException {
        Header header = null;
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
            if (header == null) {
                header = header(path, line, cells);
                if (seen.layout == null) {
                    seen.layout = header.layout;
                } else if (seen.layout != header.layout) {
                    throw ImportContext.malformed(path, "line " + line, "import.wechat.mixed-tools", header.layout.label,
                            seen.layout.label);
                }
                continue;
            }
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            if (cells.size() != header.columns.size()) {
                throw ImportContext.malformed(path, "line " + line, "import.csv.field-count", header.columns.size(),
                        cells.size());
            }
            sink.accept(row(path, line, header, cells, seen));
        }
        if (header == null) {
            throw ImportContext.malformed(path, "", "import.file.empty");
        }
    }

    private static Header header(Path path, int line, List<String> cells) {
        List<String> names = new ArrayList<>();
        for (String c : cells) {
            names.add(c == null ? "" : c.replace("\uFEFF", "").strip());
        }
        Layout layout;
        if (names.contains("消息ID") || names.contains("发送人")) {
            layout = Layout.MEMOTRACE;
        } else if (names.contains("MsgSvrID") || names.contains("type_name") || names.contains("room_name")) {
            layout = Layout.PYWXDUMP;
        } else if (names.contains("Sender") || names.contains("Remark") || names.contains("NickName")) {
            layout = Layout.WECHATMSG;
        } else if (names.stream().anyMatch(COLUMNS::contains)) {
            layout = Layout.WECHATMSG_OLD;
        } else {
            throw ImportContext.malformed(path, "line " + line, "import.wechat.no-known-column", EXPECTED);
        }
                Note expected = layout == Layout.WECHATMSG || layout == Layout.WECHATMSG_OLD
                ? Note.of("import.wechat.expected-wechatmsg", String.join(", ", COLUMNS), String.join(", ", OPTIONAL))
                : Note.of("import.wechat.expected-layout", layout.label, String.join(", ", layout.required),
                        String.join(", ", layout.optional));
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!layout.required.contains(name) && !layout.optional.contains(name)) {
                throw ImportContext.malformed(path, "line " + line, "import.wechat.unknown-column", name, expected);
            }
            if (columns.put(name, i) != null) {
                throw ImportContext.malformed(path, "line " + line, "import.csv.column-twice", name);
            }
        }
        List<String> missing = layout.required.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw ImportContext.malformed(path, "line " + line, "import.wechat.missing-columns", missing.size(),
                    String.join(", ", missing), expected);
        }
        if (layout == Layout.PYWXDUMP && !columns.containsKey("content") && !columns.containsKey("msg")) {
            throw ImportContext.malformed(path, "line " + line, "import.wechat.missing-content", expected);
        }
        return new Header(layout, columns);
    }

    private static Row row(Path path, int line, Header header, List<String> cells, Seen seen) {
        return switch (header.layout) {
            case WECHATMSG, WECHATMSG_OLD -> weChatMsg(path, line, header, cells, seen);
            case MEMOTRACE -> memoTrace(path, line, header, cells);
            case PYWXDUMP -> pyWxDump(path, line, header, cells, seen);
        };
    }

    private static void chat(Path path, String at, String group, String column, Seen seen) {
        if (group.isEmpty()) {
            throw ImportContext.malformed(path, at, "import.wechat.chat-empty", column);
        }
        if (!group.endsWith("@chatroom") && !group.chars().allMatch(Character::isDigit)) {
            throw ImportContext.malformed(path, at, "import.wechat.person", column, group);
        }
        if (seen.talker == null) {
            seen.talker = group;
            seen.talkerAt = path + " line " + at.substring("line ".length());
        } else if (!seen.talker.equals(group)) {
            throw ImportContext.malformed(path, at, "import.wechat.two-chats", column, group, seen.talker,
                    seen.talkerAt);
        }
    }

    private static Row weChatMsg(Path path, int line, Header header, List<String> cells, Seen seen) {
        Map<String, Integer> columns = header.columns;
        String at = "line " + line;
        String group = cell(columns, cells, "TalkerId").strip();
        chat(path, at, group, "TalkerId", seen);
        String typeText = cell(columns, cells, "Type").strip();
        int type;
        try {
            type = Integer.parseInt(typeText);
        } catch (NumberFormatException e) {
            throw ImportContext.malformed(path, at, "import.wechat.bad-type", typeText);
        }
        boolean isSender = isSender(path, at, "IsSender", cell(columns, cells, "IsSender"));
        String createdText = cell(columns, cells, "CreateTime").strip();
        Instant created;
        try {
            created = ImportContext.epochSecond(Long.parseLong(createdText));
        } catch (NumberFormatException | DateTimeException e) {
            throw ImportContext.malformed(path, at, "import.wechat.bad-create-time", createdText);
        }
        String writtenText = cell(columns, cells, "StrTime").strip();
        LocalDateTime written;
        try {
            written = LocalDateTime.parse(writtenText, STR_TIME);
        } catch (DateTimeException e) {
            throw ImportContext.malformed(path, at, "import.wechat.bad-str-time", writtenText);
        }
        return new Row(path, line, header.layout, cell(columns, cells, "localId").strip(), group, type,
                cell(columns, cells, "SubType"), isSender, created, written, cell(columns, cells, "StrContent"),
                cell(columns, cells, "Remark"), cell(columns, cells, "NickName"),
                cell(columns, cells, "Sender").strip());
    }

    private static Row memoTrace(Path path, int line, Header header, List<String> cells) {
        Map<String, Integer> columns = header.columns;
        String at = "line " + line;
        int[] type = type(cell(columns, cells, "类型"));
        String sender = cell(columns, cells, "发送人").strip();
        LocalDateTime written = looseTime(path, at, "时间", cell(columns, cells, "时间"));
        String remark = cell(columns, cells, "备注");
        String nick = cell(columns, cells, "昵称");
        return new Row(path, line, header.layout, cell(columns, cells, "消息ID").strip(), null, type[0],
                String.valueOf(type[1]), false, null, written, cell(columns, cells, "内容"),
                remark.isBlank() ? sender : remark, nick, sender.isEmpty() ? "" : "name:" + sender);
    }

    private static Row pyWxDump(Path path, int line, Header header, List<String> cells, Seen seen) {
        Map<String, Integer> columns = header.columns;
        String at = "line " + line;
        String group = cell(columns, cells, "room_name").strip();
        chat(path, at, group, "room_name", seen);
        int[] type = type(cell(columns, cells, "type_name"));
        boolean isSender = isSender(path, at, "is_sender", cell(columns, cells, "is_sender"));
        String talker = cell(columns, cells, "talker").strip();
        String sender = isSender || talker.equals("我") ? "" : talker.equals("系统") || talker.equals("未知") ? ""
                : talker;
        if (talker.equals("系统") && type[0] != 10000) {
            type = new int[] {10002, 0};
        }
        String timeText = cell(columns, cells, "CreateTime").strip();
        Instant created = null;
        LocalDateTime written;
        if (!timeText.isEmpty() && timeText.length() <= 12 && timeText.chars().allMatch(Character::isDigit)) {
            created = ImportContext.epochSecond(Long.parseLong(timeText));
            written = LocalDateTime.ofInstant(created, java.time.ZoneOffset.UTC);
        } else {
            written = looseTime(path, at, "CreateTime", timeText);
        }
        String content = columns.containsKey("content") ? cell(columns, cells, "content")
                : cell(columns, cells, "msg");
        content = jsonMsg(content);
        String src = columns.containsKey("src") ? cell(columns, cells, "src") : "";
        if (type[0] == 49 && type[1] == 5 && !src.isBlank()) {
            content = content + " " + src;
        }
        String id = cell(columns, cells, "MsgSvrID").strip();
        return new Row(path, line, header.layout, id.isEmpty() ? cell(columns, cells, "id").strip() : id, group,
                type[0], String.valueOf(type[1]), isSender, created, written, content, "", "", sender);
    }

    /** PyWxDump's {@code content}: a JSON string {@code {"src": ..., "msg": ...}}, or plain text. */
    private static String jsonMsg(String content) {
        String c = content.strip();
        if (!c.startsWith("{") || !c.endsWith("}")) {
            return content;
        }
        try {
            JsonNode node = Sources.MAPPER.readTree(c);
            JsonNode msg = node == null ? null : node.get("msg");
            if (msg == null || msg.isNull()) {
                return content;
            }
            String src = node.path("src").isTextual() ? node.get("src").asText() : "";
            return src.isBlank() ? msg.asText() : msg.asText() + " " + src;
        } catch (JacksonException e) {
            return content;
        }
    }

    /** A type name as Type/SubType; names this reader does not know are other messages (49/0). */
    private static int[] type(String name) {
        String n = name.strip();
        int[] known = TYPE_NAMES.get(n);
        if (known != null) {
            return known;
        }
        if (n.startsWith("消息撤回") || n.contains("系统")) {
            return new int[] {10000, 1};
        }
        return new int[] {49, 0};
    }

    private static boolean isSender(Path path, String at, String column, String text) {
        String v = text.strip();
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default -> throw ImportContext.malformed(path, at, "import.wechat.not-0-or-1", column, v);
        };
    }

    private static LocalDateTime looseTime(Path path, String at, String column, String text) {
        String v = text.strip();
        for (DateTimeFormatter f : LOOSE_TIMES) {
            try {
                return LocalDateTime.parse(v, f);
            } catch (DateTimeException e) {
                // the next form
            }
        }
        throw ImportContext.malformed(path, at, "import.wechat.bad-time", column, v);
    }

    private static String cell(Map<String, Integer> columns, List<String> cells, String name) {
        Integer i = columns.get(name);
        if (i == null) {
            return "";
        }
        String v = cells.get(i);
        return v == null ? "" : v;
    }
}
