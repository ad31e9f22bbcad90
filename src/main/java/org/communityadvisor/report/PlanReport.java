package org.communityadvisor.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.communityadvisor.Lang;
import org.communityadvisor.Plan;
import org.communityadvisor.text.Texts;

/**
 * A {@link Plan} as a practitioner reads it, in text, Markdown or one self-contained HTML page, written from
 * Pebble templates ({@code templates/plan.*.peb}); in HTML every value is escaped, in Markdown every text from
 * the input is made inert. Needs the optional Pebble engine, as {@link HtmlReport} does. Thread-safe.
 */
public final class PlanReport {
    /** The formats a plan renders to through a template. */
    public enum Format {
        TEXT("plan.txt.peb"), MD("plan.md.peb"), HTML("plan.html.peb");

        private final String template;

        Format(String template) {
            this.template = template;
        }
    }

    private PlanReport() {
    }

    /** The plan in this format, its words in this language. */
    public static String render(Plan plan, Lang lang, Format format) {
        UnaryOperator<String> inert = format == Format.MD ? MarkdownReport::escape : UnaryOperator.identity();
        return Templates.render(Templates.PLANS, format.template, format == Format.HTML, model(plan, lang, inert, format == Format.TEXT));
    }

    /** The words a plan shows for one watched figure: its label and value now, and the target. */
    public static String watch(Plan.Watch w, Lang lang) {
        Texts t = Texts.of(lang);
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(w.figure(), w.value());
        String now = Shown.evidenceItems(one, lang).get(w.figure());
        String target = Shown.value(w.figure(), w.target(), 1, lang);
        return t.get("plan.op." + w.op().json(), now, target);
    }

    /** A slot's day and time as a reader reads it: {@code Wed 2026-10-21 19:00}, {@code 周三 2026-10-21 19:00}. */
    public static String when(Plan.Slot s, Lang lang) {
        String day = s.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, lang == Lang.ZH ? Locale.CHINA : Locale.ENGLISH);
        return day + " " + s.date() + " " + (s.hour() == null ? Texts.of(lang).get("plan.no-hour")
                : String.format(Locale.ROOT, "%02d:00", s.hour()));
    }

    private static Map<String, Object> model(Plan plan, Lang lang, UnaryOperator<String> inert, boolean wrap) {
        Texts t = Texts.of(lang);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", lang.json());
        m.put("title", t.get("plan.title"));
        m.put("name", inert.apply(plan.name() == null ? plan.communityId() : plan.name()));
        m.put("id", inert.apply(plan.communityId()));
        m.put("asOf", t.get("plan.as-of", plan.asOf()));
        Map<String, String> labels = new LinkedHashMap<>();
        for (String k : List.of("who", "carries", "watch", "when", "none")) {
            labels.put(k, t.get("plan." + k));
        }
        m.put("t", labels);
        List<Map<String, Object>> horizons = new ArrayList<>();
        int n = 0;
        for (Plan.Horizon h : Plan.Horizon.values()) {
            List<Map<String, Object>> moves = new ArrayList<>();
            for (Plan.Move move : plan.moves(h)) {
                Map<String, Object> mv = new LinkedHashMap<>();
                mv.put("n", ++n);
                mv.put("title", inert.apply(move.title()));
                mv.put("action", wrap ? wrapped(move.action()) : inert.apply(move.action()));
                mv.put("owner", move.owner().label(lang));
                mv.put("carries", String.join(", ", move.carries()));
                mv.put("watch", move.watch().stream().map(w -> inert.apply(watch(w, lang))).toList());
                mv.put("slots", move.slots().stream().map(s -> when(s, lang) + " · " + s.kind().label(lang)).toList());
                moves.add(mv);
            }
            if (!moves.isEmpty()) {
                horizons.add(Map.of("label", h.label(lang), "moves", moves));
            }
        }
        m.put("horizons", horizons);
        return m;
    }

    /** An action wrapped to the terminal's width under a three-space indent (the template writes the first). */
    private static String wrapped(String text) {
        StringBuilder out = new StringBuilder();
        org.communityadvisor.report.internal.TerminalText.wrap(out, "   ", text);
        return out.toString().strip();
    }

    /** The template engines, loaded on first use only. */
    static final class Templates {
        static final String PLANS = "/org/communityadvisor/templates/";
        private static final io.pebbletemplates.pebble.PebbleEngine ESCAPING = engine(true);
        private static final io.pebbletemplates.pebble.PebbleEngine PLAIN = engine(false);
        private static final Map<String, io.pebbletemplates.pebble.template.PebbleTemplate> LOADED =
                new java.util.concurrent.ConcurrentHashMap<>();

        private static io.pebbletemplates.pebble.PebbleEngine engine(boolean escape) {
            return new io.pebbletemplates.pebble.PebbleEngine.Builder()
                    .loader(new io.pebbletemplates.pebble.loader.StringLoader()).autoEscaping(escape)
                    .strictVariables(true).newLineTrimming(false).cacheActive(false).build();
        }

        /** Renders a template of this folder (read through this class, so a named module finds it too). */
        static String render(String folder, String name, boolean escape, Map<String, Object> model) {
            io.pebbletemplates.pebble.template.PebbleTemplate template = LOADED.computeIfAbsent(
                    (escape ? "e:" : "p:") + folder + name, k -> {
                        try (InputStream in = PlanReport.class.getResourceAsStream(folder + name)) {
                            if (in == null) {
                                throw new IllegalStateException("the template " + folder + name + " is missing");
                            }
                            return (escape ? ESCAPING : PLAIN).getTemplate(new String(in.readAllBytes(),
                                    StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            StringWriter out = new StringWriter();
            try {
                template.evaluate(out, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String text = out.toString();
            return text.endsWith("\n") ? text : text + "\n";
        }
    }
}
