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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communityadvisor.Channel;
import org.communityadvisor.ImportException;
import org.communityadvisor.Platform;

/**
 * {@code telegram}: Telegram Desktop's JSON export ({@code result.json}) of one chat, read in one streaming pass
 * (the {@code messages} array is iterated, one message object at a time).
 *
 * <ul>
 *   <li>{@code id} = {@code telegram-<chat id>}, {@code name} = the chat's {@code name}, platform telegram.</li>
 *   <li>Messages: records of {@code type} "message" with a {@code from_id}; the sender is {@code from_id}, a reply
 *       names {@code reply_to_message_id}; {@code text} is a string or an array of strings and entities (joined).
 *       A message with neither text nor media is skipped as "empty". Messages sent {@code via_bot} are the
 *       member's own. Telegram does not mark bot accounts ({@code user…} ids too), so bots cannot be told apart;
 *       a post by the group itself ({@code from_id} = {@code channel<chat id>} or {@code chat<chat id>}, an
 *       anonymous admin) is official and no member's (never a sender). The 2020 format writes {@code from_id} and
 *       {@code actor_id} as bare numbers: read as {@code user<id>} (the chat's own id as the group itself), so
 *       one person has one id whatever the export's year.</li>
 *   <li>Joins: service {@code invite_members} (one per member listed, channel invite; invitees are known by name
 *       only, so their id is {@code name:<name>} unless the name has posted before or is the actor),
 *       {@code join_group_by_link} and {@code join_group_by_request} (the actor, channel link). Leaves:
 *       {@code remove_members}, one per member (a member who removes themself has left). A member written
 *       {@code null} (a deleted account) is no one: an invitation naming nobody is no join.
 *       {@code create_group} gives {@code createdOn}. Other service records are skipped as "service"; a chat
 *       whose only records are service records is dated by them.</li>
 *   <li>A one-to-one chat ({@code personal_chat}, {@code bot_chat}, {@code saved_messages}, {@code replies}) is
 *       refused: it is not a group.</li>
 *   <li>No member list: {@code members.total} only from {@code --members}.</li>
 *   <li>Times: {@code date} as written (the exporter's wall clock); with {@code --zone}, {@code date_unixtime} in
 *       that zone. A record with {@code date_unixtime} and no {@code date} is dated by it (UTC without
 *       {@code --zone}, said in the report).</li>
 *   <li>A full-account export ({@code chats.list}): the chat is chosen with {@code --id} (its numeric id, or
 *       {@code telegram-<id>}), which then is also the snapshot's id; without {@code --id} the import is refused,
 *       naming the group chats it holds.</li>
 * </ul>
 */
final class TelegramReader implements FormatReader {
    private static final Set<String> MEDIA = Set.of("photo", "file", "media_type", "sticker_emoji", "poll",
            "location_information", "contact_information", "game_information", "invoice_information", "place_name",
            "dice", "todo_list");
    private static final int LISTED_CHATS = 10;
    /** The one-to-one chat types Telegram Desktop writes (export_output_json.cpp, writeDialogStart). */
    private static final Set<String> NOT_GROUPS = Set.of("personal_chat", "bot_chat", "saved_messages", "replies");

