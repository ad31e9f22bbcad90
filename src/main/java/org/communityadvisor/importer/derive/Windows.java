package org.communityadvisor.importer.derive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.communityadvisor.Channel;
import org.communityadvisor.importer.DayFigures;

/**
 * The second step of the derivation: an {@link Accumulation} read for one asOf. The 7- and 30-day figures of
 * the log and of the platform's statistics, what the data records by asOf, and the weeks of the history
 * ({@code weekEnding = asOf − 7k}, k = 1 … 104, back to the first day). Which of them the snapshot takes, and how
 * the report names them, is {@link SnapshotAssembly}'s to decide.
 *
 * @param asOf          the day every window ends on
 * @param firstDay      the first day of the data on or before asOf, or {@code null}
 * @param recordsJoins  the format records joins, or the data holds one by asOf
 * @param recordsLeaves likewise for leaves
 * @param officialKnown who speaks for the group is known (given, from the format, or flagged on a message)
 * @param adFlagged     some message by asOf says whether it is an ad
 * @param channels      how the joins by asOf came in
 * @param joinsAfter    joins after asOf (to undo a member list of a later day)
 * @param leavesAfter   leaves after asOf
 * @param afterAsOf     events and statistics days after asOf (left out)
 * @param outOfOrder    messages by asOf that came before an earlier one of their thread
 * @param log           the log's figures of the windows ending asOf
 * @param statistics    the statistics' figures of the windows ending asOf, or {@code null} without statistics
 * @param weeks         the history's weeks, newest first
 */
