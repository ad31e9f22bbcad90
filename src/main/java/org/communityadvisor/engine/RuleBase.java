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
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The compiled knowledge base: loads the DRL files of one rules folder (or the bundled ones), compiles them or
 * takes them precompiled ({@link Precompiled}), and holds the result: the Drools {@link KieBase}, every rule's
 * metadata and the sources ({@link RuleSources}). Every rule base has passed the {@link Linter}. Immutable and
 * thread-safe once built.
 */
public final class RuleBase {
    /** Where the bundled rules live, in the source tree and in the jar. */
    public static final String BUNDLED = "org/communityadvisor/rules";

    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;
    private final RuleSources drl;
    private final String version;

    /**
     * One file of a rules folder: its path relative to the folder and its text. A rules folder holds one folder a
     * rule ({@code size.below-viable/rule.drl} with its texts {@code en.properties} and {@code zh.properties}
     * beside it) and the queries ({@code results.drl}).
     */
    public record Source(String path, String text) {
        /** Whether this is DRL (compiled) rather than a rule's texts. */
        public boolean isDrl() {
            return path.endsWith(".drl");
        }
    }

    /** The kinds of file a rules folder holds that the rule base reads. */
    private static final List<String> SUFFIXES = List.of(".drl", ".properties");

    private RuleBase(KieBase kieBase, Map<String, RuleInfo> rules, RuleSources drl, String version) {
        this.kieBase = kieBase;
        this.rules = rules;
        this.drl = drl;
        this.version = version;
    }

    /**
     * The rules packaged with the advisor: loaded from the form precompiled at build time when it matches
     * the packaged DRL, compiled from the DRL otherwise.
     */
    public static RuleBase bundled() {
        List<Source> sources = bundledSources();
        Precompiled.Stored stored = Precompiled.bundled(sources);
        // Precompiled packages passed the rule checks when the build wrote them (their key covers the checks' code).
        return stored != null ? assemble(stored.packages(), sources, stored.spans(), true) : compile(sources);
    }

    /**
     * The rules of a folder the user names (every {@code *.drl} below it), compiled once and then cached by
     * the content hash of the DRL (see {@link Precompiled}).
     */
    public static RuleBase fromDirectory(Path dir) {
        List<Source> sources = directorySources(dir);
        Precompiled.Stored cached = Precompiled.cached(sources);
        if (cached != null) {
            return assemble(cached.packages(), sources, cached.spans(), true); // cached only once they passed the checks
        }
        java.util.Collection<KiePackage> packages = packages(sources);
        RuleBase rules = assemble(packages, sources);
        Precompiled.cache(sources, packages, rules.drl().spans());
        return rules;
    }

