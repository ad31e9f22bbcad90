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
        this(rules, AdviceAssembler.Renderer.TEXTS);
    }

    /** An evaluator whose advice's texts this renderer fills (tests count or refuse its calls). */
    Evaluator(RuleBase rules, AdviceAssembler.Renderer renderer) {
        this.rules = rules;
        this.assembler = new AdviceAssembler(rules, renderer);
        this.session = new Session(rules);
    }

    public RuleBase rules() {
        return rules;
    }

    /** The advice for a valid snapshot, judged with the given profile's thresholds. */
    public Advice evaluate(Snapshot snapshot, Lang lang, Profile profile) {
        return assemble(snapshot, java.util.Objects.requireNonNull(lang, "lang"), profile);
    }

    /**
     * The lean advice for a valid snapshot: the advice without texts (no title, action, why or reason is filled;
     * {@code stageReasons} empty), everything the lean JSON writes as {@link #evaluate} gives it.
     */
    public Advice evaluateLean(Snapshot snapshot, Profile profile) {
        return assemble(snapshot, null, profile);
    }

    private Advice assemble(Snapshot snapshot, Lang lang, Profile profile) {
        Community community = new Community(snapshot, profile.thresholds());
        return assembler.assemble(snapshot, lang, profile, community, session.run(snapshot, community));
    }
}
