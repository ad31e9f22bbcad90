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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.communityadvisor.ImportException;
import org.communityadvisor.Platform;

/**
 * {@code discord}: DiscordChatExporter JSON files, one per channel, of one guild (the community). Each file is
 * streamed: its {@code guild} and {@code channel} headers, then its {@code messages} one object at a time.
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
 * </ul>
 */
final class DiscordReader implements FormatReader {
    private static final Pattern OFFICIAL_ROLE = Pattern.compile("admin|moderator|owner|^mods?$");
    private static final Set<String> MESSAGE_TYPES = Set.of("Default", "Reply");
    private static final int NAMED_OFFICIALS = 5;

    @Override
    public void read(List<Path> paths, ImportContext context) throws IOException {
        Run run = new Run(context);
        for (Path path : paths) {
            run.file(path);
        }
        EventLog log = run.log;
        if (!run.officialNames.isEmpty()) {
            log.note(Note.of("import.discord.officials", run.officialCount, String.join(", ", run.officialNames)
                    + (run.officialCount > run.officialNames.size() ? ", …" : "")));
        }
        if (run.joins > 0) {
            log.note(Note.of("import.discord.joins-lower-bound"));
        }
        if ("0".equals(run.guildId)) {
            log.note(Note.of("import.discord.direct-messages"));
        }
    }

    private static ImportException notDiscord(Path path, String why) {
        return ImportContext.malformed(path, "", "not a DiscordChatExporter export: " + why);
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
        String where = "";

        Run(ImportContext context) {
            this.context = context;
            this.log = context.log();
            log.fact("platform", Platform.DISCORD, Note.of("import.discord.platform"));
            log.unknownBecause("members.total", Note.of("import.discord.no-members"));
            log.unknownBecause("members.left7d", Note.of("import.discord.no-leaves"));
            log.unknownBecause("members.joined7d", Note.of("import.discord.no-joins"));
            log.joinsCountedAs(Note.of("import.discord.joins"));
        }

        void file(Path path) throws IOException {
            where = "";
            sameGuildRead = false;
            try (InputStream in = Sources.open(path); JsonParser p = Sources.JSON.createParser(in)) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw ImportContext.malformed(path, "", "is empty; expected a DiscordChatExporter JSON export");
                }
                if (t != JsonToken.START_OBJECT) {
                    throw notDiscord(path, "expected a JSON object at the top");
                }
                top(p, path);
            } catch (JacksonException e) {
                throw ImportContext.malformed(path, where, Problems.of(e));
            } catch (CharConversionException e) {
                throw ImportContext.malformed(path, where, Problems.NOT_UTF8);
            }
        }

        private void top(JsonParser p, Path path) throws IOException {
            String channelId = null;
            boolean messages = false;
            boolean telegramLike = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "guild" -> {
                        where = "guild";
                        guild(v == JsonToken.START_OBJECT ? Sources.MAPPER.readTree(p) : skip(p), path);
                    }
                    case "channel" -> {
                        where = "channel";
                        JsonNode c = v == JsonToken.START_OBJECT ? Sources.MAPPER.readTree(p) : skip(p);
                        channelId = c == null ? null : text(c, "id");
                        if (channelId == null) {
                            throw ImportContext.malformed(path, "channel.id", "missing: a DiscordChatExporter file "
                                    + "names its channel");
                        }
                    }
                    case "messages" -> {
                        if (guildId == null || channelId == null || !sameGuildRead) {
                            throw notDiscord(path, telegramLike
                                    ? "it looks like a Telegram Desktop export; use the telegram format"
                                    : "no \"guild\" and \"channel\" before \"messages\"");
                        }
                        if (v != JsonToken.START_ARRAY) {
                            throw notDiscord(path, "\"messages\" is not an array");
                        }
                        messages(p, path, channelId);
                        messages = true;
                    }
                    case "chats", "personal_information", "date_unixtime" -> {
                        telegramLike = true;
                        p.skipChildren();
                    }
                    case "name", "type", "id" -> {
                        telegramLike = telegramLike || guildId == null;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
                where = "";
            }
            if (t != JsonToken.END_OBJECT) {
                throw notDiscord(path, "expected a JSON object at the top");
            }
            if (!messages) {
                throw notDiscord(path, telegramLike ? "it looks like a Telegram Desktop export; use the telegram "
                        + "format" : "no \"messages\" array");
            }
        }

        private boolean sameGuildRead;

        private static JsonNode skip(JsonParser p) throws IOException {
            p.skipChildren();
            return null;
        }

        private void guild(JsonNode g, Path path) {
            String id = g == null ? null : text(g, "id");
            if (id == null) {
                throw ImportContext.malformed(path, "guild.id", "missing: a DiscordChatExporter file names its guild");
            }
            String name = text(g, "name");
            if (guildId == null) {
                guildId = id;
                guildName = name;
                guildFile = path;
                log.fact("id", "discord-" + id, Note.of("import.discord.guild-id", path));
                if (name != null) {
                    log.fact("name", name, Note.of("import.discord.guild-name", path));
                }
            } else if (!guildId.equals(id)) {
                throw ImportContext.malformed(path, "guild.id", "guild " + id + quoted(name) + " is not the guild of "
                        + guildFile + " (" + guildId + quoted(guildName) + "): give the channel files of one guild");
            }
            sameGuildRead = true;
        }

        private static String quoted(String name) {
            return name == null ? "" : " \"" + name + "\"";
        }

        private void messages(JsonParser p, Path path, String channelId) throws IOException {
            int i = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                where = "messages[" + i + "]";
                if (t != JsonToken.START_OBJECT) {
                    throw ImportContext.malformed(path, where, "expected a message object");
                }
                message(Sources.MAPPER.readTree(p), path, where, channelId);
                i++;
            }
        }

        private void message(JsonNode m, Path path, String where, String channelId) {
            String type = text(m, "type");
            if (type == null) {
                throw ImportContext.malformed(path, where, "\"type\" is missing");
            }
            String ts = text(m, "timestamp");
            if (ts == null) {
                throw ImportContext.malformed(path, where, "\"timestamp\" is missing");
            }
            LocalDateTime time;
            try {
                time = context.at(OffsetDateTime.parse(ts, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            } catch (DateTimeException e) {
                throw ImportContext.malformed(path, where + " timestamp", "\"" + ts
                        + "\" is not a time with an offset (e.g. 2026-11-20T09:15:03.123+00:00)");
            }
            JsonNode author = m.get("author");
            String authorId = author == null || !author.isObject() ? null : text(author, "id");
            if (authorId == null) {
                throw ImportContext.malformed(path, where + " author", "missing, or without an \"id\"");
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
