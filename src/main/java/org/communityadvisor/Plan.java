package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;

/**
 * The advice turned into a plan for the coming weeks: a few moves, each owned by one role, grouped into this
 * week (the focus and every critical item), this month and later; at most {@link #MAX_NEAR} moves in the first
 * two. A move carries one or more recommendations (merged where one's action contains another's), names the
 * figure that will show it worked, and, when it recurs, its dated slots over the four weeks after {@code asOf}.
 * Immutable; made by {@link Advisor#plan(Snapshot)}.
 *
 * @param communityId the snapshot's {@code id}
 * @param name        the snapshot's name, or {@code null}
 * @param asOf        the snapshot's date: slots fall in the 28 days after it
 * @param peakHour    the hour the slots are set at ({@code activity.peakHour}), or {@code null} when unknown
 * @param moves       this week's first, then this month's, then later; in rank order inside each
 */
@JsonPropertyOrder({"communityId", "name", "asOf", "peakHour", "moves"})
public record Plan(String communityId, String name, LocalDate asOf, Integer peakHour, List<Move> moves) {
    /** At most this many moves this week and this month together. */
    public static final int MAX_NEAR = 7;
    /** Slots are dated over this many days after {@code asOf}. */
    public static final int DAYS = 28;

    public Plan {
        moves = List.copyOf(moves);
    }

    /** The moves of one horizon, in order. */
    public List<Move> moves(Horizon horizon) {
        return moves.stream().filter(m -> m.horizon() == horizon).toList();
    }

    /** When a move is due. */
    public enum Horizon implements Labelled {
        THIS_WEEK, THIS_MONTH, LATER;

        @JsonValue
        @Override
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        @Override
        public String textKey() {
            return "plan.horizon." + json();
        }
    }

    /** Who carries a move out. */
    public enum Role implements Labelled {
        OWNER, ADMIN, KOL;

        @JsonValue
        @Override
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String textKey() {
            return "plan.role." + json();
        }
    }

    /**
     * One move of the plan.
     *
     * @param horizon when it is due
     * @param owner   who does it
     * @param title   what it is (the title of the first recommendation it carries)
     * @param action  how (that recommendation's action)
     * @param carries the ids of the recommendations it carries out, the first one leading
     * @param watch   the figures that will show it worked
     * @param slots   its dated slots when it recurs, else empty
     */
    @JsonPropertyOrder({"horizon", "owner", "title", "action", "carries", "watch", "slots"})
    public record Move(Horizon horizon, Role owner, String title, String action, List<String> carries,
                       List<Watch> watch, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Slot> slots) {
        public Move {
            carries = List.copyOf(carries);
            watch = List.copyOf(watch);
            slots = List.copyOf(slots);
        }
    }

    /**
     * A figure to watch: its value now, and the side of a threshold it should reach.
     *
     * @param figure    the evidence name (a snapshot path such as {@code members.total}, or a derived figure)
     * @param value     its value in the advice
     * @param op        how the figure should compare to the target
     * @param target    the value to reach
     * @param threshold the profile threshold the target comes from, or {@code null}
     */
    @JsonPropertyOrder({"figure", "value", "op", "target", "threshold"})
    public record Watch(String figure, Object value, Op op, Object target,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String threshold) {
    }

    /** How a watched figure should compare to its target. */
    public enum Op {
        AT_LEAST, AT_MOST, IS;

        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One dated occurrence of a recurring move.
     *
     * @param date the day
     * @param hour the hour (0-23), or {@code null} when the snapshot does not know its peak hour
     * @param kind what happens then
     */
    @JsonPropertyOrder({"date", "hour", "kind"})
    public record Slot(LocalDate date, Integer hour, Kind kind) {
    }

    /** What a slot is for. */
    public enum Kind implements Labelled {
        OFFICIAL_INTERACTION, LIVE_SHARE, REVIEW, TOPIC, CHECK_IN;

        @JsonValue
        @Override
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        @Override
        public String textKey() {
            return "plan.slot." + json();
        }
    }
}
