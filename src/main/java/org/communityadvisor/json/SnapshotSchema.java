package org.communityadvisor.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Facts about the snapshot the whole advisor shares: every field path (from the snapshot model, the records),
 * and the catalog ids accepted in {@code acknowledged[].id} (from the JSON Schema generated at build time from
 * the bundled rules, {@code org/communityadvisor/schema/snapshot.schema.json} in the jar).
 */
public final class SnapshotSchema {
    /** Where the generated schema lives on the classpath. */
    public static final String RESOURCE = "org/communityadvisor/schema/snapshot.schema.json";
    private static final String IDS_POINTER = "/$defs/catalogId/enum";

    private SnapshotSchema() {
    }

    /** Every catalog id, in schema order (read when first needed: the build step writes the schema itself). */
    public static Set<String> catalogIds() {
        return Ids.IDS;
    }

    /** Every field path of the snapshot, dotted ({@code members.total}); arrays by their own name. */
    public static Set<String> paths() {
        return SnapshotModel.paths();
    }

    /** The generated schema's text, as other systems get it. */
    public static String text() {
        try (InputStream in = SnapshotSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath (it is written by the build)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Ids {
        static final Set<String> IDS = load();

        private static Set<String> load() {
            JsonNode ids;
            try {
                ids = Json.MAPPER.readTree(text()).at(IDS_POINTER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!ids.isArray() || ids.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " has no id list at " + IDS_POINTER);
            }
            Set<String> out = new LinkedHashSet<>();
            ids.forEach(n -> out.add(n.asText()));
            return Collections.unmodifiableSet(out);
        }
    }
}
