package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.communityadvisor.Platform;
import org.junit.jupiter.api.Test;

/**
 * 100,000 questions of one sender in a day: each message used to walk every question still waiting in its thread
 * (136 s). The matching now skips a sender's own questions as one, so the count comes in about a second; the
 * timeout is a guard far above that and far below the quadratic time, not a measurement.
 */
class QuestionsInLinearTimeTest {
    static final LocalDate DAY = LocalDate.parse("2026-11-01");
    static final ImportOptions FACTS = ImportOptions.builder().platform(Platform.WECHAT).members(500)
            .createdOn(LocalDate.parse("2026-01-01")).asOf(DAY.plusDays(2)).build();

    static EventLog asked(int n) {
        EventLog log = Importer.log("g", FACTS);
        LocalDateTime start = DAY.atStartOfDay();
        for (int i = 0; i < n; i++) {
            log.add(Event.message("g", start.plusNanos(800_000_000L * i), "q" + i, "asker", null, "why?"));
        }
        return log;
    }

    @Test
    void aHundredThousandQuestionsOfOneSenderInADayAreAllCountedQuickly() {
        int unanswered = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> asked(100_000).finish().snapshot().activity().unansweredQuestions7d());
        assertThat(unanswered).isEqualTo(100_000);
    }

    @Test
    void anotherSendersMessageAnswersEveryWaitingQuestionAtOnce() {
        int unanswered = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            EventLog log = asked(100_000);
            log.add(Event.message("g", DAY.atTime(23, 0), "a", "helper", null, "here is how"));
            log.add(Event.message("g", DAY.atTime(23, 30), "q-late", "asker", null, "and this?"));
            return log.finish().snapshot().activity().unansweredQuestions7d();
        });
        // 100,000 answered by the helper within their 24 hours; the one asked after the answer still waits
        assertThat(unanswered).isEqualTo(1);
    }
}
