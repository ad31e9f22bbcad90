package org.communityadvisor.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.communityadvisor.ImportException;

/** Placeholder while the reader is written. */
final class SlackAnalyticsReader implements FormatReader {
    @Override
    public void read(List<Path> paths, ImportContext context) throws IOException {
        throw new ImportException("", "", Format.SLACK_ANALYTICS.id() + ": not readable yet");
    }
}
