package org.communityadvisor.importer.derive;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communityadvisor.Channel;
import org.communityadvisor.ImportException;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Platform;
import org.communityadvisor.Snapshot;
import org.communityadvisor.SnapshotActivityBuilder;
import org.communityadvisor.SnapshotBuilder;
import org.communityadvisor.SnapshotMembersBuilder;
import org.communityadvisor.importer.ImportOptions;
import org.communityadvisor.importer.ImportReport;
import org.communityadvisor.importer.ImportedCommunity;
import org.communityadvisor.importer.Importer;
import org.communityadvisor.importer.Note;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.MergePatch;
import org.communityadvisor.json.SnapshotModel;
import org.communityadvisor.json.SnapshotReader;

/**
 * The last step of the derivation, the one place a snapshot is built from counted data: the {@link Windows} of an
 * {@link Accumulation} become the snapshot's fields with {@link Snapshot#builder()}, each with how it was obtained
 * in the report; the merge patch (what only the operator knows) is laid over it, and the result is read and
 * validated as any snapshot. The importer's message-log and statistics formats and the Spark fleet job all end
 * here.
 */
public final class SnapshotAssembly {
    /** Fewer messages than this in the 30 days ending asOf leave {@code activity.peakHour} unknown. */
    public static final int PEAK_HOUR_MIN_MESSAGES = 20;
    private final Accumulation a;
    private final String format;
    private final ImportOptions options;
    private final String source;
    private final Report report = new Report();
    private final List<Note> notes;

    private SnapshotAssembly(Accumulation a, String format, ImportOptions options, String source) {
        this.a = a;
        this.format = format;
        this.options = options;
        this.source = source;
        this.notes = new ArrayList<>(a.notes);
    }

    /**
     * The snapshot of {@code a} and its report, on {@code --as-of} or else the day of the last event. Refuses
     * (naming the option to give) when a required field is neither in the data nor given, and when the result
     * breaks the snapshot contract.
     *
     * @param format the format's id, for the refusals
     */
    public static ImportedCommunity assemble(Accumulation a, String format, ImportOptions options, String source) {
        return new SnapshotAssembly(a, format, options, source).build(options.asOf());
    }

    /**
     * The snapshot of {@code a} on {@code asOf} (not after the accumulation's cut): one accumulation gives the
     * snapshots of several days, as the fleet job builds them. The report's people (with {@code --people}) have
     * their joins and leaves as of the last day read.
     */
    public static ImportedCommunity assemble(Accumulation a, String format, ImportOptions options, String source,
            LocalDate asOf) {
        return new SnapshotAssembly(a, format, options, source).build(asOf);
    }

