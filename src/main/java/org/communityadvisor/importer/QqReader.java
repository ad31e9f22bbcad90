package org.communityadvisor.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityadvisor.Channel;
import org.communityadvisor.ImportException;
import org.communityadvisor.Platform;
import org.communityadvisor.io.BoundedLines;

/**
 * {@code qq}: the text file the QQ PC client's message manager (消息管理器) writes with 导出消息记录 as {@code .txt},
 * of one group chat, read line by line in one pass:
 * <pre>
 * 消息记录（此消息记录为文本格式，不支持重新导入）
 *
 * ================================================================
 * 消息分组:我的群聊
 * ================================================================
 * 消息对象:读书会
 * ================================================================
 *
 * 2026-11-20 09:15:03 小林(123456789)
 * 第一行
 * 第二行
 *
 * 2026-11-20 21:02:10 系统消息(1000000)
 * 小美加入本群。
 * </pre>
 * <ul>
 * <li>Before the first message only those header lines (and blank lines) may come; anything else is not such an
 * export. A file may hold several chats (a 消息对象 section each): one holding a second chat is refused.</li>
 * <li>A message starts with a line {@code yyyy-MM-dd H:mm:ss name(QQ number)} (older clients write a 12-hour clock,
 * {@code 2019-09-23 8:43:38 PM}; members without a number are {@code name<email>}); its text is the lines up to
 * the next such line, blank lines dropped. The sender is the number (or the email), the display name what comes
 * before it, a group title in {@code 【】} removed. Media are placeholders ({@code [图片]}, {@code [表情]}): they
 * count as messages. A message without text is skipped as {@code empty}.</li>
 * <li>A line that starts with a date and ends with a sender but whose date or time is not one (month 13, hour 25)
 * refuses the file, naming the line.</li>
 * <li>System lines ({@code 系统消息(10000)}, {@code 系统消息(1000000)}): {@code X加入本群。} is a join of X,
 * {@code A邀请X加入了本群。} a join of X by invitation; X is known by name only ({@code name:X}). The others
 * (recalls, renames...) are skipped as {@code service}. QQ writes no line when a member leaves.</li>
 * <li><b>id</b>: {@code qq-<file name>} (the export writes no group number), or {@code --id}; <b>name</b>: the
 * 消息对象 line; <b>platform</b>: qq. Times as written (the exporter's wall clock).</li>
 * </ul>
 */
final class QqReader implements FormatReader {
    static final String HEADER = "消息记录（此消息记录为文本格式，不支持重新导入）";
    /** QQ's system accounts: the one-to-one and the group system messages. */
    static final List<String> SYSTEM = List.of("10000", "1000000");
    /** The longest text kept of one message (its end and its links are what is read); the rest is dropped. */
    static final int MAX_TEXT = 1 << 16;

    /** A message's first line up to the sender: the date and time. Bounded repetitions: no backtracking blow-up. */
    private static final Pattern STAMP = Pattern.compile(
            "^(\\d{4})-(\\d{1,2})-(\\d{1,2}) (\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?: ([AP]M))? ");
    /** A line that starts like a message's first line (a date), whatever follows. */
    private static final Pattern DATED = Pattern.compile("^\\d{4}-\\d{1,2}-\\d{1,2}[ T]");

    @Override
    public void read(List<Path> paths, ImportContext context) throws IOException {
        if (paths.size() != 1) {
            throw refuse(paths.get(1), "", "import.qq.one-file", paths.size());
        }
        Path path = paths.get(0);
        Run run = new Run(path, context);
        try (InputStream in = Sources.open(path)) {
            BoundedLines lines = Sources.lines(in);
            BoundedLines.Line line;
            while ((line = lines.next()) != null) {
                run.line(line.number(), Sources.text(path, line));
            }
        }
        run.finish(path, paths);
    }

    /** A refusal in the catalog's words (English in {@link ImportException#reason()}). */
    static ImportException refuse(Path file, String position, String key, Object... args) {
        return ImportContext.malformed(file, position, key, args);
    }

    /** One message's first line, read. */
    private record Head(LocalDateTime time, String sender, String name) {
    }

    /** One file's reading state: only the message being read is held. */
    private static final class Run {
        final Path path;
        final ImportContext context;
        final EventLog log;
        /** Display name → QQ number of the members seen posting (a join notice names members by name). */
        final Map<String, String> idsByName = new HashMap<>();
        boolean started;
        boolean anyLine;
        boolean afterRule;
        String chat;
        long chatLine;
        Head head;
        long headLine;
        final StringBuilder text = new StringBuilder();
        String lastDropped;

        Run(Path path, ImportContext context) {
            this.path = path;
            this.context = context;
            this.log = context.log();
        }

        void line(long number, String line) {
            String at = "line " + number;
            if (!line.isBlank()) {
                anyLine = true;
            }
            Head h = head(at, line);
            if (h != null) {
                flush();
                started = true;
                head = h;
                headLine = number;
                afterRule = false;
                return;
            }
            String t = line.strip();
            boolean rule = t.length() >= 10 && t.chars().allMatch(c -> c == '=');
            if (!started) {
                if (t.isEmpty() || rule || t.equals(HEADER) || t.startsWith("消息分组")) {
                    return;
                }
                if (t.startsWith("消息对象")) {
                    chat(number, t);
                    return;
                }
                throw refuse(path, at, "import.qq.not-qq", cut(t));
            }
            if (afterRule && t.startsWith("消息对象")) {
                chat(number, t); // a second section: another chat, refused unless it is the same one
                return;
            }
            if (rule) {
                afterRule = true;
                return;
            }
            if (afterRule && t.startsWith("消息分组")) {
                return;
            }
            afterRule = false;
            if (t.isEmpty()) {
                return;
            }
            if (text.length() + line.length() + 1 <= MAX_TEXT) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(line);
            } else {
                lastDropped = line; // the message's end is kept: a question is read from it
            }
        }

