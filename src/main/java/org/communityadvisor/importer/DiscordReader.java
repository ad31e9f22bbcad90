package org.communityadvisor.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.communityadvisor.ImportException;
import org.communityadvisor.Platform;

/**
 * {@code discord}: DiscordChatExporter JSON files, one per channel, of one guild (the community). Each file is
 * streamed: first every file's {@code guild} and {@code channel} headers, then each channel's {@code messages} one
 * object at a time. A channel given in several files (an export and its re-export, partitions) has its files
 * merged in message-id order, and each id is counted once (within one file too); the report says how many
 * duplicates were dropped. Memory: one message per open file and the channel's last few thousand ids.
 *
 * <ul>
 *   <li>{@code id} = {@code discord-<guild id>}, {@code name} = the guild's name, platform discord. All files
 *       must be of the same guild (else the import is refused, naming the file).</li>
 *   <li>Messages: {@code type} "Default" and "Reply" by authors who are not {@code isBot}; the thread is the
 *       channel id (a question is answered within its channel); {@code reference.messageId} is a reply (a
 *       forward is not). A message with no content, attachment, embed or sticker is skipped as "empty".</li>
 *   <li>Joins: {@code GuildMemberJoin} notices (the author joined). Only the server's system channel records
 *       them, so {@code joined7d} is a lower bound (said in the report), and unknown when no file holds one.
 *       Discord writes no leave notice (left7d unknown) and exports carry no member count (total from
 *       {@code --members}). Other types (pins, thread creations, calls...) are skipped as "service", bots' posts
 *       as "bot".</li>
 *   <li>Officials: besides {@code --official}, an author with a role whose name contains "admin", "moderator" or
 *       "owner", or is "mod"/"mods" (any case), is official; the report names them.</li>
 *   <li>Times: {@code timestamp} (with its offset) in {@code --zone}, else UTC.</li>
 *   <li>Direct messages (guild {@code 0}, "Direct Messages"; channel type {@code DirectTextChat} or
 *       {@code DirectGroupTextChat}) are refused: not a group.</li>
 * </ul>
 */
final class DiscordReader implements FormatReader {
    private static final Pattern OFFICIAL_ROLE = Pattern.compile("admin|moderator|owner|^mods?$");
    private static final Set<String> MESSAGE_TYPES = Set.of("Default", "Reply");
    private static final int NAMED_OFFICIALS = 5;
    /** The channel types DiscordChatExporter writes for direct messages (ChannelKind.IsDirect). */
    private static final Set<String> DIRECT = Set.of("DirectTextChat", "DirectGroupTextChat");
    /** How many of a channel's last ids are remembered to drop a repeat that is out of id order. */
    static final int RECENT_IDS = 4096;

    @Override
    public void read(List<Path> paths, ImportContext context) throws IOException {
        Run run = new Run(context);
        // first each file's header (guild, channel), then each channel's files merged by message id, so that a
        // channel given twice (an export and its re-export) counts each message once
        Map<String, List<Source>> byChannel = new LinkedHashMap<>();
        try {
            for (Path path : paths) {
                Source source = new Source(path, run);
                source.open(true);
                if (!Sources.isStdin(path)) {
                    source.close();
                }
                byChannel.computeIfAbsent(source.channelId, k -> new ArrayList<>()).add(source);
            }
            for (Map.Entry<String, List<Source>> channel : byChannel.entrySet()) {
                run.channel(channel.getKey(), channel.getValue());
            }
        } finally {
            for (List<Source> sources : byChannel.values()) {
                for (Source source : sources) {
                    source.close();
                }
            }
        }
        EventLog log = run.log;
        if (!run.officialNames.isEmpty()) {
            log.note(Note.of("import.discord.officials", run.officialCount, String.join(", ", run.officialNames)
                    + (run.officialCount > run.officialNames.size() ? ", …" : "")));
        }
        if (run.joins > 0) {
            log.note(Note.of("import.discord.joins-lower-bound"));
        }
        if (run.duplicates > 0) {
            log.note(Note.of("import.discord.duplicates", run.duplicates, run.firstDuplicate));
        }
    }

        private static ImportException notDiscord(Path path, String why, Object... args) {
        return ImportContext.malformed(path, "", "import.discord.not-an-export", Note.of(why, args));
    }

