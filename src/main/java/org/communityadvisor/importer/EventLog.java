package org.communityadvisor.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.communityadvisor.Channel;
import org.communityadvisor.ImportException;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Platform;
import org.communityadvisor.Snapshot;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.MergePatch;
import org.communityadvisor.json.SnapshotReader;
import org.communityadvisor.json.SnapshotValidator;

/**
 * The derivations of {@code IMPORT.md} over one community's events, in one pass: feed it events (in time order
 * within each thread), then {@link #finish()} builds the snapshot and the report.
 *
 * <p>Memory is bounded by the community, not by the length of its log: per calendar day it keeps counts and the
 * set of that day's senders; per member, a few dates; the ids of the last 31 days' messages (to credit replies)
 * and the questions still waiting for an answer. A year of a 500-member group's messages is never held whole.
 *
 * <p>Not thread-safe: one log per community, fed by one thread. Platforms with their own event store feed
 * {@link Event}s from {@link Importer#log(String, ImportOptions)}.
 */
public final class EventLog {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration ANSWER_WINDOW = Duration.ofHours(24);
    private static final Duration REPLY_MEMORY = Duration.ofDays(31);
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.|weixin://|t\\.me/|discord\\.gg/)");
    private static final int MAX_WEEKS = 104;
    private static final int PEOPLE_LIMIT = 10;
    /** The id prefix of a member a join notice names only by display name (Telegram invites, WeChat notices). */
    public static final String NAMED = "name:";

    private final Format format;
    private final ImportOptions options;
    private final String source;

    private final TreeMap<LocalDate, Day> days = new TreeMap<>();
    private final TreeMap<LocalDate, DayFigures> figures = new TreeMap<>();
    private final Map<String, Person> people = new HashMap<>();
    private final List<Person> byIndex = new ArrayList<>();
    private final Set<String> officialIds = new HashSet<>();
    private final Map<String, Fact> facts = new LinkedHashMap<>();
    private final Map<String, String> unknownWhy = new HashMap<>();
    private final Map<String, Skip> skipped = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final EnumSet<Channel> joinChannels = EnumSet.noneOf(Channel.class);

    // replies: ids of recent messages -> sender, evicted after REPLY_MEMORY
    private final Map<String, Recent> recent = new HashMap<>();
    private final ArrayDeque<Recent> recentOrder = new ArrayDeque<>();
    // questions waiting for an answer, per thread, and all questions not (yet) answered
    private final Map<String, ArrayDeque<Question>> waiting = new HashMap<>();
    private final Map<String, Question> questionsById = new HashMap<>();
    private final List<Question> questions = new ArrayList<>();
    private final Map<String, LocalDateTime> lastInThread = new HashMap<>();

    private boolean recordsJoins;
    private String joinsNote;
    private int joinsAfterAsOf;
    private int leavesAfterAsOf;
    private boolean recordsLeaves;
    private boolean officialKnown;
    private boolean adFlagged;
    private boolean messageLog;
    private int outOfOrder;
    private int afterAsOf;
    private LocalDate firstDay;
    private LocalDate lastDay;
    private long events;

    EventLog(Format format, ImportOptions options, String source) {
        this.format = format;
        this.options = options == null ? ImportOptions.defaults() : options;
        this.source = source;
        this.messageLog = format.isMessageLog();
        for (String id : this.options.official()) {
            officialIds.add(id);
        }
        officialKnown = !this.options.official().isEmpty();
    }

    // ---- what readers tell the log ------------------------------------------------------------------------------

    /** A value the data states (read, not estimated), with where it comes from. */
    public EventLog fact(String path, Object value, String from) {
        facts.put(path, new Fact(value, ImportReport.How.COUNTED, from));
        return this;
    }

    /** A value estimated from the data, with how. */
    public EventLog estimate(String path, Object value, String how) {
        facts.put(path, new Fact(value, ImportReport.How.ESTIMATED, how));
        return this;
    }

    /** Why a field stays unknown for this format (shown in the report). */
    public EventLog unknownBecause(String path, String why) {
        unknownWhy.put(path, why);
        return this;
    }

    /** The format records joins (so {@code members.joined7d} is counted, not unknown). */
    public EventLog recordsJoins() {
        recordsJoins = true;
        return this;
    }

    /** What the format's joins are, for the report of {@code members.joined7d} (e.g. a lower bound). */
    public EventLog joinsCountedAs(String how) {
        joinsNote = how;
        return this;
    }

