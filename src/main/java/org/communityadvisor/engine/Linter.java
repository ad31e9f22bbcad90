package org.communityadvisor.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityadvisor.Severity;
import org.communityadvisor.Stage;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The checks a rules folder must pass beyond compiling: no construct that fails at run time, no rule declared
 * twice, every rule's metadata and texts as its kind needs them, severities read from the metadata, the stage
 * rules' activation group, unknown values guarded, and the queries the session reads. Each problem names the
 * file and line. Stateless.
 */
final class Linter {

    private Linter() {
    }

    /**
     * Every problem of compiled rules, in order: per file the forbidden constructs and the duplicate names, then
     * per rule (by name) its metadata and guards, then the stage group, the queries, and a stage rule at all.
     *
     * @param all        the compiled rules, sorted by name
     * @param rules      their metadata, by name
     * @param catalogIds whether a recommendation's name must be a catalog id
     */
    static List<String> check(KieBase kieBase, List<Rule> all, Map<String, RuleInfo> rules, RuleSources sources,
            boolean catalogIds) {
        List<String> problems = new ArrayList<>();
        checkFiles(sources, problems);
        for (Rule rule : all) {
            RuleInfo info = rules.get(rule.getName());
            String text = sources.ruleText(info);
            check(info, text, problems, catalogIds);
            checkGuards(info, text, problems);
        }
        checkStages(all, rules, problems);
        java.util.Set<String> queries = new java.util.HashSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            pkg.getQueries().forEach(q -> queries.add(q.getName()));
        }
        for (String query : Session.QUERIES) {
            if (!queries.contains(query)) {
                problems.add("(rules): no query \"" + query + "\": keep results.drl in the rules folder");
            }
        }
        if (rules.values().stream().noneMatch(r -> r.kind() == RuleInfo.Kind.STAGE)) {
            problems.add("(rules): no stage rules (@stage): every advice needs a lifecycle stage");
        }
        return problems;
    }

    /** Constructs that compile but fail at run time in this Drools version, with what to write instead. */
    private static final Map<Pattern, String> FORBIDDEN = Map.of(
            Pattern.compile("\\bstr\\s*\\["), "the str[...] operator fails in Drools 10.2 once the constraint"
                    + " is compiled to bytecode (after 20 evaluations); write id.startsWith(\"...\") instead");

    private static final Pattern LITERAL = Pattern.compile("(<|>|<=|>=|==|!=)\\s*-?\\d+(\\.\\d+)?(?![\\w.])");

    /**
     * A comparison with a number other than 0 in a condition: thresholds live in the profile
     * ({@code members.total < thresholds.minViableMembers}), never as literals in a rule.
     */
    private static void literals(String path, String text, List<String> problems) {
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].replaceAll("//.*", "");
            if (line.trim().startsWith("@") || line.contains("salience")) {
                continue;
            }
            Matcher m = LITERAL.matcher(line);
            while (m.find()) {
                String number = m.group().replaceAll("[^0-9.-]", "");
                if (Double.parseDouble(number) != 0) {
                    problems.add(path + ":" + (n + 1) + ": the number " + number + " is a literal threshold: put it in "
                            + "the profile and compare with thresholds.<name> (README: the knowledge base)");
                }
            }
        }
    }

    /** Per file: the forbidden constructs, literal thresholds, then the rules it declares again. */
    private static void checkFiles(RuleSources sources, List<String> problems) {
        for (int i = 0; i < sources.files().size(); i++) {
            String text = sources.files().get(i).text();
            for (Map.Entry<Pattern, String> f : FORBIDDEN.entrySet()) {
                Matcher bad = f.getKey().matcher(text);
                while (bad.find()) {
                    problems.add(sources.path(i) + ":" + RuleSources.lineAt(text, bad.start()) + ": " + f.getValue());
                }
            }
            literals(sources.path(i), text, problems);
            for (RuleSources.Duplicate d : sources.duplicates()) {
                if (d.at().file() == i) {
                    problems.add(sources.path(i) + ":" + d.at().line() + ": rule \"" + d.at().rule()
                            + "\" is also declared at " + sources.path(d.previous().file()) + ":" + d.previous().line());
                }
            }
        }
    }

    /** The metadata a rule of its kind must carry to be explained, and no metadata its name already says. */
    private static void check(RuleInfo r, String text, List<String> problems, boolean catalogIds) {
        String at = r.file() + ":" + r.line() + ": rule \"" + r.name() + "\": ";
        if (r.meta().containsKey("id")) {
            problems.add(r.file() + ":" + annotationLine(r, text, "id") + ": rule \"" + r.name()
                    + "\": @id is redundant: the rule's name is its id; remove it");
        }
        if (r.meta().containsKey("category")) {
            problems.add(r.file() + ":" + annotationLine(r, text, "category") + ": rule \"" + r.name()
                    + "\": @category is redundant: the category is the prefix of the rule's name; remove it");
        }
        switch (r.kind()) {
            case RECOMMENDATION -> {
                try {
                    if (r.severities().isEmpty()) {
                        problems.add(at + "@severity is missing");
                    } else {
                        checkConsequence(r, text, problems);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(at + "@severity must list critical, high, medium or low");
                }
                try {
                    int w = r.weight();
                    if (w < 1 || w > 100) {
                        problems.add(at + "@weight must be 1-100");
                    }
                } catch (NumberFormatException e) {
                    problems.add(at + "@weight must be a whole number");
                }
                requireSource(r, at, problems);
                requireEvidence(r, at, List.of("title", "action", "why"), problems);
            }
            case STAGE -> {
                if (r.stage() == null) {
                    problems.add(at + "@stage must be one of " + java.util.Arrays.toString(Stage.values()));
                }
                requireSource(r, at, problems);
                requireEvidence(r, at, List.of("reason"), problems);
            }
            case SUPPRESSION -> {
                // its reason is checked with the other texts (RuleTexts)
            }
            default -> {
                if (r.meta().containsKey("severity")) {
                    problems.add(at + "has @severity, but a recommendation's name is its catalog id: category.name,"
                            + " with the category one of " + String.join(", ", RuleInfo.CATEGORIES));
                } else if (RuleInfo.isCategory(RuleInfo.prefix(r.name()))) {
                    problems.add(at + "@severity is missing: a rule named after a category is a recommendation");
                }
            }
        }
    }

    private static final Pattern SEVERITY_USE = Pattern.compile("\\bSeverity\\.([A-Z]+)\\b");
    private static final Pattern HIT_OF_OWN = Pattern.compile("\\bHit\\.of\\(\\s*kcontext\\s*\\)");

    /**
     * The severity lives in {@code @severity}: a rule with one writes {@code insert(Hit.of(kcontext));} and
     * names no severity; a rule with several names each of them, and only them, where it chooses.
     */
    private static void checkConsequence(RuleInfo r, String text, List<String> problems) {
        int then = text.indexOf("\nthen");
        if (then < 0) {
            return;
        }
        String consequence = text.substring(then);
        List<Severity> own = r.severities();
        String listed = r.get("severity").trim();
        java.util.Set<Severity> named = java.util.EnumSet.noneOf(Severity.class);
        Matcher m = SEVERITY_USE.matcher(consequence);
        while (m.find()) {
            String at = r.file() + ":" + lineIn(r, text, then + m.start()) + ": rule \"" + r.name() + "\": ";
            Severity s;
            try {
                s = Severity.valueOf(m.group(1));
            } catch (IllegalArgumentException e) {
                continue; // not a severity constant; the compiler has the last word
            }
            named.add(s);
            if (!own.contains(s)) {
                problems.add(at + "the consequence gives Severity." + s.name() + ", which @severity(\"" + listed
                        + "\") does not list");
            } else if (own.size() == 1) {
                problems.add(at + "the consequence restates @severity(\"" + listed + "\"): write"
                        + " insert(Hit.of(kcontext)); (name a severity only where it varies by case)");
            }
        }
        Matcher plain = HIT_OF_OWN.matcher(consequence);
        if (own.size() > 1 && plain.find()) {
            problems.add(r.file() + ":" + lineIn(r, text, then + plain.start()) + ": rule \"" + r.name()
                    + "\": @severity(\"" + listed + "\") lists several: choose one with Hit.of(kcontext, ...)");
        } else if (own.size() > 1) {
            for (Severity s : own) {
                if (!named.contains(s)) {
                    problems.add(r.file() + ":" + r.line() + ": rule \"" + r.name() + "\": @severity lists "
                            + s.json() + ", which the consequence never gives");
                }
            }
        }
    }

    /**
     * The stage rules share {@code activation-group "stage"}, so of those that match only the one of highest
     * salience fires; two at the same salience would make the winner arbitrary.
     */
    private static void checkStages(List<Rule> all, Map<String, RuleInfo> infos, List<String> problems) {
        Map<Integer, String> bySalience = new HashMap<>();
        for (Rule rule : all) {
            RuleInfo r = infos.get(rule.getName());
            String group = rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl
                    ? impl.getActivationGroup() : null;
            String at = r.file() + ":" + r.line() + ": rule \"" + r.name() + "\": ";
            if (r.kind() == RuleInfo.Kind.STAGE) {
                if (!StageFact.GROUP.equals(group)) {
                    problems.add(at + "a stage rule must be in activation-group \"" + StageFact.GROUP
                            + "\", so that only the first match decides the stage");
                    continue;
                }
                int salience = ((org.drools.base.definitions.rule.impl.RuleImpl) rule).getSalienceValue();
                String other = bySalience.putIfAbsent(salience, r.name());
                if (other != null) {
                    problems.add(at + "has salience " + salience + ", as has stage rule \"" + other
                            + "\": give each stage rule its own, the order in which they are tried");
                }
            } else if (StageFact.GROUP.equals(group)) {
                problems.add(at + "only stage rules (@stage) belong in activation-group \"" + StageFact.GROUP + "\"");
            }
        }
    }

    /**
     * The {@link Community} properties that are always known: required by the schema ({@code members.total},
     * {@code platform}, the dates and id), {@code coreGroup} (absent means no), and what is not a snapshot value.
     */
    private static final java.util.Set<String> ALWAYS_KNOWN = java.util.Set.of("members.total", "platform", "coreGroup",
            "id", "createdOn", "asOf", "thresholds", "snapshot");
    /**
     * The {@link Community} properties that are values (numbers, yes/no, enums, dates) and may be unknown, each
     * with the pattern of its uses in a condition (not a method, not a path's first part, not inside a word).
     */
    private static final Map<String, Pattern> MAY_BE_UNKNOWN = mayBeUnknown();
    private static final Pattern COMMUNITY_PATTERN = Pattern.compile("\\bCommunity\\s*\\(");
    private static final Pattern GUARD = Pattern.compile("\\s*[!=]=\\s*null\\b");
    private static final Pattern BINDING = Pattern.compile("\\$\\w+\\s*:\\s*$");
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\n]*");

    private static Map<String, Pattern> mayBeUnknown() {
        Map<String, Pattern> out = new java.util.TreeMap<>();
        for (java.lang.reflect.Method m : Community.class.getMethods()) {
            String n = m.getName();
            Class<?> type = m.getReturnType();
            boolean value = Number.class.isAssignableFrom(type) || type == Boolean.class || type.isEnum()
                    || type == java.time.LocalDate.class;
            if (m.getDeclaringClass() == Community.class && n.startsWith("get") && n.length() > 3
                    && m.getParameterCount() == 0 && value) {
                String property = Character.toLowerCase(n.charAt(3)) + n.substring(4);
                if (!ALWAYS_KNOWN.contains(property)) {
                    out.put(property, Pattern.compile("(?<![\\w.$\"])" + property + "(?![\\w\"(.])"));
                }
            }
        }
        // The snapshot's values inside its groups, by path (members.joined7d, activity.messages7d ...).
        for (String path : org.communityadvisor.json.SnapshotModel.paths()) {
            org.communityadvisor.json.SnapshotModel.Field f = org.communityadvisor.json.SnapshotModel.byPath().get(path);
            if (path.contains(".") && !ALWAYS_KNOWN.contains(path) && !f.field().required()
                    && f.kind() != org.communityadvisor.json.SnapshotModel.Kind.OBJECT) {
                out.put(path, Pattern.compile("(?<![\\w.$\"])" + Pattern.quote(path) + "(?![\\w\"(.])"));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Unknown values, one way everywhere: in a {@code Community( ... )} pattern, a value that may be unknown is
     * compared only after its guard, {@code x != null} (or {@code x == null} where unknown must match), earlier in
     * the same pattern. Binding it ({@code $x : x}) is no comparison.
     */
    private static void checkGuards(RuleInfo r, String text, List<String> problems) {
        int when = text.indexOf("\nwhen");
        int then = text.indexOf("\nthen");
        if (when < 0 || then < when) {
            return;
        }
        // Comments blanked, not removed, so offsets still give file lines.
        String conditions = LINE_COMMENT.matcher(text.substring(0, then))
                .replaceAll(c -> " ".repeat(c.group().length()));
        Matcher p = COMMUNITY_PATTERN.matcher(conditions);
        while (p.find()) {
            if (p.start() < when) {
                continue;
            }
            int open = p.end() - 1;
            int close = open;
            for (int depth = 0; close < conditions.length(); close++) {
                char c = conditions.charAt(close);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String pattern = conditions.substring(open, Math.min(close + 1, conditions.length()));
            for (Map.Entry<String, Pattern> unknown : MAY_BE_UNKNOWN.entrySet()) {
                String name = unknown.getKey();
                Matcher use = unknown.getValue().matcher(pattern);
                boolean guarded = false;
                while (use.find()) {
                    if (GUARD.matcher(pattern).region(use.end(), pattern.length()).lookingAt()) {
                        guarded = true;
                    } else if (!guarded && !BINDING.matcher(pattern).region(0, use.start()).find()) {
                        problems.add(r.file() + ":" + lineIn(r, text, open + use.start()) + ": rule \"" + r.name()
                                + "\": " + name + " may be unknown: write " + name + " != null before comparing it,"
                                + " in the same pattern (or " + name + " == null || ... where unknown must match)");
                        break;
                    }
                }
            }
        }
    }

    /** The line of a metadata annotation of a rule, else the line of its {@code rule} keyword. */
    private static int annotationLine(RuleInfo r, String text, String key) {
        Matcher m = Pattern.compile("@" + key + "\\s*\\(").matcher(text);
        int when = text.indexOf("\nwhen");
        return m.find() && (when < 0 || m.start() < when) ? lineIn(r, text, m.start()) : r.line();
    }

    /** The file line of an offset into a rule's text (which starts at the rule's line). */
    private static int lineIn(RuleInfo r, String text, int offset) {
        return r.line() + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    private static void requireSource(RuleInfo r, String at, List<String> problems) {
        if (r.document() == null || !r.document().matches("[0-9]{3}_[0-9a-f]+\\.txt")) {
            problems.add(at + "@source must name the seed document, e.g. 000_d819271432d36090.txt");
        }
        if (r.quote() == null || r.quote().isBlank()) {
            problems.add(at + "@quote is missing: quote the seed passage the rule encodes");
        }
    }

    private static void requireEvidence(RuleInfo r, String at, List<String> texts, List<String> problems) {
        if (r.evidence().isEmpty()) {
            problems.add(at + "@evidence is missing: name the values and thresholds that decide the rule");
        }
        for (String name : r.evidence()) {
            if (Values.ref(name) == null) {
                problems.add(at + "@evidence names '" + name + "', which is no snapshot path, derived value or threshold");
            }
        }
        for (String name : r.get("needs") == null ? List.<String>of() : r.needs()) {
            if (!Values.isSnapshotPath(name)) {
                problems.add(at + "@needs names '" + name + "', which is no snapshot path");
            }
        }
        for (Map.Entry<String, String> t : new java.util.TreeMap<>(r.texts()).entrySet()) {
            String what = t.getKey().substring(0, t.getKey().indexOf('.'));
            if (!texts.contains(what)) {
                continue;
            }
            for (String p : Values.placeholders(t.getValue())) {
                if (!r.evidence().contains(p)) {
                    String[] key = t.getKey().split("\\.");
                    problems.add(at + "its " + what + (key.length > 2 ? "." + key[2] : "") + " (" + key[1]
                            + ".properties) uses {" + p + "}, which is not in @evidence");
                }
            }
        }
    }

    /**
     * Recommendations whose id's prefix is no {@link org.communityadvisor.Category}: checked where the advice is
     * assembled (a rule base built by {@link RuleBase} has none, its kinds already require a category).
     */
    static List<String> categories(java.util.Collection<RuleInfo> rules) {
        List<String> unknown = new ArrayList<>();
        for (RuleInfo r : rules) {
            if (r.kind() == RuleInfo.Kind.RECOMMENDATION && org.communityadvisor.Category.ofId(r.name()) == null) {
                unknown.add("rules/" + r.file() + ":" + r.line() + ": " + r.name() + ": the id's prefix is not a category ("
                        + java.util.Arrays.stream(org.communityadvisor.Category.values()).map(Object::toString)
                        .collect(java.util.stream.Collectors.joining(", ")) + ")");
            }
        }
        return unknown;
    }
}
