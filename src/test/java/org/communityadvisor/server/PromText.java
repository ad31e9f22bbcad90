package org.communityadvisor.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4 (promtool is not on every machine, and the
 * Java client has no parser): every line is a HELP, a TYPE or a sample of the family just typed, with escaped
 * label values and a float value; a histogram's buckets are cumulative, end with {@code +Inf} and agree with
 * {@code _count}. Anything else fails with the line quoted.
 */
final class PromText {
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern LINE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Pattern VALUE = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?|Inf)|NaN");

    final List<Sample> samples = new ArrayList<>();
    final Map<String, String> types = new LinkedHashMap<>();

    static PromText parse(String text) {
        PromText out = new PromText();
        if (!text.endsWith("\n")) {
            throw new AssertionError("the exposition does not end with a newline");
        }
        String family = null;
        String type = null;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                family = m.group(1);
                type = null;
                if (out.types.containsKey(family)) {
                    throw new AssertionError("family " + family + " appears twice");
                }
            } else if ((m = TYPE.matcher(line)).matches()) {
                if (!m.group(1).equals(family) || type != null) {
                    throw new AssertionError("TYPE not right after its HELP: " + line);
                }
                type = m.group(2);
                out.types.put(family, type);
            } else if ((m = LINE.matcher(line)).matches()) {
                String name = m.group(1);
                if (type == null || !name.equals(family) && !(type.equals("histogram")
                        && List.of(family + "_bucket", family + "_count", family + "_sum").contains(name))) {
                    throw new AssertionError("sample outside its family " + family + ": " + line);
                }
                Map<String, String> labels = new LinkedHashMap<>();
                if (m.group(3) != null) {
                    Matcher l = LABEL.matcher(m.group(3));
                    int at = 0;
                    while (at < m.group(3).length()) {
                        if (!l.find(at) || l.start() != at) {
                            throw new AssertionError("bad labels: " + line);
                        }
                        if (labels.put(l.group(1), l.group(2)) != null) {
                            throw new AssertionError("label twice: " + line);
                        }
                        at = l.end();
                    }
                }
                if (!VALUE.matcher(m.group(4)).matches()) {
                    throw new AssertionError("bad value: " + line);
                }
                out.samples.add(new Sample(name, labels, Double.parseDouble(m.group(4).replace("Inf", "Infinity"))));
            } else {
                throw new AssertionError("not a line of the text format: " + line);
            }
        }
        out.types.forEach((name, t) -> {
            if (t.equals("histogram")) {
                out.checkHistogram(name);
            }
        });
        return out;
    }

    private void checkHistogram(String name) {
        Map<Map<String, String>, List<Sample>> bySeries = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (s.name.equals(name + "_bucket")) {
                Map<String, String> series = new LinkedHashMap<>(s.labels);
                series.remove("le");
                bySeries.computeIfAbsent(series, k -> new ArrayList<>()).add(s);
            }
        }
        bySeries.forEach((series, buckets) -> {
            double previousLe = Double.NEGATIVE_INFINITY;
            double previous = 0;
            for (Sample b : buckets) {
                double le = Double.parseDouble(b.labels.get("le").replace("+Inf", "Infinity"));
                if (le <= previousLe || b.value < previous) {
                    throw new AssertionError(name + series + ": buckets not ascending and cumulative at le=" + le);
                }
                previousLe = le;
                previous = b.value;
            }
            if (previousLe != Double.POSITIVE_INFINITY) {
                throw new AssertionError(name + series + ": no +Inf bucket");
            }
            if (value(name + "_count", series) != previous) {
                throw new AssertionError(name + series + ": _count is not the +Inf bucket");
            }
            value(name + "_sum", series);
        });
    }

    /** The value of one sample, by name and exactly these labels. */
    double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name.equals(name) && s.labels.equals(labels)).mapToDouble(Sample::value)
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + name + labels));
    }

    /** The value of one sample, or 0 when absent. */
    double valueOr0(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name.equals(name) && s.labels.equals(labels)).mapToDouble(Sample::value)
                .findFirst().orElse(0);
    }

    /** The samples of a name. */
    List<Sample> all(String name) {
        return samples.stream().filter(s -> s.name.equals(name)).toList();
    }

    /** One series' buckets by their {@code le} label, in the order they appear. */
    Map<String, Long> buckets(String name, String path) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Sample s : all(name + "_bucket")) {
            if (path.equals(s.labels.get("path"))) {
                out.put(s.labels.get("le"), (long) s.value);
            }
        }
        return out;
    }
}
