package org.communityadvisor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.communityadvisor.Advice;
import org.communityadvisor.Evidence;
import org.communityadvisor.Lang;
import org.communityadvisor.ThresholdDeclaration;
import org.communityadvisor.text.Texts;

/**
 * What the client reports (text, Markdown, HTML) show of an advice beyond its own texts, the same in each:
 * the titles of a recommendation's likely causes, its evidence by label in the reader's language, a seed by its
 * title and a quote as a reader reads it.
 */
final class Shown {
    /** The most decimals a percentage gets so that two different ratios never read the same. */
    private static final int MAX_PERCENT_DECIMALS = 4;

    private Shown() {
    }

    /** The titles of the recommendations in the same advice that likely cause this one, in its order of causes. */
    static List<String> causeTitles(Advice advice, Advice.Recommendation r) {
        List<String> out = new ArrayList<>();
        for (String id : r.causes()) {
            advice.recommendations().stream().filter(x -> x.id().equals(id)).findFirst()
                    .ifPresent(x -> out.add(x.title()));
        }
        return out;
    }

    /** The titles of a recommendation's likely causes, joined as the language lists them; empty for none. */
    static String causes(Advice advice, Advice.Recommendation r, Lang lang) {
        return String.join(Texts.of(lang).get("value.list-separator"), causeTitles(advice, r));
    }

    /**
     * The evidence as a client reads it: the community's own figures first, then the standards they were held
     * against ({@code 管理员 2 人,成员 520 人;每 100 人 1 名管理员}). A name without a label shows as
     * {@code name = value}.
     */
    static String evidence(Map<String, Object> evidence, Lang lang) {
        List<String> facts = new ArrayList<>();
        List<String> standards = new ArrayList<>();
        evidenceItems(evidence, lang).forEach((name, text) ->
                (ThresholdDeclaration.named(name) != null ? standards : facts).add(text));
        Texts t = Texts.of(lang);
        String sep = t.get("value.evidence-separator");
        String f = String.join(sep, facts);
        String s = String.join(sep, standards);
        return f.isEmpty() ? s : s.isEmpty() ? f : f + t.get("value.clause-separator") + s;
    }

    /** Each evidence value by its name, labelled in the reader's language. */
    static Map<String, String> evidenceItems(Map<String, Object> evidence, Lang lang) {
        Texts t = Texts.of(lang);
        int decimals = percentDecimals(evidence);
        Map<String, String> out = new LinkedHashMap<>();
        evidence.forEach((name, value) -> {
            String shown = value(name, value, decimals, lang);
            out.put(name, t.has("evidence." + name) ? t.get("evidence." + name, shown) : name + " = " + shown);
        });
        return out;
    }

    /** Whether a value is shown as a percentage: a ratio (a decimal), not a mean count. */
    static boolean isRatio(String name, Object value) {
        return value instanceof Double && !name.endsWith("Mean");
    }

