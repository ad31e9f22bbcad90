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
