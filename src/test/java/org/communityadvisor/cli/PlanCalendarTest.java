package org.communityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.communityadvisor.Fixtures;
import org.communityadvisor.Lang;
import org.communityadvisor.Plan;
import org.communityadvisor.PlanTestAccess;
import org.junit.jupiter.api.Test;

/** The plan's iCalendar file parses, with one event per slot at its date and hour. */
class PlanCalendarTest {
    @Test
    void theBookClubsCalendarParsesWithOneEventPerSlot() throws Exception {
        for (Integer hour : new Integer[] {19, null}) {
            Plan plan = Fixtures.ADVISOR.plan(PlanTestAccess.bookClub(hour));
            List<Plan.Slot> slots = plan.moves().stream().flatMap(m -> m.slots().stream()).toList();
            String ics = PlanCalendar.write(List.of(plan), Lang.ZH);
            assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nEND:VCALENDAR");
            List<List<ParseWarning>> warnings = new ArrayList<>();
            List<ICalendar> calendars = Biweekly.parse(ics).warnings(warnings).all();
            assertThat(calendars).hasSize(1);
            assertThat(warnings.stream().flatMap(List::stream).toList()).isEmpty();
            List<VEvent> events = calendars.get(0).getEvents();
            assertThat(events).hasSize(slots.size());
            for (int i = 0; i < slots.size(); i++) {
                Plan.Slot slot = slots.get(i);
                VEvent e = events.get(i);
                assertThat(e.getUid().getValue()).endsWith("@communityadvisor");
                assertThat(e.getSummary().getValue()).contains(slot.kind().label(Lang.ZH));
                LocalDateTime start = LocalDateTime.ofInstant(e.getDateStart().getValue().toInstant(), ZoneId.systemDefault());
                assertThat(start.toLocalDate()).isEqualTo(slot.date());
                assertThat(e.getDateStart().getValue().hasTime()).isEqualTo(hour != null);
                if (hour != null) {
                    assertThat(start.getHour()).isEqualTo(hour);
                    assertThat(e.getDuration().getValue().getHours()).isEqualTo(1);
                }
            }
            // the same plan writes the same file: a re-import updates instead of duplicating
            assertThat(PlanCalendar.write(List.of(plan), Lang.ZH)).isEqualTo(ics);
        }
    }
}
