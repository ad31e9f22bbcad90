package org.communityadvisor.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.communityadvisor.ImportException;
import org.communityadvisor.Platform;

/**
 * {@code slack}: a Slack workspace export, its folder or its {@code .zip} (read in place, never extracted):
 * {@code users.json}, {@code channels.json} (and {@code groups.json}, private channels, when the export has it), and
 * a folder per channel name holding one {@code YYYY-MM-DD.json} array of messages a day. The community is the
 * workspace, or one channel with {@code --channel NAME}.
 *
 * <ul>
 * <li>{@code id}: {@code slack-<workspace>} (plus {@code -<channel>}), the workspace being the folder's or the
 *     zip's name ({@code "Acme Slack export Nov 1 2026 - Nov 30 2026.zip"} gives {@code Acme}); the export names
 *     no workspace. {@code name}: the workspace (plus {@code " #<channel>"}).</li>
 * <li>{@code members.total}: users neither {@code deleted} nor {@code is_bot} (Slackbot, {@code USLACKBOT}, is a
 *     bot); with {@code --channel}, the channel's {@code members} list less deleted users and bots.
 *     {@code members.admins}: those of them with {@code is_admin} or {@code is_owner}; every admin or owner (even
 *     deleted) speaks officially.</li>
 * <li>{@code createdOn}: the earliest channel's {@code created} (with {@code --channel}: that channel's).</li>
 * <li>Messages: records without {@code subtype} or with {@code thread_broadcast}, {@code file_share},
 *     {@code me_message}, by a user who is not a bot. {@code bot_message}, records with {@code bot_id} and posts
 *     by bot users are skipped as {@code bot}; other subtypes as {@code service}; a record without text or
 *     files as {@code empty}.</li>
 * <li>Joins and leaves: {@code channel_join} / {@code channel_leave}, only with {@code --channel} (a workspace
 *     export records channel joins, not workspace joins); without it {@code joined7d} / {@code left7d} stay
 *     unknown.</li>
 * <li>Threads: a record whose {@code thread_ts} differs from its {@code ts} replies to the thread's parent (whose
 *     id is its {@code ts}) and lives in the thread {@code <channel>:<thread_ts>}; other messages live in the
 *     thread {@code <channel>}. So a question posted in a channel is answered by a reply in its thread or by
 *     another sender in the channel; a question inside a thread by another sender in that thread.</li>
 * <li>Times: {@code ts} is seconds since 1970 (UTC), shown in {@code --zone}, else UTC. Slack writes it as text
 *     (a number is read too); {@code created}, a number, older exports write as text ({@code "1452837318"}): it
 *     is read as the number, and the report counts such values once. A text that is no number is refused,
 *     naming file and JSON path; lengths are bounded before parsing.</li>
 * <li>Several exports of one workspace (overlapping date ranges, or one given twice) are read together: the
 *     first names the workspace; a user or channel comes from the first export that lists it; a message whose
 *     channel and {@code ts} were already read is dropped, and the report says how many.</li>
 * <li>An export holding only direct messages ({@code dms.json}, {@code mpims.json}, no channel) is refused: it is
 *     not a group.</li>
 * </ul>
 *
 * Day files are read a day at a time, in date order per channel (each is small and parsed whole; the same day of
 * every export given together); the channels' messages are never held together. De-duplication keeps the
 * {@code ts} of a channel's current and previous day only (a message is in the file of its day in the
 * exporter's zone, so a copy of it is on the same day or the next).
 */
final class SlackReader implements FormatReader {
    private static final Pattern DAY_FILE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.json");
    private static final Pattern EXPORT_NAME = Pattern.compile("(?i)^(.+?)\\s+slack export\\b.*$");
    private static final Set<String> MESSAGE_SUBTYPES = Set.of("thread_broadcast", "file_share", "me_message");
    private static final String SLACKBOT = "USLACKBOT";

    /** A ts or a count longer than this is no number Slack writes (checked before parsing it). */
    static final int MAX_NUMBER_CHARS = 40;

