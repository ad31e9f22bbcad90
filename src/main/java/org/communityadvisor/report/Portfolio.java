package org.communityadvisor.report;

import static org.communityadvisor.report.internal.TerminalText.pad;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.communityadvisor.Advice;
import org.communityadvisor.Lang;
import org.communityadvisor.Severity;
import org.communityadvisor.Stage;
import org.communityadvisor.text.Texts;

/**
 * Many communities ranked by urgency: the most dangerous stage first (dormant, post-event, declining, stalled,
 * then the rest), then most critical recommendations, then most high ones, then most members (unknown last),
 * then the worst trend (the mean change of the sub-scores against four weeks earlier, in score points; unknown
 * last), then id. {@link MarkdownReport} and {@link HtmlReport} open with this
 * ranking when they hold several communities; {@link #render} is its table for a terminal. Needs no template
 * engine.
 *
 * <pre>{@code
 * List<Portfolio.Row> ranking = Portfolio.rank(AdvisedCommunity.ofAll(advices));
 * String table = Portfolio.render(AdvisedCommunity.ofAll(advices), Lang.EN);
 * }</pre>
 */
public final class Portfolio {
    /**
     * One community's place in the ranking.
     *
     * @param rank      1 for the most urgent
     * @param community the community
     * @param critical  its critical recommendations
     * @param high      its high ones
     * @param total     all its recommendations
     * @param overall   its overall score; {@code null} when unknown
     * @param trend     the mean change of its sub-scores against four weeks earlier, in score points;
     *                  {@code null} when there is no history to compare with
     */
    public record Row(int rank, AdvisedCommunity community, long critical, long high, long total, Integer overall,
                      Integer trend) {
        /** The id of the first recommendation to do (the first of {@code focus}), or "-" when there is none. */
        public String startWith() {
            return first(community.advice());
        }
    }

    private Portfolio() {
    }

    /** The communities ranked, most urgent first. */
    public static List<Row> rank(List<AdvisedCommunity> communities) {
        Comparator<Row> urgency = Comparator.comparingInt((Row r) -> danger(r.community().advice().stage()))
                .thenComparingLong(r -> -r.critical())
                .thenComparingLong(r -> -r.high())
                .thenComparingLong(r -> -members(r.community()))
                .thenComparing(r -> r.trend() == null ? Integer.MAX_VALUE : r.trend())
                .thenComparing(r -> r.community().advice().communityId());
        List<Row> rows = communities.stream().map(c -> new Row(0, c, count(c.advice(), Severity.CRITICAL),
                count(c.advice(), Severity.HIGH), c.advice().recommendations().size(), c.advice().scores().overall(),
                trend(c.advice()))).sorted(urgency).toList();
        return IntStream.range(0, rows.size()).mapToObj(i -> {
            Row r = rows.get(i);
            return new Row(i + 1, r.community(), r.critical(), r.high(), r.total(), r.overall(), r.trend());
        }).toList();
    }

    /**
     * The ranking as a table for a terminal: a title line, a header, a line a community (rank, id, stage,
     * critical, high, all, overall, trend, the recommendation to start with) and an empty line.
     */
    public static String render(List<AdvisedCommunity> communities, Lang lang) {
        return org.communityadvisor.report.internal.TerminalText.inert(document(communities, lang));
    }

