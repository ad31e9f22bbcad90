package org.communityadvisor;

import java.util.List;

/**
 * Rules that cannot be used: a folder that does not compile, rules without the metadata, texts or quote they
 * need, or rules that decide no stage for a snapshot. Each problem names {@code file:line} where it can.
 * Thrown by {@link Advisor.Builder#build()} and {@link Advisor#reload(java.nio.file.Path)} (the old rules keep
 * serving).
 */
public final class RulesException extends AdvisorException {
    private final transient List<String> problems;

    public RulesException(List<String> problems) {
        super(problems.size() + " problem(s) in the rules:\n  " + String.join("\n  ", problems), null);
        this.problems = List.copyOf(problems);
    }

    /** Each problem, as {@code file:line: message} where the file and line are known. */
    public List<String> problems() {
        return problems;
    }
}