    /** Most bytes all entries of one zipped export may inflate to ({@link #MAX_EXPORT_BYTES}; tests give less). */
    private final long maxExportBytes;

    SlackReader() {
        this(MAX_EXPORT_BYTES);
    }

    SlackReader(long maxExportBytes) {
        this.maxExportBytes = maxExportBytes;
    }

    @Override
    public void read(List<Path> paths, ImportContext context) throws IOException {
        List<Export> exports = new ArrayList<>();
        try {
            for (Path p : paths) {
                exports.add(Export.open(p, maxExportBytes));
            }
            readExports(exports, context);
        } finally {
            for (Export e : exports) {
                e.close();
            }
        }
    }

    /** What the reader tolerated, reported once each. */
    private static final class Tolerated {
        int stringNumbers;
        String firstStringNumber;
        int duplicates;
        String firstDuplicate;
    }

    private static void readExports(List<Export> exports, ImportContext context) throws IOException {
        EventLog log = context.log();
        Export first = exports.get(0);
        Path path = first.path;
        Tolerated tolerated = new Tolerated();
        Map<String, User> users = new LinkedHashMap<>();
        List<ChannelInfo> channels = new ArrayList<>();
        Set<String> channelNames = new HashSet<>();
        for (Export export : exports) {
            boolean dms = export.exists("dms.json") || export.exists("mpims.json");
            if (dms && !export.exists("channels.json") && !export.exists("groups.json")) {
                throw export.notAGroup();
            }
            users(export).forEach(users::putIfAbsent);
            List<ChannelInfo> these = new ArrayList<>();
            if (export.exists("channels.json") || !dms) {
                these.addAll(channels(export, "channels.json", tolerated));
            }
            if (export.exists("groups.json")) {
                these.addAll(channels(export, "groups.json", tolerated));
            }
            if (these.isEmpty() && dms) {
                throw export.notAGroup();
            }
            for (ChannelInfo c : these) {
                if (channelNames.add(c.name)) {
                    channels.add(c);
                }
            }
        }
        if (exports.size() > 1) {
            log.note(Note.of("import.slack.exports", exports.size()));
        }

        String wanted = context.options().channel();
        ChannelInfo only = null;
        if (wanted != null) {
            String w = wanted.startsWith("#") ? wanted.substring(1) : wanted;
            only = channels.stream().filter(c -> c.name.equals(w) || w.equals(c.id)).findFirst()
                    .orElseThrow(() -> ImportContext.malformed(path, "--channel", "import.slack.no-channel", wanted,
                            String.join(", ", channels.stream().map(c -> c.name).sorted().toList())));
        }

        String workspace = first.workspaceName();
        Note from = Note.of(first.isZip() ? "import.slack.zip-name" : "import.slack.folder-name");
        if (only == null) {
            log.fact("id", "slack-" + workspace, from);
            log.fact("name", workspace, from);
        } else {
            log.fact("id", "slack-" + workspace + "-" + only.name, Note.of("import.slack.and-channel", from));
            log.fact("name", workspace + " #" + only.name, Note.of("import.slack.and-channel", from));
        }
        log.fact("platform", Platform.SLACK, Note.of("import.slack.platform"));

        // createdOn
        if (only != null) {
            if (only.created != null) {
                log.fact("createdOn", context.at(only.created).toLocalDate(),
                        Note.of("import.slack.channel-created", only.name));
            }
        } else {
            channels.stream().filter(c -> c.created != null).min(Comparator.comparing(c -> c.created))
                    .ifPresent(c -> log.fact("createdOn", context.at(c.created).toLocalDate(),
                            Note.of("import.slack.earliest-channel-created", c.name)));
        }

        // members
        for (User u : users.values()) {
            if (u.admin) {
                log.official(u.id);
            }
        }
        if (only == null) {
            int total = 0;
            int admins = 0;
            for (User u : users.values()) {
                if (u.member()) {
                    total++;
                    if (u.admin) {
                        admins++;
                    }
                }
            }
            log.fact("members.total", total, Note.of("import.slack.users"));
            log.fact("members.admins", admins, Note.of("import.slack.admins"));
            Note why = Note.of("import.slack.workspace-joins");
            log.unknownBecause("members.joined7d", why);
            log.unknownBecause("members.left7d", why);
        } else if (only.members == null) {
            log.unknownBecause("members.total", Note.of("import.slack.no-channel-members", only.name));
        } else {
            int total = 0;
            int admins = 0;
            for (String id : new java.util.LinkedHashSet<>(only.members)) {
                User u = users.get(id);
                // a member users.json does not list is counted: the channel names it
                if (u == null || u.member()) {
                    total++;
                    if (u != null && u.admin) {
                        admins++;
                    }
                }
            }
            log.fact("members.total", total, Note.of("import.slack.channel-members", only.name));
            log.fact("members.admins", admins, Note.of("import.slack.channel-admins", only.name));
        }
        if (only != null) {
            log.recordsJoins();
            log.recordsLeaves();
            log.joinsCountedAs(Note.of("import.slack.channel-joins", only.name));
        }

        // messages, a channel at a time, a day at a time (the day files of every export for that day together)
        for (ChannelInfo c : only == null ? channels : List.of(only)) {
            TreeMap<LocalDate, List<DayFile>> days = new TreeMap<>();
            for (Export export : exports) {
                for (Map.Entry<LocalDate, String> day : export.dayFiles(c.name).entrySet()) {
                    days.computeIfAbsent(day.getKey(), k -> new ArrayList<>()).add(new DayFile(export, day.getValue()));
                }
            }
            // a message lies in the file of its day in the exporter's zone, so a duplicate is on the same day or
            // the next: the ts of two days are kept, not the channel's
            Set<String> previous = new HashSet<>();
            for (List<DayFile> files : days.values()) {
                Set<String> today = new HashSet<>();
                readDay(files, c.name, only != null, users, log, context, tolerated, previous, today);
                previous = today;
            }
        }
        if (tolerated.stringNumbers > 0) {
            log.note(Note.of("import.slack.string-numbers", tolerated.stringNumbers, tolerated.firstStringNumber));
        }
        if (tolerated.duplicates > 0) {
            log.note(Note.of("import.slack.duplicates", tolerated.duplicates, tolerated.firstDuplicate));
        }
    }

