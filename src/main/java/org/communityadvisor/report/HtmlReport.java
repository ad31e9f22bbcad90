package org.communityadvisor.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

/**
 * The report a consultant hands to a client as one self-contained HTML page (inline CSS and SVG, opens
 * offline): with several communities the {@link Portfolio} ranking first, then for each community its focus,
 * stage, score gauges, weekly charts ({@link WeeklyChart}), recommendations, what was held back and the unknown data. Every value from
 * the input is HTML-escaped. Thread-safe.
 *
 * <p>This report, alone of the reports, renders through the Pebble template engine, which the advisor's
 * artifact declares optional: an application that calls it adds the dependency {@code io.pebbletemplates:pebble}
 * itself; without it {@link #render} throws an {@link IllegalStateException} that says so.
 *
 * <pre>{@code
 * String html = HtmlReport.render(AdvisedCommunity.ofAll(List.of(advisor.advise(json))), Lang.EN);
 * Files.writeString(Path.of("report.html"), HtmlReport.render(List.of(AdvisedCommunity.of(snapshot, advice)), Lang.ZH));
 * }</pre>
 */
public final class HtmlReport {
    static final String PEBBLE = "io.pebbletemplates.pebble.PebbleEngine";
    static final String TEMPLATE = "/org/communityadvisor/templates/report.html.peb";

    private HtmlReport() {
    }

    /**
     * The report on these communities as one HTML page, its fixed words in this language.
     *
     * @throws IllegalStateException when the template engine Pebble ({@code io.pebbletemplates:pebble}) is not on
     *                               the classpath
     */
    public static String render(List<AdvisedCommunity> communities, Lang lang) {
        return org.communityadvisor.report.internal.TerminalText.inert(document(communities, lang));
    }

    private static String document(List<AdvisedCommunity> communities, Lang lang) {
        requirePebble();
        Map<String, Object> model = model(communities, lang);
        try {
            return Pebble.render(model);
        } catch (NoClassDefFoundError | ExceptionInInitializerError e) {
            throw missing(e);
        }
    }

