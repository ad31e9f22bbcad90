package org.communityadvisor.engine;

import org.communityadvisor.Scores;
import org.communityadvisor.Thresholds;

/** The composite evaluation of seed 002 (综合评估). */
public final class Scoring {
    private Scoring() {
    }

    public static Scores score(Community c, Thresholds t) {
        return new Scores(null, null, null, null, null, null);
    }
}
