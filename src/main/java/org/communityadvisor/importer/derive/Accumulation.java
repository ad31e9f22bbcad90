package org.communityadvisor.importer.derive;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.communityadvisor.Channel;
import org.communityadvisor.importer.DayFigures;
import org.communityadvisor.importer.Event;
import org.communityadvisor.importer.ImportReport;
import org.communityadvisor.importer.Note;
import org.communityadvisor.importer.People;
import org.communityadvisor.json.SnapshotValidator;

/**
 * The first step of the derivation: what one community's data says, accumulated in one pass. Per calendar day, a
 * few counts and that day's senders ({@link Day}); per member, a few dates; the ids of the last 31 days' messages
 * (to credit replies) and the questions still waiting for an answer; and what the reader states (facts, why a
 * field stays unknown, notes, skipped records). {@link Windows} reads the days for one asOf,
 * {@link SnapshotAssembly} builds the snapshot.
 *
 * <p>Memory is bounded by the community, not by the length of its log. Events after {@code cut} (the last day a
 * snapshot may be built for) are counted as skipped and otherwise left out. Not thread-safe: one per community,
 * fed by one thread.
 */
public final class Accumulation {
    static final Duration ANSWER_WINDOW = Duration.ofHours(24);
    private static final Duration REPLY_MEMORY = Duration.ofDays(31);
    /**
     * How far behind the latest message a question is still kept: asOf is the last day read or a later cut, and
     * questions are counted over the 30 days ending asOf, so an older one never is, whatever the order of the log.
     */
    private static final Duration QUESTION_MEMORY = REPLY_MEMORY.plus(ANSWER_WINDOW);
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.|weixin://|t\\.me/|discord\\.gg/)");
    private static final int PEOPLE_LIMIT = 10;
    /** The id prefix of a member a join notice names only by display name (Telegram invites, WeChat notices). */
    public static final String NAMED = "name:";
    /** The first and last year a snapshot's dates may fall in. */
    public static final int EARLIEST_YEAR = SnapshotValidator.EARLIEST_DATE.getYear();
    public static final int LATEST_YEAR = SnapshotValidator.LATEST_DATE.getYear();
    /** The kind of skipped record dated before 1990 or after 2099. */
    public static final String OUT_OF_RANGE = "dated before " + EARLIEST_YEAR + " or after " + LATEST_YEAR;

    private final LocalDate cut;
    final TreeMap<LocalDate, Day> days = new TreeMap<>();
    // Containers are shared empty ones until first written to, then small: an import of 200,000 groups of one
    // event holds 200,000 of these at once (events of a group may come anywhere in the file).
    NavigableMap<LocalDate, DayFigures> figures = Collections.emptyNavigableMap();
    private final Map<String, Person> people = new HashMap<>(2);
    private final List<Person> byIndex = new ArrayList<>(1);
    Set<String> officialIds = Set.of();
    /** Sender ids that are the group itself (e.g. an anonymous admin): official posts, never a member. */
    Set<String> groupIds = Set.of();
    final Map<String, Fact> facts = new LinkedHashMap<>(2);
    Map<String, Note> unknownWhy = Map.of();
    Map<String, Skip> skipped = Map.of();
    List<Note> notes = List.of();

    // replies: ids of recent messages -> sender, evicted REPLY_MEMORY after the latest message read (oldest first,
    // whatever order the messages come in: newest first, only the last 31 days' ids are held too)
    private static final Comparator<Recent> BY_TIME = Comparator.comparing(Recent::time);
    private Map<String, Recent> recent;
    private PriorityQueue<Recent> recentOrder;
    private LocalDateTime latestRecent;
    // questions waiting for an answer, per thread, and all questions not (yet) answered
    // (the main thread's, "", held apart: most groups have no other thread, and need no map)
    private Waiting mainWaiting;
    private Map<String, Waiting> waiting;
    private long questionSeq;
    private Map<String, Question> questionsById;
    private List<Question> questions = List.of();
    private LocalDateTime lastInMain;
    private Map<String, LocalDateTime> lastInThread = Map.of();
    private int unansweredAtLastCompaction;
    /** The latest message read: a question older than it by QUESTION_MEMORY can never be counted. */
    private LocalDateTime latestMessage;

