package org.communityadvisor.engine;

import org.kie.api.runtime.rule.RuleContext;

/**
 * A matched recommendation held back by another rule or by the operator's acknowledgement.
 *
 * @param id   the catalog id held back
 * @param by   the catalog id that supersedes it, or {@code acknowledged}
 * @param rule the name of the suppression rule (its metadata holds the reason texts)
 */
public record Suppressed(String id, String by, String rule) {
    /** Suppression by the acknowledgement of the operator. */
    public static final String ACKNOWLEDGED = "acknowledged";

    public static Suppressed of(RuleContext kcontext, String id, String by) {
        return new Suppressed(id, by, kcontext.getRule().getName());
    }
}
