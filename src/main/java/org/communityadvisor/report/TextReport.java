package org.communityadvisor.report;

import static org.communityadvisor.report.internal.TerminalText.wrap;

import java.util.List;
import org.communityadvisor.Advice;
import org.communityadvisor.Lang;
import org.communityadvisor.Scores;
import org.communityadvisor.Severity;
import org.communityadvisor.report.internal.TerminalText;
import org.communityadvisor.text.Texts;

/**
 * The advice as a consultant reads it in a terminal: the focus first, the stage and why, the scores, then each
 * recommendation with what to do, why, the data and the source; what was held back; the unknown data. Lines are
 * wrapped to 100 columns (a Chinese character counts two) and end with {@code \n}. Immutable and thread-safe;
 * needs no template engine.
 *
 * <pre>{@code
 * String text = TextReport.of(Lang.EN).render(AdvisedCommunity.ofAll(List.of(advisor.advise(json))));
 * String brief = TextReport.of(Lang.ZH).top(3).color(true).render(AdvisedCommunity.of(advice));
 * }</pre>
 */
public final class TextReport {
    private final Lang lang;
    private final Texts t;
    private final boolean color;
    private final int top;
    /** What starts the report's own colour codes: ESC, or while rendering a character no input value holds. */
    private final char esc;

    private TextReport(Lang lang, boolean color, int top) {
        this(lang, color, top, '\u001b');
    }

    private TextReport(Lang lang, boolean color, int top, char esc) {
        this.lang = java.util.Objects.requireNonNull(lang, "lang");
        this.t = Texts.of(lang);
        this.color = color;
        this.top = top;
        this.esc = esc;
    }

    /** The text report with its labels in this language, every recommendation shown, no colour. */
    public static TextReport of(Lang lang) {
        return new TextReport(lang, false, 0);
    }

