package org.communityadvisor.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.communityadvisor.ImportException;

/**
 * Real data in: snapshots from chat exports, platform statistics and a consultant's sheet ({@code IMPORT.md}).
 *
 * <pre>{@code
 * ImportResult r = Importer.read(Format.TELEGRAM, List.of(Path.of("result.json")),
 *         ImportOptions.builder().members(140).build());
 * Snapshot s = r.communities().get(0).snapshot();          // validated, ready for Advisor.advise
 * r.communities().get(0).report().fields();                // counted, given, estimated or unknown, each
 * }</pre>
 *
 * Message logs are read in one pass and never held whole (see {@link EventLog}). Stateless and thread-safe:
 * each call has its own state.
 */
public final class Importer {
    private Importer() {
    }

    /**
     * Reads the files of one format. A file that is not the format, or a malformed record, refuses the import
     * ({@link ImportException} naming file and record); for the formats with many communities (sheet, events) a
     * bad row or group is listed in {@link ImportResult#rejected()} and the others are kept.
     *
     * @throws ImportException      the data cannot be read as the format, or lacks a required field no option gave
     * @throws UncheckedIOException a file cannot be read at all
     */
    public static ImportResult read(Format format, List<Path> paths, ImportOptions options) {
        if (paths == null || paths.isEmpty()) {
            throw new ImportException("", "", "no file given for " + format.id());
        }
        ImportOptions o = options == null ? ImportOptions.defaults() : options;
        String source = format.id() + " " + paths.stream().map(Path::toString).collect(Collectors.joining(", "));
        ImportContext context = new ImportContext(format, o, source);
        try {
            format.reader().read(paths, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ImportedCommunity> built = new ArrayList<>();
        List<ImportException> rejected = new ArrayList<>();
        for (Object row : context.finishedRows()) {
            if (row instanceof ImportedCommunity c) {
                built.add(c);
            } else {
                rejected.add((ImportException) row);
            }
        }
        boolean many = format == Format.EVENTS;
        for (Map.Entry<String, EventLog> e : context.logs().entrySet()) {
            try {
                built.add(e.getValue().finish());
            } catch (ImportException ex) {
                if (!many) {
                    throw ex;
                }
                rejected.add(ex);
            }
        }
        return new ImportResult(built, rejected);
    }

    /**
     * A log to feed a community's events from a platform's own store ({@link EventLog#add(Event)}), then
     * {@link EventLog#finish()}. Group facts come from the options ({@code platform}, {@code members},
     * {@code createdOn}) or their merge patch; the id defaults to {@code groupId}.
     */
    public static EventLog log(String groupId, ImportOptions options) {
        ImportOptions o = options == null ? ImportOptions.defaults() : options;
        EventLog log = new EventLog(Format.EVENTS, o, "events group " + groupId);
        log.fact("id", groupId, Note.field("groupId"));
        return log;
    }

    private static final java.util.regex.Pattern ID_CHARS = java.util.regex.Pattern.compile("[^A-Za-z0-9._-]+");

    /**
     * A snapshot id from an id in the data ({@code 12345@chatroom} → {@code 12345-chatroom}): characters a
     * snapshot id may not hold become {@code -}, at most 128 of them. The fleet job names groups the same way.
     */
    public static String snapshotId(String raw) {
        String id = ID_CHARS.matcher(raw.strip()).replaceAll("-");
        id = id.replaceAll("^-+|-+$", "");
        if (id.isEmpty()) {
            id = "community";
        }
        return id.length() > 128 ? id.substring(0, 128) : id;
    }
}
