package org.communityadvisor.importer;

import java.time.LocalDate;
import org.communityadvisor.importer.derive.Accumulation;
import org.communityadvisor.importer.derive.SnapshotAssembly;

/**
 * One community's data on its way to a snapshot, as {@code IMPORT.md} derives it: feed it events (in time order
 * within each thread) and what the format states, then {@link #finish()} builds the snapshot and the report. The
 * steps live in {@code importer.derive}: {@link Accumulation} (one pass, memory bounded by the community, not by the
 * length of its log), {@link org.communityadvisor.importer.derive.Windows} (the figures of the days ending asOf),
 * {@link SnapshotAssembly} (the snapshot and its report).
 *
 * <p>Not thread-safe: one log per community, fed by one thread. Platforms with their own event store feed
 * {@link Event}s from {@link Importer#log(String, ImportOptions)}.
 */
public final class EventLog {
    /** The id prefix of a member a join notice names only by display name (Telegram invites, WeChat notices). */
    public static final String NAMED = Accumulation.NAMED;
    /** The kind of skipped record dated before 1990 or after 2099. */
    public static final String OUT_OF_RANGE = Accumulation.OUT_OF_RANGE;

    private final Format format;
    private final ImportOptions options;
    private final String source;
    /** The group of a many-community source ({@code null}: the source's one community), named on finishing. */
    private final String group;
    private final Accumulation data;

    EventLog(Format format, ImportOptions options, String source) {
        this(format, options, source, null);
    }

    EventLog(Format format, ImportOptions options, String source, String group) {
        this.format = format;
        this.options = options == null ? ImportOptions.defaults() : options;
        this.source = source;
        this.group = group;
        this.data = new Accumulation(this.options.asOf(), format.isMessageLog(), this.options.official());
    }

    // ---- what readers tell the log ------------------------------------------------------------------------------

    /** A value the data states (read, not estimated), with where it comes from. */
    public EventLog fact(String path, Object value, Note from) {
        data.fact(path, value, ImportReport.How.COUNTED, from);
        return this;
    }

    /** A value estimated from the data, with how. */
    public EventLog estimate(String path, Object value, Note how) {
        data.fact(path, value, ImportReport.How.ESTIMATED, how);
        return this;
    }

    /** Why a field stays unknown for this format (shown in the report). */
    public EventLog unknownBecause(String path, Note why) {
        data.unknownBecause(path, why);
        return this;
    }

    /** The format records joins (so {@code members.joined7d} is counted, not unknown). */
    public EventLog recordsJoins() {
        data.recordsJoins();
        return this;
    }

    /** What the format's joins are, for the report of {@code members.joined7d} (e.g. a lower bound). */
    public EventLog joinsCountedAs(Note how) {
        data.joinsCountedAs(how);
        return this;
    }

    /** The format records leaves (so {@code members.left7d} is counted, not unknown). */
    public EventLog recordsLeaves() {
        data.recordsLeaves();
        return this;
    }

    /** A sender id that speaks for the group (from the format's admins or owner). */
    public EventLog official(String senderId) {
        data.official(senderId);
        return this;
    }

    /** A sender id that is the group itself: its messages are official posts, and it is never a member. */
    public EventLog groupItself(String senderId) {
        data.groupItself(senderId);
        return this;
    }

    /** Anything else the reader of the report should know. */
    public EventLog note(Note note) {
        data.note(note);
        return this;
    }

    /** A record that is not a member's message: {@code bot}, {@code service}, {@code empty}... */
    public EventLog skip(String what, Note where) {
        data.skip(what, where);
        return this;
    }

    /** A day the data holds though no event is on it (see {@link Accumulation#dated}). */
    public EventLog dated(LocalDate day) {
        data.dated(day);
        return this;
    }

    /** One day of the platform's own statistics. */
    public EventLog day(LocalDate day, DayFigures f) {
        data.day(day, f);
        return this;
    }

    /** One event; within a thread, events should come in time order (others are counted, and reported). */
    public void add(Event e) {
        data.add(e);
    }

    // ---- the snapshot ---------------------------------------------------------------------------------------------

    /**
     * Builds the snapshot and its report. Refuses (naming the option to give) when a required field is neither
     * in the data nor given, and when the result breaks the snapshot contract.
     */
    public ImportedCommunity finish() {
        return SnapshotAssembly.assemble(data, format.id(), options, source());
    }

    /**
     * The snapshot on {@code asOf}, a day not after the options' asOf: one log gives the snapshots of several days
     * (the fleet job's asOf days) from one pass over the events up to the last of them.
     */
    public ImportedCommunity finish(LocalDate asOf) {
        if (options.asOf() == null || asOf.isAfter(options.asOf())) {
            throw new IllegalArgumentException("asOf " + asOf + " is after the log's --as-of " + options.asOf());
        }
        return SnapshotAssembly.assemble(data, format.id(), options, source(), asOf);
    }

    /** Where the community comes from, as refusals name it: the file, and its group in a many-community file. */
    private String source() {
        return group == null ? source : source + " group " + group;
    }
}
