package org.communityadvisor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.communityadvisor.Evidence;
import org.communityadvisor.Lang;
import org.communityadvisor.Profile;
import org.communityadvisor.Rules;
import org.communityadvisor.json.Json;
import org.communityadvisor.report.internal.TerminalText;
import org.communityadvisor.text.Texts;

/** The knowledge base described from the rules' own metadata, for people (text, Markdown) and programs (JSON). */
final class RuleCatalog {
    private final Rules rules;
    private final Profile profile;
    private final Lang lang;
    private final Texts t;

    RuleCatalog(Rules rules, Profile profile, Lang lang) {
        this.rules = rules;
        this.profile = profile;
        this.lang = lang;
        this.t = Texts.of(lang);
    }

    List<Rules.Rule> recommendations() {
        return rules.recommendations();
    }

    /** The threshold names a rule uses and their values in the profile. */
    Map<String, Object> thresholds(Rules.Rule r) {
        Map<String, Object> out = new TreeMap<>();
        for (String name : r.evidence()) {
            profile.threshold(name).ifPresent(v -> out.put(name, Evidence.rounded(v)));
        }
        return out;
    }

    /** The trigger in words ({@code @triggerEn}/{@code @triggerZh}) or else the conditions as written. */
    String trigger(Rules.Rule r) {
        String words = r.trigger(lang);
        return words != null ? words : r.conditions().replace('\n', ' ');
    }

    String severities(Rules.Rule r) {
        return r.severities().stream().map(s -> s.label(lang)).collect(Collectors.joining(" / "));
    }

    /** A category as a heading: in Chinese its label with the id after it, 规模(size); in English the id. */
    String category(String category) {
        org.communityadvisor.Category c = org.communityadvisor.Category.ofId(category);
        String label = c == null ? category : c.label(lang);
        return label.equals(category) ? category : label + "(" + category + ")";
    }

    ArrayNode json() {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Rules.Rule r : recommendations()) {
            out.add(json(r));
        }
        return out;
    }

    ObjectNode json(Rules.Rule r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", r.id());
        o.put("category", r.category().toString());
        ArrayNode sev = o.putArray("severities");
        r.severities().forEach(s -> sev.add(s.json()));
        o.put("weight", r.weight());
        o.put("title", r.title(lang));
        o.put("trigger", trigger(r));
        o.put("conditions", r.conditions());
        o.set("thresholds", Json.MAPPER.valueToTree(thresholds(r)));
        ArrayNode ev = o.putArray("evidence");
        r.evidence().forEach(ev::add);
        o.put("action", r.action(lang));
        o.put("why", r.why(lang));
        o.putObject("source").put("document", r.document()).put("quote", r.quote());
        o.put("file", "rules/" + r.file());
        o.put("line", r.line());
        return o;
    }

    void text(java.io.PrintWriter out) {
        String category = null;
        for (Rules.Rule r : recommendations()) {
            if (!r.category().toString().equals(category)) {
                category = r.category().toString();
                out.println();
                out.println("== " + category(category));
            }
            out.println(r.id() + "  [" + severities(r) + "]  " + r.title(lang));
            TerminalText.wrap(out, "    " + t.get("rules.when"), trigger(r));
            Map<String, Object> th = thresholds(r);
            if (!th.isEmpty()) {
                TerminalText.wrap(out, "    " + t.get("rules.limits"), th.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
            }
            TerminalText.wrap(out, "    " + t.get("rules.source"), r.document() + " 「"
                    + Evidence.readableQuote(r.quote()) + "」");
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(t.get("rules.md.title")).append("\n\n");
        md.append(t.get("rules.md.intro", profile.name(), rules.version())).append("\n\n");
        md.append(t.get("rules.md.table")).append("\n|---|---|---|---|\n");
        for (Rules.Rule r : recommendations()) {
            md.append("| [`").append(r.id()).append("`](#").append(r.id().replace(".", "")).append(") | ")
                    .append(severities(r)).append(" | ").append(cell(r.title(lang))).append(" | `rules/")
                    .append(r.file()).append(":").append(r.line()).append("` |\n");
        }
        String category = null;
        for (Rules.Rule r : recommendations()) {
            if (!r.category().toString().equals(category)) {
                category = r.category().toString();
                md.append("\n## ").append(category(category)).append("\n");
            }
            md.append("\n### ").append(r.id()).append("\n\n");
            md.append(t.get("rules.md.rule", cell(r.title(lang)), severities(r), r.weight(), r.file() + ":" + r.line()))
                    .append("\n\n");
            md.append(t.get("rules.md.when")).append(cell(trigger(r))).append("\n");
            if (lang == Lang.EN) {
                // The conditions as the rule file writes them; the Chinese document, for clients, keeps to words.
                md.append(t.get("rules.md.conditions")).append("`").append(r.conditions().replace("\n", "` · `"))
                        .append("`\n");
            }
            Map<String, Object> th = thresholds(r);
            if (!th.isEmpty()) {
                md.append(t.get("rules.md.thresholds")).append(th.entrySet().stream()
                        .map(e -> "`" + e.getKey() + "` = " + e.getValue()).collect(Collectors.joining(", "))).append("\n");
            }
            md.append(t.get("rules.md.action")).append(cell(withThresholds(r.action(lang)))).append("\n");
            md.append(t.get("rules.md.why")).append(cell(r.why(lang))).append("\n");
            md.append(t.get("rules.md.source")).append(r.document()).append(" 「")
                    .append(cell(Evidence.readableQuote(r.quote())))
                    .append("」\n");
        }
        return md.toString();
    }

    /** A text with its threshold placeholders filled from the profile ({minViableMembers} reads 30). */
    String withThresholds(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([A-Za-z0-9_]+)(%?)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group();
            java.util.Optional<Object> threshold = profile.threshold(m.group(1));
            if (threshold.isPresent()) {
                Object v = threshold.get();
                value = m.group(2).isEmpty() ? Evidence.display(v, lang)
                        : Evidence.display(Math.round(((Number) v).doubleValue() * 1000) / 10.0, lang) + "%";
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|");
    }
}
