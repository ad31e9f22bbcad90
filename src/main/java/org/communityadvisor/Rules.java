package org.communityadvisor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.communityadvisor.engine.RuleBase;
import org.communityadvisor.engine.RuleInfo;

/**
 * The rules an {@link Advisor} uses, read-only: every rule as its own metadata describes it, in id order, and
 * the version (a hash of the rule files). Nothing here can change the advisor; to change rules, edit a rules
 * folder and {@link Advisor#reload(java.nio.file.Path)}. Immutable and thread-safe.
 *
 * <pre>{@code
 * for (Rules.Rule r : advisor.rules().recommendations())
 *     System.out.println(r.id() + " " + r.severities() + " " + r.title(Lang.EN));
 * }</pre>
 */
public final class Rules {
    private final String version;
    private final Map<String, Rule> byId;
    private final java.util.Set<String> ids;
    private final RuleBase base;

    Rules(RuleBase base) {
        this.base = base;
        this.version = base.version();
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (RuleInfo r : base.rules().values()) {
            rules.put(r.name(), new Rule(r, base.conditions(r.name()), base.ruleText(r.name())));
        }
        this.byId = java.util.Collections.unmodifiableMap(rules);
        this.ids = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(
                recommendations().stream().map(Rule::id).toList()));
    }

    /**
     * A rules folder compiled and checked as {@code advisor lint} checks it (without {@code dir}: the bundled
     * rules), without an advisor: every DRL error with {@code file:line}, missing metadata or texts, duplicate ids,
     * values that name nothing.
     *
     * @throws RulesException with each problem when the rules cannot be used
     */
    public static Rules compile(java.nio.file.Path dir) {
        try {
            return new Rules(dir == null ? RuleBase.compile(RuleBase.bundledSources())
                    : RuleBase.compile(RuleBase.directorySources(dir)));
        } catch (org.communityadvisor.engine.RuleBaseException e) {
            throw new RulesException(e.problems());
        }
    }

    /** The compiled rules these describe. */
    RuleBase base() {
        return base;
    }

    /** How many DRL files the rules were compiled from. */
    public int drlFiles() {
        return base.sources().size();
    }

    /**
     * What the rules folder {@code dir} lacks beyond its rules: each rule's cases ({@code cases.json} beside it)
     * and the base snapshot they patch; empty when complete.
     */
    public List<String> caseProblems(java.nio.file.Path dir) {
        return base.caseProblems(dir);
    }

    /** The catalog: every recommendation's id, in id order (what {@code acknowledged} and expectations may name). */
    public java.util.Set<String> ids() {
        return ids;
    }

    /** A hash of the rule files: the {@code rulesVersion} of every advice made with them. */
    public String version() {
        return version;
    }

    /** Every rule: recommendations, stage rules and the rules about rules (suppression), by name. */
    public List<Rule> all() {
        return List.copyOf(byId.values());
    }

    /** The recommendation rules, the knowledge base's catalog, in id order. */
    public List<Rule> recommendations() {
        return byId.values().stream().filter(r -> r.kind() == Kind.RECOMMENDATION).toList();
    }

    /** A rule by its name (for a recommendation, its catalog id). */
    public Optional<Rule> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The rule id nearest a misspelt one ({@code suppress.trust-frist}), for a "did you mean" hint; empty when none reads as a typo of it. */
    public Optional<String> nearest(String id) {
        return Optional.ofNullable(org.communityadvisor.json.Names.nearest(id, byId.keySet()));
    }

    /** What a rule contributes to an advice. */
    public enum Kind {
        /** a recommendation of the catalog */
        RECOMMENDATION,
        /** decides the lifecycle stage */
        STAGE,
        /** holds back another recommendation */
        SUPPRESSION,
        /** anything else (the queries that hand results back) */
        OTHER
    }

    /** One rule, read-only. */
    public static final class Rule {
        private final RuleInfo info;
        private final String conditions;
        private final String drl;

        private Rule(RuleInfo info, String conditions, String drl) {
            this.info = info;
            this.conditions = conditions;
            this.drl = drl;
        }

        /** The rule's name; for a recommendation its catalog id ({@code size.below-viable}). */
        public String id() {
            return info.name();
        }

        public Kind kind() {
            return Kind.valueOf(info.kind().name());
        }

        /** The recommendation's category (its id's prefix); {@code null} for other rules. */
        public Category category() {
            return info.kind() == RuleInfo.Kind.RECOMMENDATION ? Category.ofId(info.name()) : null;
        }

        /** The severities it can fire with, the usual one first; empty for other rules. */
        public List<Severity> severities() {
            return info.severities();
        }

        /** Order among recommendations of one severity: higher first (1-100). */
        public int weight() {
            return info.weight();
        }

        /** The stage a stage rule decides; {@code null} for other rules. */
        public Stage stage() {
            return info.stage();
        }

        /** The values shown as its evidence: snapshot paths, derived values, thresholds. */
        public List<String> evidence() {
            return info.evidence();
        }

        /** The source document its quote comes from. */
        public String document() {
            return info.document();
        }

        /** The passage of the source it encodes, verbatim. */
        public String quote() {
            return info.quote();
        }

        /** The rules file it lives in, relative to the rules folder, and the line of its {@code rule} keyword. */
        public String file() {
            return info.file();
        }

        public int line() {
            return info.line();
        }

        /** Its trigger in words, in a language. */
        public String trigger(Lang lang) {
            return info.text("trigger", lang);
        }

        public String title(Lang lang) {
            return info.text("title", lang);
        }

        /** What to do, with {@code {placeholders}} for the values an advice fills in. */
        public String action(Lang lang) {
            return info.text("action", lang);
        }

        /** A stage rule's or suppression rule's reason, as the advice gives it; {@code null} for others. */
        public String reason(Lang lang) {
            return info.text("reason", lang);
        }

        public String why(Lang lang) {
            return info.text("why", lang);
        }

        /** A metadata value as the rule file writes it ({@code @needs}, {@code @source} ...). */
        public String metadata(String key) {
            return info.get(key);
        }

        /** Its conditions, as the rule file writes them. */
        public String conditions() {
            return conditions;
        }

        /** The rule's whole text in its file. */
        public String drl() {
            return drl;
        }

        @Override
        public String toString() {
            return id();
        }
    }
}