    private static JsonNode skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /** Snowflake ids in time order (decimal strings: shorter is smaller); a message without an id first. */
    static int compareIds(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /**
     * One channel file, streamed: opened to its {@code messages} array, then one message at a time. A file given
     * as standard input stays open after its header is read (it cannot be read twice).
     */
    private static final class Source {
        final Path path;
        final Run run;
        String channelId;
        InputStream in;
        JsonParser p;
        boolean opened;
        boolean done;
        JsonNode head;
        String headWhere;
        int index;
        String where = "";

        Source(Path path, Run run) {
            this.path = path;
            this.run = run;
        }

        /** Opens the file and reads up to its messages array; {@code header}: checks guild and channel first. */
        void open(boolean header) throws IOException {
            if (p != null) {
                return;
            }
            if (opened && Sources.isStdin(path)) {
                throw ImportContext.malformed(path, "", "import.stdin-once");
            }
            opened = true;
            in = Sources.open(path);
            try {
                p = Sources.JSON.createParser(in);
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw ImportContext.malformed(path, "", "import.discord.empty");
                }
                if (t != JsonToken.START_OBJECT) {
                    throw notDiscord(path, "import.json.top-not-object");
                }
                top(header);
            } catch (JacksonException e) {
                throw ImportContext.malformed(path, where, Problems.of(e));
            } catch (CharConversionException e) {
                throw ImportContext.malformed(path, where, Problems.NOT_UTF8);
            }
        }

        /** The top-level fields up to {@code messages} (its START_ARRAY is then the current token). */
        private void top(boolean header) throws IOException {
            boolean guildRead = false;
            boolean telegramLike = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "guild" -> {
                        where = "guild";
                        JsonNode g = v == JsonToken.START_OBJECT ? Sources.MAPPER.readTree(p) : skip(p);
                        if (header) {
                            run.guild(g, path);
                        }
                        guildRead = true;
                    }
                    case "channel" -> {
                        where = "channel";
                        JsonNode c = v == JsonToken.START_OBJECT ? Sources.MAPPER.readTree(p) : skip(p);
                        channelId = c == null ? null : text(c, "id");
                        if (channelId == null) {
                            throw ImportContext.malformed(path, "channel.id", "import.discord.no-channel-id");
                        }
                        String type = text(c, "type");
                        if (type != null && DIRECT.contains(type)) {
                            throw ImportContext.malformed(path, "channel.type", "import.discord.direct", type);
                        }
                    }
                    case "messages" -> {
                        if (!guildRead || channelId == null) {
                            throw notDiscord(path, telegramLike
                                    ? "import.discord.telegram-like" : "import.discord.no-guild");
                        }
                        if (v != JsonToken.START_ARRAY) {
                            throw notDiscord(path, "import.json.messages-not-array");
                        }
                        where = "";
                        return;
                    }
                    case "chats", "personal_information", "date_unixtime" -> {
                        telegramLike = true;
                        p.skipChildren();
                    }
                    case "name", "type", "id" -> {
                        telegramLike = telegramLike || !guildRead;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
                where = "";
            }
            if (t != JsonToken.END_OBJECT) {
                throw notDiscord(path, "import.json.top-not-object");
            }
            throw notDiscord(path, telegramLike ? "import.discord.telegram-like" : "import.json.no-messages");
        }

        /** Reads the next message into {@link #head} ({@code null} after the last, the file then checked whole). */
        void advance() throws IOException {
            head = null;
            if (done) {
                return;
            }
            try {
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    done = true;
                    where = "";
                    JsonToken rest;
                    while ((rest = p.nextToken()) == JsonToken.FIELD_NAME) {
                        p.nextToken();
                        p.skipChildren();
                    }
                    if (rest != JsonToken.END_OBJECT) {
                        throw notDiscord(path, "import.json.top-not-object");
                    }
                    close();
                    return;
                }
                where = "messages[" + index + "]";
                if (t != JsonToken.START_OBJECT) {
                    throw ImportContext.malformed(path, where, "import.json.expected-message");
                }
                head = Sources.MAPPER.readTree(p);
                headWhere = where;
                index++;
            } catch (JacksonException e) {
                throw ImportContext.malformed(path, where, Problems.of(e));
            } catch (CharConversionException e) {
                throw ImportContext.malformed(path, where, Problems.NOT_UTF8);
            }
        }