    /** A value as shown: ratios as percentages, a mean rounded to a whole number, the rest as evidence reads. */
    static String value(String name, Object value, int percentDecimals, Lang lang) {
        if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            return isRatio(name, value) ? percent(d, percentDecimals) : Long.toString(Math.round(d));
        }
        return Evidence.display(value, lang);
    }

    /**
     * The fewest decimals (at least one, trailing zeros dropped) at which no two different ratios of this evidence
     * read the same and no ratio above zero reads as 0%: 0.018 and 0.02 read 1.8% and 2%, never both 2%.
     */
    static int percentDecimals(Map<String, Object> evidence) {
        List<Double> ratios = evidence.entrySet().stream().filter(e -> isRatio(e.getKey(), e.getValue()))
                .map(e -> (Double) e.getValue()).filter(d -> !d.isNaN() && !d.isInfinite()).toList();
        for (int decimals = 1; decimals < MAX_PERCENT_DECIMALS; decimals++) {
            if (distinct(ratios, decimals)) {
                return decimals;
            }
        }
        return MAX_PERCENT_DECIMALS;
    }

    private static boolean distinct(List<Double> ratios, int decimals) {
        Map<String, Double> seen = new LinkedHashMap<>();
        for (Double d : ratios) {
            String s = percent(d, decimals);
            if (d != 0 && s.equals("0%")) {
                return false;
            }
            Double before = seen.putIfAbsent(s, d);
            if (before != null && !Objects.equals(before, d)) {
                return false;
            }
        }
        return true;
    }

    /** A ratio as a percentage with at most this many decimals, trailing zeros dropped: 0.018 reads 1.8%. */
    static String percent(double ratio, int decimals) {
        java.math.BigDecimal v = java.math.BigDecimal.valueOf(ratio).movePointRight(2)
                .setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return v.signum() == 0 ? "0%" : v.toPlainString() + "%";
    }

    /** A profile's name as a reader reads it: a platform's bundled profile by the platform's name (微信). */
    static String profile(String name, Lang lang) {
        for (org.communityadvisor.Platform p : org.communityadvisor.Platform.values()) {
            if (p.json().equals(name)) {
                return p.label(lang);
            }
        }
        return name;
    }

    /**
     * A quote as a reader sees it, without the OCR's glosses; in Chinese in simplified characters where the rule
     * has its quote prepared ({@link ShownQuotes}). The advice's {@code source.quote} stays verbatim.
     */
    static String quote(Advice.Recommendation r, Lang lang) {
        if (lang == Lang.ZH) {
            String prepared = ShownQuotes.simplified(r.id(), r.source().quote());
            if (prepared != null) {
                return prepared;
            }
        }
        return Evidence.readableQuote(r.source().quote());
    }

    /** A seed document as a reader sees it: its short title where known, else its file name. */
    static String document(String file, Lang lang) {
        return SeedTitles.title(file, lang);
    }

    /** The operator's reason and note for an acknowledged suppression, as a suffix ("" when neither is given). */
    static String acknowledgement(org.communityadvisor.AckReason reason, String note, Lang lang) {
        org.communityadvisor.text.Texts t = org.communityadvisor.text.Texts.of(lang);
        if (reason == null && note == null) {
            return "";
        }
        String r = reason == null ? "" : reason.label(lang);
        return t.get("review.ack", r + (reason != null && note != null ? ": " : "") + (note == null ? "" : note));
    }

    /** A review as lines of plain text, the same in every report: status, ids, dates, figures, scores. */
    static List<String> review(org.communityadvisor.Review review, Advice advice, Lang lang) {
        return reviewEntries(review, advice, lang).stream().map(e -> e[1]).toList();
    }

    /**
     * A review as {kind, line} pairs; kind is new, open, back, verified, without-effect, scores or none (the HTML
     * report's class of the line).
     */
    static List<String[]> reviewEntries(org.communityadvisor.Review review, Advice advice, Lang lang) {
        org.communityadvisor.text.Texts t = org.communityadvisor.text.Texts.of(lang);
        List<String[]> out = new java.util.ArrayList<>();
        for (org.communityadvisor.Review.Item i : review.items()) {
            String name = reviewName(i, advice);
            switch (i.status()) {
                case NEW -> out.add(new String[]{"new", t.get("review.line.new", name)});
                case BACK -> out.add(new String[]{"back", t.get("review.line.back", name)});
                case OPEN -> out.add(new String[]{"open", t.get("review.line.open", name, i.firstSeen().toString())});
                case RESOLVED -> {
                    boolean verified = i.outcome() == org.communityadvisor.Review.Outcome.VERIFIED;
                    out.add(new String[]{verified ? "verified" : "without-effect", t.get(verified
                            ? "review.line.verified" : "review.line.without-effect", name, resolvedDetail(i, lang))});
                }
            }
        }
        if (!review.scores().isEmpty()) {
            out.add(new String[]{"scores", t.get("review.scores", scoreChanges(review))});
        }
        if (out.isEmpty()) {
            out.add(new String[]{"none", t.get("review.none")});
        }
        return out;
    }

    /**
     * A review item by its title and id ({@code Grow to a viable size (size.below-viable)}): the title of the
     * advice shown where it holds the id, else the review's own (for a resolved one: the catalog's or the earlier
     * advice's); the id alone when neither knows it.
     */
    static String reviewName(org.communityadvisor.Review.Item i, Advice advice) {
        String title = advice == null ? null : advice.recommendations().stream().filter(r -> r.id().equals(i.id()))
                .map(Advice.Recommendation::title).findFirst().orElse(null);
        if (title == null) {
            title = i.title();
        }
        return title == null || title.isBlank() ? i.id() : title + " (" + i.id() + ")";
    }

    /** For a resolved item: the figures that moved (verified), or why it had no effect. */
    static String resolvedDetail(org.communityadvisor.Review.Item i, Lang lang) {
        org.communityadvisor.text.Texts t = org.communityadvisor.text.Texts.of(lang);
        List<org.communityadvisor.Review.Move> changed = i.moves().stream()
                .filter(m -> !java.util.Objects.equals(m.before(), m.after())).toList();
        String moves = String.join("; ", (changed.isEmpty() ? i.moves() : changed).stream()
                .map(m -> move(m, lang)).toList());
        if (i.outcome() == org.communityadvisor.Review.Outcome.VERIFIED) {
            return moves;
        }
        return switch (i.cause()) {
            case ACKNOWLEDGED -> t.get("review.cause.acknowledged") + acknowledgement(i.reason(), i.note(), lang);
            case HELD_BACK -> t.get("review.cause.held-back", i.heldBy());
            case UNKNOWN -> t.get("review.cause.unknown", moves);
            case UNMOVED -> t.get("review.cause.unmoved", moves);
        };
    }

    /** The scores that changed: {@code overall 89 → 91 (+2), operations 43 → 57 (+14)}; "" when none did. */
    static String scoreChanges(org.communityadvisor.Review review) {
        return String.join(", ", review.scores().stream().map(Shown::scoreChange).toList());
    }

    /** One score's change: {@code overall 89 → 91 (+2)}; an unknown side reads {@code ?}. */
    static String scoreChange(org.communityadvisor.Review.ScoreChange c) {
        return c.score() + " " + (c.before() == null ? "?" : c.before()) + " \u2192 " + (c.after() == null ? "?" : c.after())
                + (c.change() == null ? "" : " (" + (c.change() > 0 ? "+" : "") + c.change() + ")");
    }

    private static String move(org.communityadvisor.Review.Move m, Lang lang) {
        String before = m.before() == null ? "?" : value(m.path(), m.before(), 0, lang);
        String after = m.after() == null ? "?" : value(m.path(), m.after(), 0, lang);
        return m.path() + " " + before + " \u2192 " + after;
    }
}