public record Windows(LocalDate asOf, LocalDate firstDay, boolean recordsJoins, boolean recordsLeaves,
        boolean officialKnown, boolean adFlagged, Set<Channel> channels, int joinsAfter, int leavesAfter,
        int afterAsOf, int outOfOrder, Log log, Statistics statistics, List<Week> weeks) {
    static final int MAX_WEEKS = 104;

    /**
     * The log's figures: messages, distinct senders, ads (flagged), messages with a link by non-official senders,
     * official posts, joins and leaves of the 7 days; distinct senders of the 30 days; questions of the 7 days
     * unanswered by the end of asOf; the messages of the 30 days, the hour of the day (0-23, in the import's zone)
     * in which the most distinct members posted over the 30 days (ties: the earliest hour; {@code null} without a
     * message) and how many posted in it.
     */
    public record Log(int messages7d, int senders7d, int senders30d, int ads7d, int links7d, int official7d,
            int joins7d, int leaves7d, int unanswered7d, int messages30d, Integer peakHour, int peakHourSenders) {
    }

    /**
     * The statistics' figures ({@code null}: not given for every day they need): daily joins, leaves and
     * messages summed over the 7 days, the weekly posting members and the members on asOf; whether any day
     * counts members.
     */
    public record Statistics(Integer joins7d, Integer leaves7d, Integer messages7d, Integer active7d,
            Integer members, boolean memberFigures) {
    }

    /**
     * One week of the history: the log's messages and distinct senders of the 7 days ending {@code weekEnding},
     * the joins and leaves after it up to asOf, and the statistics' members (the last count on or before it),
     * messages (when every day is given) and weekly posting members, each {@code null} when not given.
     */
    public record Week(LocalDate weekEnding, int messages, int senders, int laterJoins, int laterLeaves,
            Integer statisticsMembers, Integer statisticsMessages, Integer statisticsActive) {
    }

    public Windows {
        channels = Collections.unmodifiableSet(EnumSet.copyOf(channels.isEmpty() ? EnumSet.noneOf(Channel.class)
                : channels));
        weeks = List.copyOf(weeks);
    }

    /** The windows of {@code a} ending {@code asOf}. */
    public static Windows of(Accumulation a, LocalDate asOf) {
        LocalDate from7 = asOf.minusDays(6);
        LocalDate from30 = asOf.minusDays(29);
        LocalDate firstDay = first(a, asOf);
        boolean joins = a.recordsJoins;
        boolean leaves = a.recordsLeaves;
        boolean official = a.officialKnown;
        boolean ads = false;
        EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
        int outOfOrder = 0;
        for (Accumulation.Day d : a.days.headMap(asOf, true).values()) {
            outOfOrder += d.outOfOrder;
            joins |= d.joins > 0;
            leaves |= d.leaves > 0;
            official |= d.officialFlagged;
            ads |= d.adFlagged;
            if (d.channels != null) {
                channels.addAll(d.channels);
            }
        }
        int joinsAfter = a.joinsAfterCut;
        int leavesAfter = a.leavesAfterCut;
        int afterAsOf = a.afterCut + a.figures.tailMap(asOf, false).size();
        for (Accumulation.Day d : a.days.tailMap(asOf, false).values()) {
            joinsAfter += d.joins;
            leavesAfter += d.leaves;
            afterAsOf += d.events;
        }
        int[] perHour = sendersPerHour(a, from30, asOf);
        int peak = 0;
        for (int h = 1; h < perHour.length; h++) {
            if (perHour[h] > perHour[peak]) {
                peak = h;
            }
        }
        Log log = new Log(sum(a, from7, asOf, d -> d.messages), senders(a, from7, asOf).size(),
                senders(a, from30, asOf).size(), sum(a, from7, asOf, d -> d.ads), sum(a, from7, asOf, d -> d.links),
                sum(a, from7, asOf, d -> d.official), sum(a, from7, asOf, d -> d.joins),
                sum(a, from7, asOf, d -> d.leaves), a.unanswered(from7, asOf).size(),
                sum(a, from30, asOf, d -> d.messages), perHour[peak] > 0 ? peak : null, perHour[peak]);
        Statistics statistics = null;
        if (!a.figures.headMap(asOf, true).isEmpty()) {
            statistics = new Statistics(allFigures(a, from7, asOf, DayFigures::joins),
                    allFigures(a, from7, asOf, DayFigures::leaves), allFigures(a, from7, asOf, DayFigures::messages),
                    figure(a, asOf, DayFigures::activeWeek), figure(a, asOf, DayFigures::members),
                    a.figures.headMap(asOf, true).values().stream().anyMatch(f -> f.members() != null));
        }
        List<Week> weeks = new ArrayList<>();
        if (firstDay != null) {
            int laterJoins = 0;
            int laterLeaves = 0;
            for (int k = 1; k <= MAX_WEEKS; k++) {
                LocalDate end = asOf.minusDays(7L * k);
                laterJoins += sum(a, end.plusDays(1), end.plusDays(7), d -> d.joins);
                laterLeaves += sum(a, end.plusDays(1), end.plusDays(7), d -> d.leaves);
                if (end.isBefore(firstDay)) {
                    break;
                }
                LocalDate start = end.minusDays(6);
                weeks.add(new Week(end, sum(a, start, end, d -> d.messages), senders(a, start, end).size(), laterJoins,
                        laterLeaves, figureOnOrBefore(a, end, DayFigures::members),
                        allFigures(a, start, end, DayFigures::messages), figure(a, end, DayFigures::activeWeek)));
            }
        }
        return new Windows(asOf, firstDay, joins, leaves, official, ads, channels, joinsAfter, leavesAfter, afterAsOf,
                outOfOrder, log, statistics, weeks);
    }

    private static LocalDate first(Accumulation a, LocalDate asOf) {
        LocalDate first = null;
        if (!a.days.isEmpty() && !a.days.firstKey().isAfter(asOf)) {
            first = a.days.firstKey();
        }
        if (!a.figures.isEmpty() && !a.figures.firstKey().isAfter(asOf)
                && (first == null || a.figures.firstKey().isBefore(first))) {
            first = a.figures.firstKey();
        }
        return first;
    }

    private static int sum(Accumulation a, LocalDate from, LocalDate to, ToIntFunction<Accumulation.Day> f) {
        int n = 0;
        for (Accumulation.Day d : a.days(from, to)) {
            n += f.applyAsInt(d);
        }
        return n;
    }

    private static Set<Integer> senders(Accumulation a, LocalDate from, LocalDate to) {
        Set<Integer> s = new HashSet<>();
        for (Accumulation.Day d : a.days(from, to)) {
            s.addAll(d.senders.keySet());
        }
        return s;
    }

    /** For each hour of the day, the distinct senders who posted in it on some day {@code from … to}. */
    private static int[] sendersPerHour(Accumulation a, LocalDate from, LocalDate to) {
        Map<Integer, Integer> hours = new HashMap<>();
        for (Accumulation.Day d : a.days(from, to)) {
            d.senders.forEach((who, posts) -> hours.merge(who, posts[1], (x, y) -> x | y));
        }
        int[] perHour = new int[24];
        for (int mask : hours.values()) {
            for (int h = 0; h < 24; h++) {
                if ((mask & (1 << h)) != 0) {
                    perHour[h]++;
                }
            }
        }
        return perHour;
    }

    private static Integer figure(Accumulation a, LocalDate day, Function<DayFigures, Integer> f) {
        DayFigures d = a.figures.get(day);
        return d == null ? null : f.apply(d);
    }

    private static Integer figureOnOrBefore(Accumulation a, LocalDate day, Function<DayFigures, Integer> f) {
        for (DayFigures d : a.figures.headMap(day, true).descendingMap().values()) {
            Integer v = f.apply(d);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The sum over the days {@code from … to}, or {@code null} when a day is not given. */
    private static Integer allFigures(Accumulation a, LocalDate from, LocalDate to, Function<DayFigures, Integer> f) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Integer v = figure(a, d, f);
            if (v == null) {
                return null;
            }
            n += v;
        }
        return n;
    }
}
