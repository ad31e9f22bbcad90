package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.communityadvisor.engine.RuleBase;
import org.communityadvisor.engine.RuleInfo;
import org.communityadvisor.json.SnapshotSchema;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base checks itself: every catalog id is a rule (and nothing else is), every rule carries its
 * metadata, texts in both languages, a verbatim seed quote, and has a firing case and a near miss.
 */
class MetaTest {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static List<RuleInfo> recommendations() {
        return Fixtures.RULE_BASE.rules().values().stream()
                .filter(r -> r.kind() == RuleInfo.Kind.RECOMMENDATION).toList();
    }

    static Set<String> ruleIds() {
        return recommendations().stream().map(RuleInfo::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Against a list made apart from the rule base: the folders of {@code rules/} as the file system lists them. Every
     * folder is one rule of its name, every rule loaded is a folder, each recommendation and stage rule has cases
     * that fire it and nearly do, and the schema's catalog is exactly the recommendation folders.
     */
    @Test
    void theRulesAreTheFoldersOfRulesEachWithItsCases() throws Exception {
        Set<String> folders;
        try (var list = Files.list(Path.of("rules"))) {
            folders = list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> loaded = Fixtures.RULE_BASE.rules().values().stream()
                .filter(r -> r.kind() != RuleInfo.Kind.OTHER).map(RuleInfo::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(loaded).containsExactlyElementsOf(folders);
        Set<String> recommendationFolders = new TreeSet<>();
        for (String folder : folders) {
            String drl = Files.readString(Path.of("rules", folder, "rule.drl"));
            assertThat(Pattern.compile("(?m)^rule \"([^\"]+)\"").matcher(drl).results().map(m -> m.group(1)).toList())
                    .as(folder + "/rule.drl declares one rule, named as its folder").containsExactly(folder);
            String prefix = folder.substring(0, folder.indexOf('.'));
            if (RuleInfo.CATEGORIES.contains(prefix)) {
                recommendationFolders.add(folder);
            }
            if (RuleInfo.CATEGORIES.contains(prefix) || prefix.equals("stage") || prefix.equals("suppress")) {
                Path cases = Path.of("rules", folder, "cases.json");
                assertThat(cases).as(folder + " has its cases").isRegularFile();
                var root = org.communityadvisor.json.Json.MAPPER.readTree(cases.toFile());
                assertThat(root.path("fires").size()).as(folder + ": a case that fires it").isPositive();
                assertThat(root.path("nearMiss").size()).as(folder + ": a case that nearly does").isPositive();
            }
        }
        assertThat(ruleIds()).containsExactlyElementsOf(recommendationFolders);
        assertThat(SnapshotSchema.catalogIds()).containsExactlyInAnyOrderElementsOf(recommendationFolders);
    }

    @Test
    void everyIdTheGuidanceCatalogsIsARule() throws Exception {
        Path catalog = Fixtures.SHARED.resolve("guidance/CATALOG.md");
        assumeTrue(Files.exists(catalog), "../shared/guidance/CATALOG.md is not beside the project; skipped");
        Matcher m = Pattern.compile("(?m)^\\| `([a-z]+\\.[a-z-]+)` \\|").matcher(Files.readString(catalog));
        Set<String> ids = new TreeSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        // Every id the guidance catalogs is a bundled rule (and so in the schema); a rule may go beyond the
        // catalog (a practitioner's addition from the seeds, docs/ADDING-A-RULE.md), never fall short of it.
        assertThat(ids).isNotEmpty();
        assertThat(SnapshotSchema.catalogIds()).containsAll(ids);
        assertThat(ruleIds()).containsAll(ids);
    }

    @Test
    void everyRuleHasMetadataAndTextsInBothLanguages() {
        assertThat(recommendations()).isNotEmpty().allSatisfy(r -> {
            // The name is the id and its prefix the category: no @id or @category restates them.
            assertThat(r.meta()).as(r.name()).doesNotContainKeys("id", "category");
            assertThat(RuleInfo.CATEGORIES).as(r.name()).contains(r.category());
            assertThat(r.name()).startsWith(r.category() + ".");
            assertThat(r.severities()).isNotEmpty();
            assertThat(r.evidence()).isNotEmpty();
            assertThat(r.weight()).isBetween(1, 100);
            for (String text : List.of("title", "action", "why")) {
                String en = r.text(text, Lang.EN);
                assertThat(en).as(r.name() + " " + text + " en").isNotBlank();
                // English texts may name a Chinese term (活码) but are English.
                assertThat(en.chars().filter(Character::isLetter).filter(c -> c < 128).count())
                        .as(r.name() + " " + text + " en is English").isGreaterThan(5L * HAN.matcher(en).results().count());
                assertThat(r.text(text, Lang.ZH)).as(r.name() + " " + text + " zh").isNotBlank()
                        .containsPattern(HAN);
            }
        });
    }

    @Test
    void everyQuoteIsVerbatimFromItsSeedDocument() throws Exception {
        Path seeds = Fixtures.SHARED.resolve("seeds");
        assumeTrue(Files.isDirectory(seeds), "../shared/seeds is not beside the project; quote check skipped");
        for (RuleInfo r : Fixtures.RULE_BASE.rules().values()) {
            if (r.kind() != RuleInfo.Kind.RECOMMENDATION && r.kind() != RuleInfo.Kind.STAGE) {
                continue;
            }
            Path doc = seeds.resolve(r.document());
            assertThat(doc).as(r.name() + " @source").exists();
            assertThat(Files.readString(doc)).as(r.name() + " @quote is in " + r.document()).contains(r.quote());
            assertThat(r.quote()).as(r.name() + " @quote").hasSizeBetween(4, 200);
        }
    }

    /**
     * Quotes start and end on whole clauses (edition 2: edition 1 had {@code 鍵群…} and {@code 保證新血液的}): the
     * seed's character before and after the quote is punctuation, a space, a line break or the text's edge, and
     * none starts on a connective (以及, 但, 而且, 卻, 也就是, 所以, 並且).
     */
    /** Words that join a clause to the one before it: a quote starting on one has lost what it depends on. */
    private static final Pattern CONNECTIVE = Pattern.compile("以及|但|而且|卻|却|也就是|所以|並且|并且|而|因此");

    @Test
    void everyQuoteIsAWholeClause() throws Exception {
        Path seeds = Fixtures.SHARED.resolve("seeds");
        assumeTrue(Files.isDirectory(seeds), "../shared/seeds is not beside the project; quote check skipped");
        for (RuleInfo r : Fixtures.RULE_BASE.rules().values()) {
            if (r.quote() == null) {
                continue;
            }
            String seed = Files.readString(seeds.resolve(r.document()));
            int at = seed.indexOf(r.quote());
            assertThat(at).as(r.name() + " @quote is in " + r.document()).isGreaterThanOrEqualTo(0);
            int end = at + r.quote().length();
            assertThat(CONNECTIVE.matcher(r.quote()).lookingAt())
                    .as(r.name() + " @quote starts on a connective, without the clause it depends on: " + r.quote())
                    .isFalse();
            assertThat(at == 0 || !Character.isLetterOrDigit(seed.codePointBefore(at)))
                    .as(r.name() + " @quote starts mid-clause, after '" + (at == 0 ? "" : seed.substring(at - 1, at)) + "'")
                    .isTrue();
            assertThat(end == seed.length() || !Character.isLetterOrDigit(seed.codePointAt(end)))
                    .as(r.name() + " @quote ends mid-clause, before '" + (end == seed.length() ? "" : seed.substring(end, end + 1))
                            + "'").isTrue();
        }
    }

    /**
     * Chinese texts are Chinese: no Latin letters outside {placeholders} (ids, field names and threshold names
     * may appear in a trigger), and no internal words in any text a client reads.
     */
    @Test
    void chineseTextsAreChineseAndNoTextUsesInternalWords() {
        Pattern placeholder = Pattern.compile("\\{[A-Za-z0-9_.]+%?}");
        Set<String> names = new TreeSet<>(SnapshotSchema.paths());
        names.addAll(org.communityadvisor.Profile.thresholdNames());
        Set<String> lastParts = names.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).collect(Collectors.toSet());
        for (RuleInfo r : Fixtures.RULE_BASE.rules().values()) {
            for (String text : List.of("title", "action", "why", "trigger", "reason")) {
                String zh = r.text(text, Lang.ZH);
                String en = r.text(text, Lang.EN);
                for (String t : java.util.Arrays.asList(zh, en)) {
                    if (t != null) {
                        assertThat(t.toLowerCase(java.util.Locale.ROOT)).as(r.name() + " " + text)
                                .doesNotContain("种子文章", "seed article", "seed document", "the seed", "catalog");
                    }
                }
                if (zh == null) {
                    continue;
                }
                String words = placeholder.matcher(zh).replaceAll("");
                Matcher latin = Pattern.compile("[A-Za-z][A-Za-z0-9_.]*").matcher(words);
                while (latin.find()) {
                    String word = latin.group();
                    boolean allowed = text.equals("trigger") && (names.contains(word) || lastParts.contains(word));
                    assertThat(allowed).as(r.name() + " " + text + " zh has the Latin word '" + word + "': " + zh).isTrue();
                }
            }
        }
    }

    @Test
    void everyRuleHasAFiringCaseAndANearMissWithItsSeverities() throws Exception {
        List<RuleCasesTest.Case> cases = RuleCasesTest.cases();
        for (RuleInfo r : recommendations()) {
            List<RuleCasesTest.Case> mine = cases.stream().filter(c -> c.rule().equals(r.name())).toList();
            assertThat(mine).as(r.name() + " firing cases").anyMatch(RuleCasesTest.Case::fires);
            assertThat(mine).as(r.name() + " near misses").anyMatch(c -> !c.fires());
            for (Severity s : r.severities()) {
                if (r.severities().size() > 1) {
                    assertThat(mine).as(r.name() + " fires with " + s)
                            .anyMatch(c -> c.fires() && s.json().equals(c.severity()));
                }
            }
        }
    }

    /**
     * One name per value: a rule names a snapshot value in its conditions exactly as its evidence shows it
     * ({@code members.total}), and every value a recommendation's conditions read is in its evidence.
     */
    @Test
    void whatAConditionReadsIsInTheEvidenceUnderTheSameName() {
        int checked = 0;
        for (RuleInfo r : recommendations()) {
            String conditions = Fixtures.RULE_BASE.conditions(r.name());
            for (String path : org.communityadvisor.json.SnapshotModel.paths()) {
                if (path.contains(".") && Pattern.compile("(?<![\\w.])" + Pattern.quote(path) + "(?![\\w])")
                        .matcher(conditions).find()) {
                    assertThat(r.evidence()).as(r.name() + " reads " + path + " in " + conditions).contains(path);
                    checked++;
                }
            }
        }
        assertThat(checked).as("snapshot paths read by the rules' conditions").isGreaterThan(50);
    }

    /**
     * Thresholds live in the profile: the rule checks ({@code Linter}, what {@code ./advisor lint} runs) refuse a
     * literal threshold, and the bundled rules pass them (compiled here from the DRL, so the checks run; loading
     * the precompiled rules does not repeat them).
     */
    @Test
    void noThresholdIsALiteralInARule() {
        List<RuleBase.Source> bundled = RuleBase.bundledSources();
        RuleBase.compile(bundled);
        List<RuleBase.Source> literal = bundled.stream()
                .map(s -> s.path().equals("size.below-viable/rule.drl") ? new RuleBase.Source(s.path(),
                        s.text().replace("members.total < thresholds.minViableMembers", "members.total < 30")) : s)
                .toList();
        assertThatThrownBy(() -> RuleBase.compile(literal))
                .hasMessageContaining("size.below-viable/rule.drl:").hasMessageContaining("the number 30 is a literal threshold");
    }
}
