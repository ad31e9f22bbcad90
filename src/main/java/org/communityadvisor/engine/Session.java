package org.communityadvisor.engine;

import java.util.ArrayList;
import java.util.List;
import org.communityadvisor.Snapshot;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * The Drools part of an evaluation: takes a session from a pool, readies it ({@link StageFact#prepare}), inserts
 * the community and the operator's acknowledgements, fires the rules, reads the three queries and disposes of
 * the session. Thread-safe: every call works in its own session (reset and reused from the pool).
 */
final class Session {
    /** The queries every rules folder must define to hand results back. */
    static final List<String> QUERIES = List.of("stage", "hits", "suppressed");

    /**
     * What the rules concluded about one snapshot.
     *
     * @param stage        the stage the stage rules decided
     * @param hits         the recommendations that fired, suppressed or not
     * @param suppressions the suppressions that fired
     */
    record Fired(StageFact stage, List<Hit> hits, List<Suppressed> suppressions) {
    }

    private final KieSessionsPool sessions;

    Session(RuleBase rules) {
        this.sessions = rules.kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    /** Fires the rules over a snapshot's community; throws {@link RuleBaseException} when no stage rule matched. */
    Fired run(Snapshot snapshot, Community community) {
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
        return new Fired(stage, hits, suppressions);
    }
}