    /** The format records leaves (so {@code members.left7d} is counted, not unknown). */
    public EventLog recordsLeaves() {
        recordsLeaves = true;
        return this;
    }

    /** A sender id that speaks for the group (from the format's admins or owner). */
    public EventLog official(String senderId) {
        officialIds.add(senderId);
        officialKnown = true;
        return this;
    }

    /** Anything else the reader of the report should know. */
    public EventLog note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
        return this;
    }

    /** A record that is not a member's message: {@code bot}, {@code service}, {@code empty}... */
    public EventLog skip(String what, String where) {
        skipped.computeIfAbsent(what, k -> new Skip(where)).count++;
        return this;
    }

    /** One day of the platform's own statistics. */
    public EventLog day(LocalDate day, DayFigures f) {
        if (outOfRange(day)) {
            return this;
        }
        if (options.asOf() != null && day.isAfter(options.asOf())) {
            afterAsOf++;
            return this;
        }
        figures.merge(day, f, (a, b) -> new DayFigures(or(b.members(), a.members()), or(b.messages(), a.messages()),
                or(b.activeWeek(), a.activeWeek()), or(b.joins(), a.joins()), or(b.leaves(), a.leaves())));
        seen(day);
        return this;
    }

    /** The kind of skipped record dated before 1990 or after 2099. */
    public static final String OUT_OF_RANGE = "dated before " + SnapshotValidator.EARLIEST_DATE.getYear()
            + " or after " + SnapshotValidator.LATEST_DATE.getYear();

    /**
     * A day the snapshot could not hold (before 1990 or after 2099: a zero or mistyped timestamp) is skipped and
     * reported, rather than refusing the whole export.
     */
    private boolean outOfRange(LocalDate day) {
        if (!SnapshotValidator.inDateRange(day)) {
            skip(OUT_OF_RANGE, day.toString());
            return true;
        }
        return false;
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    private void seen(LocalDate day) {
        if (firstDay == null || day.isBefore(firstDay)) {
            firstDay = day;
        }
        if (lastDay == null || day.isAfter(lastDay)) {
            lastDay = day;
        }
    }

    /** One event; within a thread, events should come in time order (others are counted, and reported). */
    public void add(Event e) {
        LocalDate day = e.time().toLocalDate();
        if (outOfRange(day)) {
            return;
        }
        if (options.asOf() != null && day.isAfter(options.asOf())) {
            afterAsOf++;
            if (e.kind() == Event.Kind.JOIN) {
                joinsAfterAsOf++;
            } else if (e.kind() == Event.Kind.LEAVE) {
                leavesAfterAsOf++;
            }
            return;
        }
        events++;
        seen(day);
        Day d = days.computeIfAbsent(day, k -> new Day());
        Person p = e.senderId() == null ? null : person(e.senderId(), e.senderName());
        switch (e.kind()) {
            case JOIN -> {
                recordsJoins = true;
                d.joins++;
                if (e.channel() != null) {
                    joinChannels.add(e.channel());
                }
                if (p != null) {
                    p.joinedOn = day;
                    p.leftOn = null;
                }
            }
            case LEAVE -> {
                recordsLeaves = true;
                d.leaves++;
                if (p != null) {
                    p.leftOn = day;
                }
            }
            case MESSAGE, REPLY, QUESTION -> message(e, day, d, p);
            default -> skip(e.kind().id(), null);
        }
    }

    private void message(Event e, LocalDate day, Day d, Person p) {
        messageLog = true;
        if (p == null) {
            skip("no sender", null);
            return;
        }
        if (p.joinedOn == null && p.name != null && !p.id.startsWith(NAMED)) {
            // a join notice that gave only a name ("name:Y"): the member's first post tells their id
            Person joiner = people.get(NAMED + p.name);
            if (joiner != null && joiner.joinedOn != null && !joiner.merged) {
                p.joinedOn = joiner.joinedOn;
                p.leftOn = joiner.leftOn;
                joiner.merged = true;
            }
        }
        String thread = e.thread() == null ? "" : e.thread();
        LocalDateTime last = lastInThread.get(thread);
        if (last != null && e.time().isBefore(last)) {
            outOfOrder++;
        } else {
            lastInThread.put(thread, e.time());
        }
        boolean official = e.official() || officialIds.contains(p.id);
        if (e.official()) {
            officialKnown = true;
            p.official = true;
        }
        d.messages++;
        d.senders.merge(p.index, 1, Integer::sum);
        if (official) {
            d.official++;
        }
        if (e.ad() != null) {
            adFlagged = true;
            if (e.ad()) {
                d.ads++;
            }
        } else if (!official && e.text() != null && LINK.matcher(e.text()).find()) {
            d.links++;
        }
        if (p.lastPost == null || day.isAfter(p.lastPost)) {
            p.lastPost = day;
        }
        answer(e, p, thread);
        if (e.replyTo() != null) {
            Recent to = recent.get(e.replyTo());
            if (to != null && to.sender != p.index) {
                d.replied.merge(to.sender, 1, Integer::sum);
            }
        }
        if (e.id() != null) {
            forget(e.time());
            Recent r = new Recent(e.id(), p.index, e.time());
            recent.put(e.id(), r);
            recentOrder.addLast(r);
        }
        boolean question = e.kind() == Event.Kind.QUESTION || endsWithQuestionMark(e.text());
        if (question && !official) {
            Question q = new Question(e.id(), p.index, e.time(), thread, excerpt(e.text()));
            questions.add(q);
            waiting.computeIfAbsent(thread, k -> new ArrayDeque<>()).addLast(q);
            if (e.id() != null) {
                questionsById.put(e.id(), q);
            }
        }
    }

    /** Whether this message answers a waiting question: a reply to it, or another sender in its thread. */
    private void answer(Event e, Person p, String thread) {
        if (e.replyTo() != null) {
            Question q = questionsById.get(e.replyTo());
            if (q != null && !q.answered && q.sender != p.index && within(q, e.time())) {
                q.answered = true;
            }
        }
        ArrayDeque<Question> queue = waiting.get(thread);
        if (queue == null) {
            return;
        }
        for (Iterator<Question> it = queue.iterator(); it.hasNext(); ) {
            Question q = it.next();
            if (q.answered) {
                it.remove();
                questionsById.remove(q.id);
            } else if (e.time().isAfter(q.time.plus(ANSWER_WINDOW))) {
                it.remove();
                questionsById.remove(q.id);
            } else if (q.sender != p.index && e.time().isAfter(q.time)) {
                q.answered = true;
                it.remove();
                questionsById.remove(q.id);
            }
        }
        if (questions.size() > 1024 && questions.size() > 2 * unansweredAtLastCompaction) {
            questions.removeIf(q -> q.answered);
            unansweredAtLastCompaction = questions.size();
        }
    }

    private int unansweredAtLastCompaction;

    private static boolean within(Question q, LocalDateTime t) {
        return t.isAfter(q.time) && !t.isAfter(q.time.plus(ANSWER_WINDOW));
    }

    private void forget(LocalDateTime now) {
        LocalDateTime horizon = now.minus(REPLY_MEMORY);
        while (!recentOrder.isEmpty() && recentOrder.peekFirst().time.isBefore(horizon)) {
            Recent r = recentOrder.removeFirst();
            recent.remove(r.id, r);
        }
    }

    static boolean endsWithQuestionMark(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        return t.endsWith("?") || t.endsWith("？");
    }

    private static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 120 ? t : t.substring(0, 119) + "…";
    }

    private Person person(String id, String name) {
        Person p = people.get(id);
        if (p == null) {
            p = new Person(id, byIndex.size());
            people.put(id, p);
            byIndex.add(p);
        }
        if (name != null && !name.isBlank()) {
            p.name = name;
        }
        return p;
    }

    // ---- the snapshot ---------------------------------------------------------------------------------------------

    /**
     * Builds the snapshot and its report. Refuses (naming the option to give) when a required field is neither
     * in the data nor given, and when the result breaks the snapshot contract.
     */
    public ImportedCommunity finish() {
        Report report = new Report();
        ObjectNode node = NODES.objectNode();
        node.put("schemaVersion", 1);

        LocalDate asOf = options.asOf();
        if (asOf != null) {
            report.put("asOf", asOf.toString(), ImportReport.How.GIVEN, "--as-of");
        } else if (lastDay != null) {
            asOf = lastDay;
            report.put("asOf", asOf.toString(), ImportReport.How.ESTIMATED, "the day of the last event in the data");
        } else {
            throw refuse("asOf", "the data holds no dated event; give --as-of yyyy-MM-dd");
        }
        LocalDate from7 = asOf.minusDays(6);
        LocalDate from30 = asOf.minusDays(29);

        String id = options.id();
        if (id != null) {
            report.put("id", id, ImportReport.How.GIVEN, "--id");
        } else if (merged("id") != null) {
            id = merged("id").asText();
        } else if (facts.containsKey("id")) {
            Fact f = facts.get("id");
            id = Importer.snapshotId(String.valueOf(f.value));
            report.put("id", id, f.how, f.note);
        } else {
            throw refuse("id", "the data names no community id; give --id ID");
        }
        node.put("id", id);

        String name = options.name();
        if (name != null) {
            report.put("name", name, ImportReport.How.GIVEN, "--name");
        } else if (facts.containsKey("name")) {
            Fact f = facts.get("name");
            name = String.valueOf(f.value);
            if (name.length() > 200) {
                name = name.substring(0, 200);
            }
            report.put("name", name, f.how, f.note);
        }
        if (name != null) {
            node.put("name", name);
        }

        Platform platform = options.platform();
        if (platform != null) {
            report.put("platform", platform.json(), ImportReport.How.GIVEN, "--platform");
        } else if (facts.containsKey("platform")) {
            Fact f = facts.get("platform");
            platform = (Platform) f.value;
            report.put("platform", platform.json(), f.how, f.note);
        } else if (merged("platform") == null) {
            throw refuse("platform", "the data does not say which platform; give --platform P (or \"platform\" "
                    + "in the group facts)");
        }
        if (platform != null) {
            node.put("platform", platform.json());
        }

        LocalDate createdOn = options.createdOn();
        if (createdOn != null) {
            report.put("createdOn", createdOn.toString(), ImportReport.How.GIVEN, "--created-on");
        } else if (facts.containsKey("createdOn")) {
            Fact f = facts.get("createdOn");
            createdOn = (LocalDate) f.value;
            report.put("createdOn", createdOn.toString(), f.how, f.note);
        } else if (merged("createdOn") != null) {
            createdOn = null;
        } else if (firstDay != null) {
            createdOn = firstDay;
            report.put("createdOn", createdOn.toString(), ImportReport.How.ESTIMATED,
                    "the day of the first event in the data (give --created-on if the group is older)");
        } else {
            throw refuse("createdOn", "the data holds no dated event; give --created-on yyyy-MM-dd");
        }
        if (createdOn != null) {
            node.put("createdOn", createdOn.toString());
        }
        node.put("asOf", asOf.toString());

        // members
        ObjectNode members = node.putObject("members");
        Integer total = options.members();
        ImportReport.How totalHow = null;
        if (total != null) {
            totalHow = ImportReport.How.GIVEN;
            report.put("members.total", total, totalHow, "--members");
        } else if (facts.containsKey("members.total")) {
            Fact f = facts.get("members.total");
            total = (Integer) f.value;
            totalHow = f.how;
            if (joinsAfterAsOf > 0 || leavesAfterAsOf > 0) {
                // the data's member list is of its own day, later than asOf: undo what happened since
                total = Math.max(0, total - joinsAfterAsOf + leavesAfterAsOf);
                totalHow = ImportReport.How.ESTIMATED;
                report.put("members.total", total, totalHow, f.note + ", less " + joinsAfterAsOf
                        + " joined and plus " + leavesAfterAsOf + " left after " + asOf);
            } else {
                report.put("members.total", total, f.how, f.note);
            }
        } else if (merged("members.total") != null && merged("members.total").canConvertToInt()) {
            total = merged("members.total").asInt();
            totalHow = ImportReport.How.GIVEN;
        } else if (figure(asOf, DayFigures::members) != null) {
            total = figure(asOf, DayFigures::members);
            totalHow = ImportReport.How.COUNTED;
            report.put("members.total", total, totalHow, "the statistics of " + asOf);
        } else {
            throw refuse("members.total", unknownWhy.getOrDefault("members.total",
                    "the " + format.id() + " data does not count the members") + "; give --members N");
        }
        members.put("total", total);

        boolean stats = !figures.isEmpty();
        Integer joined = null;
        Integer left = null;
        if (recordsJoins) {
            joined = sum(from7, asOf, dd -> dd.joins);
            report.put("members.joined7d", joined, ImportReport.How.COUNTED, joinsNote != null ? joinsNote
                    : "join notices in the 7 days");
        } else if (stats && allFigures(from7, asOf, DayFigures::joins)) {
            joined = sumFigures(from7, asOf, DayFigures::joins);
            report.put("members.joined7d", joined, ImportReport.How.COUNTED, "the statistics' daily joins");
        } else {
            report.unknown("members.joined7d", unknownWhy.getOrDefault("members.joined7d",
                    "the data records no joins"));
        }
        if (recordsLeaves) {
            left = sum(from7, asOf, dd -> dd.leaves);
            report.put("members.left7d", left, ImportReport.How.COUNTED, "leave notices in the 7 days");
        } else if (stats && allFigures(from7, asOf, DayFigures::leaves)) {
            left = sumFigures(from7, asOf, DayFigures::leaves);
            report.put("members.left7d", left, ImportReport.How.COUNTED, "the statistics' daily leaves");
        } else {
            report.unknown("members.left7d", unknownWhy.getOrDefault("members.left7d",
                    "the data records no leaves"));
        }
        if (joined != null) {
            members.put("joined7d", joined);
        }
        if (left != null) {
            members.put("left7d", left);
        }
        factInto(members, "members.admins", report);
        Set<Integer> senders30 = messageLog ? senders(from30, asOf) : null;
        if (messageLog) {
            int silent = Math.max(0, total - senders30.size());
            members.put("silent30d", silent);
            report.put("members.silent30d", silent, ImportReport.How.COUNTED,
                    "members.total − " + senders30.size() + " distinct senders in the 30 days");
        } else {
            report.unknown("members.silent30d", unknownWhy.getOrDefault("members.silent30d",
                    "the data has no message log"));
        }

        // entry
        if (!joinChannels.isEmpty() || facts.containsKey("entry.channels")) {
            ArrayNode channels = node.putObject("entry").putArray("channels");
            Set<Channel> all = EnumSet.copyOf(joinChannels);
            Fact f = facts.get("entry.channels");
            if (f != null) {
                for (Object c : (Iterable<?>) f.value) {
                    all.add((Channel) c);
                }
            }
            all.forEach(c -> channels.add(c.json()));
            report.put("entry.channels", all.stream().map(Channel::json).toList(), ImportReport.How.COUNTED,
                    f != null ? f.note : "how the joins in the data came in");
        }

        // activity
        ObjectNode activity = node.putObject("activity");
        if (messageLog) {
            int messages = sum(from7, asOf, dd -> dd.messages);
            activity.put("messages7d", messages);
            report.put("activity.messages7d", messages, ImportReport.How.COUNTED, "messages in the 7 days");
            int active = senders(from7, asOf).size();
            if (active > total) {
                activity.put("activeMembers7d", total);
                report.put("activity.activeMembers7d", total, ImportReport.How.ESTIMATED, active
                        + " distinct senders in the 7 days, more than members.total (some have left): capped at it");
            } else {
                activity.put("activeMembers7d", active);
                report.put("activity.activeMembers7d", active, ImportReport.How.COUNTED,
                        "distinct senders in the 7 days");
            }
        } else if (stats) {
            if (allFigures(from7, asOf, DayFigures::messages)) {
                int messages = sumFigures(from7, asOf, DayFigures::messages);
                activity.put("messages7d", messages);
                report.put("activity.messages7d", messages, ImportReport.How.COUNTED,
                        "the statistics' daily messages, " + from7 + " … " + asOf);
            } else {
                report.unknown("activity.messages7d", unknownWhy.getOrDefault("activity.messages7d",
                        "the statistics do not cover every day of the 7 days ending " + asOf));
            }
            Integer active = figure(asOf, DayFigures::activeWeek);
            if (active != null) {
                activity.put("activeMembers7d", active);
                report.put("activity.activeMembers7d", active, ImportReport.How.COUNTED,
                        "the statistics' weekly posting members on " + asOf);
            } else {
                report.unknown("activity.activeMembers7d", unknownWhy.getOrDefault("activity.activeMembers7d",
                        "the statistics count senders per day only; a week's distinct senders cannot be added up"));
            }
        } else {
            report.unknown("activity.messages7d", unknownWhy.getOrDefault("activity.messages7d",
                    "the data has no message log"));
            report.unknown("activity.activeMembers7d", unknownWhy.getOrDefault("activity.activeMembers7d",
                    "the data has no message log"));
        }
        if (messageLog) {
            if (adFlagged) {
                int ads = sum(from7, asOf, dd -> dd.ads);
                activity.put("adMessages7d", ads);
                report.put("activity.adMessages7d", ads, ImportReport.How.COUNTED, "messages the platform flagged as ads");
            } else if (options.heuristics()) {
                int ads = sum(from7, asOf, dd -> dd.links);
                activity.put("adMessages7d", ads);
                report.put("activity.adMessages7d", ads, ImportReport.How.ESTIMATED,
                        "messages with a link by non-official senders (--heuristics)");
            } else {
                report.unknown("activity.adMessages7d", "not flagged in the data; --heuristics estimates it from links");
            }
            if (officialKnown) {
                int official = sum(from7, asOf, dd -> dd.official);
                activity.put("officialPosts7d", official);
                report.put("activity.officialPosts7d", official, ImportReport.How.COUNTED,
                        options.official().isEmpty() ? "messages by the data's admins and owner"
                                : "messages by the --official ids" + (officialIds.size() > options.official().size()
                                        ? " and the data's admins and owner" : ""));
            } else {
                report.unknown("activity.officialPosts7d", unknownWhy.getOrDefault("activity.officialPosts7d",
                        "the data names no admin; give --official ID,..."));
            }
            int unanswered = unanswered(from7, asOf).size();
            activity.put("unansweredQuestions7d", unanswered);
            report.put("activity.unansweredQuestions7d", unanswered, ImportReport.How.COUNTED,
                    "questions (ending in ? or ？) by non-official members with no reply within 24 hours");
        }
        factInto(activity, "activity.unansweredQuestions7d", report);
        if (activity.isEmpty()) {
            node.remove("activity");
        }

        // operations
        if (facts.containsKey("operations.announcement")) {
            factInto(node.putObject("operations"), "operations.announcement", report);
        }

        // history
        ArrayNode history = history(asOf, total, totalHow, report);
        if (history != null && !history.isEmpty()) {
            node.set("history", history);
        }

        // what only the operator knows
        JsonNode merged = node;
        if (options.merge() != null) {
            merged = MergePatch.apply(node, options.merge());
            report.merged(options.merge(), "");
        }
        if (options.asOf() == null && afterAsOf == 0 && lastDay != null && lastDay.isBefore(asOf)) {
            note("the data ends on " + lastDay);
        }
        if (afterAsOf > 0) {
            report.skip("after asOf", afterAsOf, "events after " + asOf);
        }
        if (outOfOrder > 0) {
            note(outOfOrder + " messages came before an earlier one of their thread; questions answered across them "
                    + "may be miscounted");
        }
        Snapshot snapshot;
        try {
            snapshot = SnapshotReader.read(merged, "");
        } catch (InvalidSnapshotException e) {
            throw new ImportException(source, "", "the imported snapshot is not valid: " + e.getMessage());
        }
        People who = options.people() && messageLog ? people(asOf, from30) : null;
        List<ImportReport.Skipped> skips = new ArrayList<>();
        skipped.forEach((what, s) -> skips.add(new ImportReport.Skipped(what, s.count, s.first)));
        skips.addAll(report.skips);
        return new ImportedCommunity(snapshot, Json.MAPPER.valueToTree(snapshot),
                new ImportReport(source, report.fields(), skips, notes, who));
    }

    /** A value the merge patch gives (what only the operator knows), or {@code null}. */
    private JsonNode merged(String path) {
        return MergePatch.at(options.merge(), path);
    }

    private ImportException refuse(String path, String reason) {
        return new ImportException(source, "", path + ": " + reason);
    }

    private void factInto(ObjectNode into, String path, Report report) {
        Fact f = facts.get(path);
        if (f == null) {
            return;
        }
        String field = path.substring(path.indexOf('.') + 1);
        into.set(field, Json.MAPPER.valueToTree(f.value));
        report.put(path, f.value, f.how, f.note);
    }

    private ArrayNode history(LocalDate asOf, int total, ImportReport.How totalHow, Report report) {
        if (firstDay == null) {
            return null;
        }
        boolean fromFigures = !figures.isEmpty() && !messageLog;
        boolean memberFigures = figures.values().stream().anyMatch(f -> f.members() != null);
        boolean reconstruct = !memberFigures && recordsJoins;
        ArrayNode points = NODES.arrayNode();
        List<ObjectNode> reversed = new ArrayList<>();
        for (int k = 1; k <= MAX_WEEKS; k++) {
            LocalDate end = asOf.minusDays(7L * k);
            if (end.isBefore(firstDay)) {
                break;
            }
            LocalDate start = end.minusDays(6);
            ObjectNode p = NODES.objectNode();
            p.put("weekEnding", end.toString());
            if (memberFigures) {
                Integer m = figureOnOrBefore(end, DayFigures::members);
                if (m != null) {
                    p.put("members", m);
                }
            } else if (reconstruct) {
                int later = sum(end.plusDays(1), asOf, dd -> dd.joins)
                        - (recordsLeaves ? sum(end.plusDays(1), asOf, dd -> dd.leaves) : 0);
                p.put("members", Math.max(0, total - later));
            }
            if (fromFigures) {
                if (allFigures(start, end, DayFigures::messages)) {
                    p.put("messages", sumFigures(start, end, DayFigures::messages));
                }
                Integer active = figure(end, DayFigures::activeWeek);
                if (active != null) {
                    p.put("activeMembers", active);
                }
            } else if (messageLog) {
                p.put("messages", sum(start, end, dd -> dd.messages));
                p.put("activeMembers", senders(start, end).size());
            }
            if (p.size() > 1) {
                reversed.add(p);
            }
        }
        for (int i = reversed.size() - 1; i >= 0; i--) {
            points.add(reversed.get(i));
        }
        if (points.isEmpty()) {
            report.unknown("history", "the data gives no weekly figures");
            return points;
        }
        String how;
        ImportReport.How kind = ImportReport.How.COUNTED;
        if (memberFigures) {
            how = "members from the statistics";
        } else if (reconstruct) {
            kind = ImportReport.How.ESTIMATED;
            how = "members reconstructed from members.total by undoing later joins"
                    + (recordsLeaves ? " and leaves" : " (leaves are not recorded, so earlier weeks may be "
                    + "undercounted)");
        } else {
            how = "no member counts";
        }
        report.put("history", points.size() + " weeks, " + points.get(0).get("weekEnding").asText() + " … "
                + points.get(points.size() - 1).get("weekEnding").asText(), kind,
                (messageLog ? "messages and distinct senders per week; " : "the statistics per week; ") + how);
        return points;
    }

    private int sum(LocalDate from, LocalDate to, java.util.function.ToIntFunction<Day> f) {
        int n = 0;
        for (Day d : days.subMap(from, true, to, true).values()) {
            n += f.applyAsInt(d);
        }
        return n;
    }

    private Set<Integer> senders(LocalDate from, LocalDate to) {
        Set<Integer> s = new HashSet<>();
        for (Day d : days.subMap(from, true, to, true).values()) {
            s.addAll(d.senders.keySet());
        }
        return s;
    }

    private Integer figure(LocalDate day, java.util.function.Function<DayFigures, Integer> f) {
        DayFigures d = figures.get(day);
        return d == null ? null : f.apply(d);
    }

    private Integer figureOnOrBefore(LocalDate day, java.util.function.Function<DayFigures, Integer> f) {
        for (var e : figures.headMap(day, true).descendingMap().entrySet()) {
            Integer v = f.apply(e.getValue());
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private boolean allFigures(LocalDate from, LocalDate to, java.util.function.Function<DayFigures, Integer> f) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (figure(d, f) == null) {
                return false;
            }
        }
        return true;
    }

    private int sumFigures(LocalDate from, LocalDate to, java.util.function.Function<DayFigures, Integer> f) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Integer v = figure(d, f);
            n += v == null ? 0 : v;
        }
        return n;
    }

    /** Unanswered questions asked on days {@code from … to}, old enough (24 hours) at the end of asOf. */
    private List<Question> unanswered(LocalDate from, LocalDate to) {
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        List<Question> out = new ArrayList<>();
        for (Question q : questions) {
            LocalDate day = q.time.toLocalDate();
            if (!q.answered && !day.isBefore(from) && !day.isAfter(to) && !q.time.plus(ANSWER_WINDOW).isAfter(end)) {
                out.add(q);
            }
        }
        return out;
    }

    private People people(LocalDate asOf, LocalDate from30) {
        Map<Integer, int[]> counts = new HashMap<>();
        for (Day d : days.subMap(from30, true, asOf, true).values()) {
            d.senders.forEach((who, n) -> {
                int[] c = counts.computeIfAbsent(who, k -> new int[3]);
                c[1] += n;
                c[2]++;
            });
            d.replied.forEach((who, n) -> counts.computeIfAbsent(who, k -> new int[3])[0] += n);
        }
        List<People.Candidate> candidates = new ArrayList<>();
        counts.forEach((who, c) -> {
            Person p = byIndex.get(who);
            if (!p.official && !officialIds.contains(p.id) && c[1] > 0 && !gone(p)) {
                candidates.add(new People.Candidate(p.id, p.name, c[0], c[1], c[2]));
            }
        });
        candidates.sort(Comparator.comparingInt(People.Candidate::repliesReceived30d).reversed()
                .thenComparing(Comparator.comparingInt(People.Candidate::messages30d).reversed())
                .thenComparing(People.Candidate::id));
        List<People.Newcomer> newcomers = new ArrayList<>();
        for (Person p : byIndex) {
            if (p.joinedOn != null && !p.merged && !p.joinedOn.isBefore(from30) && !p.joinedOn.isAfter(asOf) && !gone(p)
                    && (p.lastPost == null || p.lastPost.isBefore(p.joinedOn))) {
                newcomers.add(new People.Newcomer(p.id, p.name, p.joinedOn));
            }
        }
        newcomers.sort(Comparator.comparing(People.Newcomer::joinedOn).thenComparing(People.Newcomer::id));
        List<People.Question> open = unanswered(from30, asOf).stream()
                .map(q -> new People.Question(byIndex.get(q.sender).id, byIndex.get(q.sender).name, q.time,
                        q.thread.isEmpty() ? null : q.thread, q.text))
                .toList();
        return new People(candidates.subList(0, Math.min(PEOPLE_LIMIT, candidates.size())), newcomers, open);
    }

    private static boolean gone(Person p) {
        return p.leftOn != null && (p.joinedOn == null || !p.leftOn.isBefore(p.joinedOn));
    }

    /** Events read (after the asOf cut). */
    long events() {
        return events;
    }

    Format format() {
        return format;
    }

    ImportOptions options() {
        return options;
    }

    // ---- state ---------------------------------------------------------------------------------------------------

    private static final class Day {
        int messages;
        int joins;
        int leaves;
        int official;
        int ads;
        int links;
        final Map<Integer, Integer> senders = new HashMap<>(8);
        final Map<Integer, Integer> replied = new HashMap<>(4);
    }

    private static final class Person {
        final String id;
        final int index;
        String name;
        LocalDate joinedOn;
        LocalDate leftOn;
        LocalDate lastPost;
        boolean official;
        boolean merged;

        Person(String id, int index) {
            this.id = id;
            this.index = index;
        }
    }

    private record Recent(String id, int sender, LocalDateTime time) {
    }

    private static final class Question {
        final String id;
        final int sender;
        final LocalDateTime time;
        final String thread;
        final String text;
        boolean answered;

        Question(String id, int sender, LocalDateTime time, String thread, String text) {
            this.id = id;
            this.sender = sender;
            this.time = time;
            this.thread = thread;
            this.text = text;
        }
    }

    private record Fact(Object value, ImportReport.How how, String note) {
    }

    private static final class Skip {
        final String first;
        int count;

        Skip(String first) {
            this.first = first;
        }
    }

    /** The report's fields in the order they were decided; merged values replace what the data gave. */
    private static final class Report {
        final Map<String, ImportReport.Field> fields = new LinkedHashMap<>();
        final List<ImportReport.Skipped> skips = new ArrayList<>();

        void put(String path, Object value, ImportReport.How how, String note) {
            fields.put(path, new ImportReport.Field(path, value, how, note));
        }

        void unknown(String path, String why) {
            fields.put(path, new ImportReport.Field(path, null, ImportReport.How.UNKNOWN, why));
        }

        void skip(String what, int count, String first) {
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
                            value == null ? ImportReport.How.UNKNOWN : ImportReport.How.GIVEN, "--merge"));
                }
            });
        }

        /** In the snapshot's own order (the order of {@code ./advisor schema}). */
        List<ImportReport.Field> fields() {
            List<String> order = new ArrayList<>(org.communityadvisor.json.SnapshotModel.paths());
            List<ImportReport.Field> out = new ArrayList<>(fields.values());
            out.sort(Comparator.comparingInt(f -> {
                int i = order.indexOf(f.path());
                return i < 0 ? order.size() : i;
            }));
            return out;
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
