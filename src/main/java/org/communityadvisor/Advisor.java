package org.communityadvisor;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.communityadvisor.engine.Evaluator;
import org.communityadvisor.engine.RuleBase;
import org.communityadvisor.engine.RuleBaseException;
import org.communityadvisor.json.SnapshotReader;
import org.communityadvisor.json.SnapshotValidator;

/**
 * The embedded entry point. Build one and share it: it is immutable and safe to call from many threads.
 *
 * <pre>{@code
 * Advisor advisor = Advisor.builder().build();
 * Advice advice = advisor.advise(jsonText);          // or advise(snapshot)
 * advice.recommendations().forEach(r -> System.out.println(r.rank() + " " + r.id()));
 * }</pre>
 */
public final class Advisor {
    /** The profile named by the caller, or {@code null}: each snapshot is judged by its platform's profile. */
    private final Profile profile;
    /** The bundled profile of each platform (or default), resolved once. */
    private final Map<Platform, Profile> byPlatform = new EnumMap<>(Platform.class);
    private final Lang lang;
    /** The rules in force, their evaluator and their read-only view, swapped as one by {@link #reload(Path)}. */
    private volatile Loaded loaded;

    private record Loaded(Evaluator evaluator, Rules rules) {
    }

    private Advisor(RuleBase rules, Profile profile, Lang lang) {
        this.profile = profile;
        this.lang = lang;
        for (Platform p : Platform.values()) {
            byPlatform.put(p, profile != null ? profile : Profile.forPlatform(p));
        }
        this.loaded = evaluator(rules);
    }

    /**
     * Loads the rules of a folder and swaps them in atomically: calls already running finish with the old
     * rules, later calls use the new ones. A folder that does not compile or lacks metadata is refused with
     * {@link RulesException} (file and line) and the old rules keep serving.
     */
    public void reload(Path rulesDirectory) {
        Objects.requireNonNull(rulesDirectory, "rulesDirectory (reloadBundled() swaps back to the bundled rules)");
        loaded = evaluator(load(rulesDirectory));
    }

    /** Swaps back to the bundled rules. */
    public void reloadBundled() {
        loaded = evaluator(load(null));
    }

    /** The bundled rules, or a folder's; engine problems become the public {@link RulesException}. */
    private static RuleBase load(Path rulesDirectory) {
        try {
            return rulesDirectory == null ? RuleBase.bundled() : RuleBase.fromDirectory(rulesDirectory);
        } catch (RuleBaseException e) {
            throw new RulesException(e.problems());
        }
    }

    private static Loaded evaluator(RuleBase rules) {
        try {
            return new Loaded(new Evaluator(rules), new Rules(rules));
        } catch (RuleBaseException e) {
            throw new RulesException(e.problems());
        }
    }

    /** The advice; with {@code lang} null, the lean advice (no texts). */
    private Advice evaluate(Snapshot snapshot, Lang lang) {
        Loaded in = loaded; // the rules and their catalog, as one
        List<ValidationError> unknown = SnapshotValidator.unknownIds(snapshot, in.rules().ids());
        if (!unknown.isEmpty()) {
            throw new InvalidSnapshotException(unknown);
        }
        try {
            Profile used = profileFor(snapshot.platform());
            return lang == null ? in.evaluator().evaluateLean(snapshot, used)
                    : in.evaluator().evaluate(snapshot, lang, used);
        } catch (RuleBaseException e) {
            throw new RulesException(e.problems());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Advice for a snapshot built in Java; it is validated exactly as JSON input is. */
    public Advice advise(Snapshot snapshot) {
        return advise(snapshot, lang);
    }

    /** Advice for a snapshot built in Java, with texts in the given language. */
    public Advice advise(Snapshot snapshot, Lang lang) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(lang, "lang");
        return evaluate(validated(snapshot), lang);
    }

    /** The snapshot, when it meets the contract; else {@link InvalidSnapshotException} naming every path at fault. */
    private static Snapshot validated(Snapshot snapshot) {
        List<ValidationError> errors = SnapshotValidator.validate(snapshot);
        if (!errors.isEmpty()) {
            throw new InvalidSnapshotException(errors);
        }
        return snapshot;
    }

    /**
     * Advice for a snapshot given as JSON text (a leading byte-order mark is fine), or for a scenario file's text
     * (its base snapshot; variants and expectations are {@link Scenario}'s); throws
     * {@link InvalidSnapshotException} naming the paths at fault.
     */
    public Advice advise(String json) {
        return advise(json, lang);
    }

    /** Advice for a snapshot given as JSON text, with texts in the given language. */
    public Advice advise(String json, Lang lang) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(lang, "lang");
        return evaluate(org.communityadvisor.json.InputReader.read(json), lang);
    }