    private ImportedCommunity build(LocalDate givenAsOf) {
        LocalDate asOf = givenAsOf;
        if (asOf != null) {
            report.put("asOf", asOf.toString(), ImportReport.How.GIVEN, Note.option("--as-of"));
        } else if (a.lastDay != null) {
            asOf = a.lastDay;
            report.put("asOf", asOf.toString(), ImportReport.How.ESTIMATED, Note.of("import.as-of-last-event"));
        } else {
            throw refuse("asOf", "import.need.as-of");
        }
        Windows w = Windows.of(a, asOf);
        LocalDate from7 = asOf.minusDays(6);
        SnapshotBuilder s = Snapshot.builder();

        String id = options.id();
        if (id != null) {
            report.put("id", id, ImportReport.How.GIVEN, Note.option("--id"));
        } else if (merged("id") != null) {
            id = merged("id").asText();
        } else if (a.facts.containsKey("id")) {
            Accumulation.Fact f = a.facts.get("id");
            id = Importer.snapshotId(String.valueOf(f.value()));
            report.put("id", id, f.how(), f.note());
        } else {
            throw refuse("id", "import.need.id");
        }
        s.id(id);

        String name = options.name();
        if (name != null) {
            report.put("name", name, ImportReport.How.GIVEN, Note.option("--name"));
        } else if (a.facts.containsKey("name")) {
            Accumulation.Fact f = a.facts.get("name");
            name = String.valueOf(f.value());
            if (name.length() > 200) {
                name = name.substring(0, 200);
            }
            report.put("name", name, f.how(), f.note());
        }
        s.name(name);

        Platform platform = options.platform();
        if (platform != null) {
            report.put("platform", platform.json(), ImportReport.How.GIVEN, Note.option("--platform"));
        } else if (a.facts.containsKey("platform")) {
            Accumulation.Fact f = a.facts.get("platform");
            platform = (Platform) f.value();
            report.put("platform", platform.json(), f.how(), f.note());
        } else if (merged("platform") == null) {
            throw refuse("platform", "import.need.platform");
        }
        s.platform(platform);

        LocalDate createdOn = options.createdOn();
        if (createdOn != null) {
            report.put("createdOn", createdOn.toString(), ImportReport.How.GIVEN, Note.option("--created-on"));
        } else if (a.facts.containsKey("createdOn")) {
            Accumulation.Fact f = a.facts.get("createdOn");
            createdOn = (LocalDate) f.value();
            report.put("createdOn", createdOn.toString(), f.how(), f.note());
        } else if (merged("createdOn") != null) {
            createdOn = null;
        } else if (w.firstDay() != null) {
            createdOn = w.firstDay();
            report.put("createdOn", createdOn.toString(), ImportReport.How.ESTIMATED,
                    Note.of("import.created-first-event"));
        } else {
            throw refuse("createdOn", "import.need.created-on");
        }
        s.createdOn(createdOn).asOf(asOf);

        int total = total(w);
        s.members(members(w, total));
        s.entry(entry(w));
        s.activity(activity(w, total, from7));
        if (a.facts.containsKey("operations.announcement")) {
            s.operations(Snapshot.Operations.builder()
                    .announcement((Boolean) fact("operations.announcement")).build());
        }
        List<Snapshot.HistoryPoint> history = history(w, total);
        if (history != null && !history.isEmpty()) {
            s.history(history);
        }

        // what only the operator knows
        JsonNode node = Json.MAPPER.valueToTree(s.build());
        if (options.merge() != null) {
            node = MergePatch.apply(node, options.merge());
            report.merged(options.merge(), "");
        }
        if (givenAsOf == null && w.afterAsOf() == 0 && a.lastDay != null && a.lastDay.isBefore(asOf)) {
            note(Note.of("import.data-ends", a.lastDay));
        }
        if (w.afterAsOf() > 0) {
            report.skip("after asOf", w.afterAsOf(), Note.of("import.at.after", asOf));
        }
        if (w.outOfOrder() > 0) {
            note(Note.of("import.out-of-order", w.outOfOrder()));
        }
        Snapshot snapshot;
        try {
            snapshot = SnapshotReader.read(node, "");
        } catch (InvalidSnapshotException e) {
            throw ImportException.of(source, "", "import.snapshot-invalid", (org.communityadvisor.text.Localized) lang -> e.errors()
                    .stream().map(v -> v.path() + ": " + v.reason(lang)).collect(java.util.stream.Collectors.joining("; ")));
        }
        List<ImportReport.Skipped> skips = new ArrayList<>();
        a.skipped.forEach((what, k) -> skips.add(new ImportReport.Skipped(what, k.count, k.first)));
        skips.addAll(report.skips);
        return new ImportedCommunity(snapshot, Json.MAPPER.valueToTree(snapshot), new ImportReport(source,
                report.fields(), skips, notes, options.people() && a.messageLog ? a.people(asOf) : null));
    }

    private int total(Windows w) {
        Integer total = options.members();
        if (total != null) {
            report.put("members.total", total, ImportReport.How.GIVEN, Note.option("--members"));
        } else if (a.facts.containsKey("members.total")) {
            Accumulation.Fact f = a.facts.get("members.total");
            total = (Integer) f.value();
            if (w.joinsAfter() > 0 || w.leavesAfter() > 0) {
                // the data's member list is of its own day, later than asOf: undo what happened since
                total = Math.max(0, total - w.joinsAfter() + w.leavesAfter());
                report.put("members.total", total, ImportReport.How.ESTIMATED, Note.of("import.less-since",
                        f.note(), w.joinsAfter(), w.leavesAfter(), w.asOf()));
            } else {
                report.put("members.total", total, f.how(), f.note());
            }
        } else if (merged("members.total") != null && merged("members.total").canConvertToInt()) {
            total = merged("members.total").asInt();
        } else if (w.statistics() != null && w.statistics().members() != null) {
            total = w.statistics().members();
            report.put("members.total", total, ImportReport.How.COUNTED, Note.of("import.statistics-of", w.asOf()));
        } else {
            Note why = a.unknownWhy.get("members.total");
            throw (why != null ? refuse("members.total", "import.need.members-why", why)
                    : refuse("members.total", "import.need.members", format));
        }
        return total;
    }