    private static String document(List<AdvisedCommunity> communities, Lang lang) {
        List<Row> rows = rank(communities);
        Texts t = Texts.of(lang);
        int w = Math.max(10, rows.stream().mapToInt(r -> r.community().advice().communityId().length()).max().orElse(10));
        StringBuilder out = new StringBuilder();
        out.append(t.get("report.portfolio")).append('\n');
        List<ReviewSummary> reviewed = reviewed(rows);
        if (!reviewed.isEmpty()) {
            out.append(t.get("portfolio.review")).append('\n');
            reviewed.forEach(r -> out.append("  - ").append(summaryLine(r, lang)).append('\n'));
            out.append('\n');
        }
        out.append(String.format("%4s  %-" + w + "s  %s %8s %5s %5s %7s %6s  %s", "#", t.get("portfolio.community"),
                pad(t.get("portfolio.stage"), 10), t.get("portfolio.critical"), t.get("portfolio.high"),
                t.get("portfolio.all"), t.get("portfolio.overall"), t.get("portfolio.trend"),
                t.get("portfolio.start-with"))).append('\n');
        for (Row r : rows) {
            Advice a = r.community().advice();
            out.append(String.format("%4d  %-" + w + "s  %s %8d %5d %5d %7s %6s  %s", r.rank(), a.communityId(),
                    pad(a.stage().label(lang), 10), r.critical(), r.high(), r.total(), overallText(r), trendText(r),
                    r.startWith())).append('\n');
        }
        Map<String, List<String>> disagreed = disagreed(communities);
        if (!disagreed.isEmpty()) {
            out.append('\n').append(t.get("portfolio.disagree")).append('\n');
            disagreed.forEach((id, who) -> out.append("  - ")
                    .append(t.get("portfolio.disagree-item", id, who.size(), String.join(", ", who))).append('\n'));
        }
        return out.append('\n').toString();
    }

    /**
     * What changed since the last review of one community, counted: new, still open (and the oldest date one of
     * them was first seen), resolved (verified, without effect), back, and the overall score's change.
     *
     * @param community     the community's id
     * @param since         the asOf of the earlier advice
     * @param asOf          the asOf of the later advice
     * @param added         the new recommendations
     * @param open          the still open ones
     * @param openSince     the earliest first-seen date of the still open ones; {@code null} when none is open
     * @param verified      the resolved ones whose figure moved the right way
     * @param withoutEffect the resolved ones without effect
     * @param back          the ones resolved earlier that fire again
     * @param overall       the overall score's change; {@code null} when it did not change
     */
    public record ReviewSummary(String community, java.time.LocalDate since, java.time.LocalDate asOf, int added,
                                int open, java.time.LocalDate openSince, int verified, int withoutEffect, int back,
                                org.communityadvisor.Review.ScoreChange overall) {
        /** The resolved ones, verified or not. */
        public int resolved() {
            return verified + withoutEffect;
        }
    }

