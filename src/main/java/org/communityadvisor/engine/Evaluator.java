package org.communityadvisor.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.communityadvisor.Advice;
import org.communityadvisor.Lang;
import org.communityadvisor.Profile;
import org.communityadvisor.Snapshot;
import org.communityadvisor.Thresholds;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * Runs the rules over one snapshot and assembles the advice: the stage, the hits that were not suppressed,
 * ranked, each with its evidence, texts and source, the suppressed ones with their reasons, and data gaps.
 * Immutable and thread-safe: every call works in its own Drools session.
 */
public final class Evaluator {
    /** The queries every rules folder must define to hand results back. */
    public static final List<String> QUERIES = List.of("stage", "hits", "suppressed");

    private final RuleBase rules;
    private final Profile profile;
    /** Sessions are reset and reused: disposing a pooled session returns it to the pool. */
    private final org.kie.api.runtime.KieSessionsPool sessions;
    private final Map<String, List<Map.Entry<String, Values.Ref>>> evidence = new HashMap<>();
    private final Map<String, List<Map.Entry<String, Values.Ref>>> needs = new HashMap<>();
    private final List<RuleInfo> decidingRules = new ArrayList<>();

    public Evaluator(RuleBase rules, Profile profile) {
        this.rules = rules;
        this.profile = profile;
        this.sessions = rules.kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        for (RuleInfo r : rules.rules().values()) {
            if (r.kind() == RuleInfo.Kind.RECOMMENDATION || r.kind() == RuleInfo.Kind.STAGE) {
                List<Map.Entry<String, Values.Ref>> refs = new ArrayList<>();
                for (String name : r.evidence()) {
                    refs.add(Map.entry(name, Values.ref(name)));
                }
                evidence.put(r.name(), List.copyOf(refs));
                List<Map.Entry<String, Values.Ref>> needed = new ArrayList<>();
                for (String name : r.needs()) {
                    if (Values.isSnapshotPath(name)) {
                        needed.add(Map.entry(name, Values.ref(name)));
                    }
                }
                needs.put(r.name(), List.copyOf(needed));
                decidingRules.add(r);
            }
        }
    }

    public RuleBase rules() {
        return rules;
    }

    public Advice evaluate(Snapshot snapshot, Lang lang) {
        Thresholds t = profile.thresholds();
        Community community = new Community(snapshot, t);
        StageFact stage = null;
        List<Hit> hits = new ArrayList<>();
        List<Suppressed> suppressions = new ArrayList<>();
        KieSession session = sessions.newKieSession();
        try {
            session.insert(t);
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
            throw new IllegalStateException("no stage rule matched " + snapshot.id()
                    + "; the rules must decide a stage for every snapshot");
        }

        // One suppression per id: another rule's before the operator's acknowledgement, then by id.
        Map<String, Suppressed> heldBack = new LinkedHashMap<>();
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
                suppressed.add(new Advice.Suppression(hit.id(), s.by(), rules.rule(s.rule()).text("reason", lang)));
            }
        }
        suppressed.sort(Comparator.comparing(Advice.Suppression::id));
        shown.sort(Comparator.comparing(Hit::severity)
                .thenComparing(h -> -rules.rule(h.id()).weight())
                .thenComparing(Hit::id));

        List<Advice.Recommendation> recommendations = new ArrayList<>();
        for (Hit hit : shown) {
            RuleInfo r = rules.rule(hit.id());
            Map<String, Object> values = values(r, community, t);
            recommendations.add(new Advice.Recommendation(recommendations.size() + 1, r.name(), r.category(),
                    hit.severity(), Values.fill(r.text("title", lang), values, lang),
                    Values.fill(r.text("action", lang), values, lang), Values.fill(r.text("why", lang), values, lang),
                    values, new Advice.Source(r.document(), r.quote())));
        }

        RuleInfo stageRule = rules.rule(stage.rule());
        List<String> stageReasons = List.of(
                Values.fill(stageRule.text("reason", lang), values(stageRule, community, t), lang));

        TreeSet<String> fired = new TreeSet<>();
        hits.forEach(h -> fired.add(h.id()));
        fired.add(stage.rule());
        TreeSet<String> gaps = new TreeSet<>();
        for (RuleInfo r : decidingRules) {
            if (!fired.contains(r.name())) {
                for (Map.Entry<String, Values.Ref> e : needs.get(r.name())) {
                    if (e.getValue().get(community, t) == null) {
                        gaps.add(e.getKey());
                    }
                }
            }
        }

        return new Advice(snapshot.id(), snapshot.asOf(), stage.stage(), stageReasons, recommendations, suppressed,
                Scoring.score(community, t), List.copyOf(gaps), rules.version(),
                new Advice.ProfileUsed(profile.name(), t));
    }

    private Map<String, Object> values(RuleInfo r, Community c, Thresholds t) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Values.Ref> e : evidence.get(r.name())) {
            out.put(e.getKey(), Values.evidence(e.getValue().get(c, t)));
        }
        return out;
    }
}
