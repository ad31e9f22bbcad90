package org.communityadvisor.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.communityadvisor.Advice;
import org.communityadvisor.Lang;
import org.communityadvisor.Platform;
import org.communityadvisor.Profile;
import org.communityadvisor.Snapshot;
import org.communityadvisor.Thresholds;

/**
 * Makes the advice from what the rules concluded ({@link Session.Fired}): one suppression per id, the shown
 * recommendations ranked, each with its texts, evidence values and source, the focus, the stage's reasons, the
 * scores and the data gaps. Every rule's metadata is worked out once, when the assembler is made. The lean advice
 * ({@code texts} false) is the same advice without its texts: no title, action, why or reason is filled, no
 * data warning's reason written. Immutable and thread-safe.
 */
final class AdviceAssembler {
    /** Fills an advice's texts: from the rules' templates and the message catalog; tests count or refuse it. */
    interface Renderer {
        /** A rule's text template filled with its values. */
        String fill(Values.Template template, Map<String, Object> values, Lang lang);

        /** A text of the message catalog. */
        String catalog(Lang lang, String key, Object... args);

        /** The renderer of every advice: the templates and the catalog as they are. */
        Renderer TEXTS = new Renderer() {
            @Override
            public String fill(Values.Template template, Map<String, Object> values, Lang lang) {
                return template.fill(values, lang);
            }

            @Override
            public String catalog(Lang lang, String key, Object... args) {
                return org.communityadvisor.text.Texts.of(lang).get(key, args);
            }
        };
    }

    /** Most recommendations named in an advice's {@code focus}. */
    static final int FOCUS_SIZE = 3;

    private final String version;
    private final Renderer renderer;
    /** Every rule's metadata worked out once: what each advice needs of it, without parsing or lookups. */
    private final Map<String, Compiled> compiled = new HashMap<>();
    /** The rules that can leave data gaps when they do not fire (recommendations and stages). */
    private final List<Compiled> deciding = new ArrayList<>();
    /** Every snapshot path some rule needs, with how to read it. */
    private final Map<String, Values.Ref> needed = new LinkedHashMap<>();
    /** The same paths sorted by name, and their readers, by index: what {@link #gaps} reads for every advice. */
    private final String[] neededPaths;
    private final Values.Ref[] neededRefs;

    /** The texts a rule may have, by index: {@link #TITLE}, {@link #ACTION}, {@link #WHY}, {@link #REASON}. */
    private static final List<String> TEXTS = List.of("title", "action", "why", "reason");
    private static final int TITLE = 0;
    private static final int ACTION = 1;
    private static final int WHY = 2;
    private static final int REASON = 3;
    private static final int PLATFORMS = Platform.values().length;

    /** A hit shown in the advice, with its rule. */
    private record Shown(Hit hit, Compiled rule) {
    }

    /** Ranking: severity, then the rule's weight (higher first), then id. */
    private static final Comparator<Shown> RANKING = Comparator.comparing((Shown s) -> s.hit().severity())
            .thenComparingInt(s -> -s.rule().weight).thenComparing(s -> s.hit().id());

    /** One rule, ready to use. */
    private static final class Compiled {
        final RuleInfo info;
        final org.communityadvisor.Category category;
        final int weight;
        final Advice.Source source;
        final List<Map.Entry<String, Values.Ref>> evidence = new ArrayList<>();
        final List<String> needs = new ArrayList<>();
        /** {@link #needs} as indexes into {@link AdviceAssembler#neededPaths}. */
        int[] needIndexes = new int[0];
        /** The platforms the rule speaks to ({@code @platforms}); {@code null}: every platform. */
        final java.util.EnumSet<Platform> platforms;
        /**
         * The rule's texts by {@link #TEXTS} index, language ordinal and platform (ordinal + 1; 0 for every
         * platform), each platform's entry the wording it reads; null where the rule has none.
         */
        final Values.Template[][][] texts = new Values.Template[TEXTS.size()][Lang.values().length][PLATFORMS + 1];
        /** The texts of each wording variant by {@link #TEXTS} index and language; null where it has none. */
        final Map<String, Values.Template[][]> variants = new HashMap<>();

