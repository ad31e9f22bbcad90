package org.communityadvisor.importer.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.communityadvisor.importer.Event;
import org.junit.jupiter.api.Test;

/**
 * The questions held while a log is read are those a snapshot can still count (the 30 days before asOf), in
 * whatever order the log comes: a hundred days of unanswered questions, oldest or newest first, hold about a
 * month of them, and count the same.
 */
class QuestionMemoryTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final int DAYS = 100;

    private static List<Event> questions() {
        List<Event> out = new ArrayList<>();
        for (int h = 0; h < DAYS * 24; h++) {
            out.add(Event.message("g1", START.plusHours(h), "m" + h, "u1", "Ann", "anyone there?"));
        }
        return out;
    }

    private static Accumulation read(List<Event> events) {
        Accumulation a = new Accumulation(null, true, Set.of());
        events.forEach(a::add);
        return a;
    }

    @Test
    void aHundredDaysOfQuestionsHoldAboutAMonthOfThemInEitherOrder() {
        List<Event> oldestFirst = questions();
        List<Event> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        LocalDate last = START.plusDays(DAYS - 1).toLocalDate();
        int month = 33 * 24; // the 30 counted days, the 24 hours of waiting and a day of slack

        for (List<Event> order : List.of(oldestFirst, newestFirst)) {
            Accumulation a = read(order);
            assertThat(a.questionsHeld()).as("questions held of %s", DAYS * 24).isLessThanOrEqualTo(2 * month);
            // six whole days and the last day's first question (24 hours old by its end) are unanswered in the week
            assertThat(a.unanswered(last.minusDays(6), last)).hasSize(6 * 24 + 1);
            assertThat(a.unanswered(last.minusDays(29), last)).hasSize(29 * 24 + 1);
        }
        assertThat(read(newestFirst).questionsHeld()).isLessThanOrEqualTo(month);
    }
}
