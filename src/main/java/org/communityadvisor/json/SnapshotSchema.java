package org.communityadvisor.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Facts read from the bundled JSON Schema of the snapshot ({@code schema/snapshot.schema.json}), the one place
 * other systems validate against: the catalog ids accepted in {@code acknowledged[].id}, and every field path.
 */
public final class SnapshotSchema {
    static final String RESOURCE = "org/communityadvisor/schema/snapshot.schema.json";
    private static final String IDS_POINTER = "/properties/acknowledged/items/properties/id/enum";
    private static final JsonNode SCHEMA = load();
    private static final Set<String> IDS = catalogIds(SCHEMA);
    private static final Set<String> PATHS = paths(SCHEMA);

    private SnapshotSchema() {
    }

    /** Every catalog id, in schema order. */
    public static Set<String> catalogIds() {
        return IDS;
    }

    /** Every field path of the snapshot, dotted ({@code members.total}); arrays by their own name. */
    public static Set<String> paths() {
        return PATHS;
    }

    private static JsonNode load() {
        try (InputStream in = SnapshotSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> catalogIds(JsonNode schema) {
        JsonNode ids = schema.at(IDS_POINTER);
        if (!ids.isArray() || ids.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no id list at " + IDS_POINTER);
        }
        Set<String> out = new LinkedHashSet<>();
        ids.forEach(n -> out.add(n.asText()));
        return Collections.unmodifiableSet(out);
    }

    private static Set<String> paths(JsonNode schema) {
        Set<String> out = new LinkedHashSet<>();
        collect(schema, "", out);
        return Collections.unmodifiableSet(out);
    }

    private static void collect(JsonNode node, String prefix, Set<String> out) {
        JsonNode props = node.path("properties");
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) props::fields) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            out.add(path);
            if (e.getValue().has("properties")) {
                collect(e.getValue(), path, out);
            }
        }
    }
}