    @Override
    public void read(List<Path> paths, ImportContext context) throws IOException {
        if (paths.size() != 1) {
            throw ImportContext.malformed(paths.get(1), "", "import.telegram.one-file", paths.size());
        }
        Path path = paths.get(0);
        Run run = new Run(path, context);
        try (InputStream in = Sources.open(path); JsonParser p = Sources.JSON.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw ImportContext.malformed(path, "", "import.telegram.empty");
            }
            if (t != JsonToken.START_OBJECT) {
                throw notTelegram(path, "import.json.top-not-object");
            }
            run.top(p);
        } catch (JacksonException e) {
            throw ImportContext.malformed(path, run.where, Problems.of(e));
        } catch (CharConversionException e) {
            throw ImportContext.malformed(path, run.where, Problems.NOT_UTF8);
        }
    }

        private static ImportException notTelegram(Path path, String why, Object... args) {
        return ImportContext.malformed(path, "", "import.telegram.not-an-export", Note.of(why, args));
    }

    /** One file's reading state. */
    private static final class Run {
        final Path path;
        final ImportContext context;
        final EventLog log;
        /** Display name -> from_id of members seen posting or acting (to give leaves and re-joins their id). */
        final Map<String, String> idsByName = new HashMap<>();
        String where = "";
        boolean chatRead;
        int invitedByName;
        /** Records dated only by date_unixtime (read in UTC without --zone). */
        int unixtimeOnly;
        /** from_id / actor_id written as a bare number (the 2020 format), read as user&lt;id&gt;. */
        int bareIds;
        /** Members of invite_members / remove_members written as null (a deleted account): no one to count. */
        int unnamed;
        boolean groupItselfNoted;
        /** Events given to the log, and the first and last day of the service records skipped. */
        int events;
        LocalDate firstService;
        LocalDate lastService;

        void service(LocalDateTime time) {
            LocalDate day = time.toLocalDate();
            if (firstService == null || day.isBefore(firstService)) {
                firstService = day;
            }
            if (lastService == null || day.isAfter(lastService)) {
                lastService = day;
            }
        }

        Run(Path path, ImportContext context) {
            this.path = path;
            this.context = context;
            this.log = context.log();
        }

        /** The top-level object, its START_OBJECT read. */
        void top(JsonParser p) throws IOException {
            Chat chat = new Chat("");
            List<String> chatsListed = new ArrayList<>();
            int[] chatsSeen = {0};
            boolean fullExport = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "guild", "channel" -> throw notTelegram(path, "import.telegram.discord-like", field);
                    case "chats", "left_chats" -> {
                        fullExport = true;
                        chatList(p, field, chatsListed, chatsSeen);
                    }
                    case "messages" -> {
                        chat.messages(p, this);
                    }
                    default -> {
                        if (!chat.field(p, field)) {
                            p.skipChildren();
                        }
                    }
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw ImportContext.malformed(path, "", "import.json.not-object");
            }
            if (chatRead) {
                return;
            }
            if (fullExport) {
                String id = context.options().id();
                                Note listed = chatsListed.isEmpty() ? Note.of("import.telegram.no-group-chat")
                        : Note.of("import.telegram.group-chats", String.join("; ", chatsListed)
                        + (chatsSeen[0] > chatsListed.size() ? "; …" : ""));
                if (id != null) {
                    throw ImportContext.malformed(path, "chats.list", "import.telegram.no-chat", id, listed);
                }
                throw ImportContext.malformed(path, "chats.list", "import.telegram.many-chats", listed);
            }
            throw notTelegram(path, "import.json.no-messages");
        }

        /** {@code chats} / {@code left_chats}: an object whose {@code list} holds chats. */
        void chatList(JsonParser p, String name, List<String> listed, int[] seen) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (!field.equals("list") || v != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                int k = 0;
                JsonToken item;
                while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (item != JsonToken.START_OBJECT) {
                        throw ImportContext.malformed(path, name + ".list[" + k + "]", "import.json.expected-chat");
                    }
                    Chat chat = new Chat(name + ".list[" + k + "]");
                    where = chat.prefix;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if (f.equals("messages") && chat.selected(context.options().id()) && !chatRead) {
                            chat.messages(p, this);
                        } else if (!chat.field(p, f)) {
                            p.skipChildren();
                        }
                    }
                    if (chat.type != null && chat.type.contains("group")) {
                        seen[0]++;
                        if (listed.size() < LISTED_CHATS) {
                            listed.add(chat.id + " \"" + chat.name + "\"");
                        }
                    }
                    where = "";
                    k++;
                }
            }
        }
    }

    /** One chat: its header fields, then its messages. */
    private static final class Chat {
        final String prefix;
        String name;
        String type;
        String id;

        Chat(String prefix) {
            this.prefix = prefix;
        }

        /** A header field; false when the field is not one of them (the caller skips it). */
        boolean field(JsonParser p, String field) throws IOException {
            JsonToken t = p.currentToken();
            boolean scalar = t.isScalarValue() && t != JsonToken.VALUE_NULL;
            switch (field) {
                case "name" -> name = scalar ? p.getText() : null;
                case "type" -> type = scalar ? p.getText() : null;
                case "id" -> id = scalar ? p.getText() : null;
                default -> {
                    return false;
                }
            }
            return true;
        }

        boolean selected(String wanted) {
            if (wanted == null || id == null) {
                return false;
            }
            return wanted.equals(id) || wanted.equals("telegram-" + id);
        }

        private String at(String what) {
            return prefix.isEmpty() ? what : prefix + "." + what;
        }

        /** The messages array (its START_ARRAY is the current token), one object at a time. */
        void messages(JsonParser p, Run run) throws IOException {
            Path path = run.path;
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw notTelegram(path, "import.json.messages-not-array");
            }
            if (id == null) {
                throw notTelegram(path, "import.telegram.no-id");
            }
            EventLog log = run.log;
            log.fact("id", "telegram-" + id, Note.field(at("id")));
            if (name != null) {
                log.fact("name", name, Note.field(at("name")));
            }
            log.fact("platform", Platform.TELEGRAM, Note.of("import.telegram.platform"));
            log.recordsJoins();
            log.recordsLeaves();
            log.joinsCountedAs(Note.of("import.telegram.joins"));
            log.unknownBecause("members.total", Note.of("import.telegram.no-members"));
            log.note(Note.of("import.telegram.bots"));
            if (type != null && NOT_GROUPS.contains(type)) {
                throw ImportContext.malformed(path, at("type"), "import.telegram.one-to-one", type);
            }
            if (type != null && type.contains("channel")) {
                log.note(Note.of("import.telegram.not-a-group", type));
            }
            int i = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                String where = at("messages[" + i + "]");
                run.where = where;
                if (t != JsonToken.START_OBJECT) {
                    throw ImportContext.malformed(path, where, "import.json.expected-message");
                }
                JsonNode m = Sources.MAPPER.readTree(p);
                message(m, where, run);
                i++;
            }
            run.where = prefix;
            run.chatRead = true;
            if (run.events == 0 && run.lastService != null) {
                // only service records: they date the chat (asOf, its first day)
                log.dated(run.firstService).dated(run.lastService);
                log.note(Note.of("import.telegram.service-only"));
            }
            if (run.invitedByName > 0) {
                log.note(Note.of("import.telegram.invited-by-name", run.invitedByName));
            }
            if (run.unixtimeOnly > 0) {
                log.note(Note.of("import.telegram.unixtime-only", run.unixtimeOnly));
            }
            if (run.bareIds > 0) {
                log.note(Note.of("import.telegram.bare-ids", run.bareIds));
            }
            if (run.unnamed > 0) {
                log.note(Note.of("import.telegram.unnamed-members", run.unnamed));
            }
        }

        private void message(JsonNode m, String where, Run run) {
            Path path = run.path;
            EventLog log = run.log;
            String kind = text(m, "type");
            if (!"message".equals(kind) && !"service".equals(kind)) {
                throw (kind == null ? ImportContext.malformed(path, where, "import.telegram.type-missing")
                        : ImportContext.malformed(path, where, "import.telegram.type-other", kind));
            }
            LocalDateTime time = time(m, where, run);
            String msgId = text(m, "id");
            Note file = Note.verbatim(path + " " + where);
            if (kind.equals("service")) {
                run.service(time);
                service(m, where, time, msgId, run);
                return;
            }
            String from = peer(m, "from_id", run);
            if (from == null) {
                log.skip("no sender", file);
                return;
            }
            String fromName = text(m, "from");
            String body = body(m.get("text"));
            if (body.isBlank() && !hasMedia(m)) {
                log.skip("empty", file);
                return;
            }
            remember(run, fromName, from);
            boolean official = itself(from);
            if (official) {
                log.groupItself(from);
                if (!run.groupItselfNoted) {
                    run.groupItselfNoted = true;
                    log.note(Note.of("import.telegram.group-itself", from));
                }
            }
            String replyTo = text(m, "reply_to_message_id");
            run.events++;
            log.add(new Event(id, time, msgId, from, fromName, Event.Kind.MESSAGE, replyTo, null, official, null,
                    null, body));
        }

        private void service(JsonNode m, String where, LocalDateTime time, String msgId, Run run) {
            EventLog log = run.log;
            Note file = Note.verbatim(run.path + " " + where);
            String action = text(m, "action");
            String actor = text(m, "actor");
            String actorId = peer(m, "actor_id", run);
            switch (action == null ? "" : action) {
                case "invite_members" -> {
                    boolean named = false;
                    for (String member : members(m, where, run)) {
                        String who;
                        Channel channel = Channel.INVITE;
                        if (member == null) {
                            run.unnamed++;
                            continue;
                        } else if (member.equals(actor) && actorId != null) {
                            who = actorId;
                            channel = null;
                        } else if (run.idsByName.containsKey(member)) {
                            who = run.idsByName.get(member);
                        } else {
                            who = "name:" + member;
                            run.invitedByName++;
                        }
                        named = true;
                        run.events++;
                        log.add(new Event(id, time, msgId, who, member, Event.Kind.JOIN, null, null, false, null,
                                channel, null));
                    }
                    if (!named) {
                        log.skip("service", file);
                    }
                }
                case "join_group_by_link", "join_group_by_request" -> {
                    remember(run, actor, actorId);
                    run.events++;
                    log.add(new Event(id, time, msgId, actorId, actor, Event.Kind.JOIN, null, null, false, null,
                            Channel.LINK, null));
                }
                case "remove_members" -> {
                    boolean named = false;
                    for (String member : members(m, where, run)) {
                        String who;
                        if (member == null) {
                            run.unnamed++;
                            continue;
                        } else if (member.equals(actor) && actorId != null) {
                            who = actorId;
                        } else {
                            who = run.idsByName.getOrDefault(member, "name:" + member);
                        }
                        named = true;
                        run.events++;
                        log.add(new Event(id, time, msgId, who, member, Event.Kind.LEAVE, null, null, false, null,
                                null, null));
                    }
                    if (!named) {
                        log.skip("service", file);
                    }
                }
                case "create_group" -> {
                    if (run.context.options().createdOn() == null) {
                        log.fact("createdOn", time.toLocalDate(), Note.of("import.telegram.created", where));
                    }
                    log.skip("service", file);
                }
                default -> log.skip("service", file);
            }
        }

        /**
         * A sender or actor id as one id whatever the export's year: the 2020 format wrote a bare number where
         * newer exports write {@code user<id>} (or {@code channel<id>} for the chat itself).
         */
        private String peer(JsonNode m, String field, Run run) {
            JsonNode v = m.get(field);
            if (v == null || v.isNull() || v.isContainerNode()) {
                return null;
            }
            String raw = v.asText().strip();
            if (v.isIntegralNumber() || (!raw.isEmpty() && raw.chars().allMatch(Character::isDigit))) {
                run.bareIds++;
                return raw.equals(id) ? "channel" + id : "user" + raw;
            }
            return raw;
        }

        /** Whether a sender id is the chat itself (an anonymous admin posting as the group). */
        private boolean itself(String from) {
            return from.equals("channel" + id) || from.equals("chat" + id);
        }

        private static List<String> members(JsonNode m, String where, Run run) {
            JsonNode list = m.get("members");
            if (list == null || list.isNull()) {
                return List.of();
            }
            if (!list.isArray()) {
                throw ImportContext.malformed(run.path, where + " members", "import.telegram.members-not-array");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode n : list) {
                out.add(n.isNull() || n.asText().isBlank() ? null : n.asText());
            }
            return out;
        }

        private static void remember(Run run, String name, String id) {
            if (name != null && id != null && !name.isBlank()) {
                run.idsByName.put(name, id);
            }
        }
    }

    private static LocalDateTime time(JsonNode m, String where, Run run) {
        Path path = run.path;
        ImportContext context = run.context;
        String date = text(m, "date");
        String unix = text(m, "date_unixtime");
        if (date == null && unix == null) {
            throw ImportContext.malformed(path, where, "import.telegram.no-date");
        }
        Instant instant = null;
        if (unix != null) {
            try {
                instant = ImportContext.epochSecond(Long.parseLong(unix.strip()));
            } catch (NumberFormatException | DateTimeException e) {
                throw ImportContext.malformed(path, where + " date_unixtime", "import.telegram.bad-unixtime", unix);
            }
        }
        if (date == null) {
            // only the instant: in --zone, else UTC (said in the report)
            if (context.options().zone() == null) {
                run.unixtimeOnly++;
            }
            return context.at(instant);
        }
        LocalDateTime written;
        try {
            written = LocalDateTime.parse(date);
        } catch (DateTimeException e) {
            throw ImportContext.malformed(path, where + " date", "import.telegram.bad-date", date);
        }
        return context.local(written, instant);
    }

    /** {@code text}: a string, or an array of strings and entity objects with their own {@code text}. */
    static String body(JsonNode text) {
        if (text == null || text.isNull()) {
            return "";
        }
        if (text.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode part : text) {
                if (part.isTextual()) {
                    b.append(part.asText());
                } else if (part.isObject() && part.path("text").isTextual()) {
                    b.append(part.get("text").asText());
                }
            }
            return b.toString();
        }
        return text.isValueNode() ? text.asText() : "";
    }

    private static boolean hasMedia(JsonNode m) {
        for (String f : MEDIA) {
            JsonNode v = m.get(f);
            if (v != null && !v.isNull()) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode m, String field) {
        JsonNode v = m.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return v.asText();
    }
}
