package org.communityadvisor.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.communityadvisor.Lang;
import org.communityadvisor.Snapshot;

/**
 * The HTML report's weekly history as small multiples: one chart per series (members, messages per week, active
 * members per week), since their sizes differ a hundredfold and one shared scale would flatten the smaller ones.
 * Each chart's y axis starts at zero and ends at a round number, with three to five labelled ticks a round step
 * apart (1, 2 or 5 times a power of ten), so a small change reads as small (392 to 401 members is a nearly flat
 * line, not the full height); its x axis is the week-ending date, labelled at the first and last week and as
 * many between as fit without overlapping. Every week has a marker whose SVG {@code <title>} gives its date and
 * value (the browser's own tooltip: no script, nothing loaded from outside). A week without a value breaks the
 * line.
 *
 * <p>All geometry and every label are computed here; the template only writes them out (escaped).
 */
final class WeeklyChart {
    static final int WIDTH = 300;
    static final int HEIGHT = 184;
    static final int LEFT = 48;
    static final int RIGHT = 24;
    static final int TOP = 10;
    static final int BOTTOM = 38;
    /** The most intervals between y ticks: at most five ticks. */
    static final int MAX_INTERVALS = 4;
    /** About how wide one character of a 10-unit tick label is, in SVG units. */
    private static final double CHAR_WIDTH = 6.2;
    private static final double LABEL_GAP = 8;
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    private WeeklyChart() {
    }

    /**
     * A value axis from {@code min} to {@code max} by {@code step}: it includes zero, its step is 1, 2 or 5
     * times a power of ten, and it has two to four intervals (three to five ticks).
     */
    record Axis(long min, long max, long step) {
        List<Long> ticks() {
            List<Long> out = new ArrayList<>();
            for (long v = min; v <= max; v += step) {
                out.add(v);
            }
            return out;
        }
    }

