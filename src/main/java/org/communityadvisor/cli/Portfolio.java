package org.communityadvisor.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.communityadvisor.Lang;
import org.communityadvisor.Severity;

/**
 * Many communities ranked by urgency: most critical recommendations first, then most high ones, then the
 * lowest overall score (unknown last), then the worst trend (the mean change of the sub-scores against four
 * weeks earlier, in score points), then id.
 */
final class Portfolio {
    /** One community's line in the portfolio table. */
    record Row(int rank, Entry entry, long critical, long high, long total, Integer overall, Integer trend) {
    }

    private Portfolio() {
    }

    static List<Row> rank(List<Entry> entries) {
        Comparator<Row> urgency = Comparator.comparingLong((Row r) -> -r.critical())
                .thenComparingLong(r -> -r.high())
                .thenComparing(r -> r.overall() == null ? Integer.MAX_VALUE : r.overall())
                .thenComparing(r -> r.trend() == null ? Integer.MAX_VALUE : r.trend())
                .thenComparing(r -> r.entry().advice().communityId());
        List<Row> rows = entries.stream().map(e -> new Row(0, e, count(e, Severity.CRITICAL), count(e, Severity.HIGH),
                e.advice().recommendations().size(), e.advice().scores().overall(), trend(e))).sorted(urgency).toList();
        return java.util.stream.IntStream.range(0, rows.size()).mapToObj(i -> {
            Row r = rows.get(i);
            return new Row(i + 1, r.entry(), r.critical(), r.high(), r.total(), r.overall(), r.trend());
        }).toList();
    }

    private static long count(Entry e, Severity s) {
        return e.advice().recommendations().stream().filter(r -> r.severity() == s).count();
    }

    private static Integer trend(Entry e) {
        Map<String, Integer> change = e.advice().scores().change();
        return change.isEmpty() ? null
                : (int) Math.round(change.values().stream().mapToInt(Integer::intValue).average().orElse(0));
    }

    /** The first recommendation to do ({@code focus}), or "-" when there is nothing to do. */
    static String first(org.communityadvisor.Advice advice) {
        return advice.focus().isEmpty() ? "-" : advice.focus().get(0);
    }

    /** Pads to a display width (a Chinese character is two columns wide). */
    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - TextRenderer.width(s)));
    }

    static void text(List<Row> rows, Lang lang, PrintWriter out) {
        boolean zh = lang == Lang.ZH;
        int w = Math.max(10, rows.stream().mapToInt(r -> r.entry().advice().communityId().length()).max().orElse(10));
        out.println(zh ? "社群组合(按紧迫程度排序)" : "Portfolio, most urgent first");
        out.println(String.format("%4s  %-" + w + "s  %s %8s %5s %5s %7s %6s  %s", "#", zh ? "社群" : "community",
                pad(zh ? "阶段" : "stage", 10), zh ? "紧急" : "critical", zh ? "高" : "high", zh ? "全部" : "all",
                zh ? "综合分" : "overall", zh ? "趋势" : "trend", zh ? "先做" : "start with"));
        for (Row r : rows) {
            out.println(String.format("%4d  %-" + w + "s  %s %8d %5d %5d %7s %6s  %s", r.rank(),
                    r.entry().advice().communityId(), pad(r.entry().advice().stage().label(lang), 10), r.critical(),
                    r.high(), r.total(), r.overall() == null ? "?" : r.overall(),
                    r.trend() == null ? "?" : String.format("%+d", r.trend()), first(r.entry().advice())));
        }
        out.println();
    }
}