        void close() throws IOException {
            if (p != null) {
                p.close();
                p = null;
            }
            if (in != null) {
                in.close();
                in = null;
            }
        }
    }

    /** The import's state across files. */
    private static final class Run {
        final ImportContext context;
        final EventLog log;
        final Map<String, Boolean> officialById = new HashMap<>();
        final List<String> officialNames = new ArrayList<>();
        int officialCount;
        String guildId;
        String guildName;
        Path guildFile;
        int joins;
        int duplicates;
        String firstDuplicate;

        Run(ImportContext context) {
            this.context = context;
            this.log = context.log();
            log.fact("platform", Platform.DISCORD, Note.of("import.discord.platform"));
            log.unknownBecause("members.total", Note.of("import.discord.no-members"));
            log.unknownBecause("members.left7d", Note.of("import.discord.no-leaves"));
            log.unknownBecause("members.joined7d", Note.of("import.discord.no-joins"));
            log.joinsCountedAs(Note.of("import.discord.joins"));
        }

        /**
         * One channel's files, their messages merged in id order (DiscordChatExporter writes them oldest first),
         * each id once: a repeat of the previous id, or of one of the last {@link #RECENT_IDS} read, is dropped.
         * Memory: one message per file and those ids, however long the files.
         */
        void channel(String channelId, List<Source> sources) throws IOException {
            List<Source> open = new ArrayList<>();
            for (Source source : sources) {
                source.open(false);
                source.advance();
                if (source.head != null) {
                    open.add(source);
                }
            }
            Map<String, Boolean> recent = new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > RECENT_IDS;
                }
            };
            while (!open.isEmpty()) {
                Source next = open.get(0);
                for (Source s : open) {
                    if (compareIds(text(s.head, "id"), text(next.head, "id")) < 0) {
                        next = s;
                    }
                }
                JsonNode m = next.head;
                String id = text(m, "id");
                if (id != null && recent.containsKey(id)) {
                    duplicates++;
                    if (firstDuplicate == null) {
                        firstDuplicate = next.path + " " + next.headWhere + ", id " + id;
                    }
                    log.skip("duplicate", Note.verbatim(next.path + " " + next.headWhere));
                } else {
                    if (id != null) {
                        recent.put(id, Boolean.TRUE);
                    }
                    message(m, next.path, next.headWhere, channelId);
                }
                next.advance();
                if (next.head == null) {
                    open.remove(next);
                }
            }
        }

        private void guild(JsonNode g, Path path) {
            String id = g == null ? null : text(g, "id");
            if (id == null) {
                throw ImportContext.malformed(path, "guild.id", "import.discord.no-guild-id");
            }
            String name = text(g, "name");
            if ("0".equals(id)) {
                throw ImportContext.malformed(path, "guild.id", "import.discord.guild-zero", quoted(name));
            }
            if (guildId == null) {
                guildId = id;
                guildName = name;
                guildFile = path;
                log.fact("id", "discord-" + id, Note.of("import.discord.guild-id", path));
                if (name != null) {
                    log.fact("name", name, Note.of("import.discord.guild-name", path));
                }
            } else if (!guildId.equals(id)) {
                throw ImportContext.malformed(path, "guild.id", "import.discord.other-guild", id, quoted(name), guildFile,
                        guildId, quoted(guildName));
            }
        }

        private static String quoted(String name) {
            return name == null ? "" : " \"" + name + "\"";
        }

        private void message(JsonNode m, Path path, String where, String channelId) {
            String type = text(m, "type");
            if (type == null) {
                throw ImportContext.malformed(path, where, "import.json.missing", "type");
            }
            String ts = text(m, "timestamp");
            if (ts == null) {
                throw ImportContext.malformed(path, where, "import.json.missing", "timestamp");
            }
            LocalDateTime time;
            try {
                time = context.at(OffsetDateTime.parse(ts, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            } catch (DateTimeException e) {
                throw ImportContext.malformed(path, where + " timestamp", "import.discord.bad-timestamp", ts);
            }
            JsonNode author = m.get("author");
            String authorId = author == null || !author.isObject() ? null : text(author, "id");
            if (authorId == null) {
                throw ImportContext.malformed(path, where + " author", "import.discord.no-author");
            }
            Note file = Note.verbatim(path + " " + where);
            if (author.path("isBot").asBoolean(false)) {
                log.skip("bot", file);
                return;
            }
            String name = text(author, "nickname");
            if (name == null || name.isBlank()) {
                name = text(author, "name");
            }
            String id = text(m, "id");
            if (type.equals("GuildMemberJoin")) {
                joins++;
                log.add(new Event(guildId, time, id, authorId, name, Event.Kind.JOIN, null, channelId, false, null,
                        null, null));
                return;
            }
            if (!MESSAGE_TYPES.contains(type)) {
                log.skip("service", file);
                return;
            }
            String content = text(m, "content");
            if ((content == null || content.isBlank()) && !nonEmpty(m, "attachments") && !nonEmpty(m, "embeds")
                    && !nonEmpty(m, "stickers")) {
                log.skip("empty", file);
                return;
            }
            boolean official = official(authorId, name, author);
            String replyTo = null;
            JsonNode ref = m.get("reference");
            if (ref != null && ref.isObject()) {
                String refType = text(ref, "type");
                if (refType == null || refType.equals("Default")) {
                    replyTo = text(ref, "messageId");
                }
            }
            log.add(new Event(guildId, time, id, authorId, name, Event.Kind.MESSAGE, replyTo, channelId, official,
                    null, null, content));
        }

        /** Whether the author's roles make them official; decided once per author, on their first message. */
        private boolean official(String authorId, String name, JsonNode author) {
            Boolean known = officialById.get(authorId);
            if (known != null) {
                return known;
            }
            boolean official = false;
            for (JsonNode role : author.path("roles")) {
                String roleName = role.isObject() ? text(role, "name") : role.isTextual() ? role.asText() : null;
                if (roleName != null && OFFICIAL_ROLE.matcher(roleName.strip().toLowerCase(Locale.ROOT)).find()) {
                    official = true;
                    break;
                }
            }
            officialById.put(authorId, official);
            if (official) {
                log.official(authorId);
                officialCount++;
                if (officialNames.size() < NAMED_OFFICIALS) {
                    officialNames.add(name == null ? authorId : name);
                }
            }
            return official;
        }

        private static boolean nonEmpty(JsonNode m, String field) {
            JsonNode v = m.get(field);
            return v != null && v.isArray() && !v.isEmpty();
        }
    }

    private static String text(JsonNode m, String field) {
        JsonNode v = m.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return v.asText();
    }
}
