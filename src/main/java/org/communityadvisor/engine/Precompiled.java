package org.communityadvisor.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rules kept so the next start does not compile DRL: the bundled rules are compiled at build time
 * into {@code rules.compiled} inside the jar; a folder named with {@code --rules} is compiled once and kept
 * in the user's cache ({@code $XDG_CACHE_HOME/community-advisor}, else {@code ~/.cache/community-advisor}).
 * <p>
 * Every file starts with a key: the hash of the DRL sources plus the engine that compiled them (Drools version
 * and the advisor's fact classes). A file whose key does not match the rules at hand is never used, so an
 * edited rule can never be served from a stale file. These files are the advisor's own output; only the jar
 * and the user's cache folder are read, never a path from input data.
 */
public final class Precompiled {
    /** The resource name of the bundled precompiled rules. */
    public static final String RESOURCE = "org/communityadvisor/rules.compiled";
    private static final String ENGINE = engineFingerprint();

    private Precompiled() {
    }

    /** The key that a precompiled file for these sources must carry. */
    static String key(List<RuleBase.Source> sources) {
        return RuleBase.version(sources) + "-" + ENGINE;
    }

    /** Compiled packages as kept, with the spans of their rules in the sources they were compiled from. */
    record Stored(Collection<KiePackage> packages, List<RuleSources.Span> spans) {
    }

    /** The bundled precompiled packages when they match the bundled sources, else {@code null}. */
    static Stored bundled(List<RuleBase.Source> sources) {
        InputStream in = Precompiled.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            return null;
        }
        try (InputStream stream = in) {
            return read(stream, key(sources));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null;
        }
    }

    /** Packages cached for these sources, or {@code null}. */
    static Stored cached(List<RuleBase.Source> sources) {
        Path file = cacheFile(sources, COMPILED);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, key(sources));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null;
        }
    }

    /** Keeps compiled packages for the next run; a cache that cannot be written is simply skipped. */
    static void cache(List<RuleBase.Source> sources, Collection<KiePackage> packages, List<RuleSources.Span> spans) {
        keep(sources, COMPILED, out -> write(out, key(sources), packages, spans));
    }

    /** What writes a cache file's content. */
    @FunctionalInterface
    interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /**
     * Writes a cache file for these sources (the name ends with {@code suffix}) through a temporary file, so a reader
     * never sees half a file; a cache that cannot be written is simply skipped.
     */
    static void keep(List<RuleBase.Source> sources, String suffix, Writing writing) {
        Path file = cacheFile(sources, suffix);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".rules-", ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                writing.to(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // The cache only saves time; without it the rules are compiled again next time.
        }
    }

    /**
     * The body of the cache file kept for these sources under {@code suffix} with {@link #writeChecked} when its key
     * and digest are right, else {@code null} (none, unreadable, another's or damaged).
     */
    static byte[] kept(List<RuleBase.Source> sources, String suffix) {
        Path file = cacheFile(sources, suffix);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return readChecked(in, key(sources));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Compiles DRL sources, checks them ({@link Linter}: throws {@link RuleBaseException} listing the problems) and
     * writes their packages with their key and the spans of their rules; loading them later skips the checks and
     * the parse.
     */
    public static RuleBase write(List<RuleBase.Source> sources, Path target) throws IOException {
        Collection<KiePackage> packages = RuleBase.packages(sources);
        RuleBase rules = RuleBase.assemble(packages, sources);
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            write(out, key(sources), packages, rules.drl().spans());
        }
        return rules;
    }

    /**
     * The key line, then the SHA-256 of the key and the serialized packages, then those: a file whose content is not
     * what its key says (damaged, or swapped in from other rules with its key line edited) is compiled again.
     */
    private static void write(OutputStream out, String key, Collection<KiePackage> packages,
            List<RuleSources.Span> spans) throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(1 << 16);
        try (ObjectOutputStream objects = new DroolsObjectOutputStream(body)) {
            objects.writeObject(new ArrayList<>(packages));
            objects.writeObject(new ArrayList<>(spans));
        }
        writeChecked(out, key, body.toByteArray());
    }

    /** The key line, the SHA-256 of the key and the body, then the body: what {@link #readChecked} accepts. */
    static void writeChecked(OutputStream out, String key, byte[] body) throws IOException {
        out.write((key + "\n" + digest(key, body) + "\n").getBytes(StandardCharsets.UTF_8));
        out.write(body);
    }

    /**
     * The body of a file written by {@link #writeChecked} under this key, or {@code null} when its key is another or
     * its body is not what its digest says.
     */
    static byte[] readChecked(InputStream in, String key) throws IOException {
        byte[] expected = (key + "\n").getBytes(StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(in.readNBytes(expected.length), expected)) {
            return null;
        }
        byte[] digest = in.readNBytes(65);
        byte[] body = in.readAllBytes();
        if (digest.length != 65 || digest[64] != '\n'
                || !MessageDigest.isEqual(digest(key, body).getBytes(StandardCharsets.US_ASCII),
                        java.util.Arrays.copyOf(digest, 64))) {
            return null;
        }
        return body;
    }

    private static String digest(String key, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((key + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Stored read(InputStream in, String key) throws IOException, ClassNotFoundException {
        byte[] body = readChecked(in, key);
        if (body == null) {
            return null;
        }
        try (ObjectInputStream objects = new DroolsObjectInputStream(new java.io.ByteArrayInputStream(body),
                Precompiled.class.getClassLoader())) {
            List<KiePackage> packages = (List<KiePackage>) objects.readObject();
            return new Stored(packages, (List<RuleSources.Span>) objects.readObject());
        }
    }

    /** The suffix of a folder's compiled packages in the cache. */
    private static final String COMPILED = ".compiled";

    /** The cache file of these sources whose name ends with {@code suffix}, or {@code null} without a cache folder. */
    static Path cacheFile(List<RuleBase.Source> sources, String suffix) {
        String base = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        if (System.getProperty("advisor.cache") != null) {
            base = System.getProperty("advisor.cache");
        } else if (base == null || base.isBlank()) {
            if (home == null) {
                return null;
            }
            base = Path.of(home, ".cache").toString();
        }
        return Path.of(base, "community-advisor", "rules-" + key(sources) + suffix);
    }

    /**
     * What else the compiled form depends on: the Drools version, the bytes of the fact classes, and of the code
     * that checked the rules (a changed check must check them again).
     */
    private static String engineFingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Package drools = org.kie.api.KieServices.class.getPackage();
            sha.update(String.valueOf(drools == null ? null : drools.getImplementationVersion()).getBytes(StandardCharsets.UTF_8));
            for (Class<?> c : List.of(Community.class, org.communityadvisor.Thresholds.class, Hit.class, StageFact.class,
                    Suppressed.class, org.communityadvisor.Snapshot.class, Linter.class, RuleInfo.class, RuleSources.class, RuleSources.Span.class,
                    RuleSources.Declaration.class, RuleTexts.class,
                    Values.class, org.communityadvisor.json.SnapshotModel.class)) {
                try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                    if (in != null) {
                        sha.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Build step: compiles and checks the bundled rules into {@code target/classes/org/communityadvisor/rules.compiled},
     * then writes the snapshot's JSON Schema from the snapshot records, with the rules' ids as the catalog. Prints
     * nothing unless it fails.
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        List<RuleBase.Source> sources = RuleBase.directorySources(classes.resolve(RuleBase.BUNDLED));
        RuleBase rules = write(sources, classes.resolve(RESOURCE));
        ExecutableModel.write(sources, rules.drl().spans(), classes);
        if (args.length > 1) { // the rules folder of the source tree: every rule's cases are there
            List<String> missing = rules.caseProblems(Path.of(args[1]));
            if (!missing.isEmpty()) {
                throw new RuleBaseException(missing.stream().map(m -> "rules/" + m).toList());
            }
        }
        // The schema's catalog is the bundled recommendation rules, as loaded.
        org.communityadvisor.json.SchemaWriter.write(classes, rules.rules().values().stream()
                .filter(r -> r.kind() == RuleInfo.Kind.RECOMMENDATION).map(RuleInfo::name).sorted().toList());
        // Silent on success, like the compiler before it: Maven's own heading names the step, and `mvn -q`
        // builds (./advisor's first run, scripts) must print nothing but problems.
    }
}
