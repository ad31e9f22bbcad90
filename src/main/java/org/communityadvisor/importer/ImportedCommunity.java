package org.communityadvisor.importer;

import com.fasterxml.jackson.databind.JsonNode;
import org.communityadvisor.Snapshot;

/**
 * One community an importer built: the validated snapshot, its JSON (exactly what {@code ./advisor import}
 * prints), and the report of how each field was obtained.
 */
public record ImportedCommunity(Snapshot snapshot, JsonNode json, ImportReport report) {
    public ImportedCommunity {
        json = json.deepCopy();
    }

    /** The snapshot's JSON (a copy). */
    @Override
    public JsonNode json() {
        return json.deepCopy();
    }
}