    private Snapshot.Members members(Windows w, int total) {
        SnapshotMembersBuilder m = Snapshot.Members.builder().total(total);
        Windows.Statistics stats = w.statistics();
        if (w.recordsJoins()) {
            m.joined7d(w.log().joins7d());
            report.put("members.joined7d", w.log().joins7d(), ImportReport.How.COUNTED, a.joinsNote != null
                    ? a.joinsNote : Note.of("import.joins-notices"));
        } else if (stats != null && stats.joins7d() != null) {
            m.joined7d(stats.joins7d());
            report.put("members.joined7d", stats.joins7d(), ImportReport.How.COUNTED, Note.of("import.joins-statistics"));
        } else {
            unknown("members.joined7d", Note.of("import.joins-none"));
        }
        if (w.recordsLeaves()) {
            m.left7d(w.log().leaves7d());
            report.put("members.left7d", w.log().leaves7d(), ImportReport.How.COUNTED, Note.of("import.leaves-notices"));
        } else if (stats != null && stats.leaves7d() != null) {
            m.left7d(stats.leaves7d());
            report.put("members.left7d", stats.leaves7d(), ImportReport.How.COUNTED, Note.of("import.leaves-statistics"));
        } else {
            unknown("members.left7d", Note.of("import.leaves-none"));
        }
        if (a.facts.containsKey("members.admins")) {
            m.admins((Integer) fact("members.admins"));
        }
        if (a.messageLog) {
            int senders30 = w.log().senders30d();
            int silent = Math.max(0, total - senders30);
            m.silent30d(silent);
            report.put("members.silent30d", silent, ImportReport.How.COUNTED,
                    Note.of("import.silent-senders", senders30));
        } else {
            unknown("members.silent30d", Note.of("import.no-message-log"));
        }
        return m.build();
    }

    private Snapshot.Entry entry(Windows w) {
        Accumulation.Fact f = a.facts.get("entry.channels");
        if (w.channels().isEmpty() && f == null) {
            return null;
        }
        Set<Channel> all = EnumSet.noneOf(Channel.class);
        all.addAll(w.channels());
        if (f != null) {
            for (Object c : (Iterable<?>) f.value()) {
                all.add((Channel) c);
            }
        }
        report.put("entry.channels", all.stream().map(Channel::json).toList(), ImportReport.How.COUNTED,
                f != null ? f.note() : Note.of("import.channels-joins"));
        return Snapshot.Entry.builder().channels(List.copyOf(all)).build();
    }

