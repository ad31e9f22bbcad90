package org.communityadvisor.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.communityadvisor.Category;
import org.communityadvisor.Lang;
import org.communityadvisor.Severity;
import org.communityadvisor.Stage;

/**
 * One rule as its name and its own metadata describe it (the {@code @severity}, {@code @weight} ... annotations in
 * the DRL), read once when the rules are loaded. A recommendation's name is its catalog id, and the id's prefix
 * is its category: {@code size.below-viable} is in {@code size}.
 *
 * @param name the rule's name (for recommendations, its catalog id)
 * @param kind what the rule does
 * @param file the DRL file it lives in, relative to the rules folder
 * @param line the line of its {@code rule} keyword
 * @param meta every metadata value, as written
 * @param texts the rule's texts from the properties files beside it ({@code en.properties}, {@code zh.properties}),
 *              keyed {@code what.lang} ({@code title.en}) or, for a platform's own wording, {@code what.lang.platform}
 *              ({@code action.en.discord})
 */
public record RuleInfo(String name, Kind kind, String file, int line, Map<String, String> meta,
                       Map<String, String> texts) {
    /**
     * The texts a rule may have in its properties files; {@code quote} (zh.properties) is the {@code @quote} as a
     * Chinese client report shows it, simplified and without glosses, written by {@code tools/zh-quotes.sh}.
     */
    public static final List<String> TEXT_KEYS = List.of("title", "action", "why", "trigger", "reason", "quote");

    /** A rule without texts (for tests and generated rules). */
    public RuleInfo(String name, Kind kind, String file, int line, Map<String, String> meta) {
        this(name, kind, file, line, meta, Map.of());
    }

    /** The recommendation categories ({@link Category}) in the catalog's order: the prefixes a recommendation's name has. */
    public static final List<String> CATEGORIES = Arrays.stream(Category.values()).map(Category::json).toList();

    /** What a rule contributes to an advice. */
    public enum Kind {
        /** inserts a {@link Hit}: has {@code @severity} and a name {@code category.something} */
        RECOMMENDATION,
        /** decides the {@link StageFact}: has {@code @stage} */
        STAGE,
        /** holds back another hit: has {@code @suppression} */
        SUPPRESSION,
        /** anything else (queries, helpers) */
        OTHER
    }

    public String get(String key) {
        return meta.get(key);
    }

    /** A recommendation's category: its name up to the first dot; {@code null} for other rules. */
    public String category() {
        return kind == Kind.RECOMMENDATION ? prefix(name) : null;
    }

    /** Whether a name (a rule name's prefix) is one of the {@link #CATEGORIES}. */
    public static boolean isCategory(String name) {
        return name != null && CATEGORIES.contains(name);
    }

    /** The part of a rule name before its first dot ({@code size} of {@code size.below-viable}), or {@code null}. */
    public static String prefix(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : null;
    }

    /** The severities the rule can fire with, from {@code @severity("high, medium")}; the first is the usual one. */
    public List<Severity> severities() {
        return list("severity").stream().map(s -> Severity.valueOf(s.toUpperCase())).toList();
    }

    /** Order among recommendations of the same severity: higher first. */
    public int weight() {
        return Integer.parseInt(meta.getOrDefault("weight", "0").trim());
    }

    /** The names of the values shown as evidence: snapshot paths, derived values and thresholds. */
    public List<String> evidence() {
        return list("evidence");
    }

    /**
     * The snapshot paths whose absence keeps this rule from deciding (reported as data gaps when it does not
     * fire): {@code @needs} when the rule gives it, else every snapshot path in its evidence.
     */
    public List<String> needs() {
        return meta.containsKey("needs") ? list("needs") : evidence();
    }

    /**
     * The recommendations that likely cause this one when they fire in the same advice ({@code @causes}): ranked
     * before it within its severity, and it never enters the focus while one of them waits. With
     * {@code @causesAt("low")} they count only when the rule fires at that severity (a rule whose reasons differ
     * by severity: {@code entry.raise-barrier} is low when fired by silence alone).
     */
    public List<String> causes(Severity firedWith) {
        String at = meta.get("causesAt");
        if (at != null && !at.isBlank() && !at.trim().equalsIgnoreCase(firedWith.name())) {
            return List.of();
        }
        return causes();
    }

    /**
     * The platforms a recommendation speaks to ({@code @platforms("wechat, wecom, qq")}): on any other its hit is
     * not shown and its unknown values are no data gaps. Empty: every platform. A name that is no platform is left
     * out here and refused by the lint.
     */
    public List<org.communityadvisor.Platform> platforms() {
        return list("platforms").stream().flatMap(n -> Arrays.stream(org.communityadvisor.Platform.values())
                .filter(p -> p.json().equals(n))).toList();
    }

    /**
     * The rule's wording variants ({@code @variants("livecode")}): situations in which what to do differs, each
     * with its own texts ({@code action.livecode}) where the usual ones do not fit; its consequence names the one
     * it fires for, {@code Hit.of(kcontext, severity, "livecode")}.
     */
    public List<String> variants() {
        return list("variants");
    }

    /**
     * A text in one language for one platform and wording variant: the variant's own text where the rule has
     * one, else the platform's ({@link #text(String, Lang, org.communityadvisor.Platform)}).
     */
    public String text(String what, Lang lang, org.communityadvisor.Platform platform, String variant) {
        String own = variant == null ? null : texts.get(what + "." + lang.json() + "." + variant);
        return own != null ? own : text(what, lang, platform);
    }

    /** Every id its {@code @causes} names, whatever the severity. */
    public List<String> causes() {
        return list("causes");
    }

    public Stage stage() {
        String s = meta.get("stage");
        return Arrays.stream(Stage.values()).filter(v -> v.json().equals(s)).findFirst().orElse(null);
    }

    /** A text in one language: {@code text("title", ZH)} reads {@code title} of {@code zh.properties}. */
    public String text(String what, Lang lang) {
        return texts.get(what + "." + lang.json());
    }

    /**
     * A text in one language for one platform: the platform's own wording ({@code action.discord} in the
     * language's file) where the rule has one, else the text for every platform.
     */
    public String text(String what, Lang lang, org.communityadvisor.Platform platform) {
        String own = platform == null ? null : texts.get(what + "." + lang.json() + "." + platform.json());
        return own != null ? own : text(what, lang);
    }

    /** The folder a rule lives in, relative to the rules folder ({@code size.below-viable}), or "" at the top. */
    public String folder() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    public String document() {
        return meta.get("source");
    }

    public String quote() {
        return meta.get("quote");
    }

    List<String> list(String key) {
        String v = meta.get(key);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
