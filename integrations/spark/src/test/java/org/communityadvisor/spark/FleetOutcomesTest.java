package org.communityadvisor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** How one partition's sorted lines become outcomes, without a Spark session: one run of lines per group. */
class FleetOutcomesTest {
    static final List<LocalDate> DAYS = List.of(LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-20"));
    static final String FACTS = "{\"groupId\":\"%s\",\"platform\":\"wechat\",\"createdOn\":\"2026-10-01\","
            + "\"members\":{\"total\":9}}";

    static Row facts(String group) {
        return RowFactory.create(group, Long.MIN_VALUE, 0L, 0L, "facts", null, null, null, null, false, null, null,
                FACTS.formatted(group));
    }

    static Row message(String group, String day, long seq) {
        long nanos = LocalDate.parse(day).atTime(9, 0).toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000_000L;
        return RowFactory.create(group, nanos, seq, nanos, "MESSAGE", "u" + seq, "m" + seq, null, null, false, null,
                null, null);
    }

    static List<FleetJob.Outcome> outcomes(Row... rows) {
        List<FleetJob.Outcome> out = new ArrayList<>();
        FleetJob.outcomes(List.of(rows).iterator(), DAYS).forEachRemaining(out::add);
        return out;
    }

    @Test
    void eachGroupGivesOneOutcomePerDayAndFactsWithoutEventsGiveNone() {
        var out = outcomes(facts("a"), message("a", "2026-11-19", 1), message("a", "2026-11-20", 2), facts("b"),
                message("c", "2026-11-20", 3));
        assertThat(out).extracting(FleetJob.Outcome::groupId).containsExactly("a", "a", "c", "c");
        assertThat(out.get(0).snapshot().activity().messages7d()).isEqualTo(1);
        assertThat(out.get(1).snapshot().activity().messages7d()).isEqualTo(2);
        // c has no facts: refused as the importer refuses it
        assertThat(out.get(2).refused().getMessage()).contains("platform");
    }

    @Test
    void aGroupListedTwiceInTheGroupsFileIsRefusedOnEveryDay() {
        var out = outcomes(facts("a"), facts("a"), message("a", "2026-11-19", 1), facts("b"),
                message("b", "2026-11-20", 2));
        assertThat(out).extracting(FleetJob.Outcome::groupId).containsExactly("a", "a", "b", "b");
        assertThat(out.subList(0, 2)).allSatisfy(o -> {
            assertThat(o.snapshot()).isNull();
            assertThat(o.refused().getMessage()).contains("lists the group twice");
        });
        assertThat(out.get(3).snapshot().activity().messages7d()).isEqualTo(1);
    }
}
