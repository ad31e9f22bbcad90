package org.communityadvisor.cli;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.communityadvisor.Advice;
import org.communityadvisor.Lang;
import org.communityadvisor.Scores;
import org.communityadvisor.Snapshot;
import org.communityadvisor.engine.Values;

/**
 * Reports a consultant hands to a client: one self-contained HTML file (inline CSS and SVG, opens offline)
 * or Markdown, rendered from templates in {@code src/main/resources/templates}. The HTML engine escapes every
 * value from the input.
 */
final class Report {
    private static final PebbleEngine HTML = engine(true);
    private static final PebbleEngine TEXT = engine(false);

    private Report() {
    }

    private static PebbleEngine engine(boolean escape) {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("org/communityadvisor/templates");
        return new PebbleEngine.Builder().loader(loader).autoEscaping(escape).strictVariables(true)
                .newLineTrimming(false).extension(new MarkdownExtension()).build();
    }

    /** {@code | md}: text from the input made inert in Markdown (no markup, no raw HTML). */
    static final class MarkdownExtension extends io.pebbletemplates.pebble.extension.AbstractExtension {
        @Override
        public Map<String, io.pebbletemplates.pebble.extension.Filter> getFilters() {
            return Map.of("md", new io.pebbletemplates.pebble.extension.Filter() {
                @Override
                public List<String> getArgumentNames() {
                    return null;
                }

                @Override
                public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
                                    io.pebbletemplates.pebble.template.EvaluationContext context, int lineNumber) {
                    return input == null ? "" : escapeMarkdown(input.toString());
                }
            });
        }
    }

    static String escapeMarkdown(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!' -> out.append('\\').append(ch);
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    static String html(List<Entry> entries, Lang lang) {
        return render(HTML.getTemplate("report.html.peb"), entries, lang);
    }

    static String markdown(List<Entry> entries, Lang lang) {
        return render(TEXT.getTemplate("report.md.peb"), entries, lang);
    }

    private static String render(PebbleTemplate template, List<Entry> entries, Lang lang) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang.json());
        model.put("t", labels(lang));
        model.put("communities", entries.stream().map(e -> community(e, lang)).toList());
        model.put("portfolio", entries.size() > 1 ? Portfolio.rank(entries).stream().map(r -> Map.ofEntries(
                Map.entry("rank", r.rank()), Map.entry("id", r.entry().advice().communityId()),
                Map.entry("name", name(r.entry().snapshot())),
                Map.entry("stage", r.entry().advice().stage().label(lang)),
                Map.entry("critical", r.critical()), Map.entry("high", r.high()), Map.entry("total", r.total()),
                Map.entry("overall", r.overall() == null ? "?" : r.overall().toString()),
                Map.entry("trend", r.trend() == null ? "?" : String.format("%+d", r.trend())),
                Map.entry("first", Portfolio.first(r.entry().advice())))).toList() : List.of());
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String name(Snapshot s) {
        return s.name() == null ? s.id() : s.name();
    }

    private static Map<String, Object> community(Entry e, Lang lang) {
        Advice a = e.advice();
        Snapshot s = e.snapshot();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", a.communityId());
        c.put("name", name(s));
        c.put("platform", s.platform().label(lang));
        c.put("asOf", a.asOf().toString());
        c.put("members", s.members().total());
        c.put("stage", a.stage().label(lang));
        c.put("focus", a.focusRecommendations().stream().map(r -> Map.of("rank", r.rank(), "id", r.id(),
                "title", r.title())).toList());
        c.put("stageReasons", a.stageReasons());
        c.put("recommendations", a.recommendations().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", r.rank());
            m.put("id", r.id());
            m.put("category", r.category());
            m.put("severity", r.severity().json());
            m.put("severityLabel", r.severity().label(lang));
            m.put("title", r.title());
            m.put("action", r.action());
            m.put("why", r.why());
            m.put("evidence", r.evidence().entrySet().stream()
                    .map(x -> Map.of("name", x.getKey(), "value", Values.display(x.getValue(), lang))).toList());
            m.put("document", r.source().document());
            m.put("quote", Values.readableQuote(r.source().quote()));
            return m;
        }).toList());
        c.put("suppressed", a.suppressed());
        c.put("dataGaps", a.dataGaps());
        c.put("scores", gauges(a.scores(), lang));
        c.put("chart", chart(s.history(), lang));
        c.put("rulesVersion", a.rulesVersion());
        c.put("profile", a.profile().name());
        return c;
    }

    /** Each score as a half-circle gauge: the SVG arc path of its value. */
    private static List<Map<String, Object>> gauges(Scores s, Lang lang) {
        boolean zh = lang == Lang.ZH;
        Object[][] items = {
            {zh ? "综合" : "Overall", s.overall()}, {zh ? "活跃" : "Activity", s.activity()},
            {zh ? "参与" : "Participation", s.participation()}, {zh ? "增长" : "Growth", s.growth()},
            {zh ? "转化" : "Conversion", s.conversion()}, {zh ? "忠诚" : "Loyalty", s.loyalty()},
            {zh ? "影响力" : "Influence", s.influence()}};
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] item : items) {
            Integer v = (Integer) item[1];
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("label", item[0]);
            g.put("value", v == null ? "?" : v.toString());
            double angle = Math.PI * (v == null ? 0 : v) / 100.0;
            g.put("arc", v == null || v == 0 ? "" : String.format(Locale.ROOT, "M10,60 A50,50 0 0 1 %.2f,%.2f",
                    60 - 50 * Math.cos(angle), 60 - 50 * Math.sin(angle)));
            g.put("color", v == null ? "#999" : v >= 70 ? "#2e7d32" : v >= 40 ? "#f9a825" : "#c62828");
            out.add(g);
        }
        return out;
    }

    /**
     * The weekly history as SVG polylines (members, messages, active members), each scaled between its own
     * lowest and highest value so a trend shows; the legend gives first and last values.
     */
    private static Map<String, Object> chart(List<Snapshot.HistoryPoint> history, Lang lang) {
        if (history == null || history.size() < 2) {
            return null;
        }
        boolean zh = lang == Lang.ZH;
        int w = 600;
        int h = 160;
        List<Map<String, Object>> series = new ArrayList<>();
        Object[][] defs = {
            {zh ? "成员" : "Members", "#1565c0", 0}, {zh ? "消息" : "Messages", "#ef6c00", 1},
            {zh ? "活跃成员" : "Active members", "#2e7d32", 2}};
        for (Object[] d : defs) {
            int which = (Integer) d[2];
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (Snapshot.HistoryPoint p : history) {
                Integer v = value(p, which);
                if (v != null) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
            double span = max - min;
            StringBuilder points = new StringBuilder();
            Integer first = null;
            Integer last = null;
            for (int i = 0; i < history.size(); i++) {
                Integer v = value(history.get(i), which);
                if (v == null) {
                    continue;
                }
                double x = 20 + (w - 40) * i / (double) (history.size() - 1);
                double y = span == 0 ? h / 2.0 : h - 20 - (h - 40) * (v - min) / span;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                first = first == null ? v : first;
                last = v;
            }
            if (points.length() > 0) {
                series.add(Map.of("label", d[0], "color", d[1], "points", points.toString().trim(),
                        "last", first + " → " + last));
            }
        }
        return Map.of("width", w, "height", h, "series", series, "from", history.get(0).weekEnding().toString(),
                "to", history.get(history.size() - 1).weekEnding().toString(), "weeks", history.size());
    }

    private static Integer value(Snapshot.HistoryPoint p, int which) {
        return switch (which) {
            case 0 -> p.members();
            case 1 -> p.messages();
            default -> p.activeMembers();
        };
    }

    private static Map<String, String> labels(Lang lang) {
        boolean zh = lang == Lang.ZH;
        Map<String, String> t = new HashMap<>();
        t.put("title", zh ? "社群运营建议报告" : "Community advice report");
        t.put("portfolio", zh ? "社群组合(按紧迫程度排序)" : "Portfolio, most urgent first");
        t.put("community", zh ? "社群" : "Community");
        t.put("stage", zh ? "阶段" : "Stage");
        t.put("critical", zh ? "紧急" : "Critical");
        t.put("high", zh ? "高" : "High");
        t.put("all", zh ? "全部建议" : "All advice");
        t.put("overall", zh ? "综合分" : "Overall");
        t.put("trend", zh ? "4 周趋势" : "4-week trend");
        t.put("focus", zh ? "先做这几件" : "Start with");
        t.put("first", zh ? "先做" : "Start with");
        t.put("asOf", zh ? "日期" : "As of");
        t.put("members", zh ? "成员" : "Members");
        t.put("platform", zh ? "平台" : "Platform");
        t.put("scores", zh ? "评分" : "Scores");
        t.put("history", zh ? "每周记录" : "Weekly history");
        t.put("weeks", zh ? "周" : "weeks");
        t.put("recommendations", zh ? "建议" : "Recommendations");
        t.put("none", zh ? "没有建议:规则未发现需要处理的问题。" : "No recommendations: nothing in the rules calls for action.");
        t.put("do", zh ? "做法" : "What to do");
        t.put("why", zh ? "原因" : "Why");
        t.put("evidence", zh ? "依据" : "Evidence");
        t.put("source", zh ? "出处" : "Source");
        t.put("suppressed", zh ? "暂缓的建议" : "Held back");
        t.put("by", zh ? "因" : "by");
        t.put("gaps", zh ? "未知数据(补全后可做更多判断)" : "Unknown data that would let more rules decide");
        t.put("generated", zh ? "由社群顾问生成" : "Generated by Community Advisor");
        t.put("rules", zh ? "规则版本" : "rules");
        t.put("profile", zh ? "配置" : "profile");
        return t;
    }
}