        Compiled(RuleInfo r) {
            this.info = r;
            this.category = org.communityadvisor.Category.ofId(r.name());
            this.weight = r.kind() == RuleInfo.Kind.RECOMMENDATION ? r.weight() : 0;
            this.source = r.document() == null ? null : new Advice.Source(r.document(), r.quote());
            this.platforms = r.platforms().isEmpty() ? null : java.util.EnumSet.copyOf(r.platforms());
            for (int i = 0; i < TEXTS.size(); i++) {
                for (Lang lang : Lang.values()) {
                    String t = r.text(TEXTS.get(i), lang);
                    Values.Template common = t == null ? null : Values.Template.of(t);
                    texts[i][lang.ordinal()][0] = common;
                    for (Platform p : Platform.values()) {
                        String own = r.text(TEXTS.get(i), lang, p);
                        texts[i][lang.ordinal()][p.ordinal() + 1] = own == null || own.equals(t) ? common
                                : Values.Template.of(own);
                    }
                    for (String v : r.variants()) {
                        String own = r.texts().get(TEXTS.get(i) + "." + lang.json() + "." + v);
                        if (own != null) {
                            variants.computeIfAbsent(v, x -> new Values.Template[TEXTS.size()][Lang.values().length])
                                    [i][lang.ordinal()] = Values.Template.of(own);
                        }
                    }
                }
            }
        }

        /** Whether the rule speaks to a community of this platform (an unknown platform: every rule does). */
        boolean appliesTo(Platform p) {
            return platforms == null || p == null || platforms.contains(p);
        }

        /** A text's template in the wording of a variant where it has its own, else the platform's; or null. */
        Values.Template template(int what, Lang lang, Platform platform, String variant) {
            Values.Template[][] own = variant == null ? null : variants.get(variant);
            return own != null && own[what][lang.ordinal()] != null ? own[what][lang.ordinal()]
                    : texts[what][lang.ordinal()][platform == null ? 0 : platform.ordinal() + 1];
        }
    }

    /** Throws {@link RuleBaseException} when a recommendation's id has no category (see {@link Linter#categories}). */
    AdviceAssembler(RuleBase rules) {
        this(rules, Renderer.TEXTS);
    }

