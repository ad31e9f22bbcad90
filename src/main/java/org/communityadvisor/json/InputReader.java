package org.communityadvisor.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Snapshot;
import org.communityadvisor.ValidationError;

/**
 * Reads what a consultant hands the command line: a bare snapshot, or a scenario file whose base snapshot is
 * advised (see {@link org.communityadvisor.Scenario}).
 */
public final class InputReader {
    private static final java.util.Set<String> SCENARIO_FIELDS = java.util.Set.of("description", "snapshot", "expect",
            "variants");

    private InputReader() {
    }

    /** The snapshot in a JSON document, validated; errors name paths from the document's root. */
    public static Snapshot read(String text) {
        // Most documents are bare snapshots: read them straight into the records (one pass); only a document
        // refused for a scenario's own top-level field is read again as a tree to take its base snapshot.
        try {
            return SnapshotReader.read(text);
        } catch (InvalidSnapshotException e) {
            if (e.errors().stream().noneMatch(x -> SCENARIO_FIELDS.contains(x.path()))) {
                throw e;
            }
        }
        JsonNode root = SnapshotReader.tree(text);
        if (isScenario(root)) {
            return org.communityadvisor.Scenario.read(root).base();
        }
        return SnapshotReader.read(root, "");
    }

    /** A scenario wraps its snapshot; a snapshot has a schemaVersion at the top. */
    public static boolean isScenario(JsonNode root) {
        return root.isObject() && root.has("snapshot") && !root.has("schemaVersion");
    }
}
