package org.communityadvisor.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads one format into the import's {@link ImportContext}: events and facts into logs, or finished rows. */
interface FormatReader {
    void read(List<Path> paths, ImportContext context) throws IOException;
}
