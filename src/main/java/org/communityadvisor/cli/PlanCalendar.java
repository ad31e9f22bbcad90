package org.communityadvisor.cli;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.Duration;
import biweekly.util.ICalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.communityadvisor.Lang;
import org.communityadvisor.Plan;
import org.communityadvisor.report.PlanReport;
import org.communityadvisor.text.Texts;

/**
 * The dated slots of plans as one iCalendar file (RFC 5545) an operator's calendar imports, written with
 * biweekly. A slot at the peak hour is a one-hour event in floating local time (the community's own clock,
 * whatever the calendar's zone); a slot without a known hour is an all-day event. UIDs and stamps follow from
 * the plan, so the same plan writes the same file and a re-import updates rather than duplicates.
 */
final class PlanCalendar {
    private PlanCalendar() {
    }

    static String write(List<Plan> plans, Lang lang) {
        Texts t = Texts.of(lang);
        ICalendar ical = new ICalendar();
        ical.setProductId("-//Community Advisor//Plan//" + lang.json().toUpperCase(java.util.Locale.ROOT));
        ZoneId zone = ZoneId.systemDefault();
        for (Plan plan : plans) {
            String name = plan.name() == null ? plan.communityId() : plan.name();
            ical.setName(t.get("plan.ics-name", name));
            for (Plan.Move move : plan.moves()) {
                String watch = move.watch().stream().map(w -> PlanReport.watch(w, lang))
                        .collect(Collectors.joining("; "));
                for (Plan.Slot slot : move.slots()) {
                    VEvent event = new VEvent();
                    event.setUid(plan.communityId() + "-" + slot.date() + "-" + slot.kind().json() + "@communityadvisor");
                    event.setDateTimeStamp(Date.from(plan.asOf().atStartOfDay(zone).toInstant()));
                    event.setSummary(name + ": " + slot.kind().label(lang));
                    event.setDescription(t.get("plan.slot-how." + slot.kind().json()) + "\n\n" + move.title() + "\n"
                            + move.action() + "\n"
                            + t.get("plan.ics-description", String.join(", ", move.carries()), watch));
                    if (slot.hour() == null) {
                        event.setDateStart(new ICalDate(Date.from(slot.date().atStartOfDay(zone).toInstant()), false));
                    } else {
                        event.setDateStart(new ICalDate(Date.from(slot.date().atTime(slot.hour(), 0).atZone(zone)
                                .toInstant()), true));
                        event.setDuration(Duration.builder().hours(1).build());
                        ical.getTimezoneInfo().setFloating(event.getDateStart(), true);
                    }
                    ical.addEvent(event);
                }
            }
        }
        return Biweekly.write(ical).go();
    }
}