    private Snapshot.Activity activity(Windows w, int total, LocalDate from7) {
        SnapshotActivityBuilder act = Snapshot.Activity.builder();
        Windows.Log log = w.log();
        Windows.Statistics stats = w.statistics();
        LocalDate asOf = w.asOf();
        if (a.messageLog) {
            act.messages7d(log.messages7d());
            report.put("activity.messages7d", log.messages7d(), ImportReport.How.COUNTED, Note.of("import.messages-log"));
            int active = log.senders7d();
            if (active > total) {
                act.activeMembers7d(total);
                report.put("activity.activeMembers7d", total, ImportReport.How.ESTIMATED,
                        Note.of("import.active-capped", active));
            } else {
                act.activeMembers7d(active);
                report.put("activity.activeMembers7d", active, ImportReport.How.COUNTED,
                        Note.of("import.active-log"));
            }
        } else if (stats != null) {
            if (stats.messages7d() != null) {
                act.messages7d(stats.messages7d());
                report.put("activity.messages7d", stats.messages7d(), ImportReport.How.COUNTED,
                        Note.of("import.messages-statistics", from7, asOf));
            } else {
                unknown("activity.messages7d", Note.of("import.messages-statistics-gap", asOf));
            }
            if (stats.active7d() != null) {
                act.activeMembers7d(stats.active7d());
                report.put("activity.activeMembers7d", stats.active7d(), ImportReport.How.COUNTED,
                        Note.of("import.active-statistics", asOf));
            } else {
                unknown("activity.activeMembers7d", Note.of("import.active-statistics-daily"));
            }
        } else {
            unknown("activity.messages7d", Note.of("import.no-message-log"));
            unknown("activity.activeMembers7d", Note.of("import.no-message-log"));
        }
        if (a.messageLog) {
            if (w.adFlagged()) {
                act.adMessages7d(log.ads7d());
                report.put("activity.adMessages7d", log.ads7d(), ImportReport.How.COUNTED,
                        Note.of("import.ads-flagged"));
            } else if (options.heuristics()) {
                act.adMessages7d(log.links7d());
                report.put("activity.adMessages7d", log.links7d(), ImportReport.How.ESTIMATED,
                        Note.of("import.ads-links"));
            } else {
                report.unknown("activity.adMessages7d", Note.of("import.ads-not-flagged"));
            }
            if (w.officialKnown()) {
                act.officialPosts7d(log.official7d());
                report.put("activity.officialPosts7d", log.official7d(), ImportReport.How.COUNTED,
                        Note.of(options.official().isEmpty() ? "import.official-admins"
                                : a.officialIds.size() > options.official().size() ? "import.official-given-and-admins"
                                : "import.official-given"));
            } else {
                unknown("activity.officialPosts7d", Note.of("import.official-unknown"));
            }
            act.unansweredQuestions7d(log.unanswered7d());
            report.put("activity.unansweredQuestions7d", log.unanswered7d(), ImportReport.How.COUNTED,
                    Note.of("import.unanswered-log"));
            if (log.messages30d() < PEAK_HOUR_MIN_MESSAGES) {
                unknown("activity.peakHour", Note.of("import.peak-hour-few", log.messages30d(),
                        PEAK_HOUR_MIN_MESSAGES));
            } else {
                act.peakHour(log.peakHour());
                report.put("activity.peakHour", log.peakHour(), ImportReport.How.COUNTED,
                        Note.of("import.peak-hour-log", log.peakHourSenders(), log.peakHour(),
                                options.zone() != null ? Note.of("import.peak-hour.zone", options.zone().getId())
                                        : Note.of("import.peak-hour.no-zone")));
            }
        } else {
            unknown("activity.peakHour", Note.of("import.peak-hour-no-log"));
        }
        if (a.facts.containsKey("activity.unansweredQuestions7d")) {
            act.unansweredQuestions7d((Integer) fact("activity.unansweredQuestions7d"));
        }
        Snapshot.Activity activity = act.build();
        return activity.equals(Snapshot.Activity.builder().build()) ? null : activity;
    }

    private List<Snapshot.HistoryPoint> history(Windows w, int total) {
        if (w.firstDay() == null) {
            return null;
        }
        Windows.Statistics stats = w.statistics();
        boolean fromFigures = stats != null && !a.messageLog;
        boolean memberFigures = stats != null && stats.memberFigures();
        boolean reconstruct = !memberFigures && w.recordsJoins();
        List<Snapshot.HistoryPoint> points = new ArrayList<>();
        for (Windows.Week week : w.weeks()) {
            Integer members = null;
            Integer messages = null;
            Integer active = null;
            if (memberFigures) {
                members = week.statisticsMembers();
            } else if (reconstruct) {
                members = Math.max(0, total - (week.laterJoins() - (w.recordsLeaves() ? week.laterLeaves() : 0)));
            }
            if (fromFigures) {
                messages = week.statisticsMessages();
                active = week.statisticsActive();
            } else if (a.messageLog) {
                messages = week.messages();
                active = week.senders();
            }
            if (members != null || messages != null || active != null) {
                points.add(0, Snapshot.HistoryPoint.builder().weekEnding(week.weekEnding()).members(members)
                        .messages(messages).activeMembers(active).build());
            }
        }
        if (points.isEmpty()) {
            report.unknown("history", Note.of("import.history-none"));
            return points;
        }
        Note how;
        ImportReport.How kind = ImportReport.How.COUNTED;
        if (memberFigures) {
            how = Note.of("import.history.members-statistics");
        } else if (reconstruct) {
            kind = ImportReport.How.ESTIMATED;
            how = Note.of(w.recordsLeaves() ? "import.history.members-reconstructed"
                    : "import.history.members-reconstructed-no-leaves");
        } else {
            how = Note.of("import.history.no-members");
        }
        report.put("history", Note.of("import.value.weeks", points.size(), points.get(0).weekEnding(),
                points.get(points.size() - 1).weekEnding()), kind,
                Note.of(a.messageLog ? "import.history.log" : "import.history.statistics", how));
        coverageGaps(points).forEach(this::note);
        return points;
    }