    boolean recordsJoins;
    Note joinsNote;
    int joinsAfterCut;
    int leavesAfterCut;
    boolean recordsLeaves;
    boolean officialKnown;
    boolean messageLog;
    int afterCut;
    LocalDate lastDay;

    /**
     * @param cut        the last day a snapshot may be built for ({@code null}: no cut, asOf will be the last day)
     * @param messageLog the format is a message log (its messages, senders and questions are counted)
     * @param official   sender ids that speak for the group (given with {@code --official})
     */
    public Accumulation(LocalDate cut, boolean messageLog, Set<String> official) {
        this.cut = cut;
        this.messageLog = messageLog;
        if (!official.isEmpty()) {
            officialIds = new HashSet<>(official);
        }
        officialKnown = !official.isEmpty();
    }

    // ---- what readers state ---------------------------------------------------------------------------------------

    /** A value the data states or an estimate from it, with where it comes from or how. */
    public void fact(String path, Object value, ImportReport.How how, Note note) {
        facts.put(path, new Fact(value, how, note));
    }

    /** Why a field stays unknown for this format (shown in the report). */
    public void unknownBecause(String path, Note why) {
        if (unknownWhy.isEmpty()) {
            unknownWhy = new HashMap<>(4);
        }
        unknownWhy.put(path, why);
    }

    /** The format records joins (so {@code members.joined7d} is counted, not unknown). */
    public void recordsJoins() {
        recordsJoins = true;
    }

    /** What the format's joins are, for the report of {@code members.joined7d} (e.g. a lower bound). */
    public void joinsCountedAs(Note how) {
        joinsNote = how;
    }

    /** The format records leaves (so {@code members.left7d} is counted, not unknown). */
    public void recordsLeaves() {
        recordsLeaves = true;
    }

    /** A sender id that speaks for the group (from the format's admins or owner). */
    public void official(String senderId) {
        officialIds = added(officialIds, senderId);
        officialKnown = true;
    }

    /**
     * A sender id that is the group itself (Telegram's anonymous admin posting as the group): its messages are
     * official posts and messages, but it is no member (not a sender, not a candidate).
     */
    public void groupItself(String senderId) {
        groupIds = added(groupIds, senderId);
        officialKnown = true;
    }

    /**
     * A day the data holds though no event is on it (a chat whose only dated records are service notices): it
     * dates the data (asOf, the first day) as an event would, and counts nothing.
     */
    public void dated(LocalDate day) {
        if (!SnapshotValidator.inDateRange(day) || (cut != null && day.isAfter(cut))) {
            return;
        }
        seen(day);
        days.computeIfAbsent(day, k -> new Day());
    }

    /** Anything else the reader of the report should know. */
    public void note(Note note) {
        if (!notes.contains(note)) {
            if (notes.isEmpty()) {
                notes = new ArrayList<>(2);
            }
            notes.add(note);
        }
    }

    /** A record that is not a member's message: {@code bot}, {@code service}, {@code empty}... */
    public void skip(String what, Note where) {
        if (skipped.isEmpty()) {
            skipped = new LinkedHashMap<>(2);
        }
        skipped.computeIfAbsent(what, k -> new Skip(where)).count++;
    }

    /** {@code set} with {@code value}: a set of its own once the first value is added to the shared empty one. */
    private static Set<String> added(Set<String> set, String value) {
        Set<String> out = set instanceof HashSet ? set : new HashSet<>(set);
        out.add(value);
        return out;
    }

    // ---- what the data holds --------------------------------------------------------------------------------------

    /** One day of the platform's own statistics. */
    public void day(LocalDate day, DayFigures f) {
        if (outOfRange(day)) {
            return;
        }
        if (cut != null && day.isAfter(cut)) {
            afterCut++;
            return;
        }
        if (figures.isEmpty()) {
            figures = new TreeMap<>();
        }
        figures.merge(day, f, (a, b) -> new DayFigures(or(b.members(), a.members()), or(b.messages(), a.messages()),
                or(b.activeWeek(), a.activeWeek()), or(b.joins(), a.joins()), or(b.leaves(), a.leaves())));
        seen(day);
    }