    /** A review counted. */
    public static ReviewSummary summary(String community, org.communityadvisor.Review r) {
        List<org.communityadvisor.Review.Item> open = r.with(org.communityadvisor.Review.Status.OPEN);
        long verified = r.with(org.communityadvisor.Review.Status.RESOLVED).stream()
                .filter(i -> i.outcome() == org.communityadvisor.Review.Outcome.VERIFIED).count();
        return new ReviewSummary(community, r.since(), r.asOf(), r.with(org.communityadvisor.Review.Status.NEW).size(),
                open.size(), open.stream().map(org.communityadvisor.Review.Item::firstSeen)
                        .filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null),
                (int) verified, r.with(org.communityadvisor.Review.Status.RESOLVED).size() - (int) verified,
                r.with(org.communityadvisor.Review.Status.BACK).size(),
                r.scores().stream().filter(c -> c.score().equals("overall")).findFirst().orElse(null));
    }

    /** The communities that carry a review, counted, in rank order (the portfolio shows them first). */
    public static List<ReviewSummary> reviewed(List<Row> rows) {
        return rows.stream().filter(r -> r.community().review() != null)
                .map(r -> summary(r.community().advice().communityId(), r.community().review())).toList();
    }

    /** A review counted, on one line: {@code book-club (2026-10-20 to 2026-11-20): 5 new, ...}. */
    static String summaryLine(ReviewSummary s, Lang lang) {
        Texts t = Texts.of(lang);
        return t.get("portfolio.review-item", s.community(), s.since().toString(), s.asOf().toString(), s.added(),
                openText(s, lang), s.resolved(), s.verified(), s.withoutEffect(), s.back(), overallChange(s, lang));
    }

    /** The still open count, with the oldest first-seen date when there is one: {@code 5 (since 2026-10-20)}. */
    static String openText(ReviewSummary s, Lang lang) {
        return s.openSince() == null ? Integer.toString(s.open())
                : Texts.of(lang).get("portfolio.review-open", s.open(), s.openSince().toString());
    }

    /** The overall score's change ({@code 89 → 91 (+2)}), or that it did not change. */
    static String overallChange(ReviewSummary s, Lang lang) {
        return s.overall() == null ? Texts.of(lang).get("portfolio.review-same")
                : Shown.scoreChange(s.overall()).substring("overall ".length());
    }

    /** Fewest communities whose operators disagree with the same rule for it to be listed. */
    public static final int DISAGREE_LISTED = 2;

    /**
     * The recommendation ids that the operators of at least {@link #DISAGREE_LISTED} communities acknowledged with
     * the reason {@code disagree} (from the snapshot's {@code acknowledged}, else from the advice's suppressions),
     * most communities first, then by id; each with the community ids, in order. A rule the consultant may want
     * to change.
     */
    public static Map<String, List<String>> disagreed(List<AdvisedCommunity> communities) {
        Map<String, java.util.Set<String>> by = new java.util.TreeMap<>();
        for (AdvisedCommunity c : communities) {
            String who = c.advice().communityId();
            if (c.snapshot() != null && c.snapshot().acknowledged() != null) {
                c.snapshot().acknowledged().stream()
                        .filter(a -> a != null && a.reason() == org.communityadvisor.AckReason.DISAGREE)
                        .forEach(a -> by.computeIfAbsent(a.id(), k -> new java.util.TreeSet<>()).add(who));
            } else {
                c.advice().suppressed().stream().filter(h -> h.ackReason() == org.communityadvisor.AckReason.DISAGREE)
                        .forEach(h -> by.computeIfAbsent(h.id(), k -> new java.util.TreeSet<>()).add(who));
            }
        }
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        by.entrySet().stream().filter(e -> e.getValue().size() >= DISAGREE_LISTED)
                .sorted(java.util.Comparator.comparing((Map.Entry<String, java.util.Set<String>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> out.put(e.getKey(), List.copyOf(e.getValue())));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The stages in order of danger; any other stage comes after them. */
    private static final List<Stage> DANGER = List.of(Stage.DORMANT, Stage.POST_EVENT, Stage.DECLINING, Stage.STALLED);

    /** How dangerous a stage is: 0 for dormant, the most; the stages not in {@link #DANGER} last. */
    static int danger(Stage stage) {
        int i = DANGER.indexOf(stage);
        return i < 0 ? DANGER.size() : i;
    }

    /** The community's members from its snapshot; -1 when unknown (ranks after any known count). */
    private static long members(AdvisedCommunity c) {
        return c.snapshot() == null || c.snapshot().members() == null || c.snapshot().members().total() == null
                ? -1 : c.snapshot().members().total();
    }

    static String overallText(Row r) {
        return r.overall() == null ? "?" : r.overall().toString();
    }

    static String trendText(Row r) {
        return r.trend() == null ? "?" : String.format("%+d", r.trend());
    }

    private static long count(Advice a, Severity s) {
        return a.recommendations().stream().filter(r -> r.severity() == s).count();
    }

    private static Integer trend(Advice a) {
        Map<String, Integer> change = a.scores().change();
        return change.isEmpty() ? null
                : (int) Math.round(change.values().stream().mapToInt(Integer::intValue).average().orElse(0));
    }

    /** The first recommendation to do ({@code focus}), or "-" when there is nothing to do. */
    static String first(Advice advice) {
        return advice.focus().isEmpty() ? "-" : advice.focus().get(0);
    }
}
