package org.communityadvisor.importer;

import java.util.List;
import org.communityadvisor.ImportException;

/**
 * What an import produced: the communities it built, and those it refused (a bad row of a sheet, a group of
 * the events without its facts), each naming file and record. A malformed file refuses the whole import
 * instead ({@link ImportException} thrown).
 */
public record ImportResult(List<ImportedCommunity> communities, List<ImportException> rejected) {
    public ImportResult {
        communities = List.copyOf(communities);
        rejected = List.copyOf(rejected);
    }
}
