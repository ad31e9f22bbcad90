package org.communityadvisor;

import org.communityadvisor.engine.RuleBase;

/** An advisor on rules the engine's tests compiled themselves, for tests in other packages. */
public final class RulesTestAccess {
    private RulesTestAccess() {
    }

    public static Advisor advisor(RuleBase base) {
        return Advisor.builder().rules(new Rules(base)).build();
    }
}
