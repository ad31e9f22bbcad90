package org.communityadvisor;

import org.communityadvisor.engine.RuleBase;

/**
 * The benchmark's one hook into the product's package: an advisor on a generated rule base (the catalog copied
 * N times, which no rules folder can hold). Compiled with the benchmark only; the product has no such API.
 */
public final class BenchAccess {
    private BenchAccess() {
    }

    public static Advisor advisor(RuleBase base) {
        return Advisor.builder().rules(new Rules(base)).build();
    }
}
