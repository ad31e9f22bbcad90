package org.communityadvisor.importer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Who is behind the numbers, from a message log: ids and display names as the export has them (nothing leaves
 * the machine). Windows end on the snapshot's {@code asOf}.
 *
 * @param candidates    non-official members most replied to, then most active, in the 30 days: candidates for
 *                      opinion leader or admin ({@code structure.opinion-leader}, {@code structure.admins})
 * @param silentNewcomers members who joined in the 30 days and have not posted since
 * @param unanswered    members' questions in the 30 days that got no answer within 24 hours
 */
public record People(List<Candidate> candidates, List<Newcomer> silentNewcomers, List<Question> unanswered) {
    public People {
        candidates = List.copyOf(candidates);
        silentNewcomers = List.copyOf(silentNewcomers);
        unanswered = List.copyOf(unanswered);
    }

    /** A member others reply to and who posts often. */
    public record Candidate(String id, String name, int repliesReceived30d, int messages30d, int activeDays30d) {
    }

    /** A member who joined and never posted. */
    public record Newcomer(String id, String name, LocalDate joinedOn) {
    }

    /** A question nobody answered within 24 hours. */
    public record Question(String senderId, String senderName,
            @com.fasterxml.jackson.databind.annotation.JsonSerialize(
                    using = com.fasterxml.jackson.databind.ser.std.ToStringSerializer.class) LocalDateTime time,
            String thread, String text) {
    }
}
