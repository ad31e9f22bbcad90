package org.communityadvisor.importer;

import java.time.LocalDateTime;
import java.util.Objects;
import org.communityadvisor.Channel;

/**
 * One platform event, the neutral form every message log reduces to (one line of the {@code events} format).
 * For a join or a leave, {@code senderId} is the member who joined or left.
 *
 * @param groupId  the community
 * @param time     wall-clock time in the import's zone (see {@link ImportOptions#zone()})
 * @param id       the event's id in its source, or {@code null}; replies name it
 * @param senderId who posted (or joined, or left)
 * @param senderName the display name as the export has it, or {@code null}
 * @param kind     what happened
 * @param replyTo  the id of the message this one replies to, or {@code null}
 * @param thread   the channel or thread the message is in ({@code null}: the group's one conversation)
 * @param official the sender speaks for the group (an admin, the owner, the operator's staff)
 * @param ad       the platform flagged the message as an ad ({@code null}: not known)
 * @param channel  for a join, how the member came in ({@code null}: not known)
 * @param text     the message's text (only its end and links are looked at), or {@code null}
 */
public record Event(String groupId, LocalDateTime time, String id, String senderId, String senderName, Kind kind,
        String replyTo, String thread, boolean official, Boolean ad, Channel channel, String text) {

    public Event {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
    }

    /** What happened; {@code reply} and {@code question} are messages the platform already classified. */
    public enum Kind {
        MESSAGE, REPLY, QUESTION, JOIN, LEAVE, PIN, OTHER;

        /** A member's post: counts as a message. */
        public boolean isMessage() {
            return this == MESSAGE || this == REPLY || this == QUESTION;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A message (the most common event). */
    public static Event message(String groupId, LocalDateTime time, String id, String senderId, String senderName,
            String text) {
        return new Event(groupId, time, id, senderId, senderName, Kind.MESSAGE, null, null, false, null, null, text);
    }

    /**
     * Whether a message's text reads as a question: it ends in {@code ?} or {@code ？}. Every importer tells
     * questions this way; a job that reads events itself (the fleet job) asks here to count them the same.
     */
    public static boolean isQuestionText(String text) {
        return org.communityadvisor.importer.derive.Accumulation.endsWithQuestionMark(text);
    }

    /**
     * Whether a day is one the advisor reads (1990 to 2099); an event dated outside it is a zero or mistyped
     * timestamp, which the importers skip and report.
     */
    public static boolean isInDateRange(java.time.LocalDate day) {
        return org.communityadvisor.json.SnapshotValidator.inDateRange(day);
    }

    public Event withReplyTo(String replyTo) {
        return new Event(groupId, time, id, senderId, senderName, kind, replyTo, thread, official, ad, channel, text);
    }

    public Event withThread(String thread) {
        return new Event(groupId, time, id, senderId, senderName, kind, replyTo, thread, official, ad, channel, text);
    }

    public Event withOfficial(boolean official) {
        return new Event(groupId, time, id, senderId, senderName, kind, replyTo, thread, official, ad, channel, text);
    }
}
