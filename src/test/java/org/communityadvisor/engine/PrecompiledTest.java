package org.communityadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.communityadvisor.Advisor;
import org.communityadvisor.RulesTestAccess;
import org.communityadvisor.Fixtures;
import org.communityadvisor.RuleCasesTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precompiled rules give exactly the advice of freshly compiled DRL, and a stale file is never used. */
class PrecompiledTest {
    @TempDir
    Path cache;

    @BeforeEach
    void useATemporaryCache() {
        System.setProperty("advisor.cache", cache.toString());
        System.setProperty("advisor.rules.engine", "mvel"); // these are the compiled packages' cache (FolderModelTest: the model's)
    }

    @AfterEach
    void restore() {
        System.clearProperty("advisor.cache");
        System.clearProperty("advisor.rules.engine");
    }

    @Test
    void theBuildStepWritesItsFilesAndPrintsNothing(@TempDir Path classes) throws Exception {
        Path rules = Files.createDirectories(classes.resolve(RuleBase.BUNDLED));
        for (RuleBase.Source s : RuleBase.bundledSources()) {
            Files.createDirectories(rules.resolve(s.path()).getParent());
            Files.writeString(rules.resolve(s.path()), s.text());
        }
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Precompiled.main(new String[] {classes.toString()});
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).as("a quiet build stays quiet").isEmpty();
        assertThat(classes.resolve(Precompiled.RESOURCE)).isNotEmptyFile();
        assertThat(classes.resolve(ExecutableModel.RESOURCE)).isNotEmptyFile();
        assertThat(classes.resolve(org.communityadvisor.json.SnapshotSchema.RESOURCE)).isNotEmptyFile();
    }

    /** Loading precompiled or cached packages skips the rule checks, so nothing unchecked may be written or cached. */
    @Test
    void rulesThatFailTheChecksAreNeitherPrecompiledNorCached(@TempDir Path dir) throws Exception {
        List<RuleBase.Source> sources = RuleBase.bundledSources().stream()
                .map(s -> s.path().equals("size.below-viable/rule.drl") ? new RuleBase.Source(s.path(), s.text()
                        .replace("members.total < thresholds.minViableMembers", "members.total < 30")) : s)
                .toList();
        assertThat(sources).isNotEqualTo(RuleBase.bundledSources());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Precompiled.write(sources, dir.resolve("x.compiled")))
                .isInstanceOf(RuleBaseException.class).hasMessageContaining("literal threshold");
        assertThat(dir.resolve("x.compiled")).doesNotExist();

        Path rules = Files.createDirectories(dir.resolve("rules"));
        for (RuleBase.Source s : sources) {
            Files.createDirectories(rules.resolve(s.path()).getParent());
            Files.writeString(rules.resolve(s.path()), s.text());
        }
        for (int attempt = 0; attempt < 2; attempt++) { // the second time would come from a cache, if one were written
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleBase.fromDirectory(rules))
                    .isInstanceOf(RuleBaseException.class).hasMessageContaining("literal threshold");
        }
        assertThat(Precompiled.cached(sources)).isNull();
    }

    @Test
    void theBuildPrecompiledTheBundledRulesAndTheyMatchTheDrl() {
        List<RuleBase.Source> sources = RuleBase.bundledSources();
        assertThat(Precompiled.bundled(sources)).as("rules.compiled matches the packaged DRL").isNotNull();
        RuleBase fromJar = RuleBase.bundled();
        RuleBase fromDrl = RuleBase.compile(sources);
        assertThat(fromJar.version()).isEqualTo(fromDrl.version());
        assertThat(fromJar.rules()).isEqualTo(fromDrl.rules());
        // The spans kept with the packages show each rule as parsing the DRL does.
        assertThat(fromJar.drl().spans()).isEqualTo(fromDrl.drl().spans()).isNotEmpty();
        for (String name : fromDrl.rules().keySet()) {
            assertThat(fromJar.ruleText(name)).as(name).isEqualTo(fromDrl.ruleText(name));
            assertThat(fromJar.conditions(name)).as(name).isEqualTo(fromDrl.conditions(name));
        }
        assertThat(fromJar.ruleText("size.below-viable")).startsWith("rule \"size.below-viable\"\n")
                .endsWith("\nend\n");
        Advisor precompiled = RulesTestAccess.advisor(fromJar);
        Advisor compiled = RulesTestAccess.advisor(fromDrl);
        Stream.concat(Stream.of((RuleCasesTest.Case) null), cases().stream()).forEach(c -> {
            String json = Fixtures.patched(c == null ? null : c.patch());
            assertThat(precompiled.advise(json)).isEqualTo(compiled.advise(json));
        });
    }

    @Test
    void aRulesFolderIsCompiledOnceThenServedFromTheCacheUntilItChanges(@TempDir Path dir) throws Exception {
        Path rules = Fixtures.copyOfTheRules(dir);
        RuleBase first = RuleBase.fromDirectory(rules);
        try (Stream<Path> files = Files.list(cache.resolve("community-advisor"))) {
            assertThat(files.toList()).hasSize(1);
        }
        RuleBase second = RuleBase.fromDirectory(rules);
        assertThat(second.rules()).isEqualTo(first.rules());
        assertThat(second.drl().spans()).as("the cache keeps the rules' spans").isEqualTo(first.drl().spans())
                .isNotEmpty();
        assertThat(second.conditions("size.below-viable")).isEqualTo(first.conditions("size.below-viable"))
                .isNotEmpty();

        Path size = rules.resolve("size.below-viable/rule.drl");
        Files.writeString(size, Files.readString(size).replace("@weight(70)", "@weight(71)"));
        RuleBase edited = RuleBase.fromDirectory(rules);
        assertThat(edited.version()).isNotEqualTo(first.version());
        assertThat(edited.rule("size.below-viable").weight()).as("the edit is served, not the cache").isEqualTo(71);
    }

    @Test
    void aCorruptCacheFileIsIgnored(@TempDir Path dir) throws Exception {
        Path rules = Fixtures.copyOfTheRules(dir);
        RuleBase.fromDirectory(rules);
        try (Stream<Path> files = Files.list(cache.resolve("community-advisor"))) {
            for (Path f : files.toList()) {
                byte[] bytes = Files.readAllBytes(f);
                Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            }
        }
        assertThat(RuleBase.fromDirectory(rules).rules()).isNotEmpty();
    }

    @Test
    void aCacheFileSwappedInFromOtherRulesIsCompiledAgainNotRun(@TempDir Path dir) throws Exception {
        Path benign = Fixtures.copyOfTheRules(dir.resolve("benign"));
        Path other = Fixtures.copyOfTheRules(dir.resolve("other"));
        Path size = other.resolve("size.below-viable/rule.drl");
        Files.writeString(size, Files.readString(size).replace("@weight(70)", "@weight(71)"));
        RuleBase.fromDirectory(benign);
        Path benignFile;
        try (Stream<Path> files = Files.list(cache.resolve("community-advisor"))) {
            benignFile = files.findFirst().orElseThrow();
        }
        RuleBase.fromDirectory(other);
        Path otherFile;
        try (Stream<Path> files = Files.list(cache.resolve("community-advisor"))) {
            otherFile = files.filter(f -> !f.equals(benignFile)).findFirst().orElseThrow();
        }
        // the other rules' compiled packages under the benign folder's name and key line
        byte[] mine = Files.readAllBytes(benignFile);
        byte[] theirs = Files.readAllBytes(otherFile);
        int myKeyEnd = indexOf(mine, (byte) '\n') + 1;
        int theirKeyEnd = indexOf(theirs, (byte) '\n') + 1;
        java.io.ByteArrayOutputStream swapped = new java.io.ByteArrayOutputStream();
        swapped.write(mine, 0, myKeyEnd);
        swapped.write(theirs, theirKeyEnd, theirs.length - theirKeyEnd);
        Files.write(benignFile, swapped.toByteArray());

        RuleBase loaded = RuleBase.fromDirectory(benign);
        assertThat(loaded.rule("size.below-viable").weight()).as("the benign rules, compiled again").isEqualTo(70);
        assertThat(Files.readAllBytes(benignFile)).as("and cached again").isNotEqualTo(swapped.toByteArray());
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static List<RuleCasesTest.Case> cases() {
        try {
            return RuleCasesTest.cases();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
