package org.communityadvisor.engine;

import java.util.List;

/** A rules folder that does not compile or whose rules lack what they need; each problem names file and line. */
public final class RuleBaseException extends RuntimeException {
    private final transient List<String> problems;

    public RuleBaseException(List<String> problems) {
        super(problems.size() + " problem(s) in the rules:\n  " + String.join("\n  ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code file:line: message}. */
    public List<String> problems() {
        return problems;
    }
}
