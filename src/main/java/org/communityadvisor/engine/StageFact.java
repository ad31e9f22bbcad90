package org.communityadvisor.engine;

import org.communityadvisor.Stage;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The lifecycle stage, decided by exactly one stage rule: the stage rules share {@code activation-group "stage"}
 * ({@link #GROUP}), so of those that match only the one of highest salience fires.
 *
 * @param stage the stage
 * @param rule    the name of the stage rule that decided it (its metadata holds the reason texts)
 * @param variant the wording of its reason, one of the rule's {@code @variants} ({@code reason.no-history}), or
 *                {@code null} for its usual reason
 */
public record StageFact(Stage stage, String rule, String variant) {
    /** A stage with its rule's usual reason. */
    public StageFact(Stage stage, String rule) {
        this(stage, rule, null);
    }

    /** The activation group every stage rule is in (lint refuses a stage rule outside it). */
    public static final String GROUP = "stage";

    public static StageFact of(RuleContext kcontext, Stage stage) {
        return new StageFact(stage, kcontext.getRule().getName());
    }

    /** The stage the rule now firing decides, with the reason of one of its {@code @variants} ({@code null}: usual). */
    public static StageFact of(RuleContext kcontext, Stage stage, String variant) {
        return new StageFact(stage, kcontext.getRule().getName(), variant);
    }

    /**
     * Readies a session for the stage rules; call it on every session taken from a {@code KieSessionsPool},
     * before inserting anything. Drools 10.2 resets a pooled session's activation groups to the fact recency
     * of its previous use while its fact counter starts again, so matches of the new facts count as older
     * and bypass the group: every matching stage rule would fire. Clearing the group at the start restores it.
     */
    public static void prepare(KieSession session) {
        session.getAgenda().getActivationGroup(GROUP).clear();
    }

    /** True when the stage is one of the given ones. */
    public boolean in(Stage... stages) {
        for (Stage s : stages) {
            if (s == stage) {
                return true;
            }
        }
        return false;
    }
}
