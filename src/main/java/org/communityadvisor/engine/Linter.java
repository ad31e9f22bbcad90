package org.communityadvisor.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.communityadvisor.Severity;
import org.communityadvisor.Stage;
import org.communityadvisor.engine.RuleSources.Kind;
import org.communityadvisor.engine.RuleSources.RuleText;
import org.communityadvisor.engine.RuleSources.Token;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The checks a rules folder must pass beyond compiling: no construct that fails at run time, no rule declared
 * twice, every rule's metadata and texts as its kind needs them, severities read from the metadata, the stage
 * rules' activation group, unknown values guarded, and the queries the session reads. Each problem names the
 * file and line. The checks of the text read what Drools' parser reads ({@link RuleSources#parse}: the rules'
 * descriptors and the tokens of their conditions and consequences), never the raw text. Stateless.
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
     * @param parsed     their DRL files as Drools' parser reads them
     * @param catalogIds whether a recommendation's name must be a catalog id
     */
    static List<String> check(KieBase kieBase, List<Rule> all, Map<String, RuleInfo> rules, RuleSources.Parsed parsed,
            boolean catalogIds) {
        List<String> problems = new ArrayList<>(parsed.errors());
        checkFiles(parsed, problems);
        for (Rule rule : all) {
            RuleInfo info = rules.get(rule.getName());
            RuleText text = parsed.at(info.file(), info.line());
            check(info, text, problems, catalogIds);
            checkGuards(info, text, problems);
        }
        checkStages(all, rules, problems);
        checkCauses(rules, problems);
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

    /** A rule's {@code @causes} names recommendations of the same rules, not itself; {@code @causesAt} a severity. */
    private static void checkCauses(Map<String, RuleInfo> rules, List<String> problems) {
        for (RuleInfo r : rules.values()) {
            if (r.meta().containsKey("platforms") && r.platforms().size() != r.list("platforms").size()) {
                problems.add(r.file() + ":" + r.line() + ": rule \"" + r.name() + "\": @platforms(\"" + r.get("platforms")
                        + "\") names something that is no platform (" + java.util.Arrays.stream(
                        org.communityadvisor.Platform.values()).map(Object::toString).collect(
                        java.util.stream.Collectors.joining(", ")) + ")");
            }
            if (!r.meta().containsKey("causes")) {
                continue;
            }
            String at = r.file() + ":" + r.line() + ": rule \"" + r.name() + "\": ";
            if (r.kind() != RuleInfo.Kind.RECOMMENDATION) {
                problems.add(at + "@causes belongs on a recommendation");
                continue;
            }
            String when = r.get("causesAt");
            if (when != null && java.util.Arrays.stream(org.communityadvisor.Severity.values())
                    .noneMatch(v -> v.name().equalsIgnoreCase(when.trim()))) {
                problems.add(at + "@causesAt(\"" + when + "\") names no severity (low, medium, high, critical)");
            }
            for (String cause : r.causes()) {
                RuleInfo c = rules.get(cause);
                if (cause.equals(r.name())) {
                    problems.add(at + "@causes names the rule itself");
                } else if (c == null || c.kind() != RuleInfo.Kind.RECOMMENDATION) {
                    problems.add(at + "@causes names '" + cause + "', which is no recommendation of these rules");
                }
            }
        }
    }

    /** The construct that compiles but fails at run time in this Drools version, with what to write instead. */
    private static final String STR_OPERATOR = "the str[...] operator fails in Drools 10.2 once the constraint"
            + " is compiled to bytecode (after 20 evaluations); write id.startsWith(\"...\") instead";

    private static final java.util.Set<String> COMPARISONS = java.util.Set.of("<", ">", "<=", ">=", "==", "!=");

    /** The {@code str[...]} operator in a rule's (or query's) conditions. */
    private static void forbidden(String path, RuleText rule, List<String> problems) {
        List<Token> tokens = rule.conditions();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).kind() == Kind.NAME && tokens.get(i).is("str") && tokens.get(i + 1).is("[")) {
                problems.add(path + ":" + tokens.get(i).line() + ": " + STR_OPERATOR);
            }
        }
    }

    /**
     * A comparison with a number other than 0 in a condition (or where a consequence chooses a severity):
     * thresholds live in the profile ({@code members.total < thresholds.minViableMembers}), never as literals in
     * a rule.
     */
    private static void literals(String path, List<Token> tokens, List<String> problems) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token op = tokens.get(i);
            if (op.kind() != Kind.SYMBOL || !COMPARISONS.contains(op.text())) {
                continue;
            }
            boolean negative = tokens.get(i + 1).is("-") && i + 2 < tokens.size();
            Token number = tokens.get(negative ? i + 2 : i + 1);
            if (number.kind() == Kind.NUMBER && !isZero(number.text())) {
                problems.add(path + ":" + op.line() + ": the number " + (negative ? "-" : "") + number.text()
                        + " is a literal threshold: put it in the profile and compare with thresholds.<name>"
                        + " (README: the knowledge base)");
            }
        }
    }

    /** Whether a number as the lexer reads it ({@code 0}, {@code 0.0}, {@code 0L}, {@code 0x0} ...) is zero. */
    private static boolean isZero(String number) {
        boolean hex = number.startsWith("0x") || number.startsWith("0X");
        char last = number.charAt(number.length() - 1);
        String digits = "lLI".indexOf(last) >= 0 || (!hex && Character.isLetter(last))
                ? number.substring(0, number.length() - 1) : number;
        try {
            return hex ? Long.parseLong(digits.substring(2), 16) == 0 : new java.math.BigDecimal(digits).signum() == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Per file: the forbidden constructs, literal thresholds, then the rules it declares again. */
    private static void checkFiles(RuleSources.Parsed parsed, List<String> problems) {
        RuleSources sources = parsed.sources();
        for (int i = 0; i < sources.files().size(); i++) {
            String path = sources.path(i);
            List<RuleText> rules = parsed.inFile(i);
            rules.forEach(r -> forbidden(path, r, problems));
            for (RuleText r : rules) {
                literals(path, r.conditions(), problems);
                literals(path, r.consequence(), problems);
            }
            for (RuleSources.Duplicate d : sources.duplicates()) {
                if (d.at().file() == i) {
                    problems.add(path + ":" + d.at().line() + ": rule \"" + d.at().rule()
                            + "\" is also declared at " + sources.path(d.previous().file()) + ":" + d.previous().line());
                }
            }
        }
    }

    /** The metadata a rule of its kind must carry to be explained, and no metadata its name already says. */
    private static void check(RuleInfo r, RuleText text, List<String> problems, boolean catalogIds) {
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

    /**
     * The severity lives in {@code @severity}: a rule with one writes {@code insert(Hit.of(kcontext));} and
     * names no severity; a rule with several names each of them, and only them, where it chooses.
     */
    private static void checkConsequence(RuleInfo r, RuleText text, List<String> problems) {
        if (text == null) {
            return;
        }
        List<Token> consequence = text.consequence();
        List<Severity> own = r.severities();
        String listed = r.get("severity").trim();
        java.util.Set<Severity> named = java.util.EnumSet.noneOf(Severity.class);
        Token plain = null;
        for (int i = 0; i < consequence.size(); i++) {
            if (plain == null && startsWith(consequence, i, "Hit", ".", "of", "(", "kcontext", ")")) {
                plain = consequence.get(i);
            }
            if (!startsWith(consequence, i, "Severity", ".") || i + 2 >= consequence.size()
                    || consequence.get(i + 2).kind() != Kind.NAME) {
                continue;
            }
            String at = r.file() + ":" + consequence.get(i).line() + ": rule \"" + r.name() + "\": ";
            Severity s;
            try {
                s = Severity.valueOf(consequence.get(i + 2).text());
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
        if (own.size() > 1 && plain != null) {
            problems.add(r.file() + ":" + plain.line() + ": rule \"" + r.name()
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

    /** Whether the tokens from {@code i} on are the words given. */
    private static boolean startsWith(List<Token> tokens, int i, String... words) {
        if (i + words.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!tokens.get(i + k).is(words[k])) {
                return false;
            }
        }
        return true;
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
     * The {@link Community} properties that are values (numbers, yes/no, enums, dates) and may be unknown, as
     * the words of their paths ({@code activeRatio}, {@code members.kols}), in name order.
     */
    private static final Map<String, List<String>> MAY_BE_UNKNOWN = mayBeUnknown();

    private static Map<String, List<String>> mayBeUnknown() {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (java.lang.reflect.Method m : Community.class.getMethods()) {
            String n = m.getName();
            Class<?> type = m.getReturnType();
            boolean value = Number.class.isAssignableFrom(type) || type == Boolean.class || type.isEnum()
                    || type == java.time.LocalDate.class;
            if (m.getDeclaringClass() == Community.class && n.startsWith("get") && n.length() > 3
                    && m.getParameterCount() == 0 && value) {
                String property = Character.toLowerCase(n.charAt(3)) + n.substring(4);
                if (!ALWAYS_KNOWN.contains(property)) {
                    out.put(property, List.of(property));
                }
            }
        }
        // The snapshot's values inside its groups, by path (members.joined7d, activity.messages7d ...).
        for (String path : org.communityadvisor.json.SnapshotModel.paths()) {
            org.communityadvisor.json.SnapshotModel.Field f = org.communityadvisor.json.SnapshotModel.byPath().get(path);
            if (path.contains(".") && !ALWAYS_KNOWN.contains(path) && !f.field().required()
                    && f.kind() != org.communityadvisor.json.SnapshotModel.Kind.OBJECT) {
                // members.kols as the lexer reads it: members . kols
                out.put(path, java.util.Arrays.stream(path.split("\\."))
                        .flatMap(w -> java.util.stream.Stream.of(".", w)).skip(1).toList());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Unknown values, one way everywhere: in a {@code Community( ... )} pattern, a value that may be unknown is
     * compared only after its guard, {@code x != null} (or {@code x == null} where unknown must match), earlier in
     * the same pattern. Binding it ({@code $x : x}) is no comparison.
     */
    private static void checkGuards(RuleInfo r, RuleText text, List<String> problems) {
        if (text == null) {
            return;
        }
        for (RuleSources.PatternText pattern : text.patterns()) {
            if (!pattern.type().equals("Community") && !pattern.type().endsWith(".Community")) {
                continue;
            }
            List<Token> inside = constraints(pattern.tokens());
            for (Map.Entry<String, List<String>> unknown : MAY_BE_UNKNOWN.entrySet()) {
                String name = unknown.getKey();
                List<String> words = unknown.getValue();
                boolean guarded = false;
                for (int i = 0; i < inside.size(); i++) {
                    int after = i + words.size();
                    // A use: the whole path, not part of a longer one, not a method.
                    if (!startsWith(inside, i, words.toArray(String[]::new)) || (i > 0 && inside.get(i - 1).is("."))
                            || (after < inside.size() && (inside.get(after).is(".") || inside.get(after).is("(")))) {
                        continue;
                    }
                    boolean binding = i >= 2 && inside.get(i - 1).is(":") && inside.get(i - 2).kind() == Kind.NAME
                            && inside.get(i - 2).text().startsWith("$");
                    if (startsWith(inside, after, "!=", "null") || startsWith(inside, after, "==", "null")) {
                        guarded = true;
                    } else if (!guarded && !binding) {
                        problems.add(r.file() + ":" + inside.get(i).line() + ": rule \"" + r.name()
                                + "\": " + name + " may be unknown: write " + name + " != null before comparing it,"
                                + " in the same pattern (or " + name + " == null || ... where unknown must match)");
                        break;
                    }
                }
            }
        }
    }

    /** The tokens of a pattern from its opening parenthesis to the one that closes it. */
    private static List<Token> constraints(List<Token> pattern) {
        int open = 0;
        while (open < pattern.size() && !pattern.get(open).is("(")) {
            open++;
        }
        int depth = 0;
        for (int i = open; i < pattern.size(); i++) {
            depth += pattern.get(i).is("(") ? 1 : pattern.get(i).is(")") ? -1 : 0;
            if (depth == 0) {
                return pattern.subList(open, i + 1);
            }
        }
        return pattern.subList(Math.min(open, pattern.size()), pattern.size());
    }

    /** The line of a metadata annotation of a rule, else the line of its {@code rule} keyword. */
    private static int annotationLine(RuleInfo r, RuleText text, String key) {
        return text == null ? r.line() : text.annotations().getOrDefault(key, r.line());
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