    /** Fewer consecutive weeks than this without a message, between weeks with messages, are not a gap. */
    static final int GAP_MIN_WEEKS = 2;

    /**
     * A note for each run of {@link #GAP_MIN_WEEKS} or more consecutive weeks (oldest first) counting no message
     * between weeks counting some: the export may have gaps. A week whose messages are unknown ends a run.
     */
    static List<Note> coverageGaps(List<Snapshot.HistoryPoint> points) {
        List<Note> gaps = new ArrayList<>();
        boolean activeBefore = false;
        int runStart = -1;
        for (int i = 0; i < points.size(); i++) {
            Integer m = points.get(i).messages();
            if (m != null && m == 0) {
                if (runStart < 0) {
                    runStart = i;
                }
                continue;
            }
            if (m != null && activeBefore && runStart >= 0 && i - runStart >= GAP_MIN_WEEKS) {
                gaps.add(Note.of("import.coverage-gap", i - runStart, points.get(runStart).weekEnding(),
                        points.get(i - 1).weekEnding()));
            }
            runStart = -1;
            activeBefore = m != null;
        }
        return gaps;
    }

    /** A fact's value, reported as the data gave it. */
    private Object fact(String path) {
        Accumulation.Fact f = a.facts.get(path);
        report.put(path, f.value(), f.how(), f.note());
        return f.value();
    }

    /** Unknown, with the format's reason where it gives one. */
    private void unknown(String path, Note otherwise) {
        report.unknown(path, a.unknownWhy.getOrDefault(path, otherwise));
    }

    private void note(Note note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    /** A value the merge patch gives (what only the operator knows), or {@code null}. */
    private JsonNode merged(String path) {
        return MergePatch.at(options.merge(), path);
    }

        private ImportException refuse(String path, String key, Object... args) {
        return ImportException.of(source, "", "import.field-refused", path, Note.of(key, args));
    }

    /** The report's fields in the order they were decided; merged values replace what the data gave. */
    private static final class Report {
        final Map<String, ImportReport.Field> fields = new LinkedHashMap<>();
        final List<ImportReport.Skipped> skips = new ArrayList<>();

        void put(String path, Object value, ImportReport.How how, Note note) {
            fields.put(path, new ImportReport.Field(path, value, how, note));
        }

        void unknown(String path, Note why) {
            fields.put(path, new ImportReport.Field(path, null, ImportReport.How.UNKNOWN, why));
        }

        void skip(String what, int count, Note first) {
            skips.add(new ImportReport.Skipped(what, count, first));
        }

        void merged(JsonNode patch, String prefix) {
            patch.fields().forEachRemaining(e -> {
                String path = prefix + e.getKey();
                if (e.getValue().isObject() && !path.isEmpty() && !"history".equals(path)) {
                    merged(e.getValue(), path + ".");
                } else {
                    Object value = e.getValue().isNull() ? null : Json.MAPPER.convertValue(e.getValue(), Object.class);
                    fields.put(path, new ImportReport.Field(path, value,
                            value == null ? ImportReport.How.UNKNOWN : ImportReport.How.GIVEN, Note.option("--merge")));
                }
            });
        }

        /** In the snapshot's own order (the order of {@code ./advisor schema}). */
        List<ImportReport.Field> fields() {
            List<String> order = new ArrayList<>(SnapshotModel.paths());
            List<ImportReport.Field> out = new ArrayList<>(fields.values());
            out.sort(Comparator.comparingInt(f -> {
                int i = order.indexOf(f.path());
                return i < 0 ? order.size() : i;
            }));
            return out;
        }
    }
}
