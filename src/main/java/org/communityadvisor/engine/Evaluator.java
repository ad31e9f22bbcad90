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
import org.communityadvisor.Profile;
import org.communityadvisor.Snapshot;
import org.communityadvisor.Thresholds;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * Runs the rules over one snapshot and assembles the advice: the stage, the hits that were not suppressed,
 * ranked, each with its evidence, texts and source, the suppressed ones with their reasons, and data gaps.
 * Immutable and thread-safe: every call works in its own Drools session (reset and reused from a pool).
 */
public final class Evaluator {
    /** The queries every rules folder must define to hand results back. */
    public static final List<String> QUERIES = List.of("stage", "hits", "suppressed");

    /** Most recommendations named in an advice's {@code focus}. */
    public static final int FOCUS_SIZE = 3;

    private final RuleBase rules;
    private final KieSessionsPool sessions;
    /** Every rule's metadata worked out once: what each advice needs of it, without parsing or lookups. */
    private final Map<String, Compiled> compiled = new HashMap<>();
    /** The rules that can leave data gaps when they do not fire (recommendations and stages). */
    private final List<Compiled> deciding = new ArrayList<>();
    /** Every snapshot path some rule needs, with how to read it. */
    private final Map<String, Values.Ref> needed = new LinkedHashMap<>();

    /** One rule, ready to use. */
    private static final class Compiled {
        final RuleInfo info;
        final org.communityadvisor.Category category;
        final int weight;
        final Advice.Source source;
        final List<Map.Entry<String, Values.Ref>> evidence = new ArrayList<>();
        final List<String> needs = new ArrayList<>();
        final Map<String, Values.Template> texts = new HashMap<>();

        Compiled(RuleInfo r) {
            this.info = r;
            this.category = org.communityadvisor.Category.ofId(r.name());
            this.weight = r.kind() == RuleInfo.Kind.RECOMMENDATION ? r.weight() : 0;
            this.source = r.document() == null ? null : new Advice.Source(r.document(), r.quote());
            for (String text : List.of("title", "action", "why", "reason")) {
                for (Lang lang : Lang.values()) {
                    String t = r.text(text, lang);
                    if (t != null) {
                        texts.put(text + lang.json(), Values.Template.of(t));
                    }
                }
            }
        }

        String text(String what, Lang lang, Map<String, Object> values) {
            Values.Template template = texts.get(what + lang.json());
            return template == null ? null : template.fill(values, lang);
        }
    }