    /** An assembler whose texts are filled by this renderer. */
    AdviceAssembler(RuleBase rules, Renderer renderer) {
        this.version = rules.version();
        this.renderer = renderer;
        List<String> unknown = Linter.categories(rules.rules().values());
        if (!unknown.isEmpty()) {
            throw new RuleBaseException(unknown);
        }
        for (RuleInfo r : rules.rules().values()) {
            Compiled c = new Compiled(r);
            compiled.put(r.name(), c);
            if (r.kind() == RuleInfo.Kind.RECOMMENDATION || r.kind() == RuleInfo.Kind.STAGE) {
                for (String name : r.evidence()) {
                    c.evidence.add(Map.entry(name, Values.ref(name)));
                }
                for (String name : r.needs()) {
                    if (Values.isSnapshotPath(name)) {
                        c.needs.add(name);
                        needed.computeIfAbsent(name, Values::ref);
                    }
                }
                deciding.add(c);
            }
        }
        neededPaths = needed.keySet().stream().sorted().toArray(String[]::new);
        neededRefs = new Values.Ref[neededPaths.length];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < neededPaths.length; i++) {
            neededRefs[i] = needed.get(neededPaths[i]);
            index.put(neededPaths[i], i);
        }
        for (Compiled c : deciding) {
            c.needIndexes = c.needs.stream().mapToInt(index::get).toArray();
        }
    }

    /** The acknowledgement in force for an id (the latest until that still holds), or {@code null}. */
    private static Snapshot.Acknowledgement acknowledgement(Snapshot snapshot, String id) {
        return snapshot.acknowledged() == null ? null : snapshot.acknowledged().stream()
                .filter(a -> a != null && id.equals(a.id()) && !snapshot.asOf().isAfter(a.until()))
                .max(Comparator.comparing(Snapshot.Acknowledgement::until)).orElse(null);
    }

    /** A rule's text filled with its values, in the wording of the variant and platform; null where it has none. */
    private String text(Compiled rule, int what, Lang lang, Platform platform, String variant,
            Map<String, Object> values) {
        Values.Template template = rule.template(what, lang, platform, variant);
        return template == null ? null : renderer.fill(template, values, lang);
    }

    /**
     * The advice for a snapshot from what the rules concluded about its community; with {@code lang} null, the lean
     * advice: no texts (titles, actions, reasons null, no stage reasons), everything else the same.
     */
    Advice assemble(Snapshot snapshot, Lang lang, Profile profile, Community community, Session.Fired fired) {
        Thresholds t = profile.thresholds();
        Platform platform = snapshot.platform();
        StageFact stage = fired.stage();
        List<Hit> hits = applicable(fired.hits(), platform);

        // One suppression per id: another rule's before the operator's acknowledgement, then by id.
        Map<String, Suppressed> heldBack = new HashMap<>();
        fired.suppressions().stream()
                .filter(s -> Suppressed.ACKNOWLEDGED.equals(s.by()) || (applies(s.by(), platform)
                        && applies(s.rule(), platform)))
                .sorted(Comparator.comparing((Suppressed s) -> Suppressed.ACKNOWLEDGED.equals(s.by()))
                        .thenComparing(Suppressed::by))
                .forEach(s -> heldBack.putIfAbsent(s.id(), s));

        List<Shown> shown = new ArrayList<>(hits.size());
        List<Advice.Suppression> suppressed = new ArrayList<>();
        for (Hit hit : hits) {
            Suppressed s = heldBack.isEmpty() ? null : heldBack.get(hit.id());
            if (s == null) {
                shown.add(new Shown(hit, compiled.get(hit.id())));
            } else {
                Snapshot.Acknowledgement ack = Suppressed.ACKNOWLEDGED.equals(s.by())
                        ? acknowledgement(snapshot, hit.id()) : null;
                suppressed.add(new Advice.Suppression(hit.id(), s.by(),
                        lang == null ? null : text(compiled.get(s.rule()), REASON, lang, platform, null, Map.of()),
                        ack == null ? null : ack.reason(), ack == null ? null : ack.note()));
            }
        }
        suppressed.sort(Comparator.comparing(Advice.Suppression::id));
        shown.sort(RANKING);

        // Causes before symptoms: the shown causes of each hit, then within a severity every cause before its symptom.
        Set<String> shownIds = new HashSet<>();
        shown.forEach(s -> shownIds.add(s.hit().id()));
        Map<String, List<String>> causes = new HashMap<>();
        for (Shown one : shown) {
            List<String> declared = one.rule().info.causes(one.hit().severity());
            if (!declared.isEmpty()) {
                List<String> present = declared.stream().filter(shownIds::contains).toList();
                if (!present.isEmpty()) {
                    causes.put(one.hit().id(), present);
                }
            }
        }
        if (!causes.isEmpty()) {
            shown = causesFirst(shown, causes);
        }

        List<Advice.Recommendation> recommendations = new ArrayList<>(shown.size());
        for (Shown one : shown) {
            Compiled r = one.rule();
            Map<String, Object> values = values(r, community, t);
            String variant = one.hit().variant();
            recommendations.add(new Advice.Recommendation(recommendations.size() + 1, r.info.name(), r.category,
                    one.hit().severity(), lang == null ? null : text(r, TITLE, lang, platform, variant, values),
                    lang == null ? null : text(r, ACTION, lang, platform, variant, values),
                    lang == null ? null : text(r, WHY, lang, platform, variant, values),
                    causes.getOrDefault(r.info.name(), List.of()), values, r.source));
        }

        List<String> stageReasons = List.of();
        if (lang != null) {
            Compiled stageRule = compiled.get(stage.rule());
            stageReasons = List.of(text(stageRule, REASON, lang, platform, stage.variant(),
                    values(stageRule, community, t)));
        }

        return new Advice(snapshot.id(), snapshot.asOf(), stage.stage(), stageReasons,
                DataWarnings.of(community, t, lang, renderer), recommendations, suppressed, focus(recommendations),
                Scoring.score(community, t), gaps(hits, stage, community, t, platform), version,
                new Advice.ProfileUsed(profile.name(), t));
    }

    private boolean applies(String rule, Platform platform) {
        Compiled c = rule == null ? null : compiled.get(rule);
        return c == null || c.appliesTo(platform);
    }

    /** The hits of the rules that speak to this platform ({@code @platforms}). */
    private List<Hit> applicable(List<Hit> hits, Platform platform) {
        for (Hit h : hits) {
            if (!compiled.get(h.id()).appliesTo(platform)) {
                return hits.stream().filter(x -> compiled.get(x.id()).appliesTo(platform)).toList();
            }
        }
        return hits;
    }

    /**
     * The ranking with every cause before its symptom within one severity: a symptom moves down to just after
     * the last of its causes of the same severity (repeated until nothing moves; causes never form a cycle that
     * matters, and the passes are bounded by the list's size).
     */
    private static List<Shown> causesFirst(List<Shown> ranked, Map<String, List<String>> causes) {
        List<Shown> out = new ArrayList<>(ranked);
        for (int pass = 0; pass < out.size(); pass++) {
            boolean moved = false;
            for (int i = 0; i < out.size(); i++) {
                Shown symptom = out.get(i);
                List<String> own = causes.get(symptom.hit().id());
                if (own == null) {
                    continue;
                }
                int last = -1;
                for (int j = i + 1; j < out.size(); j++) {
                    Shown other = out.get(j);
                    if (other.hit().severity() == symptom.hit().severity() && own.contains(other.hit().id())) {
                        last = j;
                    }
                }
                if (last > i) {
                    out.remove(i);
                    out.add(last, symptom);
                    moved = true;
                    break;
                }
            }
            if (!moved) {
                break;
            }
        }
        return out;
    }

    /**
     * What to do first: at most {@link #FOCUS_SIZE} shown recommendations, chosen one at a time, {@code measurement.*}
     * excluded: the highest severity left; among those, the first by rank whose category is not yet in the focus,
     * else the first by rank. A symptom is not chosen while one of its causes ({@link Advice.Recommendation#causes()})
     * waits outside the focus. So a second HIGH item of a category beats a MEDIUM one of another, and a LOW item
     * never enters while a HIGH or MEDIUM one waits.
     */
    static List<String> focus(List<Advice.Recommendation> ranked) {
        List<String> out = new ArrayList<>(FOCUS_SIZE);
        Set<org.communityadvisor.Category> categories = java.util.EnumSet.noneOf(org.communityadvisor.Category.class);
        while (out.size() < FOCUS_SIZE) {
            Advice.Recommendation pick = null;
            Advice.Recommendation firstOfSeverity = null;
            for (Advice.Recommendation r : ranked) {
                if (r.category() == org.communityadvisor.Category.MEASUREMENT || out.contains(r.id())
                        || r.causes().stream().anyMatch(c -> !out.contains(c))) {
                    continue;
                }
                if (firstOfSeverity == null) {
                    firstOfSeverity = r;
                } else if (r.severity() != firstOfSeverity.severity()) {
                    break;
                }
                if (!categories.contains(r.category())) {
                    pick = r;
                    break;
                }
            }
            if (pick == null) {
                pick = firstOfSeverity;
            }
            if (pick == null) {
                break;
            }
            out.add(pick.id());
            categories.add(pick.category());
        }
        return out;
    }

    /** The unknown snapshot paths needed by rules that did not fire (so they could not decide). */
    private List<String> gaps(List<Hit> hits, StageFact stage, Community community, Thresholds t, Platform platform) {
        boolean[] unknown = null;
        for (int i = 0; i < neededRefs.length; i++) {
            if (neededRefs[i].get(community, t) == null) {
                if (unknown == null) {
                    unknown = new boolean[neededRefs.length];
                }
                unknown[i] = true;
            }
        }
        if (unknown == null) {
            return List.of();
        }
        Set<String> fired = new HashSet<>();
        hits.forEach(h -> fired.add(h.id()));
        fired.add(stage.rule());
        // Most useful first: by how many rules each unknown value keeps from deciding, then by name.
        int[] count = new int[neededRefs.length];
        int gaps = 0;
        for (Compiled r : deciding) {
            if (!fired.contains(r.info.name()) && r.appliesTo(platform)) {
                for (int i : r.needIndexes) {
                    if (unknown[i] && count[i]++ == 0) {
                        gaps++;
                    }
                }
            }
        }
        if (gaps == 0) {
            return List.of();
        }
        Integer[] order = new Integer[gaps];
        for (int i = 0, k = 0; i < count.length; i++) {
            if (count[i] > 0) {
                order[k++] = i; // by name: the paths are sorted
            }
        }
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> -count[i])); // stable: names stay in order
        String[] out = new String[gaps];
        for (int k = 0; k < gaps; k++) {
            out[k] = neededPaths[order[k]];
        }
        return List.of(out);
    }

    private static Map<String, Object> values(Compiled r, Community c, Thresholds t) {
        Map<String, Object> out = new LinkedHashMap<>(r.evidence.size() * 2);
        for (Map.Entry<String, Values.Ref> e : r.evidence) {
            out.put(e.getKey(), Values.evidence(e.getValue().get(c, t)));
        }
        return out;
    }
}