    /**
     * The lean advice for a snapshot built in Java, validated as {@link #advise(Snapshot)}: what
     * {@link AdviceJson#writeLean(Advice)} writes, made without filling any text. Its {@code title}, {@code action},
     * {@code why}, suppression and data-warning {@code reason} are {@code null} and {@code stageReasons} is empty;
     * every other value is the one {@link #advise(Snapshot)} gives. Cheaper than {@link #advise(Snapshot)} when only
     * the lean JSON is written.
     */
    public Advice adviseLean(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        return evaluate(validated(snapshot), null);
    }

    /** The lean advice ({@link #adviseLean(Snapshot)}) for a snapshot or scenario given as JSON text, read as {@link #advise(String)}. */
    public Advice adviseLean(String json) {
        Objects.requireNonNull(json, "json");
        return evaluate(org.communityadvisor.json.InputReader.read(json), null);
    }

    /** What changed from one snapshot of a community to a later one: both are advised with this advisor. */
    public Review review(Snapshot before, Snapshot after) {
        return Review.of(org.communityadvisor.json.Json.MAPPER.valueToTree(advise(before)), advise(after), after,
                catalogTitles(lang));
    }

    /** The catalog's title of a recommendation id in a language, {@code null} for an id the rules do not hold. */
    public java.util.function.Function<String, String> catalogTitles(Lang lang) {
        Rules rules = rules();
        return id -> rules.find(id).map(r -> r.title(lang)).orElse(null);
    }

    /**
     * The reviews of a series of one community's snapshots, in asOf order, each against the one before (one fewer
     * review than snapshots): open items keep the first date they were seen, and resolved ones that fire again
     * are back.
     */
    public List<Review> review(List<Snapshot> series) {
        List<Snapshot> sorted = series.stream().sorted(java.util.Comparator.comparing(Snapshot::asOf)).toList();
        List<Review> out = new java.util.ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode previous = null;
        for (Snapshot s : sorted) {
            Advice advice = advise(s);
            com.fasterxml.jackson.databind.node.ObjectNode tree =
                    org.communityadvisor.json.Json.MAPPER.valueToTree(advice);
            if (previous != null) {
                Review r = Review.of(previous, advice, s, catalogTitles(lang));
                out.add(r);
                tree.set("review", org.communityadvisor.json.Json.MAPPER.valueToTree(r));
            }
            previous = tree;
        }
        return List.copyOf(out);
    }

    /**
     * The advice for a snapshot as a plan for the coming weeks: a few moves with their owner, the figure to watch
     * and, for recurring ones, dated slots over the four weeks after {@code asOf}; validated as {@link #advise}.
     */
    public Plan plan(Snapshot snapshot) {
        return plan(snapshot, lang);
    }

    /** The plan for a snapshot, with texts in the given language. */
    public Plan plan(Snapshot snapshot, Lang lang) {
        return PlanMaker.plan(snapshot, advise(snapshot, lang));
    }

    /**
     * The profile named when this advisor was built, or the {@code default} profile when none was: then each
     * snapshot is judged by {@link #profileFor(Platform) its platform's profile}.
     */
    public Profile profile() {
        return profile != null ? profile : byPlatform.get(Platform.OTHER);
    }

    /** Whether a profile was named for every snapshot ({@code false}: each is judged by its platform's). */
    public boolean profileForced() {
        return profile != null;
    }

    /** The profile a snapshot of this platform is judged by. */
    public Profile profileFor(Platform platform) {
        return byPlatform.get(platform == null ? Platform.OTHER : platform);
    }

    /** The rules in force, read-only (listing and explaining them); the version changes with a reload. */
    public Rules rules() {
        return loaded.rules();
    }

    /** Builds an {@link Advisor}: the bundled rules and the platforms' profiles unless told otherwise. */
    public static final class Builder {
        private Path rulesDirectory;
        private RuleBase ruleBase;
        private Profile profile;
        private Lang lang = Lang.EN;

        private Builder() {
        }

        /** Load the DRL files of this folder instead of the bundled rules ({@code null}: the bundled rules). */
        public Builder rulesDirectory(Path dir) {
            this.rulesDirectory = dir;
            return this;
        }

        /**
         * Use rules already compiled ({@link Rules#compile(Path)}, or another advisor's {@link Advisor#rules()}):
         * advisors with different profiles share one compilation. Overrides {@link #rulesDirectory(Path)}.
         */
        public Builder rules(Rules rules) {
            this.ruleBase = Objects.requireNonNull(rules, "rules").base();
            return this;
        }

        /**
         * Judge every snapshot by this profile. Without it, each snapshot is judged by the bundled profile of
         * its platform ({@code wechat}, {@code discord} ...) where one exists, else {@code default} (as with
         * {@code null}).
         */
        public Builder profile(Profile profile) {
            this.profile = profile;
            return this;
        }

        /** The language of texts when a call does not say. */
        public Builder lang(Lang lang) {
            this.lang = Objects.requireNonNull(lang, "lang");
            return this;
        }

        /** Compiles the rules; throws {@link RulesException} naming file and line. */
        public Advisor build() {
            RuleBase rules = ruleBase != null ? ruleBase : load(rulesDirectory);
            return new Advisor(rules, profile, lang);
        }
    }
}
