package org.communityadvisor.engine;

import org.communityadvisor.Severity;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A recommendation rule matched: inserted by the rule's consequence, read back by the {@code hits} query.
 *
 * @param id       the rule's catalog id (its name)
 * @param severity the severity it fired with
 */
public record Hit(String id, Severity severity) {
    /** The hit of the rule now firing. */
    public static Hit of(RuleContext kcontext, Severity severity) {
        return new Hit(kcontext.getRule().getName(), severity);
    }
}
