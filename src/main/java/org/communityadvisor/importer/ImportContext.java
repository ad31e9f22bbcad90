package org.communityadvisor.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.communityadvisor.ImportException;

/** One import's state: the options, a log per community, and the rows already finished or refused. */
final class ImportContext {
    private final Format format;
    private final ImportOptions options;
    private final String source;
    private final Map<String, EventLog> logs = new LinkedHashMap<>();
    private final List<Object> finished = new ArrayList<>();

    ImportContext(Format format, ImportOptions options, String source) {
        this.format = format;
        this.options = options;
        this.source = source;
    }

    ImportOptions options() {
        return options;
    }

    Format format() {
        return format;
    }

    /** The log of the one community of a single-community format. */
    EventLog log() {
        return log("");
    }

    /** The log of one community, made on first use. */
    EventLog log(String groupId) {
        return logs.computeIfAbsent(groupId, k -> new EventLog(format, options, source, k.isEmpty() ? null : k));
    }

    /** The log of one community of a many-community format, with options of its own (its group facts). */
    EventLog log(String groupId, ImportOptions groupOptions) {
        return logs.computeIfAbsent(groupId, k -> new EventLog(format, groupOptions, source, k));
    }

    Map<String, EventLog> logs() {
        return logs;
    }

    /** A row finished without a log (the sheet). */
    void finished(ImportedCommunity c) {
        finished.add(c);
    }

    /** A row or group refused; the others go on. */
    void rejected(ImportException e) {
        finished.add(e);
    }

    List<Object> finishedRows() {
        return finished;
    }

        /**
     * An error naming the file and the record, its reason the text of a catalog key ({@code import.}...) with its
     * arguments; throw it to refuse the whole file.
     */
    static ImportException malformed(Path file, String position, String key, Object... args) {
        return ImportException.of(file == null ? "" : file.toString(), position, key, args);
    }

    /** An error naming the file and the record, its reason a phrase of the catalog. */
    static ImportException malformed(Path file, String position, Note reason) {
        return malformed(file, position, reason.key(), reason.args().toArray());
    }

    private static final long FIRST = Instant.parse("0001-01-02T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-30T00:00:00Z").getEpochSecond();

    /** A time the export writes with an offset (or an instant): in --zone, else UTC. */
    LocalDateTime at(Instant instant) {
        return LocalDateTime.ofInstant(instant, options.zone() == null ? ZoneOffset.UTC : options.zone());
    }

    /**
     * Seconds since 1970 as an instant. A count far outside years 1 to 9999 (a corrupt field) is held at that
     * bound instead of overflowing: the event is then dated outside the years a snapshot holds, and skipped and
     * reported as such ({@link EventLog}).
     */
    static Instant epochSecond(long seconds) {
        return Instant.ofEpochSecond(Math.max(FIRST, Math.min(LAST, seconds)));
    }

    /** A time with an offset: in --zone, else UTC. */
    LocalDateTime at(OffsetDateTime time) {
        return at(time.toInstant());
    }

    /**
     * A time the export writes without an offset: as written (the exporter's wall clock). With --zone the
     * export's own instant, if it has one, is used instead (pass {@code null} when it has none).
     */
    LocalDateTime local(LocalDateTime asWritten, Instant instantIfAny) {
        if (options.zone() != null && instantIfAny != null) {
            return at(instantIfAny);
        }
        return asWritten;
    }
}