    /** Reads every {@code *.drl} and every rule's texts ({@code *.properties}) under a folder, sorted by path. */
    public static List<Source> directorySources(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleBaseException(List.of(dir + ": not a folder of rules"));
        }
        try {
            List<Source> out = new ArrayList<>();
            for (String suffix : SUFFIXES) {
                Bundled.readDirectory(dir, suffix).forEach(f -> out.add(new Source(f.path(), f.text())));
            }
            if (out.stream().noneMatch(Source::isDrl)) {
                throw new RuleBaseException(List.of(dir + ": no .drl files"));
            }
            out.sort(Comparator.comparing(Source::path));
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the rule files packaged under {@code rules/} (from the jar or the classes folder). */
    public static List<Source> bundledSources() {
        List<Source> out = new ArrayList<>();
        for (String suffix : SUFFIXES) {
            Bundled.read(BUNDLED, suffix).forEach(f -> out.add(new Source(f.path(), f.text())));
        }
        out.sort(Comparator.comparing(Source::path));
        return List.copyOf(out);
    }

    /** The DRL files of a rules folder's files. */
    static List<Source> drl(List<Source> sources) {
        return sources.stream().filter(Source::isDrl).toList();
    }

    /** Compiles DRL sources and lints them ({@link Linter}); throws {@link RuleBaseException} listing all problems. */
    public static RuleBase compile(List<Source> sources) {
        return assemble(packages(sources), sources);
    }

    /** Compiles DRL sources into Drools packages; throws {@link RuleBaseException} with file:line problems. */
    static java.util.Collection<KiePackage> packages(List<Source> sources) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (Source s : drl(sources)) {
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
                line = RuleSources.lineOf(sources, file, message);
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
        return assemble(packages, sources, null, true);
    }

    /**
     * Compiles DRL sources like {@link #compile(List)}, except that a recommendation's name need not be a catalog
     * id: for rules outside the catalog, such as generated copies of catalog rules.
     */
    public static RuleBase compileOutsideCatalog(List<Source> sources) {
        return assemble(packages(sources), sources, null, false);
    }

    /**
     * The rule base of compiled packages. Fresh packages ({@code spans} null) have their sources parsed and pass the
     * {@link Linter}; packages that passed it when they were compiled (precompiled by the build, or cached after a
     * check) come with the spans of their rules found then, so neither the parse nor the checks run again, which
     * saves a good part of a cold start.
     */
    private static RuleBase assemble(java.util.Collection<KiePackage> packages, List<Source> sources,
            List<RuleSources.Span> spans, boolean strict) {
        org.drools.kiesession.rulebase.InternalKnowledgeBase kieBase =
                org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(packages);
        RuleSources.Parsed parsed = spans == null ? RuleSources.parse(drl(sources)) : null;
        RuleSources drl = parsed != null ? parsed.sources() : new RuleSources(drl(sources), spans);
        RuleTexts texts = RuleTexts.of(sources);
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        List<Rule> all = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            all.addAll(pkg.getRules());
        }
        all.sort(Comparator.comparing(Rule::getName));
        for (Rule rule : all) {
            Map<String, String> meta = new HashMap<>();
            rule.getMetaData().forEach((k, v) -> meta.put(k, String.valueOf(v)));
            RuleSources.Declaration where = drl.declaration(rule.getName());
            String file = where == null ? "?" : drl.path(where.file());
            int line = where == null ? 0 : where.line();
            String folder = file.lastIndexOf('/') < 0 ? "" : file.substring(0, file.lastIndexOf('/'));
            rules.put(rule.getName(), new RuleInfo(rule.getName(), kind(rule.getName(), meta), file, line,
                    Map.copyOf(meta), texts.of(folder)));
        }
        List<String> problems = parsed != null ? Linter.check(kieBase, all, rules, parsed, strict) : new ArrayList<>();
        if (parsed != null) {
            problems.addAll(texts.problems(rules.values(), strict));
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
        return new RuleBase(kieBase, Collections.unmodifiableMap(rules), drl, version(sources));
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

    /** The DRL files as written, with where each rule is declared. */
    public RuleSources drl() {
        return drl;
    }

    /** The DRL files, sorted by path (the files of {@link #drl()}). */
    public List<Source> sources() {
        return drl.files();
    }

    /** The rule as written in its DRL file, from {@code rule "name"} to {@code end} (see {@link RuleSources}). */
    public String ruleText(String name) {
        return drl.ruleText(rules.get(name));
    }

    /** The conditions of a rule as written, one per line (see {@link RuleSources}). */
    public String conditions(String name) {
        RuleInfo r = rules.get(name);
        return r == null ? "" : drl.conditions(r);
    }

    /**
     * What a rules folder on disk lacks beyond its rules: each recommendation's and stage rule's cases
     * ({@code cases.json} beside it, see {@link RuleCases}) and the base snapshot they patch; empty when complete.
     */
    public List<String> caseProblems(Path dir) {
        return RuleCases.problems(dir, rules.values());
    }

    /** A short content hash of the rule files. */
    public String version() {
        return version;
    }
}
