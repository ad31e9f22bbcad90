package org.communityadvisor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.SnapshotReader;

/**
 * JSON in and out, exactly as the contract writes it: snapshots read strictly (every error names its JSON
 * path), advice and snapshots written with ISO dates. Immutable and thread-safe; all methods are static.
 *
 * <pre>{@code
 * Snapshot snapshot = AdviceJson.readSnapshot(text);      // InvalidSnapshotException names the paths at fault
 * String json = AdviceJson.write(advisor.advise(snapshot));
 * }</pre>
 *
 * An application that writes these types with its own {@code ObjectMapper} registers {@link #module()}.
 */
public final class AdviceJson {
    private static final ObjectWriter WRITER = Json.MAPPER.writer();

    private AdviceJson() {
    }

    /**
     * Reads and validates one snapshot (schema version 1): no coercion, no unknown fields, no duplicate keys,
     * every rule of the contract checked. Throws {@link InvalidSnapshotException} with every path and reason.
     */
    public static Snapshot readSnapshot(String json) {
        return SnapshotReader.read(json);
    }

    /** The advice as the contract's JSON object, on one line. */
    public static String write(Advice advice) {
        return write((Object) advice);
    }

    /**
     * The advice for machines, on one line: ids, severities, ranks, evidence, suppressions, focus, scores, data
     * gaps, the rules' version and the profile's name; no texts and no threshold table (render texts from
     * {@code ./advisor rules --format json} or {@link Advisor#rules()}). About a fifth of {@link #write(Advice)}.
     * Written straight from the advice with a streaming generator.
     */
    public static String writeLean(Advice advice) {
        java.io.StringWriter out = new java.io.StringWriter(512);
        try (com.fasterxml.jackson.core.JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            writeLean(advice, g);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the advice", e);
        }
        return out.toString();
    }

    /** The lean advice written to an application's own generator (e.g. straight to a socket). */
    public static void writeLean(Advice advice, com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
        g.writeStartObject();
        g.writeStringField("communityId", advice.communityId());
        g.writeStringField("asOf", advice.asOf().toString());
        g.writeStringField("stage", advice.stage().json());
        g.writeArrayFieldStart("recommendations");
        for (Advice.Recommendation r : advice.recommendations()) {
            g.writeStartObject();
            g.writeNumberField("rank", r.rank());
            g.writeStringField("id", r.id());
            g.writeStringField("severity", r.severity().json());
            g.writeObjectFieldStart("evidence");
            for (java.util.Map.Entry<String, Object> e : r.evidence().entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("suppressed");
        for (Advice.Suppression x : advice.suppressed()) {
            g.writeStartObject();
            g.writeStringField("id", x.id());
            g.writeStringField("by", x.by());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("focus");
        for (String f : advice.focus()) {
            g.writeString(f);
        }
        g.writeEndArray();
        Scores sc = advice.scores();
        g.writeObjectFieldStart("scores");
        score(g, "overall", sc.overall());
        score(g, "activity", sc.activity());
        score(g, "participation", sc.participation());
        score(g, "growth", sc.growth());
        score(g, "conversion", sc.conversion());
        score(g, "loyalty", sc.loyalty());
        score(g, "influence", sc.influence());
        if (!sc.change().isEmpty()) {
            g.writeObjectFieldStart("change");
            for (java.util.Map.Entry<String, Integer> e : sc.change().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("dataGaps");
        for (String gap : advice.dataGaps()) {
            g.writeString(gap);
        }
        g.writeEndArray();
        g.writeStringField("rulesVersion", advice.rulesVersion());
        g.writeStringField("profile", advice.profile().name());
        g.writeEndObject();
    }

    private static void score(com.fasterxml.jackson.core.JsonGenerator g, String name, Integer value)
            throws java.io.IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void writeValue(com.fasterxml.jackson.core.JsonGenerator g, Object v) throws java.io.IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof String str) {
            g.writeString(str);
        } else if (v instanceof Labelled l) {
            g.writeString(l.json());
        } else {
            g.writeObject(v);
        }
    }

    /** The snapshot as the contract's JSON object, on one line (unknown values left out). */
    public static String write(Snapshot snapshot) {
        return write((Object) snapshot);
    }

    /**
     * A Jackson module for an application's own {@code ObjectMapper}: dates as ISO {@code yyyy-MM-dd}, read
     * strictly, so {@link Advice} and {@link Snapshot} write and read as the contract says.
     */
    public static Module module() {
        return Json.datesModule();
    }

    private static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