    /** The round axis for values between {@code lo} and {@code hi}, zero included. */
    static Axis niceAxis(long lo, long hi) {
        long from = Math.min(0, Math.min(lo, hi));
        long to = Math.max(0, Math.max(lo, hi));
        if (to == from) {
            to = from + 1;
        }
        for (long magnitude = 1; ; magnitude *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                long step = m * magnitude;
                long bottom = Math.floorDiv(from, step);
                long top = -Math.floorDiv(-to, step);
                if (top - bottom <= MAX_INTERVALS) {
                    if (top - bottom < 2) {
                        top = bottom + 2; // at least three ticks
                    }
                    return new Axis(bottom * step, top * step, step);
                }
            }
        }
    }

    /** A count as the report writes it: digits grouped by thousands. */
    static String number(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /**
     * The charts of this history, one per series with at least one known value; {@code null} below two weeks.
     * The map has {@code width}, {@code height}, {@code from}, {@code to}, {@code weeks} and {@code series}.
     */
    static Map<String, Object> of(List<Snapshot.HistoryPoint> history, Lang lang) {
        if (history == null || history.size() < 2) {
            return null;
        }
        Map<String, String> t = Labels.of(lang);
        List<Map<String, Object>> series = new ArrayList<>();
        add(series, history, t.get("chartMembers"), "#1565c0", Snapshot.HistoryPoint::members, t);
        add(series, history, t.get("chartMessages"), "#ef6c00", Snapshot.HistoryPoint::messages, t);
        add(series, history, t.get("chartActive"), "#2e7d32", Snapshot.HistoryPoint::activeMembers, t);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("width", WIDTH);
        chart.put("height", HEIGHT);
        chart.put("from", history.get(0).weekEnding().toString());
        chart.put("to", history.get(history.size() - 1).weekEnding().toString());
        chart.put("weeks", history.size());
        chart.put("series", series);
        return chart;
    }

    private static void add(List<Map<String, Object>> out, List<Snapshot.HistoryPoint> history, String label,
            String color, Function<Snapshot.HistoryPoint, Integer> value, Map<String, String> t) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        Integer first = null;
        Integer last = null;
        for (Snapshot.HistoryPoint p : history) {
            Integer v = value.apply(p);
            if (v != null) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                first = first == null ? v : first;
                last = v;
            }
        }
        if (first == null) {
            return;
        }
        Axis axis = niceAxis(lo, hi);
        double[] xs = xs(history);
        double bottom = HEIGHT - BOTTOM;
        double right = WIDTH - RIGHT;

        List<Map<String, Object>> yTicks = new ArrayList<>();
        for (long tick : axis.ticks()) {
            yTicks.add(Map.of("y", fmt(y(tick, axis)), "label", number(tick), "x1", LEFT, "x2", fmt(right),
                    "tx", LEFT - 6));
        }
        List<Map<String, Object>> xTicks = new ArrayList<>();
        for (DateLabel date : dateLabels(history, xs)) {
            int i = date.index();
            String text = date.text();
            double half = width(text) / 2;
            String anchor = xs[i] + half > WIDTH ? "end" : xs[i] - half < 0 ? "start" : "middle";
            xTicks.add(Map.of("x", fmt(xs[i]), "label", text, "anchor", anchor, "y1", fmt(bottom),
                    "y2", fmt(bottom + 4), "ty", fmt(bottom + 15)));
        }
        List<String> segments = new ArrayList<>();
        List<Map<String, Object>> points = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < history.size(); i++) {
            Snapshot.HistoryPoint p = history.get(i);
            Integer v = value.apply(p);
            if (v == null) {
                if (segment.length() > 0) {
                    segments.add(segment.toString().trim());
                    segment.setLength(0);
                }
                continue;
            }
            double y = y(v, axis);
            segment.append(fmt(xs[i])).append(',').append(fmt(y)).append(' ');
            points.add(Map.of("x", fmt(xs[i]), "y", fmt(y), "title", p.weekEnding() + ": " + number(v)));
        }
        if (segment.length() > 0) {
            segments.add(segment.toString().trim());
        }
        segments.removeIf(s -> !s.contains(" ")); // a lone week shows as its marker only

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("label", label);
        s.put("color", color);
        s.put("change", number(first) + " → " + number(last));
        s.put("left", LEFT);
        s.put("right", fmt(right));
        s.put("top", TOP);
        s.put("bottom", fmt(bottom));
        s.put("yTicks", yTicks);
        s.put("xTicks", xTicks);
        s.put("axisTitle", t.get("weekEnding"));
        s.put("axisTitleX", fmt((LEFT + right) / 2));
        s.put("axisTitleY", fmt(HEIGHT - 4));
        s.put("segments", segments);
        s.put("points", points);
        out.add(s);
    }

    /** Each week's x: by date, so a missing week leaves its gap; by position if the dates do not increase. */
    private static double[] xs(List<Snapshot.HistoryPoint> history) {
        int n = history.size();
        boolean increasing = true;
        for (int i = 1; i < n; i++) {
            LocalDate a = history.get(i - 1).weekEnding();
            LocalDate b = history.get(i).weekEnding();
            increasing &= a != null && b != null && b.isAfter(a);
        }
        double width = WIDTH - RIGHT - LEFT;
        double[] xs = new double[n];
        long start = increasing ? history.get(0).weekEnding().toEpochDay() : 0;
        double span = increasing ? history.get(n - 1).weekEnding().toEpochDay() - start : n - 1;
        for (int i = 0; i < n; i++) {
            double at = increasing ? history.get(i).weekEnding().toEpochDay() - start : i;
            xs[i] = LEFT + width * at / span;
        }
        return xs;
    }

    /** A date written under the x axis, at week {@code index}. */
    record DateLabel(int index, String text) {
    }

    /**
     * The dates written under the x axis: the first and the last week and as many between as fit without
     * overlapping. The first label has its year, later ones month and day only unless the year changed since
     * the label before.
     */
    static List<DateLabel> dateLabels(List<Snapshot.HistoryPoint> history, double[] xs) {
        int n = history.size();
        List<DateLabel> out = new ArrayList<>();
        out.add(new DateLabel(0, text(history, 0, -1)));
        for (int i = 1; i < n - 1; i++) {
            DateLabel previous = out.get(out.size() - 1);
            String text = text(history, i, previous.index());
            String last = text(history, n - 1, i);
            if (fits(xs, previous, new DateLabel(i, text)) && fits(xs, new DateLabel(i, text), new DateLabel(n - 1, last))) {
                out.add(new DateLabel(i, text));
            }
        }
        // The loop left room for the last week's date (the first and the last are a plot's width apart).
        out.add(new DateLabel(n - 1, text(history, n - 1, out.get(out.size() - 1).index())));
        return out;
    }

    private static boolean fits(double[] xs, DateLabel a, DateLabel b) {
        return xs[b.index()] - xs[a.index()] >= (width(a.text()) + width(b.text())) / 2 + LABEL_GAP;
    }

    private static String text(List<Snapshot.HistoryPoint> history, int i, int previousLabel) {
        LocalDate d = history.get(i).weekEnding();
        if (d == null) {
            return "";
        }
        LocalDate previous = previousLabel < 0 ? null : history.get(previousLabel).weekEnding();
        return previous == null || previous.getYear() != d.getYear() ? d.toString() : MONTH_DAY.format(d);
    }

    private static double width(String label) {
        return label.length() * CHAR_WIDTH;
    }

    private static double y(long v, Axis axis) {
        return TOP + (HEIGHT - BOTTOM - TOP) * (axis.max() - v) / (double) (axis.max() - axis.min());
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
