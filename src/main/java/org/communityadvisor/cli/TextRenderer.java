package org.communityadvisor.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import org.communityadvisor.Advice;
import org.communityadvisor.Lang;
import org.communityadvisor.Scores;
import org.communityadvisor.Severity;
import org.communityadvisor.engine.Values;

/** The advice as a consultant reads it in a terminal: stage and why, then each recommendation. */
final class TextRenderer {
    private static final int WIDTH = 100;
    private final Lang lang;
    private final boolean color;
    /** Most recommendations printed per community ({@code --top}); 0 prints all. */
    private final int top;

    TextRenderer(Lang lang, boolean color) {
        this(lang, color, 0);
    }

    TextRenderer(Lang lang, boolean color, int top) {
        this.lang = lang;
        this.color = color;
        this.top = top;
    }

    private String t(String en, String zh) {
        return lang == Lang.ZH ? zh : en;
    }

    /** The text of one advice (for rendering on a worker thread). */
    String renderToString(Advice a, String label) {
        java.io.StringWriter buffer = new java.io.StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        render(a, label, out);
        out.flush();
        return buffer.toString();
    }

    void render(Advice a, String label, PrintWriter out) {
        out.println(bold(a.communityId()) + "  " + t("as of", "日期") + " " + a.asOf() + "  ("
                + t("rules", "规则版本") + " " + a.rulesVersion() + t(", profile ", ",配置 ") + a.profile().name()
                + ")" + (label == null ? "" : "  " + label));
        if (!a.focus().isEmpty()) {
            out.println(bold(t("Start with:", "先做这几件:")));
            for (Advice.Recommendation r : a.focusRecommendations()) {
                wrap(out, "  " + r.rank() + ". ", r.title() + "  " + dim("(" + r.id() + ")"));
            }
        }
        out.println(t("Stage: ", "阶段:") + bold(a.stage().label(lang)));
        for (String reason : a.stageReasons()) {
            wrap(out, "  ", reason);
        }
        out.println(t("Scores: ", "评分:") + scores(a.scores()));
        out.println();
        if (a.recommendations().isEmpty()) {
            out.println(t("No recommendations: nothing in the rules calls for action.", "没有建议:规则未发现需要处理的问题。"));
        }
        int shown = top > 0 ? Math.min(top, a.recommendations().size()) : a.recommendations().size();
        for (Advice.Recommendation r : a.recommendations().subList(0, shown)) {
            String head = String.format("%2d. %s %s", r.rank(), severityTag(r.severity()), r.title());
            out.println(severityColor(r.severity(), head));
            out.println("    " + dim(r.id() + " · " + r.category()));
            wrap(out, "    " + t("Do:     ", "做法:"), r.action());
            wrap(out, "    " + t("Why:    ", "原因:"), r.why());
            wrap(out, "    " + t("Data:   ", "依据:"), evidence(r.evidence()));
            wrap(out, "    " + t("Source: ", "出处:"), r.source().document() + " 「"
                    + Values.readableQuote(r.source().quote()) + "」");
            out.println();
        }
        if (shown < a.recommendations().size()) {
            int more = a.recommendations().size() - shown;
            out.println(t("... and " + more + " more (shown: the first " + shown + "; all with --top 0 or without --top)",
                    "…… 另有 " + more + " 条建议(只显示前 " + shown + " 条;去掉 --top 可看全部)"));
            out.println();
        }
        if (!a.suppressed().isEmpty()) {
            out.println(t("Held back:", "暂缓:"));
            for (Advice.Suppression s : a.suppressed()) {
                wrap(out, "  - ", s.id() + " (" + t("by ", "因 ") + s.by() + "): " + s.reason());
            }
            out.println();
        }
        if (!a.dataGaps().isEmpty()) {
            wrap(out, t("Unknown, would let more rules decide: ", "未知数据(补全后可做更多判断):"),
                    String.join(", ", a.dataGaps()));
            out.println();
        }
    }

    /** {@code [HIGH]} in English, {@code [高]} in Chinese, padded so titles line up. */
    private String severityTag(Severity severity) {
        String tag = "[" + (lang == Lang.ZH ? severity.zh() : severity.json().toUpperCase()) + "]";
        return tag + " ".repeat(Math.max(1, (lang == Lang.ZH ? 5 : 11) - width(tag)));
    }

    private String scores(Scores s) {
        if (s == null) {
            return "-";
        }
        return t("overall ", "综合 ") + n(s.overall()) + " · " + t("activity ", "活跃 ") + n(s.activity()) + " · "
                + t("participation ", "参与 ") + n(s.participation()) + " · " + t("growth ", "增长 ") + n(s.growth())
                + " · " + t("conversion ", "转化 ") + n(s.conversion()) + " · " + t("loyalty ", "忠诚 ") + n(s.loyalty())
                + " · " + t("influence ", "影响力 ") + n(s.influence());
    }

    private static String n(Integer v) {
        return v == null ? "?" : v.toString();
    }

    private String evidence(Map<String, Object> evidence) {
        return evidence.entrySet().stream().map(e -> e.getKey() + "=" + Values.display(e.getValue(), lang))
                .collect(Collectors.joining(", "));
    }

    /** Prints text after a prefix, wrapped to the width, continuation lines indented under the text. */
    static void wrap(PrintWriter out, String prefix, String text) {
        int indent = width(prefix);
        StringBuilder line = new StringBuilder(prefix);
        int col = indent;
        for (String word : tokens(text)) {
            int w = width(word);
            if (col + w > WIDTH && col > indent) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(" ".repeat(indent));
                col = indent;
                if (word.equals(" ")) {
                    continue;
                }
            }
            line.append(word);
            col += w;
        }
        out.println(line.toString().stripTrailing());
    }

    /** Words and spaces for Latin text; single characters for CJK, which may break anywhere. */
    private static java.util.List<String> tokens(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == ' ' || wide(cp)) {
                if (word.length() > 0) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                out.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        });
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    static int width(String s) {
        return s.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    private String bold(String s) {
        return color ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    private String dim(String s) {
        return color ? "\u001b[2m" + s + "\u001b[0m" : s;
    }

    private String severityColor(Severity severity, String s) {
        if (!color) {
            return s;
        }
        String code = switch (severity) {
            case CRITICAL -> "1;31";
            case HIGH -> "1;33";
            case MEDIUM -> "1;36";
            case LOW -> "1";
        };
        return "\u001b[" + code + "m" + s + "\u001b[0m";
    }
}
