package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;

/** The plan of the book club's first month: few moves, the focus this week, dated slots in four weeks. */
class PlanTest {
    static Snapshot bookClub(Integer peakHour) throws Exception {
        JsonNode root = Json.MAPPER.readTree(Files.readString(Path.of("scenarios/book-club-first-month.json")));
        ObjectNode snapshot = (ObjectNode) root.get("snapshot");
        if (peakHour != null) {
            ((ObjectNode) snapshot.get("activity")).put("peakHour", peakHour);
        }
        return AdviceJson.readSnapshot(snapshot.toString());
    }

    @Test
    void theBookClubsPlanHasAtMostSevenNearMovesWithTheFocusThisWeek() throws Exception {
        Snapshot s = bookClub(null);
        Advice advice = Fixtures.ADVISOR.advise(s);
        Plan plan = Fixtures.ADVISOR.plan(s);
        List<Plan.Move> near = plan.moves().stream().filter(m -> m.horizon() != Plan.Horizon.LATER).toList();
        assertThat(near).hasSizeBetween(3, Plan.MAX_NEAR);
        assertThat(plan.moves(Plan.Horizon.THIS_WEEK).stream().flatMap(m -> m.carries().stream()))
                .containsAll(advice.focus());
        // every recommendation is carried by exactly one move
        assertThat(plan.moves().stream().flatMap(m -> m.carries().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(advice.ids());
        // the content calendar carries the weekly official interaction it contains
        Plan.Move calendar = plan.moves().stream().filter(m -> m.carries().get(0).equals("operations.content-calendar"))
                .findFirst().orElseThrow();
        assertThat(calendar.carries()).contains("activity.weekly-official");
        // the figure to watch for too few members: members.total, to reach minViableMembers
        Plan.Move size = plan.moves().stream().filter(m -> m.carries().contains("size.below-viable")).findFirst().orElseThrow();
        assertThat(size.owner()).isEqualTo(Plan.Role.OWNER);
        assertThat(size.watch()).containsExactly(new Plan.Watch("members.total", 24, Plan.Op.AT_LEAST, 30, "minViableMembers"));
        Plan.Move rules = plan.moves().stream().filter(m -> m.carries().contains("governance.rules")).findFirst().orElseThrow();
        assertThat(rules.watch()).containsExactly(new Plan.Watch("operations.rules", false, Plan.Op.IS, true, null));
    }

    @Test
    void slotsFallInTheFourWeeksAfterAsOfAtThePeakHour() throws Exception {
        for (Integer hour : new Integer[] {null, 19}) {
            Plan plan = Fixtures.ADVISOR.plan(bookClub(hour));
            List<Plan.Slot> slots = plan.moves().stream().flatMap(m -> m.slots().stream()).toList();
            assertThat(slots).as("recurring moves get slots").hasSizeGreaterThanOrEqualTo(8);
            assertThat(slots).allSatisfy(slot -> {
                assertThat(slot.date()).isAfter(plan.asOf()).isBeforeOrEqualTo(plan.asOf().plusDays(28));
                assertThat(slot.hour()).isEqualTo(hour);
            });
            assertThat(slots).extracting(Plan.Slot::kind).contains(Plan.Kind.OFFICIAL_INTERACTION, Plan.Kind.TOPIC,
                    Plan.Kind.REVIEW, Plan.Kind.LIVE_SHARE);
            assertThat(slots.stream().filter(x -> x.kind() == Plan.Kind.LIVE_SHARE))
                    .allSatisfy(x -> assertThat(x.date().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY))
                    .hasSize(4);
        }
    }

    @Test
    void theReportsShowEveryHorizonAndEscapeTheInput() throws Exception {
        JsonNode root = Json.MAPPER.readTree(Files.readString(Path.of("scenarios/book-club-first-month.json")));
        ObjectNode snapshot = (ObjectNode) root.get("snapshot");
        snapshot.put("name", "<b>Club</b> *x*");
        Plan plan = Fixtures.ADVISOR.plan(AdviceJson.readSnapshot(snapshot.toString()));
        String html = org.communityadvisor.report.PlanReport.render(plan, Lang.EN, org.communityadvisor.report.PlanReport.Format.HTML);
        assertThat(html).contains("&lt;b&gt;Club&lt;/b&gt;").doesNotContain("<b>Club");
        String md = org.communityadvisor.report.PlanReport.render(plan, Lang.EN, org.communityadvisor.report.PlanReport.Format.MD);
        assertThat(md).contains("\\*x\\*").doesNotContain("<b>");
        String zh = org.communityadvisor.report.PlanReport.render(plan, Lang.ZH, org.communityadvisor.report.PlanReport.Format.TEXT);
        assertThat(zh).contains("== 本周 ==", "== 本月 ==", "== 以后 ==", "负责人: 群主", "成员 24 人 → 达到 30 以上",
                "周六 2026-10-24 高峰时段(待确认) · 周末线上分享");
    }

    @Test
    void theJsonNamesHorizonsRolesAndSlots() throws Exception {
        String json = Json.MAPPER.writeValueAsString(Fixtures.ADVISOR.plan(bookClub(20)));
        assertThat(json).contains("\"horizon\":\"this-week\"", "\"owner\":\"owner\"", "\"kind\":\"live-share\"",
                "\"op\":\"at-least\"", "\"hour\":20");
    }
}
