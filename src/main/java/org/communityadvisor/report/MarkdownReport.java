package org.communityadvisor.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.communityadvisor.Advice;
import org.communityadvisor.Lang;
import org.communityadvisor.Snapshot;

/**
 * The report a consultant hands to a client, in Markdown: with several communities the {@link Portfolio}
 * ranking first, then for each community its focus, stage, scores, recommendations (what to do, why, the data,
 * the source), what was held back and the unknown data. Every text taken from the input is made inert (no
 * markup, no raw HTML). Plain Java: needs no template engine. Thread-safe.
 *
 * <pre>{@code
 * String md = MarkdownReport.render(AdvisedCommunity.ofAll(List.of(advisor.advise(json))), Lang.EN);
 * String zh = MarkdownReport.render(List.of(AdvisedCommunity.of(snapshot, advice)), Lang.ZH);
 * }</pre>
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /** The report on these communities, its fixed words in this language; lines end with {@code \n}. */
    public static String render(List<AdvisedCommunity> communities, Lang lang) {
        return org.communityadvisor.report.internal.TerminalText.inert(document(communities, lang));
    }

    private static String document(List<AdvisedCommunity> communities, Lang lang) {
        Map<String, String> t = Labels.of(lang);
        StringBuilder out = new StringBuilder();
        out.append("# ").append(t.get("title")).append('\n');
        if (communities.size() > 1) {
            out.append("\n## ").append(t.get("portfolio")).append("\n\n");
            List<Portfolio.Row> rows = Portfolio.rank(communities);
            List<Portfolio.ReviewSummary> reviewed = Portfolio.reviewed(rows);
            if (!reviewed.isEmpty()) {
                out.append("### ").append(t.get("review-summary")).append("\n\n");
                out.append("| ").append(t.get("community")).append(" | ").append(t.get("review-period")).append(" | ")
                        .append(t.get("review-new")).append(" | ").append(t.get("review-open")).append(" | ")
                        .append(t.get("review-verified")).append(" | ").append(t.get("review-without-effect"))
                        .append(" | ").append(t.get("review-back")).append(" | ").append(t.get("review-overall"))
                        .append(" |\n|---|---|---|---|---|---|---|---|\n");
                for (Portfolio.ReviewSummary r : reviewed) {
                    out.append("| ").append(code(r.community())).append(" | ").append(r.since()).append(" \u2192 ")
                            .append(r.asOf()).append(" | ").append(r.added()).append(" | ")
                            .append(escape(Portfolio.openText(r, lang))).append(" | ").append(r.verified()).append(" | ")
                            .append(r.withoutEffect()).append(" | ").append(r.back()).append(" | ")
                            .append(escape(Portfolio.overallChange(r, lang))).append(" |\n");
                }
                out.append('\n');
            }
            out.append("| # | ").append(t.get("community")).append(" | ").append(t.get("stage")).append(" | ")
                    .append(t.get("critical")).append(" | ").append(t.get("high")).append(" | ").append(t.get("all"))
                    .append(" | ").append(t.get("overall")).append(" | ").append(t.get("trend")).append(" | ")
                    .append(t.get("first")).append(" |\n");
            out.append("|---|---|---|---|---|---|---|---|---|\n");
            for (Portfolio.Row row : rows) {
                Advice a = row.community().advice();
                out.append("| ").append(row.rank()).append(" | ").append(escape(row.community().name())).append(" (")
                        .append(code(a.communityId())).append(") | ").append(a.stage().label(lang)).append(" | ")
                        .append(row.critical()).append(" | ").append(row.high()).append(" | ").append(row.total())
                        .append(" | ").append(Portfolio.overallText(row)).append(" | ").append(Portfolio.trendText(row))
                        .append(" | ").append(code(row.startWith())).append(" |\n");
            }
            Map<String, List<String>> disagreed = Portfolio.disagreed(communities);
            if (!disagreed.isEmpty()) {
                out.append("\n### ").append(t.get("disagree")).append('\n');
                disagreed.forEach((id, who) -> out.append("\n- ").append(escape(org.communityadvisor.text.Texts.of(lang)
                        .get("portfolio.disagree-item", id, who.size(), String.join(", ", who)))));
                out.append('\n');
            }
        }
        out.append('\n');
        for (AdvisedCommunity c : communities) {
            community(c, lang, t, out);
        }
        return out.append('\n').toString();
    }

    private static void community(AdvisedCommunity c, Lang lang, Map<String, String> t, StringBuilder out) {
        Advice a = c.advice();
        Snapshot s = c.snapshot();
        out.append("\n## ").append(escape(c.name())).append("\n\n").append(code(a.communityId()));
        if (s != null) {
            out.append(" · ").append(t.get("platform")).append(' ').append(s.platform() == null ? "" : s.platform().label(lang))
                    .append(" · ").append(t.get("members")).append(' ')
                    .append(s.members() == null || s.members().total() == null ? "" : s.members().total());
        }
        out.append(" · ").append(t.get("asOf")).append(' ').append(a.asOf()).append('\n');
        if (c.review() != null) {
            out.append("\n### ").append(escape(org.communityadvisor.text.Texts.of(lang).get("review.heading",
                    c.review().since().toString(), c.review().asOf().toString()))).append("\n\n");
            for (String l : Shown.review(c.review(), a, lang)) {
                out.append("- ").append(escape(l)).append('\n');
            }
        }
        if (!a.focus().isEmpty()) {
            out.append("\n**").append(t.get("focus")).append("**\n");
            int n = 0;
            for (Advice.Recommendation f : a.focusRecommendations()) {
                out.append('\n').append(++n).append(". ").append(escape(f.title())).append(" (")
                        .append(code(f.id())).append(')');
            }
            out.append('\n');
        }
        out.append("\n**").append(t.get("stage")).append(": ").append(a.stage().label(lang)).append("**");
        for (String reason : a.stageReasons()) {
            out.append(" — ").append(escape(reason));
        }
        if (!a.dataWarnings().isEmpty()) {
            out.append("\n\n**").append(t.get("warnings")).append("**\n");
            for (Advice.DataWarning w : a.dataWarnings()) {
                out.append("\n- ").append(escape(w.reason()));
            }
        }
        out.append("\n\n").append(t.get("scores")).append(": ");
        Object[][] scores = Labels.scores(a.scores(), lang);
        for (int i = 0; i < scores.length; i++) {
            out.append(i == 0 ? "" : " · ").append(scores[i][0]).append(" **")
                    .append(scores[i][1] == null ? t.get("score-unknown") : scores[i][1]).append("**");
        }
        out.append("\n\n### ").append(t.get("recommendations")).append('\n');
        if (a.recommendations().isEmpty()) {
            out.append('\n').append(t.get("none")).append('\n');
        }
        for (Advice.Recommendation r : a.recommendations()) {
            out.append('\n').append(r.rank()).append(". **[").append(r.severity().label(lang).toUpperCase(Locale.ROOT))
                    .append("] ").append(escape(r.title())).append("** (").append(code(r.id())).append(")\n");
            out.append("   - ").append(t.get("do")).append(": ").append(escape(r.action())).append('\n');
            out.append("   - ").append(t.get("why")).append(": ").append(escape(r.why())).append('\n');
            String causes = Shown.causes(a, r, lang);
            if (!causes.isEmpty()) {
                out.append("   - ").append(t.get("causes")).append(": ").append(escape(causes)).append('\n');
            }
            out.append("   - ").append(t.get("evidence")).append(": ").append(escape(Shown.evidence(r.evidence(), lang)))
                    .append('\n');
            out.append("   - ").append(t.get("source")).append(": ")
                    .append(escapeName(Shown.document(r.source().document(), lang))).append(" 「")
                    .append(escape(Shown.quote(r, lang))).append("」\n");
        }
        if (!a.suppressed().isEmpty()) {
            out.append("\n### ").append(t.get("suppressed")).append('\n');
            for (Advice.Suppression h : a.suppressed()) {
                out.append("\n- ").append(code(h.id())).append(" (").append(t.get("by")).append(' ').append(code(h.by()))
                        .append("): ").append(escape(h.reason()))
                        .append(escape(Shown.acknowledgement(h.ackReason(), h.note(), lang)));
            }
            out.append('\n');
        }
        if (!a.dataGaps().isEmpty()) {
            out.append("\n### ").append(t.get("gaps")).append("\n\n")
                    .append(a.dataGaps().stream().map(MarkdownReport::code).collect(Collectors.joining(", "))).append('\n');
        }
        out.append("\n<sub>").append(t.get("rules")).append(' ').append(escapeName(a.rulesVersion())).append(" · ")
                .append(t.get("profile")).append(' ').append(escapeName(Shown.profile(a.profile().name(), lang))).append("</sub>\n");
    }

    /** Text from the input made inert in Markdown: no markup, no raw HTML, on one line. */
    static String escape(String s) {
        return escape(s, false);
    }

    /**
     * A name from the rules or the profile (a source document, the rules version, the profile name), made inert
     * like {@link #escape} except that an underscore inside a word ({@code 000_d819.txt}) stays as it is:
     * Markdown never reads one as emphasis.
     */
    static String escapeName(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepUnderscoreInWord) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '_' && keepUnderscoreInWord && i > 0 && i < s.length() - 1
                    && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1))) {
                out.append(ch);
                continue;
            }
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

    /**
     * An id as code ({@code `size.below-viable`}); one that a code span cannot hold as it is (a backtick, a
     * line break, a table's bar) is written as escaped text instead.
     */
    static String code(String s) {
        if (s == null) {
            return "";
        }
        return s.chars().anyMatch(ch -> ch == '`' || ch == '\n' || ch == '\r' || ch == '|') ? escape(s) : "`" + s + "`";
    }
}
