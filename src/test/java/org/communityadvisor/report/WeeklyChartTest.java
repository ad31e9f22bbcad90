package org.communityadvisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Fixtures;
import org.communityadvisor.Lang;
import org.communityadvisor.Snapshot;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The HTML report's weekly charts (issue 14): one chart per series, each on a round axis from zero with
 * labelled ticks, week-ending dates under the x axis, and each week's value in a {@code <title>} (hover).
 */
class WeeklyChartTest {
    private static final Pattern POINT = Pattern.compile(
            "<circle class=\"point\" cx=\"([0-9.]+)\" cy=\"([0-9.]+)\"[^>]*><title>([^<]*)</title></circle>");

    /** A snapshot whose weekly history starts on 2026-08-30: members, messages and active members per week. */
    static Snapshot withHistory(Integer[] members, Integer[] messages, Integer[] active) {
        ObjectNode patch = Json.MAPPER.createObjectNode();
        ArrayNode history = patch.putArray("history");
        LocalDate week = LocalDate.of(2026, 8, 30);
        for (int i = 0; i < members.length; i++) {
            ObjectNode p = history.addObject().put("weekEnding", week.plusWeeks(i).toString());
            if (members[i] != null) {
                p.put("members", members[i]);
            }
            if (messages[i] != null) {
                p.put("messages", messages[i]);
            }
            if (active[i] != null) {
                p.put("activeMembers", active[i]);
            }
        }
        // asOf on or after the last week; the members total agrees with the last week's.
        patch.put("asOf", week.plusWeeks(members.length - 1).plusDays(1).toString());
        Integer last = members[members.length - 1];
        if (last != null) {
            patch.putObject("members").put("total", last);
        }
        return AdviceJson.readSnapshot(Fixtures.patched(patch));
    }

    static Snapshot discord() {
        return withHistory(new Integer[] {392, 394, 395, 397, 398, 399, 400, 401, 401, 401},
                new Integer[] {1950, 1900, 1930, 1880, 1900, 1910, 1890, 1870, 1150, 1100},
                new Integer[] {150, 146, 149, 138, 136, 133, 128, 126, 124, 45});
    }