    public Evaluator(RuleBase rules) {
        this.rules = rules;
        this.sessions = rules.kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        List<String> unknown = new ArrayList<>();
        for (RuleInfo r : rules.rules().values()) {
            Compiled c = new Compiled(r);
            if (r.kind() == RuleInfo.Kind.RECOMMENDATION && c.category == null) {
                unknown.add("rules/" + r.file() + ":" + r.line() + ": " + r.name() + ": the id's prefix is not a category ("
                        + java.util.Arrays.stream(org.communityadvisor.Category.values()).map(Object::toString)
                        .collect(java.util.stream.Collectors.joining(", ")) + ")");
            }
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
        if (!unknown.isEmpty()) {
            throw new RuleBaseException(unknown);
        }
    }

    public RuleBase rules() {
        return rules;
    }

    /** The advice for a valid snapshot, judged with the given profile's thresholds. */
    public Advice evaluate(Snapshot snapshot, Lang lang, Profile profile) {
        Thresholds t = profile.thresholds();
        Community community = new Community(snapshot, t);
        StageFact stage = null;
        List<Hit> hits = new ArrayList<>();
        List<Suppressed> suppressions = new ArrayList<>();
        KieSession session = sessions.newKieSession();
        try {
            StageFact.prepare(session); // a pooled session keeps the stage group's last mark: clear it
            session.insert(community);
            if (snapshot.acknowledged() != null) {
                snapshot.acknowledged().forEach(session::insert);
            }
            session.fireAllRules();
            for (QueryResultsRow row : session.getQueryResults("stage")) {
                stage = (StageFact) row.get("$stage");
            }
            for (QueryResultsRow row : session.getQueryResults("hits")) {
                hits.add((Hit) row.get("$hit"));
            }
            for (QueryResultsRow row : session.getQueryResults("suppressed")) {
                suppressions.add((Suppressed) row.get("$suppressed"));
            }
        } finally {
            session.dispose();
        }
        if (stage == null) {
            throw new RuleBaseException(List.of("no stage rule matched " + snapshot.id()
                    + "; the rules must decide a stage for every snapshot (keep stage.mature, which always matches)"));
        }

        // One suppression per id: another rule's before the operator's acknowledgement, then by id.
        Map<String, Suppressed> heldBack = new HashMap<>();
        suppressions.stream()
                .sorted(Comparator.comparing((Suppressed s) -> Suppressed.ACKNOWLEDGED.equals(s.by()))
                        .thenComparing(Suppressed::by))
                .forEach(s -> heldBack.putIfAbsent(s.id(), s));

        List<Hit> shown = new ArrayList<>();
        List<Advice.Suppression> suppressed = new ArrayList<>();
        for (Hit hit : hits) {
            Suppressed s = heldBack.get(hit.id());
            if (s == null) {
                shown.add(hit);
            } else {
                suppressed.add(new Advice.Suppression(hit.id(), s.by(),
                        compiled.get(s.rule()).text("reason", lang, Map.of())));
            }
        }
        suppressed.sort(Comparator.comparing(Advice.Suppression::id));
        shown.sort(Comparator.comparing(Hit::severity)
                .thenComparing(h -> -compiled.get(h.id()).weight)
                .thenComparing(Hit::id));

        List<Advice.Recommendation> recommendations = new ArrayList<>(shown.size());
        for (Hit hit : shown) {
            Compiled r = compiled.get(hit.id());
            Map<String, Object> values = values(r, community, t);
            recommendations.add(new Advice.Recommendation(recommendations.size() + 1, r.info.name(), r.category,
                    hit.severity(), r.text("title", lang, values), r.text("action", lang, values),
                    r.text("why", lang, values), values, r.source));
        }

        Compiled stageRule = compiled.get(stage.rule());
        List<String> stageReasons = List.of(stageRule.text("reason", lang, values(stageRule, community, t)));

        return new Advice(snapshot.id(), snapshot.asOf(), stage.stage(), stageReasons, recommendations, suppressed,
                focus(recommendations), Scoring.score(community, t), gaps(hits, stage, community, t), rules.version(),
                new Advice.ProfileUsed(profile.name(), t));
    }

    /**
     * What to do first: at most {@link #FOCUS_SIZE} shown recommendations in rank order, at most one per
     * category, so an operator facing twenty items knows where to start (catalog: Focus).
     */
    static List<String> focus(List<Advice.Recommendation> ranked) {
        List<String> out = new ArrayList<>(FOCUS_SIZE);
        Set<org.communityadvisor.Category> categories = java.util.EnumSet.noneOf(org.communityadvisor.Category.class);
        for (Advice.Recommendation r : ranked) {
            if (out.size() == FOCUS_SIZE) {
                break;
            }
            if (categories.add(r.category())) {
                out.add(r.id());
            }
        }
        return out;
    }

    /** The unknown snapshot paths needed by rules that did not fire (so they could not decide). */
    private List<String> gaps(List<Hit> hits, StageFact stage, Community community, Thresholds t) {
        Set<String> unknown = new HashSet<>();
        for (Map.Entry<String, Values.Ref> e : needed.entrySet()) {
            if (e.getValue().get(community, t) == null) {
                unknown.add(e.getKey());
            }
        }
        if (unknown.isEmpty()) {
            return List.of();
        }
        Set<String> fired = new HashSet<>();
        hits.forEach(h -> fired.add(h.id()));
        fired.add(stage.rule());
        TreeSet<String> gaps = new TreeSet<>();
        for (Compiled r : deciding) {
            if (!fired.contains(r.info.name())) {
                for (String path : r.needs) {
                    if (unknown.contains(path)) {
                        gaps.add(path);
                    }
                }
            }
        }
        return List.copyOf(gaps);
    }

    private static Map<String, Object> values(Compiled r, Community c, Thresholds t) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Values.Ref> e : r.evidence) {
            out.put(e.getKey(), Values.evidence(e.getValue().get(c, t)));
        }
        return out;
    }
}
