package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.communityadvisor.Channel;
import org.communityadvisor.Platform;
import org.junit.jupiter.api.Test;

/**
 * One log, several asOf days: {@link EventLog#finish(LocalDate)} on a log cut at a later day gives what a log cut at
 * that day gives ({@code --as-of}), report included. The fleet job builds every asOf day of a group this way.
 */
class EventLogTest {
    static final LocalDate LAST = LocalDate.parse("2026-11-30");
    static final ImportOptions FACTS = ImportOptions.builder().platform(Platform.DISCORD).members(40)
            .createdOn(LocalDate.parse("2026-06-01")).build();

    /**
     * 150 days of a group whose first join, leave, official post, ad flag and join channel each come late, with
     * questions answered in and out of their 24 hours, one of them exactly 24 hours later at midnight.
     */
    static List<Event> events(boolean answered) {
        Random random = new Random(7);
        List<Event> out = new ArrayList<>();
        LocalDateTime start = LAST.minusDays(150).atTime(8, 0);
        int n = 0;
        for (LocalDateTime t = start; t.toLocalDate().isBefore(LAST.minusDays(2)); t = t.plusMinutes(200 + random.nextInt(900))) {
            String sender = "u" + random.nextInt(25);
            int day = (int) (t.toLocalDate().toEpochDay() - start.toLocalDate().toEpochDay());
            int pick = random.nextInt(20);
            String thread = random.nextBoolean() ? null : "t" + random.nextInt(3);
            String id = "m" + n++;
            if (pick == 0 && day > 90) {
                out.add(new Event("g", t, id, sender, null, Event.Kind.JOIN, null, null, false, null,
                        day > 120 ? Channel.QR : null, null));
            } else if (pick == 1 && day > 110) {
                out.add(new Event("g", t, id, sender, null, Event.Kind.LEAVE, null, null, false, null, null, null));
            } else {
                String text = pick < 6 ? "anyone know?" : "hello";
                Boolean ad = day > 130 ? Boolean.valueOf(pick == 7) : null;
                String replyTo = pick == 8 && n > 2 ? "m" + (n - 2) : null;
                out.add(new Event("g", t, id, sender, null, Event.Kind.MESSAGE, replyTo, thread,
                        day > 100 && pick == 9, ad, null, text));
            }
        }
        // a question of 27 Nov 00:00 answered at 28 Nov 00:00: answered on 28 Nov, not by the end of 27 Nov
        out.add(Event.message("g", LAST.minusDays(3).atStartOfDay(), "q1", "asker", null, "who can help?")
                .withThread("edge"));
        if (answered) {
            out.add(Event.message("g", LAST.minusDays(2).atStartOfDay(), "a1", "helper", null, "me")
                    .withThread("edge"));
        }
        out.add(Event.message("g", LAST.atTime(9, 0), "late", "u1", null, "the end"));
        return out;
    }

    static EventLog fed(ImportOptions options) {
        return fed(options, true);
    }

    static EventLog fed(ImportOptions options, boolean answered) {
        EventLog log = Importer.log("g", options);
        events(answered).forEach(log::add);
        return log;
    }

    @Test
    void anEarlierDayOfOneLogIsThatDaysImport() {
        EventLog whole = fed(FACTS.toBuilder().asOf(LAST).build());
        int compared = 0;
        for (LocalDate day = LAST.minusDays(70); !day.isAfter(LAST); day = day.plusDays(1)) {
            ImportedCommunity expected = fed(FACTS.toBuilder().asOf(day).build()).finish();
            ImportedCommunity actual = whole.finish(day);
            assertThat(actual.snapshot()).as("snapshot on %s", day).isEqualTo(expected.snapshot());
            assertThat(actual.report()).as("report on %s", day).isEqualTo(expected.report());
            compared++;
        }
        assertThat(compared).isEqualTo(71);
    }

    @Test
    void theEdgesTheDaysTellApartAreInTheData() {
        EventLog whole = fed(FACTS.toBuilder().asOf(LAST).build());
        // joins start after day 90, leaves after 110, ads flagged after 130: unknown before, counted after
        var early = whole.finish(LAST.minusDays(100)).snapshot();
        var late = whole.finish(LAST).snapshot();
        assertThat(early.members().joined7d()).isNull();
        assertThat(late.members().joined7d()).isNotNull();
        assertThat(early.members().left7d()).isNull();
        assertThat(late.members().left7d()).isNotNull();
        assertThat(early.activity().adMessages7d()).isNull();
        assertThat(late.activity().adMessages7d()).isNotNull();
        assertThat(early.activity().officialPosts7d()).isNull();
        assertThat(late.activity().officialPosts7d()).isNotNull();
        assertThat(early.entry()).isNull();
        assertThat(late.entry().channels()).containsExactly(Channel.QR);
        // the question answered at exactly 24 hours, on the next midnight, is still open at the end of its own day
        EventLog unanswered = fed(FACTS.toBuilder().asOf(LAST).build(), false);
        LocalDate asked = LAST.minusDays(3);
        assertThat(whole.finish(asked).snapshot().activity().unansweredQuestions7d())
                .isEqualTo(unanswered.finish(asked).snapshot().activity().unansweredQuestions7d());
        assertThat(whole.finish(asked.plusDays(1)).snapshot().activity().unansweredQuestions7d())
                .isEqualTo(unanswered.finish(asked.plusDays(1)).snapshot().activity().unansweredQuestions7d() - 1);
    }

    @Test
    void aDayAfterTheLogsAsOfIsRefused() {
        EventLog whole = fed(FACTS.toBuilder().asOf(LAST.minusDays(1)).build());
        assertThatThrownBy(() -> whole.finish(LAST)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fed(FACTS).finish(LAST)).isInstanceOf(IllegalArgumentException.class);
    }
}
