package org.communityadvisor.engine;

import org.communityadvisor.Stage;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The lifecycle stage, decided by exactly one stage rule (first match wins, by salience).
 *
 * @param stage the stage
 * @param rule  the name of the stage rule that decided it (its metadata holds the reason texts)
 */
public record StageFact(Stage stage, String rule) {
    public static StageFact of(RuleContext kcontext, Stage stage) {
        return new StageFact(stage, kcontext.getRule().getName());
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
