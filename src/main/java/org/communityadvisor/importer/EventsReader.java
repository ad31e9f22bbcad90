package org.communityadvisor.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communityadvisor.Channel;
import org.communityadvisor.io.BoundedLines;
import org.communityadvisor.json.MergePatch;

/**
 * {@code events}: JSONL of platform events, one a line ({@code groupId}, {@code ts}, {@code senderId},
 * {@code kind}, optional {@code id}, {@code replyTo}, {@code thread}, {@code isOfficial}, {@code isAd},
 * {@code channel}, {@code senderName}, {@code text}); group facts from {@code --groups FILE.jsonl} (a partial
 * snapshot a line, keyed by {@code groupId}) and {@code --merge}.
 */
final class EventsReader implements FormatReader {
    static final Set<String> FIELDS = Set.of("groupId", "ts", "senderId", "kind", "id", "replyTo", "thread",
            "isOfficial", "isAd", "channel", "senderName", "text");
    /** Where each group's id comes from: one note for all of them (a file may hold 200,000 groups). */
    private static final Note FROM_GROUP_ID = Note.field("groupId");

    @Override
    public void read(List<Path> paths, ImportContext context) throws IOException {
        Map<String, ObjectNode> groups = context.options().groups() == null ? Map.of()
                : groups(context.options().groups());
        // the context's logs, looked up there: a second map of 200,000 groups would be their own cost
        Map<String, EventLog> logs = context.logs();
        for (Path path : paths) {
            try (java.io.InputStream in = Sources.open(path)) {
                BoundedLines lines = Sources.lines(in);
                BoundedLines.Line read;
                while ((read = lines.next()) != null) {
                    String line = Sources.text(path, read);
                    int n = (int) read.number();
                    if (line.isBlank()) {
                        continue;
                    }
                    String where = "line " + n;
                    JsonNode e = parse(path, where, line);
                    String groupId = text(path, where, e, "groupId", true);
                    EventLog log = logs.get(groupId);
                    if (log == null) {
                        String g = groupId;
                        ObjectNode facts = groups.get(g);
                        ImportOptions o = context.options();
                        if (facts != null) {
                            JsonNode merge = o.merge() == null ? facts : MergePatch.apply(facts, o.merge());
                            o = o.toBuilder().merge(merge).build();
                        }
                        log = context.log(g, o);
                        log.fact("id", g, FROM_GROUP_ID);
                    }
                    Event event = event(path, where, e, groupId, context);
                    if (event == null) {
                        log.skip(text(path, where, e, "kind", true), Note.of("import.at.line", path, n));
                    } else {
                        log.add(event);
                    }
                }
            }
        }
        if (logs.isEmpty()) {
            throw ImportContext.malformed(paths.get(0), "", "import.events.none");
        }
    }

    private static JsonNode parse(Path path, String where, String line) {
        JsonNode e;
        try {
            e = Sources.MAPPER.readTree(line);
        } catch (JacksonException ex) {
            throw ImportContext.malformed(path, where, "import.json.not-object-because", Problems.of(ex));
        } catch (IOException ex) {
            throw ImportContext.malformed(path, where, "import.unreadable");
        }
        if (e == null || !e.isObject()) {
            throw ImportContext.malformed(path, where, "import.json.not-object");
        }
        e.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw ImportContext.malformed(path, where, "import.events.unknown-field", f,
                        String.join(", ", FIELDS.stream().sorted().toList()));
            }
        });
        return e;
    }

    private static Event event(Path path, String where, JsonNode e, String groupId, ImportContext context) {
        String kindText = text(path, where, e, "kind", true);
        Event.Kind kind;
        try {
            kind = Event.Kind.valueOf(kindText.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException x) {
            kind = null;
        }
        String tsText = text(path, where, e, "ts", true);
        LocalDateTime time;
        try {
            time = context.at(OffsetDateTime.parse(tsText, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeException x) {
            throw ImportContext.malformed(path, where + " ts", "import.events.bad-ts", tsText);
        }
        if (kind == null || kind == Event.Kind.OTHER || kind == Event.Kind.PIN) {
            return null;
        }
        String sender = text(path, where, e, "senderId", true);
        Channel channel = null;
        String channelText = text(path, where, e, "channel", false);
        if (channelText != null) {
            channel = Enums.byJson(Channel.class, channelText).orElseThrow(() -> ImportContext.malformed(path,
                    where + " channel", "import.events.bad-channel", channelText, Enums.names(Channel.class)));
        }
        return new Event(groupId, time, text(path, where, e, "id", false), sender,
                text(path, where, e, "senderName", false), kind, text(path, where, e, "replyTo", false),
                text(path, where, e, "thread", false), bool(path, where, e, "isOfficial") == Boolean.TRUE,
                bool(path, where, e, "isAd"), channel, text(path, where, e, "text", false));
    }

    private static String text(Path path, String where, JsonNode e, String field, boolean required) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ImportContext.malformed(path, where, "import.json.missing", field);
            }
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        throw ImportContext.malformed(path, where + " " + field, "import.json.expected-text-got", v.getNodeType()
                .name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Boolean bool(Path path, String where, JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ImportContext.malformed(path, where + " " + field, "import.json.expected-boolean");
        }
        return v.asBoolean();
    }

    /** {@code --groups FILE.jsonl}: one partial snapshot a line, with its {@code groupId}. */
    static Map<String, ObjectNode> groups(Path file) throws IOException {
        Map<String, ObjectNode> out = new HashMap<>();
        try (java.io.InputStream in = Sources.open(file)) {
            BoundedLines lines = Sources.lines(in);
            BoundedLines.Line read;
            while ((read = lines.next()) != null) {
                String line = Sources.text(file, read);
                long n = read.number();
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Sources.MAPPER.readTree(line);
                } catch (JacksonException ex) {
                    throw ImportContext.malformed(file, "line " + n, "import.json.not-object-because", Problems.of(ex));
                }
                if (node == null || !node.isObject() || !node.path("groupId").isTextual()) {
                    throw ImportContext.malformed(file, "line " + n, "import.events.no-group-id");
                }
                ObjectNode facts = ((ObjectNode) node).deepCopy();
                String id = facts.remove("groupId").asText();
                if (out.put(id, facts) != null) {
                    throw ImportContext.malformed(file, "line " + n, "import.events.group-twice", id);
                }
            }
        }
        return out;
    }
}