    private record DayFile(Export export, String rel) {
    }

    private static void readDay(List<DayFile> files, String channel, boolean channelMode, Map<String, User> users,
            EventLog log, ImportContext context, Tolerated tolerated, Set<String> previous, Set<String> today)
            throws IOException {
        List<Record> records = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            DayFile df = files.get(f);
            String file = df.export.describe(df.rel);
            JsonNode array;
            try (InputStream in = df.export.open(df.rel)) {
                array = Sources.TREE.readTree(in);
            } catch (JacksonException e) {
                throw refused(file, "", Problems.of(e));
            } catch (CharConversionException e) {
                throw refused(file, "", Problems.NOT_UTF8);
            }
            if (array == null || !array.isArray()) {
                throw ImportException.of(file, "", "import.slack.expected-messages");
            }
            for (int i = 0; i < array.size(); i++) {
                JsonNode m = array.get(i);
                String where = "[" + i + "]";
                if (!m.isObject()) {
                    throw ImportException.of(file, where, "import.json.expected-message");
                }
                String ts = text(file, where, m, "ts");
                if (ts == null) {
                    throw ImportException.of(file, where, "import.json.missing", "ts");
                }
                Instant time = instant(file, where + " ts", ts);
                records.add(new Record(file, f, i, m, canonical(time), time));
            }
        }
        records.sort(Comparator.comparing(Record::time).thenComparingInt(Record::fileIndex)
                .thenComparingInt(Record::index));
        for (Record r : records) {
            if (previous.contains(r.ts) || !today.add(r.ts)) {
                if (tolerated.duplicates++ == 0) {
                    tolerated.firstDuplicate = r.file + " [" + r.index + "]";
                }
                continue;
            }
            message(r.file, r, channel, channelMode, users, log, context);
        }
    }

    private static void message(String file, Record r, String channel, boolean channelMode, Map<String, User> users,
            EventLog log, ImportContext context) {
        JsonNode m = r.node;
        String where = "[" + r.index + "]";
        Note at = Note.verbatim(file + " " + where);
        String type = text(file, where, m, "type");
        String subtype = text(file, where, m, "subtype");
        String userId = text(file, where, m, "user");
        User user = userId == null ? null : users.get(userId);
        boolean botUser = SLACKBOT.equals(userId) || (user != null && user.bot);
        if (type != null && !type.equals("message")) {
            log.skip("service", at);
            return;
        }
        LocalDateTime time = context.at(r.time);
        if ("channel_join".equals(subtype) || "channel_leave".equals(subtype)) {
            if (!channelMode) {
                log.skip("service", at);
            } else if (userId == null) {
                log.skip("service", at);
            } else if (botUser) {
                log.skip("bot", at);
            } else {
                Event.Kind kind = "channel_join".equals(subtype) ? Event.Kind.JOIN : Event.Kind.LEAVE;
                log.add(new Event("", time, channel + ":" + r.ts, userId, user == null ? null : user.name, kind,
                        null, channel, false, null, null, null));
            }
            return;
        }
        if ("bot_message".equals(subtype)) {
            log.skip("bot", at);
            return;
        }
        if (subtype != null && !MESSAGE_SUBTYPES.contains(subtype)) {
            log.skip("service", at);
            return;
        }
        if (m.hasNonNull("bot_id") || botUser) {
            log.skip("bot", at);
            return;
        }
        if (userId == null) {
            log.skip("no sender", at);
            return;
        }
        String text = text(file, where, m, "text");
        if ((text == null || text.isBlank()) && !m.path("files").isArray() && !m.path("attachments").isArray()) {
            log.skip("empty", at);
            return;
        }
        String threadTs = text(file, where, m, "thread_ts");
        if (threadTs != null) {
            threadTs = canonical(instant(file, where + " thread_ts", threadTs));
        }
        boolean reply = threadTs != null && !threadTs.equals(r.ts);
        Event e = new Event("", time, channel + ":" + r.ts, userId, user == null ? null : user.name,
                reply ? Event.Kind.REPLY : Event.Kind.MESSAGE, reply ? channel + ":" + threadTs : null,
                reply ? channel + ":" + threadTs : channel, false, null, null, text);
        log.add(e);
    }

    /**
     * {@code "1700000000.123456"}: seconds since 1970 with microseconds (Slack writes it as text; a number is read
     * too). Its length is bounded before it is parsed.
     */
    private static Instant instant(String file, String where, String ts) {
        try {
            String t = ts.strip();
            if (t.length() > MAX_NUMBER_CHARS) {
                throw new NumberFormatException();
            }
            BigDecimal s = new BigDecimal(t);
            if (s.signum() < 0) {
                throw new NumberFormatException();
            }
            long seconds = s.longValue();
            long nanos = s.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
            return ImportContext.epochSecond(seconds).plusNanos(nanos);
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            throw ImportException.of(file, where, "import.slack.bad-ts", shown(ts));
        }
    }

        /** A refusal whose reason is a phrase of the catalog. */
    private static ImportException refused(String file, String where, Note reason) {
        return ImportException.of(file, where, reason.key(), reason.args().toArray());
    }

    private static String shown(String text) {
        return text.length() > MAX_NUMBER_CHARS ? text.substring(0, MAX_NUMBER_CHARS) + "…" : text;
    }

    /** A ts as one text however it was written ({@code 1700000000.1234560}, a number): the message's id. */
    private static String canonical(Instant time) {
        return time.getEpochSecond() + "." + String.format(java.util.Locale.ROOT, "%06d", time.getNano() / 1000);
    }

    /**
     * Whole seconds since 1970 where Slack writes a number: a JSON number, or a text of digits as older exports
     * write it ({@code "created": "1452837318"}), counted for the report; anything else is refused.
     */
    private static Long seconds(String file, String where, JsonNode v, Tolerated tolerated) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            String t = v.asText().strip();
            if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw ImportException.of(file, where, "import.slack.not-seconds", shown(t));
            }
            if (tolerated.stringNumbers++ == 0) {
                tolerated.firstStringNumber = file + " " + where;
            }
            return Long.parseLong(t);
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw ImportException.of(file, where, "import.slack.expected-seconds");
        }
        return v.asLong();
    }

    private static String text(String file, String where, JsonNode m, String field) {
        JsonNode v = m.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual() || v.isNumber()) {
            return v.asText();
        }
        throw ImportException.of(file, where + " " + field, "import.json.expected-text-got",
                v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    // ---- users and channels -----------------------------------------------------------------------------------------

    private static Map<String, User> users(Export export) throws IOException {
        JsonNode array = small(export, "users.json");
        String file = export.describe("users.json");
        Map<String, User> users = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode u = array.get(i);
            String where = "[" + i + "]";
            if (!u.isObject()) {
                throw ImportException.of(file, where, "import.slack.expected-user");
            }
            String id = text(file, where, u, "id");
            if (id == null) {
                throw ImportException.of(file, where, "import.json.missing", "id");
            }
            JsonNode profile = u.path("profile");
            String name = firstNonBlank(profile.path("display_name").asText(null), profile.path("real_name")
                    .asText(null), u.path("real_name").asText(null), u.path("name").asText(null));
            boolean bot = u.path("is_bot").asBoolean(false) || SLACKBOT.equals(id);
            boolean admin = u.path("is_admin").asBoolean(false) || u.path("is_owner").asBoolean(false)
                    || u.path("is_primary_owner").asBoolean(false);
            users.put(id, new User(id, name, u.path("deleted").asBoolean(false), bot, admin));
        }
        return users;
    }

    private static List<ChannelInfo> channels(Export export, String name, Tolerated tolerated) throws IOException {
        JsonNode array = small(export, name);
        String file = export.describe(name);
        List<ChannelInfo> channels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode c = array.get(i);
            String where = "[" + i + "]";
            if (!c.isObject()) {
                throw ImportException.of(file, where, "import.slack.expected-channel");
            }
            String channelName = text(file, where, c, "name");
            if (channelName == null || channelName.isBlank()) {
                throw ImportException.of(file, where, "import.json.missing", "name");
            }
            if (!names.add(channelName)) {
                continue;
            }
            Instant created = null;
            Long cr = seconds(file, where + " created", c.get("created"), tolerated);
            if (cr != null && cr > 0) {
                created = ImportContext.epochSecond(cr);
            }
            List<String> members = null;
            if (c.path("members").isArray()) {
                members = new ArrayList<>();
                for (JsonNode m : c.path("members")) {
                    if (m.isTextual()) {
                        members.add(m.asText());
                    }
                }
            }
            channels.add(new ChannelInfo(text(file, where, c, "id"), channelName, created, members));
        }
        return channels;
    }

    private static JsonNode small(Export export, String name) throws IOException {
        if (!export.exists(name)) {
            throw export.notAnExport("import.slack.no-file", name);
        }
        String file = export.describe(name);
        JsonNode array;
        try (InputStream in = export.open(name)) {
            array = Sources.TREE.readTree(in);
        } catch (JacksonException e) {
            throw refused(file, "", Problems.of(e));
        } catch (CharConversionException e) {
            throw refused(file, "", Problems.NOT_UTF8);
        }
        if (array == null || !array.isArray()) {
            throw ImportException.of(file, "", "import.json.expected-array");
        }
        return array;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private record User(String id, String name, boolean deleted, boolean bot, boolean admin) {
        boolean member() {
            return !deleted && !bot;
        }
    }

    /** A channel; {@code members} is {@code null} when channels.json does not list them. */
    private record ChannelInfo(String id, String name, Instant created, List<String> members) {
    }

    private record Record(String file, int fileIndex, int index, JsonNode node, String ts, Instant time) {
    }

    // ---- the export: a folder or a zip ------------------------------------------------------------------------------

    /** The export's files by their path inside it ({@code general/2026-11-30.json}). */
    private abstract static class Export implements Closeable {
        final Path path;

        Export(Path path) {
            this.path = path;
        }

        static Export open(Path path, long maxExportBytes) throws IOException {
            if (Sources.isStdin(path)) {
                throw ImportContext.malformed(path, "", "import.slack.stdin");
            }
            if (Files.isDirectory(path)) {
                return new Folder(path);
            }
            if (!Files.exists(path)) {
                throw ImportContext.malformed(path, "", "import.file.missing-or-folder");
            }
            ZipFile zip;
            try {
                zip = new ZipFile(path.toFile());
            } catch (ZipException e) {
                throw ImportContext.malformed(path, "", "import.slack.not-an-export", Note.of("import.slack.not-folder-or-zip"));
            }
            return new Zip(path, zip, maxExportBytes);
        }

        ImportException notAGroup() {
            return ImportContext.malformed(path, "", "import.slack.only-dms");
        }

                ImportException notAnExport(String why, Object... args) {
            return ImportContext.malformed(path, "", "import.slack.not-an-export", Note.of(why, args));
        }

        String workspaceName() {
            Path name = path.toAbsolutePath().normalize().getFileName();
            String n = name == null ? "workspace" : name.toString();
            if (isZip() && n.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                n = n.substring(0, n.length() - 4);
            }
            Matcher m = EXPORT_NAME.matcher(n);
            if (m.matches()) {
                n = m.group(1);
            }
            return n.strip();
        }

        abstract boolean isZip();

        abstract boolean exists(String rel) throws IOException;

        abstract InputStream open(String rel) throws IOException;

        /** The day files of a channel's folder, by date. */
        abstract TreeMap<LocalDate, String> dayFiles(String channel) throws IOException;

        /** The file as an error names it. */
        abstract String describe(String rel);

        @Override
        public void close() throws IOException {
        }

        LocalDate dayOf(String fileName, String rel) {
            Matcher m = DAY_FILE.matcher(fileName);
            if (!m.matches()) {
                return null;
            }
            try {
                return LocalDate.parse(m.group(1));
            } catch (DateTimeException e) {
                throw ImportException.of(describe(rel), "", "import.slack.file-not-date");
            }
        }
    }

    private static final class Folder extends Export {
        Folder(Path path) {
            super(path);
        }

        @Override
        boolean isZip() {
            return false;
        }

        /**
         * The file of the export at {@code rel}, never outside it: a channel named {@code ../x} or {@code /abs},
         * or a symbolic link on the way, is refused, naming the name.
         */
        private Path inside(String rel) throws IOException {
            Path root = path.toAbsolutePath().normalize();
            Path p = root.resolve(rel).normalize();
            boolean plain = !rel.isEmpty() && !rel.startsWith("/") && !rel.startsWith("\\") && !rel.contains("\\")
                    && p.startsWith(root) && !p.equals(root);
            for (Path at = p; plain && at != null && !at.equals(root); at = at.getParent()) {
                plain = !Files.isSymbolicLink(at);
            }
            if (!plain) {
                throw ImportException.of(path.toString(), "\"" + rel + "\"", "import.slack.outside");
            }
            return p;
        }

        @Override
        boolean exists(String rel) throws IOException {
            return Files.isRegularFile(inside(rel), java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        InputStream open(String rel) throws IOException {
            return Sources.open(inside(rel));
        }

        @Override
        TreeMap<LocalDate, String> dayFiles(String channel) throws IOException {
            TreeMap<LocalDate, String> out = new TreeMap<>();
            Path dir = inside(channel);
            if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return out;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    String rel = channel + "/" + f.getFileName();
                    if (Files.isSymbolicLink(f)) {
                        inside(rel); // refused: a day file that points elsewhere
                    }
                    LocalDate day = Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            ? dayOf(f.getFileName().toString(), rel) : null;
                    if (day != null) {
                        out.put(day, rel);
                    }
                }
            }
            return out;
        }

        @Override
        String describe(String rel) {
            return path.resolve(rel).toString();
        }
    }

    /** Most entries a Slack zip may hold (a year of 500 channels' day files is under 200,000). */
    static final int MAX_ENTRIES = 200_000;
    /** Most bytes one entry may inflate to (a day file of a busy channel is a few MB). */
    static final long MAX_ENTRY_BYTES = 64L << 20;
    /** Most an entry may inflate to, as a multiple of its compressed bytes, once past {@link #RATIO_FROM}. */
    static final long MAX_RATIO = 100;
    static final long RATIO_FROM = 1L << 20;
    /** Most bytes all entries of one export may inflate to. */
    static final long MAX_EXPORT_BYTES = 4L << 30;

    private static final class Zip extends Export {
        private final ZipFile zip;
        private final String root;
        private final Map<String, TreeMap<LocalDate, String>> days = new HashMap<>();
        private final long maxExportBytes;

        Zip(Path path, ZipFile zip, long maxExportBytes) throws IOException {
            super(path);
            this.zip = zip;
            this.maxExportBytes = maxExportBytes;
            // the export's root is where users.json lies (a re-zipped folder adds a level)
            String best = null;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String n = e.nextElement().getName();
                if ((n.equals("users.json") || n.endsWith("/users.json"))
                        && (best == null || n.length() < best.length())) {
                    best = n;
                }
            }
            root = best == null ? "" : best.substring(0, best.length() - "users.json".length());
            if (zip.size() > MAX_ENTRIES) {
                throw ImportContext.malformed(path, "", "import.limit.zip-entries", zip.size(), MAX_ENTRIES);
            }
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String n = entry.getName();
                if (entry.isDirectory() || !n.startsWith(root)) {
                    continue;
                }
                String rel = n.substring(root.length());
                int slash = rel.indexOf('/');
                if (slash <= 0 || rel.indexOf('/', slash + 1) >= 0) {
                    continue;
                }
                LocalDate day = dayOf(rel.substring(slash + 1), rel);
                if (day != null) {
                    days.computeIfAbsent(rel.substring(0, slash), k -> new TreeMap<>()).put(day, rel);
                }
            }
        }

        @Override
        boolean isZip() {
            return true;
        }

        @Override
        boolean exists(String rel) {
            ZipEntry e = zip.getEntry(root + rel);
            return e != null && !e.isDirectory();
        }

        @Override
        InputStream open(String rel) throws IOException {
            ZipEntry entry = zip.getEntry(root + rel);
            // the compressed size as stored, never more than the zip itself: what the inflater may consume
            long stored = Math.min(Math.max(entry.getCompressedSize(), 1), Math.max(Files.size(path), 1));
            return Sources.withoutBom(new Inflating(zip.getInputStream(entry), describe(rel), stored, this));
        }

        /** Bytes inflated so far from all entries. */
        private long inflated;

        /**
         * An entry's bytes counted as they are inflated (the sizes its headers claim are not trusted): over
         * {@link #MAX_ENTRY_BYTES}, over {@link #MAX_RATIO} times what it takes in the zip, or the export over
         * {@link #MAX_EXPORT_BYTES} in all, refused, naming the entry and the limit.
         */
        private static final class Inflating extends java.io.FilterInputStream {
            private final String name;
            private final long stored;
            private final Zip zip;
            private long count;

            Inflating(InputStream in, String name, long stored, Zip zip) {
                super(in);
                this.name = name;
                this.stored = stored;
                this.zip = zip;
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            private void counted(int n) {
                count += n;
                zip.inflated += n;
                if (count > MAX_ENTRY_BYTES) {
                    throw ImportException.of(name, "", "import.limit.zip-entry", MAX_ENTRY_BYTES);
                }
                if (count > RATIO_FROM && count / stored > MAX_RATIO) {
                    throw ImportException.of(name, "", "import.limit.zip-ratio", MAX_RATIO, stored);
                }
                if (zip.inflated > zip.maxExportBytes) {
                    throw ImportException.of(name, "", "import.limit.zip-export", zip.maxExportBytes);
                }
            }
        }

        @Override
        TreeMap<LocalDate, String> dayFiles(String channel) {
            return days.getOrDefault(channel, new TreeMap<>());
        }

        @Override
        String describe(String rel) {
            return path + "!/" + root + rel;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
