package org.communityadvisor.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
        List<ImportedCommunity> built = new ArrayList<>();
        List<ImportException> rejected = read(format, paths, options, built::add);
        return new ImportResult(built, rejected);
    }

    /**
     * {@link #read(Format, List, ImportOptions)}, handing each community to {@code each} as soon as it is built
     * and forgetting it (and its log) then: an import of many communities (200,000 groups of the events) holds
     * their logs while reading, never their snapshots and reports together. Returns the refused rows or groups.
     * A malformed file is thrown before any community is handed out.
     */
    public static List<ImportException> read(Format format, List<Path> paths, ImportOptions options,
            Consumer<ImportedCommunity> each) {
        if (paths == null || paths.isEmpty()) {
            throw ImportException.of("", "", "import.no-file", format.id());
        }
        ImportOptions o = options == null ? ImportOptions.defaults() : options;
        String source = format.id() + " " + paths.stream().map(Path::toString).collect(Collectors.joining(", "));
        ImportContext context = new ImportContext(format, o, source);
        try {
            format.reader().read(paths, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean many = format == Format.EVENTS;
        List<ImportedCommunity> single = new ArrayList<>();
        List<ImportException> rejected = new ArrayList<>();
        Consumer<ImportedCommunity> out = many ? each : single::add;
        for (Object row : context.finishedRows()) {
            if (row instanceof ImportedCommunity c) {
                out.accept(c);
            } else {
                rejected.add((ImportException) row);
            }
        }
        context.finishedRows().clear();
        for (Iterator<Map.Entry<String, EventLog>> it = context.logs().entrySet().iterator(); it.hasNext(); ) {
            EventLog log = it.next().getValue();
            it.remove();
            try {
                out.accept(log.finish());
            } catch (ImportException ex) {
                if (!many) {
                    throw ex;
                }
                rejected.add(ex);
            }
        }
        single.forEach(each);
        return rejected;
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
