package org.communityadvisor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityadvisor.Severity;
import org.communityadvisor.Stage;
import org.communityadvisor.json.SnapshotSchema;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The compiled knowledge base: the DRL files of one rules folder, their Drools {@link KieBase} and every
 * rule's metadata. Immutable and thread-safe once built.
 */
public final class RuleBase {
    /** Where the bundled rules live, in the source tree and in the jar. */
    public static final String BUNDLED = "org/communityadvisor/rules";
    private static final Pattern RULE_DECL = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
    private static final List<String> TEXTS = List.of("titleEn", "titleZh", "actionEn", "actionZh", "whyEn", "whyZh",
            "triggerEn", "triggerZh");

    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;
    private final List<Source> sources;
    private final String version;

    /** One DRL file: its path relative to the rules folder and its text. */
    public record Source(String path, String text) {
    }

    private RuleBase(KieBase kieBase, Map<String, RuleInfo> rules, List<Source> sources, String version) {
        this.kieBase = kieBase;
        this.rules = rules;
        this.sources = sources;
        this.version = version;
    }

    /**
     * The rules packaged with the advisor: loaded from the form precompiled at build time when it matches
     * the packaged DRL, compiled from the DRL otherwise.
     */
    public static RuleBase bundled() {
        List<Source> sources = bundledSources();
        java.util.Collection<KiePackage> packages = Precompiled.bundled(sources);
        return packages != null ? assemble(packages, sources) : compile(sources);
    }

    /**
     * The rules of a folder the user names (every {@code *.drl} below it), compiled once and then cached by
     * the content hash of the DRL (see {@link Precompiled}).
     */
    public static RuleBase fromDirectory(Path dir) {
        List<Source> sources = directorySources(dir);
        java.util.Collection<KiePackage> cached = Precompiled.cached(sources);
        if (cached != null) {
            return assemble(cached, sources);
        }
        java.util.Collection<KiePackage> packages = packages(sources);
        RuleBase rules = assemble(packages, sources);
        Precompiled.cache(sources, packages);
        return rules;
    }

