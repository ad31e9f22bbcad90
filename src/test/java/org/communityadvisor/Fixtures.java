package org.communityadvisor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.MergePatch;

/** Shared test material: one advisor for all tests (it is thread-safe), and the healthy base snapshot. */
public final class Fixtures {
    public static final Advisor ADVISOR = Advisor.builder().build();
    /** The bundled rules as the engine holds them, for the tests of the knowledge base's own shape. */
    public static final org.communityadvisor.engine.RuleBase RULE_BASE = org.communityadvisor.engine.RuleBase.bundled();
    /** Where the shared folder of the workspace is, when the tests run beside it (CI does). */
    public static final Path SHARED = Path.of("..", "shared");

    private Fixtures() {
    }

    public static JsonNode resource(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the bundled rules folder's DRL files in {@code dir/rules}, for tests that edit or reload rules. */
    public static Path copyOfTheRules(Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path from = Path.of("rules");
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted().toList()) {
                Path to = rules.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return rules;
    }

    /** The healthy, mature base snapshot on which no rule fires. */
    public static JsonNode base() {
        try {
            return Json.MAPPER.readTree(Path.of("rules/base.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base with a JSON merge patch applied, as JSON text. */
    public static String patched(JsonNode patch) {
        try {
            return Json.MAPPER.writeValueAsString(MergePatch.apply(base(), patch));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every rule case and every bundled scenario with its variants, as snapshots: the corpus on which two ways of
     * advising (the executable model and the DRL, lean and full, a folder's model and its DRL) must agree.
     */
    public static java.util.List<Snapshot> everyCaseAndScenario() throws IOException {
        java.util.List<Snapshot> snapshots = new java.util.ArrayList<>();
        for (String json : caseInputs()) {
            snapshots.add(AdviceJson.readSnapshot(json));
        }
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Scenario s = Scenario.read(Files.readString(f));
                snapshots.add(s.base());
                s.variants().forEach(v -> snapshots.add(v.snapshot()));
            }
        }
        return snapshots;
    }

    /** The base and every rule case, as JSON texts: a varied workload that makes every rule fire. */
    public static java.util.List<String> caseInputs() {
        java.util.List<String> inputs = new java.util.ArrayList<>();
        inputs.add(patched(null));
        try {
            for (RuleCasesTest.Case c : RuleCasesTest.cases()) {
                inputs.add(patched(c.patch()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inputs;
    }

    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