    /** The same report showing at most the first {@code n} recommendations of each community; 0 shows all. */
    public TextReport top(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("top must be 0 (all) or more, got " + n);
        }
        return new TextReport(lang, color, n);
    }

    /** The same report with (or without) ANSI colours and bold for a terminal. */
    public TextReport color(boolean on) {
        return new TextReport(lang, on, top);
    }

    /**
     * The communities one after the other. One community is rendered alone; several are each followed by a
     * line of 100 dashes.
     */
    public String render(List<AdvisedCommunity> communities) {
        return TerminalText.inert(renderAll(communities), color);
    }

    private String renderAll(List<AdvisedCommunity> communities) {
        StringBuilder out = new StringBuilder();
        for (AdvisedCommunity c : communities) {
            out.append(render(c));
            if (communities.size() > 1) {
                out.append("-".repeat(TerminalText.WIDTH)).append('\n');
            }
        }
        return out.toString();
    }

    /** One community; its label, when it has one, goes on the heading line. */
    public String render(AdvisedCommunity community) {
        if (!color) {
            return TerminalText.inert(renderOne(community), false);
        }
        // the report's own colour codes start with a private-use character no value of this community holds, so
        // that every ESC from the input is shown as its code, and only then are the report's own made ESC again
        String plain = new TextReport(lang, false, top).renderOne(community);
        char mark = '\uE000';
        while (plain.indexOf(mark) >= 0 && mark < '\uF8FF') {
            mark++;
        }
        if (plain.indexOf(mark) >= 0) {
            return TerminalText.inert(plain, false);
        }
        String marked = new TextReport(lang, true, top, mark).renderOne(community);
        return TerminalText.inert(marked, false).replace(mark, '\u001b');
    }

    private String renderOne(AdvisedCommunity community) {
        StringBuilder out = new StringBuilder();
        render(community.advice(), community.label(), community.review(), out);
        return out.toString();
    }

    private void render(Advice a, String label, org.communityadvisor.Review review, StringBuilder out) {
        line(out, t.get("text.heading", bold(a.communityId()), a.asOf(), a.rulesVersion(), Shown.profile(a.profile().name(), lang))
                + (label == null ? "" : "  " + label));
        if (review != null) {
            line(out, bold(t.get("review.heading", review.since(), review.asOf())));
            for (String l : Shown.review(review, a, lang)) {
                wrap(out, "  - ", l);
            }
            line(out, "");
        }
        if (!a.focus().isEmpty()) {
            line(out, bold(t.get("text.start-with")));
            int n = 0;
            for (Advice.Recommendation r : a.focusRecommendations()) {
                wrap(out, "  " + ++n + ". ", r.title() + "  " + dim("(" + r.id() + ")"));
            }
        }
        line(out, t.get("text.stage", bold(a.stage().label(lang))));
        for (String reason : a.stageReasons()) {
            wrap(out, "  ", reason);
        }
        if (!a.dataWarnings().isEmpty()) {
            line(out, t.get("text.warnings"));
            for (Advice.DataWarning w : a.dataWarnings()) {
                wrap(out, "  - ", w.reason());
            }
        }
        line(out, t.get("text.scores", scores(a.scores())));
        line(out, "");
        if (a.recommendations().isEmpty()) {
            line(out, t.get("report.none"));
        }
        int shown = top > 0 ? Math.min(top, a.recommendations().size()) : a.recommendations().size();
        for (Advice.Recommendation r : a.recommendations().subList(0, shown)) {
            String head = String.format("%2d. %s %s", r.rank(), severityTag(r.severity()), r.title());
            line(out, severityColor(r.severity(), head));
            line(out, "    " + dim(r.id() + " · " + r.category()));
            wrap(out, "    " + t.get("text.do"), r.action());
            wrap(out, "    " + t.get("text.why"), r.why());
            String causes = Shown.causes(a, r, lang);
            if (!causes.isEmpty()) {
                wrap(out, "    " + t.get("text.causes"), causes);
            }
            wrap(out, "    " + t.get("text.data"), Shown.evidence(r.evidence(), lang));
            wrap(out, "    " + t.get("text.source"), Shown.document(r.source().document(), lang) + " 「"
                    + Shown.quote(r, lang) + "」");
            line(out, "");
        }
        if (shown < a.recommendations().size()) {
            int more = a.recommendations().size() - shown;
            line(out, t.get("text.more", more, shown));
            line(out, "");
        }
        if (!a.suppressed().isEmpty()) {
            line(out, t.get("text.held-back"));
            for (Advice.Suppression s : a.suppressed()) {
                wrap(out, "  - ", t.get("text.held-back-item", s.id(), s.by(), s.reason())
                        + Shown.acknowledgement(s.ackReason(), s.note(), lang));
            }
            line(out, "");
        }
        if (!a.dataGaps().isEmpty()) {
            // the advice lists the unknown values that keep the most rules from deciding first
            int named = Math.min(GAPS_SHOWN, a.dataGaps().size());
            String first = String.join(", ", a.dataGaps().subList(0, named));
            int rest = a.dataGaps().size() - named;
            wrap(out, t.get("text.gaps"), rest == 0 ? first : t.get("text.gaps-more", first, rest));
            line(out, "");
        }
    }

    /**
     * A review over time, as a practitioner reads it: a line for the series, then one block a step (each advice
     * with its review against the one before, in asOf order): what is new, what was resolved (verified, or
     * without effect and why), what is back, the still open ones counted with the oldest date one was first
     * seen, the score changes and the stage; then the last advice's focus and how to see it in full. The steps
     * without a review are left out.
     *
     * @param lastFile how to name the last snapshot in the closing hint (a path); {@code null} leaves the hint out
     */
    public String review(List<AdvisedCommunity> steps, String lastFile) {
        List<AdvisedCommunity> reviewed = steps.stream().filter(c -> c.review() != null).toList();
        if (reviewed.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        AdvisedCommunity last = reviewed.get(reviewed.size() - 1);
        line(out, bold(t.get("text.heading", last.advice().communityId(), last.advice().asOf(),
                last.advice().rulesVersion(), Shown.profile(last.advice().profile().name(), lang))));
        line(out, t.get("review.text.series", last.name(), reviewed.size() + 1,
                reviewed.get(0).review().since().toString(), last.review().asOf().toString()));
        for (AdvisedCommunity c : reviewed) {
            org.communityadvisor.Review r = c.review();
            Advice a = c.advice();
            line(out, "");
            line(out, bold(t.get("review.text.step", r.since().toString(), r.asOf().toString()))
                    + (c.label() == null ? "" : "  " + dim(c.label())));
            List<org.communityadvisor.Review.Item> added = r.with(org.communityadvisor.Review.Status.NEW);
            List<org.communityadvisor.Review.Item> resolved = r.with(org.communityadvisor.Review.Status.RESOLVED);
            List<org.communityadvisor.Review.Item> verified = resolved.stream()
                    .filter(i -> i.outcome() == org.communityadvisor.Review.Outcome.VERIFIED).toList();
            List<org.communityadvisor.Review.Item> without = resolved.stream()
                    .filter(i -> i.outcome() != org.communityadvisor.Review.Outcome.VERIFIED).toList();
            List<org.communityadvisor.Review.Item> back = r.with(org.communityadvisor.Review.Status.BACK);
            group(out, "review.text.new", added, a, false);
            group(out, "review.text.verified", verified, a, true);
            group(out, "review.text.without-effect", without, a, true);
            group(out, "review.text.back", back, a, false);
            if (added.isEmpty() && resolved.isEmpty() && back.isEmpty()) {
                line(out, "  " + t.get("review.text.nothing"));
            }
            List<org.communityadvisor.Review.Item> open = r.with(org.communityadvisor.Review.Status.OPEN);
            if (!open.isEmpty()) {
                java.time.LocalDate oldest = open.stream().map(org.communityadvisor.Review.Item::firstSeen)
                        .filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder()).orElse(r.since());
                line(out, "  " + t.get("review.text.open", open.size(), oldest.toString()));
            }
            if (!r.scores().isEmpty()) {
                wrap(out, "  ", t.get("review.scores", Shown.scoreChanges(r)));
            }
            line(out, "  " + t.get("review.text.stage", a.stage().label(lang)));
        }
        Advice now = last.advice();
        if (!now.focus().isEmpty()) {
            line(out, "");
            line(out, bold(t.get("review.text.now", now.asOf().toString())));
            int n = 0;
            for (Advice.Recommendation f : now.focusRecommendations()) {
                wrap(out, "  " + ++n + ". ", f.title() + "  " + dim("(" + f.id() + ")"));
            }
        }
        if (lastFile != null) {
            line(out, "");
            line(out, t.get("review.text.full"));
            line(out, "  ./advisor advise " + lastFile);
        }
        return TerminalText.inert(out.toString(), color);
    }

    /** A heading with the count, then a line an item: its title and id, and with {@code detail} what moved or why. */
    private void group(StringBuilder out, String key, List<org.communityadvisor.Review.Item> items, Advice a,
                       boolean detail) {
        if (items.isEmpty()) {
            return;
        }
        line(out, "  " + t.get(key, items.size()));
        for (org.communityadvisor.Review.Item i : items) {
            wrap(out, "    - ", Shown.reviewName(i, a) + (detail ? t.get("value.label-separator")
                    + Shown.resolvedDetail(i, lang) : ""));
        }
    }

    /** Unknown values named in full in text; the rest are counted. */
    static final int GAPS_SHOWN = 6;

    private static void line(StringBuilder out, String s) {
        out.append(s).append('\n');
    }

    /** {@code [HIGH]} in English, {@code [高]} in Chinese, padded so titles line up. */
    private String severityTag(Severity severity) {
        return TerminalText.pad(t.get("text.tag." + severity.json()), Integer.parseInt(t.get("text.tag-width")));
    }

    private String scores(Scores s) {
        if (s == null) {
            return "-";
        }
        return t.get("text.score-line", n(s.overall()), n(s.activity()), n(s.participation()), n(s.growth()),
                n(s.conversion()), n(s.loyalty()), n(s.influence()), n(s.operations()));
    }

    private String n(Integer v) {
        return v == null ? t.get("report.score-unknown") : v.toString();
    }

    private String bold(String s) {
        return color ? esc + "[1m" + s + esc + "[0m" : s;
    }

    private String dim(String s) {
        return color ? esc + "[2m" + s + esc + "[0m" : s;
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
        return esc + "[" + code + "m" + s + esc + "[0m";
    }
}
