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
    private InputReader() {
    }

    /** The snapshot in a JSON document, validated; errors name paths from the document's root. */
    public static Snapshot read(String text) {
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