    private static void requirePebble() {
        try {
            Class.forName(PEBBLE, false, HtmlReport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw missing(e);
        }
    }

    private static IllegalStateException missing(Throwable cause) {
        return new IllegalStateException("The HTML report needs the Pebble template engine, which is not on the "
                + "classpath: add the dependency io.pebbletemplates:pebble (the version the advisor is built with is in "
                + "its pom) to your build. The text and Markdown reports do without it. (" + cause + ")", cause);
    }

    /**
     * The template engine and the template, loaded on first use only: loading the report package, or rendering
     * text or Markdown, never touches Pebble. The template is read through this class (not a classpath loader),
     * so it is found inside a named module too.
     */
    private static final class Pebble {
        private static final io.pebbletemplates.pebble.template.PebbleTemplate TEMPLATE = template();

        private static io.pebbletemplates.pebble.template.PebbleTemplate template() {
            String text;
            try (InputStream in = HtmlReport.class.getResourceAsStream(HtmlReport.TEMPLATE)) {
                if (in == null) {
                    throw new IllegalStateException("the HTML report's template " + HtmlReport.TEMPLATE + " is missing");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            io.pebbletemplates.pebble.PebbleEngine engine = new io.pebbletemplates.pebble.PebbleEngine.Builder()
                    .loader(new io.pebbletemplates.pebble.loader.StringLoader()).autoEscaping(true)
                    .strictVariables(true).newLineTrimming(false).cacheActive(false).build();
            return engine.getTemplate(text);
        }

        static String render(Map<String, Object> model) {
            StringWriter out = new StringWriter();
            try {
                TEMPLATE.evaluate(out, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }
    }

    private static Map<String, Object> model(List<AdvisedCommunity> communities, Lang lang) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang.json());
        model.put("t", Labels.of(lang));
        model.put("communities", communities.stream().map(c -> community(c, lang)).toList());
        model.put("portfolio", communities.size() > 1 ? Portfolio.rank(communities).stream().map(r -> Map.ofEntries(
                Map.entry("rank", r.rank()), Map.entry("id", r.community().advice().communityId()),
                Map.entry("name", r.community().name()),
                Map.entry("stage", r.community().advice().stage().label(lang)),
                Map.entry("critical", r.critical()), Map.entry("high", r.high()), Map.entry("total", r.total()),
                Map.entry("overall", Portfolio.overallText(r)), Map.entry("trend", Portfolio.trendText(r)),
                Map.entry("first", r.startWith()))).toList() : List.of());
        List<Portfolio.Row> rows = communities.size() > 1 ? Portfolio.rank(communities) : List.of();
        model.put("reviewSummary", Portfolio.reviewed(rows).stream().map(r -> Map.of("id", r.community(),
                "period", r.since() + " \u2192 " + r.asOf(), "added", r.added(), "open", Portfolio.openText(r, lang),
                "verified", r.verified(), "withoutEffect", r.withoutEffect(), "back", r.back(),
                "overall", Portfolio.overallChange(r, lang))).toList());
        model.put("disagreed", communities.size() > 1 ? Portfolio.disagreed(communities).entrySet().stream()
                .map(e -> Map.of("id", e.getKey(), "text", org.communityadvisor.text.Texts.of(lang).get(
                        "portfolio.disagree-item", e.getKey(), e.getValue().size(), String.join(", ", e.getValue()))))
                .toList() : List.of());
        return model;
    }

    private static Map<String, Object> community(AdvisedCommunity community, Lang lang) {
        Advice a = community.advice();
        Snapshot s = community.snapshot();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", a.communityId());
        c.put("name", community.name());
        // Without the snapshot the template leaves out platform and members (null) and the chart.
        c.put("platform", s == null ? null : s.platform() == null ? "" : s.platform().label(lang));
        c.put("members", s == null ? null : s.members() == null ? "" : s.members().total());
        c.put("asOf", a.asOf().toString());
        c.put("stage", a.stage().label(lang));
        c.put("focus", a.focusRecommendations().stream().map(r -> Map.of("rank", r.rank(), "id", r.id(),
                "title", r.title())).toList());
        c.put("stageReasons", a.stageReasons());
        c.put("warnings", a.dataWarnings().stream().map(Advice.DataWarning::reason).toList());
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
            m.put("causes", Shown.causes(a, r, lang));
            m.put("evidence", Shown.evidence(r.evidence(), lang));
            m.put("document", Shown.document(r.source().document(), lang));
            m.put("quote", Shown.quote(r, lang));
            return m;
        }).toList());
        c.put("suppressed", a.suppressed().stream().map(h -> Map.of("id", h.id(), "by", h.by(), "reason", h.reason(),
                "ack", Shown.acknowledgement(h.ackReason(), h.note(), lang))).toList());
        org.communityadvisor.Review review = community.review();
        c.put("reviewHeading", review == null ? null : org.communityadvisor.text.Texts.of(lang).get("review.heading",
                review.since().toString(), review.asOf().toString()));
        c.put("review", review == null ? List.of() : Shown.reviewEntries(review, a, lang).stream()
                .map(e -> Map.of("kind", e[0], "text", e[1])).toList());
        c.put("dataGaps", a.dataGaps());
        c.put("scores", gauges(a.scores(), lang));
        c.put("chart", s == null ? null : WeeklyChart.of(s.history(), lang));
        c.put("rulesVersion", a.rulesVersion());
        c.put("profile", Shown.profile(a.profile().name(), lang));
        return c;
    }

    /** Each score as a half-circle gauge: the SVG arc path of its value. */
    private static List<Map<String, Object>> gauges(Scores s, Lang lang) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] item : Labels.scores(s, lang)) {
            Integer v = (Integer) item[1];
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("label", item[0]);
            g.put("value", v == null ? Labels.of(lang).get("score-unknown") : v.toString());
            double angle = Math.PI * (v == null ? 0 : v) / 100.0;
            g.put("arc", v == null || v == 0 ? "" : String.format(Locale.ROOT, "M10,60 A50,50 0 0 1 %.2f,%.2f",
                    60 - 50 * Math.cos(angle), 60 - 50 * Math.sin(angle)));
            g.put("color", v == null ? "#999" : v >= 70 ? "#2e7d32" : v >= 40 ? "#f9a825" : "#c62828");
            out.add(g);
        }
        return out;
    }
}
