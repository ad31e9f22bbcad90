package org.communityadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Fixtures;
import org.communityadvisor.Lang;
import org.communityadvisor.Profile;
import org.communityadvisor.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --rules} folder runs from its own executable model, generated once and cached: it gives exactly the advice
 * of the same folder compiled the MVEL way, a second load takes the cached model, a damaged cache file is refused
 * and the model generated again, and {@code -Dadvisor.rules.engine=mvel} still compiles the MVEL way.
 */
class FolderModelTest {
    @TempDir
    Path cache;

    @BeforeEach
    void useATemporaryCache() {
        System.setProperty("advisor.cache", cache.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("advisor.cache");
        System.clearProperty("advisor.rules.engine");
    }

    /** A copy of the bundled rules with one rule changed: a paid community below the viable size is HIGH, else MEDIUM. */
    private static Path changedRules(Path dir) throws Exception {
        Path rules = Fixtures.copyOfTheRules(dir);
        Path size = rules.resolve("size.below-viable/rule.drl");
        String drl = Files.readString(size);
        String changed = drl.replace("Severity.MEDIUM, \"paid\"", "Severity.X, \"paid\"")
                .replace("Hit.of(kcontext, Severity.HIGH)", "Hit.of(kcontext, Severity.MEDIUM)")
                .replace("Severity.X", "Severity.HIGH");
        assertThat(changed).isNotEqualTo(drl);
        Files.writeString(size, changed);
        return rules;
    }

    @Test
    void aFolderRunsFromItsOwnModelWithTheAdviceOfTheMvelWay(@TempDir Path dir) throws Exception {
        Path rules = changedRules(dir);
        int generated = ExecutableModel.GENERATED.get();
        RuleBase model = RuleBase.fromDirectory(rules);
        assertThat(model.compiledAhead()).isTrue();
        assertThat(ExecutableModel.GENERATED.get()).isEqualTo(generated + 1);
        RuleBase mvel = RuleBase.fromSources(RuleBase.directorySources(rules), false);
        assertThat(mvel.compiledAhead()).isFalse();
        assertThat(model.rules()).isEqualTo(mvel.rules());
        assertThat(model.drl().spans()).isEqualTo(mvel.drl().spans()).isNotEmpty();

        Evaluator fromModel = new Evaluator(model);
        Evaluator fromMvel = new Evaluator(mvel);
        Evaluator bundled = new Evaluator(RuleBase.bundled());
        int compared = 0;
        int changed = 0;
        for (Snapshot s : LeanWithoutTextsTest.corpus()) {
            Profile profile = Profile.forPlatform(s.platform());
            for (Lang lang : Lang.values()) {
                String advice = AdviceJson.write(fromModel.evaluate(s, lang, profile));
                assertThat(advice).as("%s in %s", s.id(), lang).isEqualTo(AdviceJson.write(fromMvel.evaluate(s, lang, profile)));
                if (!advice.replaceAll("\"rulesVersion\":\"\\w+\"", "").equals(AdviceJson.write(bundled.evaluate(s, lang,
                        profile)).replaceAll("\"rulesVersion\":\"\\w+\"", ""))) {
                    changed++;
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(200);
        assertThat(changed).as("the folder's changed rule is what runs, not the bundled one").isPositive();
    }

    @Test
    void theSecondLoadTakesTheCachedModelAndATamperedOneIsRefusedAndGeneratedAgain(@TempDir Path dir) throws Exception {
        Path rules = changedRules(dir.resolve("changed"));
        Snapshot base = AdviceJson.readSnapshot(Fixtures.patched(null));
        Profile profile = Profile.bundled(Profile.DEFAULT);
        String first = AdviceJson.write(new Evaluator(RuleBase.fromDirectory(rules)).evaluate(base, Lang.EN, profile));
        Path mine = Precompiled.cacheFile(RuleBase.directorySources(rules), ".model");
        assertThat(mine).isNotEmptyFile();

        int generated = ExecutableModel.GENERATED.get();
        RuleBase again = RuleBase.fromDirectory(rules);
        assertThat(again.compiledAhead()).isTrue();
        assertThat(ExecutableModel.GENERATED.get()).as("served from the cache, not generated again").isEqualTo(generated);

        // the model of other rules (the bundled ones, unchanged) under this folder's key and digest lines
        Path other = Fixtures.copyOfTheRules(dir.resolve("other"));
        RuleBase.fromDirectory(other);
        byte[] theirs = Files.readAllBytes(Precompiled.cacheFile(RuleBase.directorySources(other), ".model"));
        byte[] own = Files.readAllBytes(mine);
        java.io.ByteArrayOutputStream swapped = new java.io.ByteArrayOutputStream();
        swapped.write(own, 0, secondLineEnd(own));
        swapped.write(theirs, secondLineEnd(theirs), theirs.length - secondLineEnd(theirs));
        Files.write(mine, swapped.toByteArray());
        generated = ExecutableModel.GENERATED.get();

        RuleBase regenerated = RuleBase.fromDirectory(rules);
        assertThat(ExecutableModel.GENERATED.get()).as("the tampered file refused, the model generated again")
                .isEqualTo(generated + 1);
        assertThat(regenerated.compiledAhead()).isTrue();
        assertThat(AdviceJson.write(new Evaluator(regenerated).evaluate(base, Lang.EN, profile))).isEqualTo(first);
        assertThat(Files.readAllBytes(mine)).as("and cached again").isNotEqualTo(swapped.toByteArray());
        RuleBase.fromDirectory(rules);
        assertThat(ExecutableModel.GENERATED.get()).as("the new file is served").isEqualTo(generated + 1);
    }

    /** Where a cache file's body starts: after its key line and its digest line. */
    private static int secondLineEnd(byte[] bytes) {
        int lines = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && ++lines == 2) {
                return i + 1;
            }
        }
        throw new AssertionError("no digest line");
    }

    @Test
    void theMvelEngineIsStillForcedByTheProperty(@TempDir Path dir) throws Exception {
        Path rules = changedRules(dir);
        System.setProperty("advisor.rules.engine", "mvel");
        int generated = ExecutableModel.GENERATED.get();
        RuleBase mvel = RuleBase.fromDirectory(rules);
        assertThat(mvel.compiledAhead()).isFalse();
        assertThat(ExecutableModel.GENERATED.get()).isEqualTo(generated);
        try (Stream<Path> files = Files.list(cache.resolve("community-advisor"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".model")).toList()).isEmpty();
        }
    }
}