    /**
     * A day the snapshot could not hold (before 1990 or after 2099: a zero or mistyped timestamp) is skipped and
     * reported, rather than refusing the whole export.
     */
    private boolean outOfRange(LocalDate day) {
        if (!SnapshotValidator.inDateRange(day)) {
            skip(OUT_OF_RANGE, Note.verbatim(day.toString()));
            return true;
        }
        return false;
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    private void seen(LocalDate day) {
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
        if (cut != null && day.isAfter(cut)) {
            afterCut++;
            if (e.kind() == Event.Kind.JOIN) {
                joinsAfterCut++;
            } else if (e.kind() == Event.Kind.LEAVE) {
                leavesAfterCut++;
            }
            return;
        }
        seen(day);
        Day d = days.computeIfAbsent(day, k -> new Day());
        d.events++;
        Person p = e.senderId() == null ? null : person(e.senderId(), e.senderName());
        switch (e.kind()) {
            case JOIN -> {
                d.joins++;
                if (e.channel() != null) {
                    if (d.channels == null) {
                        d.channels = EnumSet.noneOf(Channel.class);
                    }
                    d.channels.add(e.channel());
                }
                if (p != null) {
                    p.joinedOn = day;
                    p.leftOn = null;
                }
            }
            case LEAVE -> {
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
        if (latestMessage == null || e.time().isAfter(latestMessage)) {
            latestMessage = e.time();
        }
        if (groupIds.contains(p.id)) {
            // the group posting as itself: an official post that may answer a question, not a member's
            d.officialFlagged = true;
            d.messages++;
            d.official++;
            answer(e, p, thread);
            return;
        }
        LocalDateTime last = thread.isEmpty() ? lastInMain : lastInThread.get(thread);
        if (last != null && e.time().isBefore(last)) {
            d.outOfOrder++;
        } else if (thread.isEmpty()) {
            lastInMain = e.time();
        } else {
            if (lastInThread.isEmpty()) {
                lastInThread = new HashMap<>(2);
            }
            lastInThread.put(thread, e.time());
        }
        boolean official = e.official() || officialIds.contains(p.id);
        if (e.official()) {
            d.officialFlagged = true;
            p.official = true;
        }
        d.messages++;
        d.posted(p.index, e.time().getHour());
        if (official) {
            d.official++;
        }
        if (e.ad() != null) {
            d.adFlagged = true;
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
            Recent to = recent == null ? null : recent.get(e.replyTo());
            if (to != null && to.sender != p.index) {
                if (d.replied == null) {
                    d.replied = new HashMap<>(2);
                }
                d.replied.merge(to.sender, 1, Integer::sum);
            }
        }
        if (e.id() != null) {
            remember(e.id(), p.index, e.time());
        }
        boolean question = e.kind() == Event.Kind.QUESTION || endsWithQuestionMark(e.text());
        if (question && !official && !e.time().isBefore(latestMessage.minus(QUESTION_MEMORY))) {
            Question q = new Question(e.id(), p.index, e.time(), thread, excerpt(e.text()), questionSeq++);
            if (questions.isEmpty()) {
                questions = new ArrayList<>(2);
            }
            questions.add(q);
            if (questionsById == null) {
                questionsById = new HashMap<>(2);
            }
            waitingFor(thread).add(q);
            if (e.id() != null) {
                questionsById.put(e.id(), q);
            }
        }
    }

    /**
     * Whether this message answers a waiting question: a reply to it, or another sender in its thread. A question
     * 24 hours older than the thread's latest message is no longer waited for. Each question is looked at a bounded
     * number of times (its sender's waiting questions are skipped as one), so a thread of any length costs time
     * linear in it (times a logarithm), whoever asks.
     */
    private void answer(Event e, Person p, String thread) {
        if (questionsById == null) {
            return;
        }
        if (e.replyTo() != null) {
            Question q = questionsById.get(e.replyTo());
            if (q != null && q.answeredAt == null && q.sender != p.index && within(q, e.time())) {
                q.answeredAt = e.time();
            }
        }
        Waiting w = thread.isEmpty() ? mainWaiting : waiting == null ? null : waiting.get(thread);
        if (w == null) {
            return;
        }
        w.latest = w.latest == null || e.time().isAfter(w.latest) ? e.time() : w.latest;
        LocalDateTime expired = w.latest.minus(ANSWER_WINDOW);
        while (!w.isEmpty() && w.first().time.isBefore(expired)) {
            w.drain(w.first().sender, expired, q -> questionsById.remove(q.id));
        }
        Question mine = null;
        Question head = w.isEmpty() ? null : w.first();
        while (head != null && head.time.isBefore(e.time())) {
            if (head.sender == p.index) {
                mine = head;
            } else {
                // within the window: what was older than it went with the thread's latest message
                w.drain(head.sender, e.time(), q -> {
                    if (q.answeredAt == null) {
                        q.answeredAt = e.time();
                    }
                    questionsById.remove(q.id);
                });
            }
            head = mine == null ? (w.isEmpty() ? null : w.first()) : w.higher(mine);
        }
        if (w.isEmpty()) {
            if (thread.isEmpty()) {
                mainWaiting = null;
            } else {
                waiting.remove(thread);
            }
        }
        if (questions.size() > 1024 && questions.size() > 2 * unansweredAtLastCompaction) {
            LocalDateTime horizon = latestMessage.minus(QUESTION_MEMORY);
            questions.removeIf(q -> q.forgettable() || q.time.isBefore(horizon));
            unansweredAtLastCompaction = questions.size();
        }
    }

    /** The waiting questions of a thread, made on first use. */
    private Waiting waitingFor(String thread) {
        if (thread.isEmpty()) {
            if (mainWaiting == null) {
                mainWaiting = new Waiting();
            }
            return mainWaiting;
        }
        if (waiting == null) {
            waiting = new HashMap<>(2);
        }
        return waiting.computeIfAbsent(thread, k -> new Waiting());
    }

    private static boolean within(Question q, LocalDateTime t) {
        return t.isAfter(q.time) && !t.isAfter(q.time.plus(ANSWER_WINDOW));
    }

    /** A message id a later reply may name, held for REPLY_MEMORY after the latest message read. */
    private void remember(String id, int sender, LocalDateTime time) {
        if (latestRecent == null || time.isAfter(latestRecent)) {
            latestRecent = time;
        }
        LocalDateTime horizon = latestRecent.minus(REPLY_MEMORY);
        if (recentOrder == null) {
            recentOrder = new PriorityQueue<>(2, BY_TIME);
            recent = new HashMap<>(2);
        }
        while (!recentOrder.isEmpty() && recentOrder.peek().time.isBefore(horizon)) {
            Recent r = recentOrder.poll();
            recent.remove(r.id, r);
        }
        if (time.isBefore(horizon)) {
            return;
        }
        Recent r = new Recent(id, sender, time);
        Recent before = recent.put(id, r);
        if (before != null) {
            recentOrder.remove(before);
        }
        recentOrder.add(r);
    }

    /** Text that ends in {@code ?} or {@code ？} (a question). */
    public static boolean endsWithQuestionMark(String text) {
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

    // ---- reading the days -----------------------------------------------------------------------------------------

    /** The days {@code from … to} of the log. */
    Iterable<Day> days(LocalDate from, LocalDate to) {
        return days.subMap(from, true, to, true).values();
    }

    /** How many questions are held for counting (what the memory of questions costs). */
    int questionsHeld() {
        return questions.size();
    }

    /** Questions asked on days {@code from … to} with no answer by the end of {@code to}, 24 hours old by then. */
    List<Question> unanswered(LocalDate from, LocalDate to) {
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        List<Question> out = new ArrayList<>();
        for (Question q : questions) {
            LocalDate day = q.time.toLocalDate();
            if (!q.answeredBy(to) && !day.isBefore(from) && !day.isAfter(to) && !q.time.plus(ANSWER_WINDOW).isAfter(end)) {
                out.add(q);
            }
        }
        return out;
    }

    /** The last day of the data (before the cut), or {@code null}. */
    public LocalDate lastDay() {
        return lastDay;
    }

    /** Who is behind the numbers in the 30 days ending {@code asOf} (members as they are on the last day read). */
    People people(LocalDate asOf) {
        LocalDate from30 = asOf.minusDays(29);
        Map<Integer, int[]> counts = new HashMap<>();
        for (Day d : days(from30, asOf)) {
            d.senders.forEach((who, posts) -> {
                int[] c = counts.computeIfAbsent(who, k -> new int[3]);
                c[1] += posts[0];
                c[2]++;
            });
            if (d.replied != null) {
                d.replied.forEach((who, n) -> counts.computeIfAbsent(who, k -> new int[3])[0] += n);
            }
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

    // ---- state ---------------------------------------------------------------------------------------------------

    /** One calendar day of the log. */
    static final class Day {
        int events;
        int messages;
        int joins;
        int leaves;
        int official;
        int ads;
        int links;
        int outOfOrder;
        boolean officialFlagged;
        boolean adFlagged;
        /** How the day's joins came in ({@code null}: none said). */
        EnumSet<Channel> channels;
        /**
         * Per sender, their messages that day and the hours of the day (0-23, bit h, in the import's zone) of
         * them: one map of two ints, not two maps of boxes.
         */
        final Map<Integer, int[]> senders = new HashMap<>(2);
        /** Per sender, replies their messages received (null: none). */
        Map<Integer, Integer> replied;

        void posted(int sender, int hour) {
            int[] mine = senders.computeIfAbsent(sender, k -> new int[2]);
            mine[0]++;
            mine[1] |= 1 << hour;
        }
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

    /**
     * The questions of one thread waiting for an answer: per sender, by time; and each sender's first. While one
     * sender alone has asked (most threads, and every group of one question), their questions are held alone,
     * without the map and the set of firsts.
     */
    private static final class Waiting {
        private static final Comparator<Question> ORDER = Comparator.comparing((Question q) -> q.time)
                .thenComparingLong(q -> q.seq);
        private int soleSender;
        private PriorityQueue<Question> sole;
        private Map<Integer, PriorityQueue<Question>> bySender;
        private TreeSet<Question> heads;
        LocalDateTime latest;

        void add(Question q) {
            if (bySender == null) {
                if (sole == null || sole.isEmpty() || soleSender == q.sender) {
                    if (sole == null) {
                        sole = new PriorityQueue<>(2, ORDER);
                    }
                    soleSender = q.sender;
                    sole.add(q);
                    return;
                }
                bySender = new HashMap<>(4);
                heads = new TreeSet<>(ORDER);
                bySender.put(soleSender, sole);
                heads.add(sole.peek());
                sole = null;
            }
            PriorityQueue<Question> mine = bySender.computeIfAbsent(q.sender, k -> new PriorityQueue<>(2, ORDER));
            Question head = mine.peek();
            mine.add(q);
            if (mine.peek() != head) {
                if (head != null) {
                    heads.remove(head);
                }
                heads.add(q);
            }
        }

        boolean isEmpty() {
            return bySender == null ? sole == null || sole.isEmpty() : heads.isEmpty();
        }

        /** The first question of all (not empty). */
        Question first() {
            return bySender == null ? sole.peek() : heads.first();
        }

        /** The first question of the next sender after the one whose first is {@code q}, or {@code null}. */
        Question higher(Question q) {
            return bySender == null ? null : heads.higher(q);
        }

        /** Takes the sender's questions asked before {@code until}, handing each to {@code taken}. */
        void drain(int sender, LocalDateTime until, java.util.function.Consumer<Question> taken) {
            if (bySender == null) {
                while (!sole.isEmpty() && sole.peek().time.isBefore(until)) {
                    taken.accept(sole.poll());
                }
                return;
            }
            PriorityQueue<Question> mine = bySender.get(sender);
            heads.remove(mine.peek());
            while (!mine.isEmpty() && mine.peek().time.isBefore(until)) {
                taken.accept(mine.poll());
            }
            if (mine.isEmpty()) {
                bySender.remove(sender);
            } else {
                heads.add(mine.peek());
            }
        }
    }

    static final class Question {
        final String id;
        final int sender;
        final LocalDateTime time;
        final String thread;
        final String text;
        final long seq;
        LocalDateTime answeredAt;

        Question(String id, int sender, LocalDateTime time, String thread, String text, long seq) {
            this.seq = seq;
            this.id = id;
            this.sender = sender;
            this.time = time;
            this.thread = thread;
            this.text = text;
        }

        /** Answered by the end of {@code day}. */
        boolean answeredBy(LocalDate day) {
            return answeredAt != null && !answeredAt.toLocalDate().isAfter(day);
        }

        /**
         * Answered, and no asOf counts it as unanswered: only an answer at exactly 24 hours that falls on a
         * midnight still leaves the question open on the day before it.
         */
        boolean forgettable() {
            return answeredAt != null && !(answeredAt.equals(time.plus(ANSWER_WINDOW))
                    && answeredAt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT));
        }
    }

    record Fact(Object value, ImportReport.How how, Note note) {
    }

    static final class Skip {
        final Note first;
        int count;

        Skip(Note first) {
            this.first = first;
        }
    }
}
