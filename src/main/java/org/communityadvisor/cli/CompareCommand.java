package org.communityadvisor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.communityadvisor.Advice;
import org.communityadvisor.Advisor;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Lang;
import org.communityadvisor.Scenario;
import org.communityadvisor.Scores;
import org.communityadvisor.json.Json;
import org.communityadvisor.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./advisor compare FILE}: what each what-if variant changes against the base. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"For each variant of a scenario: stage, new, removed and re-ranked recommendations, score changes.",
                "对比场景各变体与基准:阶段、新增、移除和排名变化的建议,以及评分变化。"})
final class CompareCommand implements Callable<Integer> {
    enum Format { TEXT, JSON }

    @Parameters(paramLabel = "FILE", description = "A scenario file with variants.")
    Path file;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format = Format.TEXT;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = Output.stderr();
        Advisor advisor = engine.advisor(err);
        if (advisor == null) {
            return Main.INVALID_INPUT;
        }
        Texts texts = Texts.of(engine.lang);
        if (Files.isDirectory(file)) {
            java.util.List<Path> inside = ScenarioFiles.jsonBelow(file);
            err.println(texts.get("compare.folder", file,
                    inside.isEmpty() ? file.resolve("FILE.json") : inside.get(0)));
            return Main.INVALID_INPUT;
        }
        Scenario scenario;
        try {
            scenario = Scenario.read(Files.readString(file), advisor.rules());
        } catch (InvalidSnapshotException e) {
            e.errors().forEach(v -> err.println(file + ": " + v.path() + ": " + v.reason(engine.lang)));
            return Main.INVALID_INPUT;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println(texts.get("compare.no-file", file));
            return Main.INVALID_INPUT;
        } catch (java.nio.charset.CharacterCodingException e) {
            err.println("advisor: compare: " + file + ": " + texts.get("advise.not-utf8-lines", file,
                    file.toString().replaceFirst("(\\.[^./\\\\]+)?$", ".utf8$1")));
            return Main.INVALID_INPUT;
        }
        Lang lang = engine.lang;
        Advice base = advisor.advise(scenario.base(), lang);
        ArrayNode all = Json.MAPPER.createArrayNode();
        PrintWriter out = Output.stdout();
        if (format == Format.TEXT) {
            Texts t = Texts.of(lang);
            out.println(t.get("compare.base", file, base.communityId(), base.stage().label(lang),
                    base.recommendations().size()));
            if (scenario.variants().isEmpty()) {
                out.println(t.get("compare.no-variants"));
            }
        }
        for (Scenario.Variant v : scenario.variants()) {
            Advice variant = advisor.advise(v.snapshot(), lang);
            ObjectNode diff = diff(base, variant);
            diff.put("variant", v.name());
            diff.put("description", v.description());
            all.add(diff);
            if (format == Format.TEXT) {
                text(out, v, diff, lang, base, variant);
            }
        }
        if (format == Format.JSON) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        }
        out.flush();
        return 0;
    }

    static ObjectNode diff(Advice base, Advice variant) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.putObject("stage").put("base", base.stage().json()).put("variant", variant.stage().json());
        ArrayNode added = o.putArray("added");
        ArrayNode removed = o.putArray("removed");
        ArrayNode reranked = o.putArray("reranked");
        for (Advice.Recommendation r : variant.recommendations()) {
            Advice.Recommendation before = find(base, r.id());
            if (before == null) {
                added.addObject().put("id", r.id()).put("rank", r.rank()).put("severity", r.severity().json())
                        .put("title", r.title());
            } else if (before.rank() != r.rank() || before.severity() != r.severity()) {
                reranked.addObject().put("id", r.id()).put("from", before.rank()).put("to", r.rank())
                        .put("severityFrom", before.severity().json()).put("severityTo", r.severity().json());
            }
        }
        for (Advice.Recommendation r : base.recommendations()) {
            if (find(variant, r.id()) == null) {
                ObjectNode x = removed.addObject().put("id", r.id()).put("rank", r.rank()).put("severity", r.severity().json())
                        .put("title", r.title());
                variant.suppressed().stream().filter(s -> s.id().equals(r.id())).findFirst()
                        .ifPresent(s -> x.put("suppressedBy", s.by()));
            }
        }
        ObjectNode scores = o.putObject("scores");
        Scores a = base.scores();
        Scores b = variant.scores();
        score(scores, "overall", a.overall(), b.overall());
        score(scores, "activity", a.activity(), b.activity());
        score(scores, "participation", a.participation(), b.participation());
        score(scores, "growth", a.growth(), b.growth());
        score(scores, "conversion", a.conversion(), b.conversion());
        score(scores, "loyalty", a.loyalty(), b.loyalty());
        score(scores, "influence", a.influence(), b.influence());
        if (!base.focus().equals(variant.focus())) {
            ObjectNode focus = o.putObject("focus");
            base.focus().forEach(focus.putArray("base")::add);
            variant.focus().forEach(focus.putArray("variant")::add);
        }
        return o;
    }

    private static void score(ObjectNode scores, String name, Integer a, Integer b) {
        if (!Objects.equals(a, b)) {
            ObjectNode s = scores.putObject(name);
            s.put("base", a);
            s.put("variant", b);
            if (a != null && b != null) {
                s.put("delta", b - a);
            }
        }
    }

    private static Advice.Recommendation find(Advice advice, String id) {
        return advice.recommendations().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private static String stage(String json, Lang lang) {
        for (org.communityadvisor.Stage s : org.communityadvisor.Stage.values()) {
            if (s.json().equals(json)) {
                return s.label(lang);
            }
        }
        return json;
    }

    private static String severity(String json, Lang lang) {
        for (org.communityadvisor.Severity s : org.communityadvisor.Severity.values()) {
            if (s.json().equals(json)) {
                return s.label(lang);
            }
        }
        return json;
    }

    /** The focus of an advice by its titles, as the language lists them. */
    private static String titles(Advice a, Lang lang) {
        return a.focusRecommendations().stream().map(Advice.Recommendation::title).collect(
                java.util.stream.Collectors.joining(
                org.communityadvisor.text.Texts.of(lang).get("value.clause-separator")));
    }

    /**
     * A scenario's description in the reader's language: a description written in English and then Chinese
     * ("What if ...? 如果……?") reads only its Chinese part in Chinese and only its English part in English.
     */
    static String description(String text, Lang lang) {
        for (int i = 2; i < text.length(); i++) {
            if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN && text.charAt(i - 1) == ' '
                    && ".?!)".indexOf(text.charAt(i - 2)) >= 0) {
                return lang == Lang.ZH ? text.substring(i).strip() : text.substring(0, i).strip();
            }
        }
        return text;
    }

    private static void text(PrintWriter out, Scenario.Variant v, ObjectNode d, Lang lang, Advice base, Advice variant) {
        Texts t = Texts.of(lang);
        out.println();
        String description = description(v.description(), lang);
        out.println(t.get("compare.variant", v.name()) + (description.isEmpty() ? "" : ": " + description));
        String from = stage(d.path("stage").path("base").asText(), lang);
        String to = stage(d.path("stage").path("variant").asText(), lang);
        out.println("  " + (from.equals(to) ? t.get("compare.stage-unchanged", from) : t.get("compare.stage-changed", from, to)));
        d.path("added").forEach(r -> out.println("  + " + r.path("id").asText() + "  ["
                + severity(r.path("severity").asText(), lang) + "] #" + r.path("rank").asInt() + "  " + r.path("title").asText()));
        d.path("removed").forEach(r -> out.println("  - " + r.path("id").asText() + "  ["
                + severity(r.path("severity").asText(), lang) + "] " + r.path("title").asText()
                + (r.has("suppressedBy") ? t.get("compare.suppressed-by", r.path("suppressedBy").asText()) : "")));
        d.path("reranked").forEach(r -> out.println("  ~ " + r.path("id").asText() + "  #" + r.path("from").asInt()
                + " -> #" + r.path("to").asInt() + (r.path("severityFrom").equals(r.path("severityTo")) ? ""
                : "  " + severity(r.path("severityFrom").asText(), lang) + " -> "
                + severity(r.path("severityTo").asText(), lang))));
        if (d.path("added").isEmpty() && d.path("removed").isEmpty() && d.path("reranked").isEmpty()) {
            out.println("  " + t.get("compare.unchanged"));
        }
        if (d.has("focus")) {
            out.println("  " + t.get("compare.focus", titles(base, lang), titles(variant, lang)));
        }
        d.path("scores").fields().forEachRemaining(e -> out.println("  " + t.get("compare.score",
                t.has("score." + e.getKey()) ? t.get("score." + e.getKey()) : e.getKey(),
                e.getValue().path("base").asText("?"), e.getValue().path("variant").asText("?"))
                + (e.getValue().has("delta") ? String.format(" (%+d)", e.getValue().path("delta").asInt()) : "")));
    }
}
