package org.communityadvisor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.communityadvisor.json.InputReader;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.SnapshotReader;
import org.communityadvisor.json.SnapshotSchema;

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

    /** The order of the lean advice's {@code scores} array. */
    public static final java.util.List<String> LEAN_SCORES = java.util.List.of("overall", "activity", "participation",
            "growth", "conversion", "loyalty", "influence", "operations");

    private AdviceJson() {
    }

    /**
     * Reads and validates one snapshot (schema version 1): no coercion, no unknown fields, no duplicate keys,
     * every rule of the contract checked. Throws {@link InvalidSnapshotException} with every path and reason.
     */
    public static Snapshot readSnapshot(String json) {
        return SnapshotReader.read(json);
    }

    /**
     * Reads what a consultant hands the advisor: a bare snapshot as {@link #readSnapshot(String)} reads it, or a
     * scenario file (a description, a base snapshot, expectations, variants), whose base snapshot it returns.
     * Errors name paths from the document's root.
     */
    public static Snapshot readInput(String json) {
        return InputReader.read(json);
    }

    /** The snapshot's JSON Schema (draft 2020-12), with the catalog ids of the bundled rules. */
    public static String snapshotSchema() {
        return SnapshotSchema.text();
    }

    /** The advice as the contract's JSON object, on one line. */
    public static String write(Advice advice) {
        return write((Object) advice);
    }

    /**
     * The advice for machines, on one line: ids, severities, ranks, evidence, suppressions, focus, scores, data
     * gaps, the rules' version and the profile's name; no texts and no threshold table (render texts from
     * {@code ./advisor rules --format json} or {@link Advisor#rules()}). {@code suppressed} ({@code [id, by]} pairs) and
     * {@code dataGaps} are left out when empty; {@code scores} is the array {@link #LEAN_SCORES} (then
     * {@code scoreChange} as in the full advice, when there is history). Each recommendation is a tuple
     * {@code [rank, id, severity, [evidence values]]}, the values in the order of the rule's evidence names
     * ({@link Rules.Rule#evidence()}), which are the same in every advice. About a tenth of {@link #write(Advice)}.
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
        if (!advice.dataWarnings().isEmpty()) {
            // the paths of values to check (their reasons are texts: in the full advice); left out when none
            g.writeArrayFieldStart("dataWarnings");
            for (Advice.DataWarning w : advice.dataWarnings()) {
                g.writeString(w.path());
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("recommendations");
        for (Advice.Recommendation r : advice.recommendations()) {
            // one tuple a recommendation: [rank, id, severity, [evidence values]] and, when it names likely causes,
            // [cause ids]; the values come in the order of the rule's evidence names (Rules.Rule#evidence(),
            // ./advisor rules --format json)
            g.writeStartArray();
            g.writeNumber(r.rank());
            g.writeString(r.id());
            g.writeString(r.severity().json());
            g.writeStartArray();
            for (Object v : r.evidence().values()) {
                writeValue(g, v);
            }
            g.writeEndArray();
            if (!r.causes().isEmpty()) {
                g.writeStartArray();
                for (String c : r.causes()) {
                    g.writeString(c);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        if (!advice.suppressed().isEmpty()) {
            // [id, held back by]; left out when nothing is held back
            g.writeArrayFieldStart("suppressed");
            for (Advice.Suppression x : advice.suppressed()) {
                g.writeStartArray();
                g.writeString(x.id());
                g.writeString(x.by());
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("focus");
        for (String f : advice.focus()) {
            g.writeString(f);
        }
        g.writeEndArray();
        Scores sc = advice.scores();
        // [overall, activity, participation, growth, conversion, loyalty, influence, operations] (LEAN_SCORES),
        // null = unknown
        g.writeArrayFieldStart("scores");
        for (Integer v : new Integer[] {sc.overall(), sc.activity(), sc.participation(), sc.growth(), sc.conversion(),
                sc.loyalty(), sc.influence(), sc.operations()}) {
            if (v == null) {
                g.writeNull();
            } else {
                g.writeNumber(v);
            }
        }
        g.writeEndArray();
        if (!sc.change().isEmpty()) {
            g.writeObjectFieldStart("scoreChange");
            for (java.util.Map.Entry<String, Integer> e : sc.change().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        if (!advice.dataGaps().isEmpty()) {
            g.writeArrayFieldStart("dataGaps");
            for (String gap : advice.dataGaps()) {
                g.writeString(gap);
            }
            g.writeEndArray();
        }
        g.writeStringField("rulesVersion", advice.rulesVersion());
        g.writeStringField("profile", advice.profile().name());
        g.writeEndObject();
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