        /** The 消息对象 line: the chat's name. */
        void chat(long number, String t) {
            String name = t.substring("消息对象".length()).replaceFirst("^[:：]", "").strip();
            if (chat == null) {
                chat = name;
                chatLine = number;
            } else if (!chat.equals(name)) {
                throw refuse(path, "line " + number, "import.qq.two-chats", name, chat, chatLine);
            }
        }

        /** The line as a message's first line, or {@code null} when it is none. */
        Head head(String at, String line) {
            Matcher m = STAMP.matcher(line);
            boolean stamped = m.lookingAt();
            if (!stamped && !DATED.matcher(line).lookingAt()) {
                return null;
            }
            String rest = stamped ? line.substring(m.end()) : line;
            String sender = null;
            int cut = -1;
            String r = rest.stripTrailing();
            if (r.endsWith(")")) {
                int open = r.lastIndexOf('(');
                String id = open < 0 ? "" : r.substring(open + 1, r.length() - 1);
                if (!id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    sender = id;
                    cut = open;
                }
            } else if (r.endsWith(">")) {
                int open = r.lastIndexOf('<');
                String id = open < 0 ? "" : r.substring(open + 1, r.length() - 1).strip();
                if (!id.isEmpty()) {
                    sender = id;
                    cut = open;
                }
            }
            if (sender == null) {
                return null; // text that starts with a date (a member may post one)
            }
            if (!stamped) {
                throw refuse(path, at, "import.qq.bad-time", cut(line));
            }
            LocalDateTime time;
            try {
                int hour = Integer.parseInt(m.group(4));
                String half = m.group(7);
                if (half != null) {
                    if (hour < 1 || hour > 12) {
                        throw new DateTimeException("hour " + hour + " " + half);
                    }
                    hour = hour % 12 + (half.equals("PM") ? 12 : 0);
                }
                time = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), hour, Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
            } catch (DateTimeException e) {
                throw refuse(path, at, "import.qq.bad-time", cut(line));
            }
            String name = rest.substring(0, cut).strip().replaceFirst("^(【[^】]*】\\s*)+", "").strip();
            return new Head(time, sender, name.isEmpty() ? null : name);
        }

        /** Gives the message being read to the log. */
        void flush() {
            if (head == null) {
                return;
            }
            Note where = Note.of("import.at.line", path, headLine);
            String body = text.toString();
            if (lastDropped != null) {
                body = body + "\n" + lastDropped;
            }
            text.setLength(0);
            lastDropped = null;
            Head h = head;
            head = null;
            if (SYSTEM.contains(h.sender)) {
                system(h, body, where);
                return;
            }
            if (body.isBlank()) {
                log.skip("empty", where);
                return;
            }
            if (h.name != null) {
                idsByName.put(h.name, h.sender);
            }
            log.add(Event.message("", h.time, null, h.sender, h.name, body));
        }

        /** A system line: a join, or a service record. */
        void system(Head h, String body, Note where) {
            String t = body.strip();
            if (t.endsWith("。")) {
                t = t.substring(0, t.length() - 1);
            }
            String who = null;
            Channel channel = null;
            int invited = t.indexOf("邀请");
            if (t.endsWith("加入了本群") && invited > 0) {
                who = t.substring(invited + "邀请".length(), t.length() - "加入了本群".length()).strip();
                channel = Channel.INVITE;
            } else if (t.endsWith("加入本群")) {
                who = t.substring(0, t.length() - "加入本群".length()).strip();
            }
            if (who == null || who.isEmpty() || who.contains("\n")) {
                log.skip("service", where);
                return;
            }
            String known = idsByName.get(who);
            log.add(new Event("", h.time, null, known != null ? known : EventLog.NAMED + who, who, Event.Kind.JOIN,
                    null, null, false, null, channel, null));
        }

        void finish(Path path, List<Path> paths) {
            flush();
            if (!started) {
                throw anyLine ? refuse(path, "", "import.qq.no-message") : refuse(path, "", "import.qq.empty");
            }
            Path first = paths.get(0);
            String stem = Sources.isStdin(first) || first.getFileName() == null ? "chat"
                    : first.getFileName().toString().replaceFirst("(?i)\\.txt$", "");
            log.fact("id", "qq-" + stem, Note.of("import.qq.no-chat-id"));
            if (chat != null && !chat.isEmpty()) {
                log.fact("name", chat, Note.of("import.qq.object", chatLine));
            }
            log.fact("platform", Platform.QQ, Note.of("import.qq.platform"));
            log.unknownBecause("members.total", Note.of("import.qq.no-members"));
            log.unknownBecause("members.left7d", Note.of("import.qq.no-leaves"));
            log.unknownBecause("activity.officialPosts7d", Note.of("import.qq.no-official"));
        }
    }

    /** A line as quoted in a refusal: at most 80 characters. */
    private static String cut(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
