package org.communityadvisor.engine;

import org.communityadvisor.Advice;
import org.communityadvisor.Lang;
import org.communityadvisor.Profile;
import org.communityadvisor.Snapshot;

/**
 * Runs the rules over one snapshot and makes the advice: wires the {@link Session} (the Drools part) to the
 * {@link AdviceAssembler} (suppression, ranking, focus, texts, evidence, scores and data gaps). Immutable and
 * thread-safe.
 */
public final class Evaluator {
    private final RuleBase rules;
    private final AdviceAssembler assembler;
    private final Session session;

    /** Throws {@link RuleBaseException} when the rules' metadata cannot make advice. */
    public Evaluator(RuleBase rules) {
        this.rules = rules;
        this.assembler = new AdviceAssembler(rules);
        this.session = new Session(rules);
    }

    public RuleBase rules() {
        return rules;
    }

    /** The advice for a valid snapshot, judged with the given profile's thresholds. */
    public Advice evaluate(Snapshot snapshot, Lang lang, Profile profile) {
        Community community = new Community(snapshot, profile.thresholds());
        return assembler.assemble(snapshot, lang, profile, community, session.run(snapshot, community));
    }
}