    static String html(Snapshot s, Lang lang) {
        return HtmlReport.render(List.of(AdvisedCommunity.of(s, Fixtures.ADVISOR.advise(s, lang))), lang);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> series(Map<String, Object> chart) {
        return (List<Map<String, Object>>) chart.get("series");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    @Test
    void axesAreRoundIncludeZeroAndHaveThreeToFiveTicks() {
        assertThat(WeeklyChart.niceAxis(392, 401).ticks()).containsExactly(0L, 200L, 400L, 600L);
        assertThat(WeeklyChart.niceAxis(0, 1234).ticks()).containsExactly(0L, 500L, 1000L, 1500L);
        assertThat(WeeklyChart.niceAxis(1100, 1950).ticks()).containsExactly(0L, 500L, 1000L, 1500L, 2000L);
        assertThat(WeeklyChart.niceAxis(45, 150).ticks()).containsExactly(0L, 50L, 100L, 150L);
        assertThat(WeeklyChart.niceAxis(0, 0).ticks()).containsExactly(0L, 1L, 2L);
        assertThat(WeeklyChart.niceAxis(3, 3).ticks()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(WeeklyChart.niceAxis(7, 7).ticks()).containsExactly(0L, 2L, 4L, 6L, 8L);
        for (long hi = 0; hi < 30_000; hi += 7) {
            for (long lo : new long[] {0, hi / 2, hi}) {
                WeeklyChart.Axis a = WeeklyChart.niceAxis(lo, hi);
                assertThat(a.min()).as(lo + ".." + hi).isEqualTo(0);
                assertThat(a.max()).as(lo + ".." + hi).isGreaterThanOrEqualTo(hi);
                assertThat(a.ticks()).as(lo + ".." + hi).hasSizeBetween(3, 5);
                long step = a.step();
                while (step % 10 == 0) {
                    step /= 10;
                }
                assertThat(step).as(lo + ".." + hi).isIn(1L, 2L, 5L);
            }
        }
    }

    @Test
    void membersFrom392To401AreANearlyFlatLineNotTheFullHeight() {
        Map<String, Object> chart = WeeklyChart.of(discord().history(), Lang.EN);
        Map<String, Object> members = series(chart).get(0);
        assertThat(members.get("label")).isEqualTo("Members");
        assertThat(members.get("change")).isEqualTo("392 → 401");
        List<Double> ys = list(members, "points").stream().map(p -> Double.parseDouble((String) p.get("y"))).toList();
        double plot = WeeklyChart.HEIGHT - WeeklyChart.BOTTOM - WeeklyChart.TOP;
        double spread = ys.stream().mapToDouble(d -> d).max().orElseThrow() - ys.stream().mapToDouble(d -> d).min().orElseThrow();
        assertThat(spread).as("392 to 401 on an axis from 0 spans a sliver of the height").isLessThan(plot * 0.05);
        assertThat(list(members, "yTicks")).extracting(t -> t.get("label")).containsExactly("0", "200", "400", "600");
        // The zero tick is at the bottom of the plot, and 401 two thirds up.
        assertThat(Double.parseDouble((String) list(members, "yTicks").get(0).get("y")))
                .isEqualTo(WeeklyChart.HEIGHT - WeeklyChart.BOTTOM);
        assertThat(ys.get(ys.size() - 1)).isCloseTo(WeeklyChart.TOP + plot / 3, org.assertj.core.data.Offset.offset(1.0));
        Map<String, Object> messages = series(chart).get(1);
        assertThat(list(messages, "yTicks")).extracting(t -> t.get("label"))
                .containsExactly("0", "500", "1,000", "1,500", "2,000");
    }

    @Test
    void theReportShowsTickLabelsDatesAndEachWeeksValueOnHover() {
        String html = html(discord(), Lang.EN);
        for (String tick : List.of("0", "200", "400", "600", "1,000", "2,000", "50", "150")) {
            assertThat(html).contains("<text class=\"tick y-tick\"").containsPattern(
                    "<text class=\"tick y-tick\"[^>]*>" + Pattern.quote(tick) + "</text>");
        }
        assertThat(html).containsPattern("<text class=\"tick x-tick\"[^>]*>2026-08-30</text>")
                .containsPattern("<text class=\"tick x-tick\"[^>]*>11-01</text>")
                .contains(">Week ending</text>").contains("Messages per week").contains("Active members per week");
        assertThat(html).contains("<svg class=\"chart\"").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("<script src").doesNotContain("@import").doesNotContain("url(");
        List<String> titles = new ArrayList<>();
        Matcher m = POINT.matcher(html);
        while (m.find()) {
            titles.add(m.group(3));
        }
        assertThat(titles).hasSize(30).contains("2026-08-30: 392", "2026-11-01: 401", "2026-10-25: 1,150",
                "2026-11-01: 1,100", "2026-11-01: 45");
        // Three charts, each with its legend and its change.
        assertThat(html).contains("Members <span class=\"change\">(392 → 401)</span>")
                .contains("(1,950 → 1,100)").contains("(150 → 45)");
    }

    @Test
    void aMissingWeekBreaksTheLineAndHasNoMarker() {
        Snapshot s = withHistory(new Integer[] {100, 101, 102, 103, 104},
                new Integer[] {300, null, 320, 330, null}, new Integer[] {null, null, null, null, null});
        Map<String, Object> chart = WeeklyChart.of(s.history(), Lang.EN);
        assertThat(series(chart)).extracting(x -> x.get("label")).containsExactly("Members", "Messages per week");
        Map<String, Object> messages = series(chart).get(1);
        assertThat(list(messages, "points")).extracting(p -> p.get("title"))
                .containsExactly("2026-08-30: 300", "2026-09-13: 320", "2026-09-20: 330");
        // 300 stands alone (a marker, no line); 320 and 330 are joined.
        assertThat((List<?>) messages.get("segments")).hasSize(1);
        assertThat((String) ((List<?>) messages.get("segments")).get(0)).matches("[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+");
        assertThat(html(s, Lang.EN)).doesNotContain("Active members per week");
    }

    @Test
    void twoWeeksShowBothDates() {
        Snapshot s = withHistory(new Integer[] {220, 222}, new Integer[] {5, 8}, new Integer[] {3, 4});
        Map<String, Object> chart = WeeklyChart.of(s.history(), Lang.EN);
        assertThat(series(chart)).hasSize(3);
        for (Map<String, Object> x : series(chart)) {
            assertThat(list(x, "xTicks")).extracting(t -> t.get("label")).containsExactly("2026-08-30", "09-06");
            assertThat(list(x, "points")).hasSize(2);
            assertThat((List<?>) x.get("segments")).hasSize(1);
        }
        assertThat(WeeklyChart.of(s.history().subList(0, 1), Lang.EN)).as("one week is no chart").isNull();
    }

    @Test
    void aYearOfWeeksHasThinnedDateLabelsThatDoNotOverlap() {
        int n = 60;
        Integer[] members = new Integer[n];
        Integer[] messages = new Integer[n];
        Integer[] active = new Integer[n];
        for (int i = 0; i < n; i++) {
            members[i] = 300 + i;
            messages[i] = 1000 + 37 * i;
            active[i] = 40 + i % 7;
        }
        Snapshot s = withHistory(members, messages, active);
        for (Map<String, Object> x : series(WeeklyChart.of(s.history(), Lang.EN))) {
            List<Map<String, Object>> ticks = list(x, "xTicks");
            assertThat(ticks.size()).isBetween(3, 8);
            assertThat(ticks.get(0).get("label")).isEqualTo("2026-08-30");
            // The year changes on the way: the first label in 2027 has its year; the last week (2027-10-17) is labelled.
            List<Object> labels = ticks.stream().map(t -> t.get("label")).toList();
            assertThat(labels).endsWith("10-17");
            assertThat(labels.stream().filter(l -> ((String) l).startsWith("2027-")).count()).isEqualTo(1);
            assertThat(labels.stream().filter(l -> ((String) l).length() == 10).count()).isEqualTo(2);
            for (int i = 1; i < ticks.size(); i++) {
                double gap = Double.parseDouble((String) ticks.get(i).get("x"))
                        - Double.parseDouble((String) ticks.get(i - 1).get("x"));
                double room = (((String) ticks.get(i).get("label")).length()
                        + ((String) ticks.get(i - 1).get("label")).length()) / 2.0 * 6.2;
                assertThat(gap).as("labels " + (i - 1) + " and " + i + " do not overlap").isGreaterThan(room);
            }
            assertThat(list(x, "points")).hasSize(n);
            assertThat(list(x, "yTicks")).hasSizeBetween(3, 5);
        }
    }

    @Test
    void inChineseTheChartsWordsAreChinese() {
        String html = html(discord(), Lang.ZH);
        int from = html.indexOf("<div class=\"charts\">");
        int to = html.indexOf("<h3>", from);
        assertThat(from).isPositive();
        String text = html.substring(from, to).replaceAll("<[^>]*>", " ").replace("&gt;", ">");
        assertThat(text).contains("成员").contains("每周消息").contains("每周活跃成员").contains("每周截止日期")
                .contains("2026-08-30: 392").contains("600");
        assertThat(text).as("no Latin letters in the Chinese charts").doesNotContainPattern("[A-Za-z]");
        assertThat(html).contains("<svg class=\"chart\"");
    }
}