    /** Reads every {@code *.drl} under a folder, sorted by path. */
    public static List<Source> directorySources(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleBaseException(List.of(dir + ": not a folder of rules"));
        }
        try {
            List<Source> out = Bundled.readDirectory(dir, ".drl").stream()
                    .map(f -> new Source(f.path(), f.text())).toList();
            if (out.isEmpty()) {
                throw new RuleBaseException(List.of(dir + ": no .drl files"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the DRL files packaged under {@code rules/} (from the jar or the classes folder). */
    public static List<Source> bundledSources() {
        return Bundled.read(BUNDLED, ".drl").stream().map(f -> new Source(f.path(), f.text())).toList();
    }

    /** Compiles DRL sources and checks every rule's metadata; throws {@link RuleBaseException} listing all problems. */
    public static RuleBase compile(List<Source> sources) {
        return assemble(packages(sources), sources);
    }

    /** Compiles DRL sources into Drools packages; throws {@link RuleBaseException} with file:line problems. */
    static java.util.Collection<KiePackage> packages(List<Source> sources) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (Source s : sources) {
            builder.add(ResourceFactory.newByteArrayResource(s.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(BUNDLED + "/" + s.path()), ResourceType.DRL);
        }
        List<String> problems = new ArrayList<>();
        for (KnowledgeBuilderError error : builder.getErrors()) {
            String file = error.getResource() == null ? "?"
                    : error.getResource().getSourcePath().replaceFirst("^" + BUNDLED + "/", "");
            int[] lines = error.getLines();
            int line = lines == null || lines.length == 0 ? -1 : lines[0];
            String message = error.getMessage().replaceAll("\\s+", " ").trim();
            if (line < 1) {
                line = lineOf(sources, file, message);
            }
            problems.add(file + ":" + (line < 1 ? "?" : String.valueOf(line)) + ": " + message);
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
        return builder.getKnowledgePackages();
    }

    /** A rule base from compiled packages (fresh or precompiled) and the sources they came from. */
    static RuleBase assemble(java.util.Collection<KiePackage> packages, List<Source> sources) {
        return assemble(packages, sources, false);
    }

    /**
     * For benchmarks only: the rules with every recommendation rule present {@code copies} times (copies are
     * named {@code id~2}, {@code id~3} ...), to measure how cost grows with the number of rules.
     */
    public static RuleBase synthetic(List<Source> sources, int copies) {
        Pattern block = Pattern.compile("(?ms)^rule \"([^\"]+)\"\n(?=(?:    @[^\n]*\n)*?    @severity).*?^end\n");
        List<Source> out = new ArrayList<>();
        for (Source s : sources) {
            StringBuilder text = new StringBuilder(s.text());
            Matcher m = block.matcher(s.text());
            while (m.find()) {
                for (int k = 2; k <= copies; k++) {
                    text.append('\n').append(m.group().replaceFirst("rule \"([^\"]+)\"", "rule \"$1~" + k + "\""));
                }
            }
            out.add(new Source(s.path(), text.toString()));
        }
        return assemble(packages(out), out, true);
    }

    private static RuleBase assemble(java.util.Collection<KiePackage> packages, List<Source> sources, boolean lenient) {
        List<String> problems = new ArrayList<>();
        org.drools.kiesession.rulebase.InternalKnowledgeBase kieBase =
                org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(packages);
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        Map<String, int[]> declared = declarations(sources, problems);
        List<Rule> all = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            all.addAll(pkg.getRules());
        }
        all.sort(Comparator.comparing(Rule::getName));
        for (Rule rule : all) {
            Map<String, String> meta = new HashMap<>();
            rule.getMetaData().forEach((k, v) -> meta.put(k, String.valueOf(v)));
            int[] where = declared.getOrDefault(rule.getName(), new int[] {-1, 0});
            String file = where[0] < 0 ? "?" : sources.get(where[0]).path();
            RuleInfo info = new RuleInfo(rule.getName(), kind(rule.getName(), meta), file, where[1], Map.copyOf(meta));
            String text = ruleText(sources, info);
            check(info, text, problems, lenient);
            checkGuards(info, text, problems);
            rules.put(rule.getName(), info);
        }
        checkStages(all, rules, problems);
        java.util.Set<String> queries = new java.util.HashSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            pkg.getQueries().forEach(q -> queries.add(q.getName()));
        }
        for (String query : Evaluator.QUERIES) {
            if (!queries.contains(query)) {
                problems.add("(rules): no query \"" + query + "\": keep results.drl in the rules folder");
            }
        }
        if (rules.values().stream().noneMatch(r -> r.kind() == RuleInfo.Kind.STAGE)) {
            problems.add("(rules): no stage rules (@stage): every advice needs a lifecycle stage");
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
        return new RuleBase(kieBase, Collections.unmodifiableMap(rules), List.copyOf(sources), version(sources));
    }

    /** Drools does not give a line for some errors; find the expression it quotes in the file. */
    private static int lineOf(List<Source> sources, String file, String message) {
        Matcher m = Pattern.compile("Expression (.+?):").matcher(message);
        if (!m.find()) {
            return -1;
        }
        for (Source s : sources) {
            int at = s.path().equals(file) ? s.text().indexOf(m.group(1)) : -1;
            if (at >= 0) {
                return 1 + (int) s.text().substring(0, at).chars().filter(c -> c == '\n').count();
            }
        }
        return -1;
    }

    /**
     * What a rule does, from its name and metadata: a recommendation has {@code @severity} and a name
     * {@code category.something} (its catalog id; the prefix is its category), a stage rule {@code @stage}, a
     * suppression rule {@code @suppression}.
     */
    private static RuleInfo.Kind kind(String name, Map<String, String> meta) {
        if (meta.containsKey("severity") && RuleInfo.isCategory(RuleInfo.prefix(name))) {
            return RuleInfo.Kind.RECOMMENDATION;
        }
        if (meta.containsKey("stage")) {
            return RuleInfo.Kind.STAGE;
        }
        if (meta.containsKey("suppression")) {
            return RuleInfo.Kind.SUPPRESSION;
        }
        return RuleInfo.Kind.OTHER;
    }

    /** Constructs that compile but fail at run time in this Drools version, with what to write instead. */
    private static final Map<Pattern, String> FORBIDDEN = Map.of(
            Pattern.compile("\\bstr\\s*\\["), "the str[...] operator fails in Drools 10.2 once the constraint"
                    + " is compiled to bytecode (after 20 evaluations); write id.startsWith(\"...\") instead");

    /** Where each rule is declared: index of its source and line; duplicate names are problems. */
    private static Map<String, int[]> declarations(List<Source> sources, List<String> problems) {
        Map<String, int[]> out = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            String text = sources.get(i).text();
            for (Map.Entry<Pattern, String> f : FORBIDDEN.entrySet()) {
                Matcher bad = f.getKey().matcher(text);
                while (bad.find()) {
                    int line = 1 + (int) text.substring(0, bad.start()).chars().filter(c -> c == '\n').count();
                    problems.add(sources.get(i).path() + ":" + line + ": " + f.getValue());
                }
            }
            Matcher m = RULE_DECL.matcher(text);
            while (m.find()) {
                int line = 1 + (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count();
                int[] previous = out.put(m.group(1), new int[] {i, line});
                if (previous != null) {
                    problems.add(sources.get(i).path() + ":" + line + ": rule \"" + m.group(1)
                            + "\" is also declared at " + sources.get(previous[0]).path() + ":" + previous[1]);
                }
            }
        }
        return out;
    }

    /** The metadata a rule of its kind must carry to be explained, and no metadata its name already says. */
    private static void check(RuleInfo r, String text, List<String> problems, boolean lenient) {
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
                if (!lenient && !SnapshotSchema.catalogIds().contains(r.name())) {
                    problems.add(at + "not a catalog id");
                }
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
                requireTexts(r, at, TEXTS, problems);
                requireSource(r, at, problems);
                requireEvidence(r, at, List.of("title", "action", "why"), problems);
            }
            case STAGE -> {
                if (r.stage() == null) {
                    problems.add(at + "@stage must be one of " + java.util.Arrays.toString(Stage.values()));
                }
                requireTexts(r, at, List.of("reasonEn", "reasonZh"), problems);
                requireSource(r, at, problems);
                requireEvidence(r, at, List.of("reason"), problems);
            }
            case SUPPRESSION -> requireTexts(r, at, List.of("reasonEn", "reasonZh"), problems);
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

    private static void requireTexts(RuleInfo r, String at, List<String> keys, List<String> problems) {
        for (String key : keys) {
            if (r.get(key) == null || r.get(key).isBlank()) {
                problems.add(at + "@" + key + " is missing");
            }
        }
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
        for (String text : texts) {
            for (String lang : List.of("En", "Zh")) {
                for (String p : Values.placeholders(r.get(text + lang))) {
                    if (!r.evidence().contains(p)) {
                        problems.add(at + "@" + text + lang + " uses {" + p + "}, which is not in @evidence");
                    }
                }
            }
        }
    }

    /** A short content hash of DRL sources: their paths and texts. */
    static String version(List<Source> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Source s : sources) {
                sha.update(s.path().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(s.text().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** Every rule by name, sorted by name. */
    public Map<String, RuleInfo> rules() {
        return rules;
    }

    public RuleInfo rule(String name) {
        return rules.get(name);
    }

    /** The rule as written in its DRL file, from {@code rule "name"} to {@code end}. */
    public String ruleText(String name) {
        RuleInfo r = rules.get(name);
        return r == null ? "" : ruleText(sources, r);
    }

    private static String ruleText(List<Source> sources, RuleInfo r) {
        if (r.line() < 1) {
            return "";
        }
        String[] lines = sources.stream().filter(s -> s.path().equals(r.file())).findFirst()
                .map(s -> s.text().split("\n", -1)).orElse(new String[0]);
        StringBuilder out = new StringBuilder();
        for (int i = r.line() - 1; i < lines.length; i++) {
            out.append(lines[i]).append('\n');
            if (lines[i].trim().equals("end")) {
                break;
            }
        }
        return out.toString();
    }

    /** The conditions of a rule as written (between {@code when} and {@code then}), one per line. */
    public String conditions(String name) {
        String text = ruleText(name);
        int when = text.indexOf("\nwhen");
        int then = text.indexOf("\nthen");
        if (when < 0 || then < when) {
            return "";
        }
        return text.substring(when + 5, then).lines().map(String::strip).filter(l -> !l.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    public List<Source> sources() {
        return sources;
    }

    /** A short content hash of the DRL sources. */
    public String version() {
        return version;
    }
}
