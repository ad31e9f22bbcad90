package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new rule is one new folder: dropped into a copy of {@code rules/}, it fires, its id may be acknowledged and
 * named by a scenario's expectations, and it speaks both languages; the bundled rules know nothing of it. The
 * catalog is the rules loaded, not a list made from the bundled ones.
 */
class NewRuleFolderTest {
    private static final String ID = "governance.pin-faq";

    private static Path rulesWithTheNewOne(Path dir) throws Exception {
        Path rules = Fixtures.copyOfTheRules(dir);
        Path from = Path.of("src/test/resources/new-rule", ID);
        Files.createDirectories(rules.resolve(ID));
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(ID).resolve(f.getFileName()));
            }
        }
        return rules;
    }

    private static String snapshot(boolean acknowledged) throws Exception {
        ObjectNode s = (ObjectNode) Fixtures.base().deepCopy();
        ((ObjectNode) s.get("activity")).put("unansweredQuestions7d", 150);
        if (acknowledged) {
            s.putArray("acknowledged").addObject().put("id", ID).put("until", "2026-12-31");
        }
        return Json.MAPPER.writeValueAsString(s);
    }

    @Test
    void aNewRuleFolderFiresCanBeAcknowledgedAndNamedByExpectations(@TempDir Path dir) throws Exception {
        String old = System.getProperty("advisor.cache");
        System.setProperty("advisor.cache", dir.resolve("cache").toString());
        try {
            Advisor advisor = Advisor.builder().rulesDirectory(rulesWithTheNewOne(dir)).build();
            assertThat(advisor.rules().ids()).contains(ID);

            Advice advice = advisor.advise(snapshot(false));
            assertThat(advice.ids()).contains(ID);
            Advice.Recommendation r = advice.recommendations().stream().filter(x -> x.id().equals(ID)).findFirst()
                    .orElseThrow();
            assertThat(r.title()).isEqualTo("Pin the answers to common questions");
            assertThat(r.category()).isEqualTo(Category.GOVERNANCE);
            assertThat(advisor.advise(snapshot(false), Lang.ZH).recommendations()).anyMatch(x -> x.id().equals(ID)
                    && x.title().equals("置顶常见问题的答案") && x.why().equals("有 150 个问题没人回答。"));

            Advice held = advisor.advise(snapshot(true));
            assertThat(held.suppressed()).anyMatch(s -> s.id().equals(ID));

            String scenario = "{\"snapshot\": " + snapshot(false) + ", \"expect\": {\"include\": [\"" + ID + "\"]}}";
            Scenario read = Scenario.read(scenario, advisor.rules());
            assertThat(read.expect().check(advisor.advise(read.base()))).isEmpty();
        } finally {
            if (old == null) {
                System.clearProperty("advisor.cache");
            } else {
                System.setProperty("advisor.cache", old);
            }
        }
    }

    /**
     * A rule in a folder that names a threshold the advisor does not declare is told how one is added, not the
     * compiler's "unable to resolve method"; the near name is offered.
     */
    @Test
    void aRuleNamingAnUndeclaredThresholdIsToldHowOneIsAdded(@TempDir Path dir) throws Exception {
        Path rules = Fixtures.copyOfTheRules(dir);
        Path drl = rules.resolve("activity.check-in/rule.drl");
        Files.writeString(drl, Files.readString(drl).replace("activity.checkIns7d == 0,",
                "activity.checkIns7d == 0, members.total >= thresholds.livelyMember,"));
        assertThatThrownBy(() -> Rules.compile(rules)).isInstanceOfSatisfying(RulesException.class, e -> {
            assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("activity.check-in/rule.drl:13: thresholds.livelyMember is not a threshold of this advisor")
                    .contains("did you mean thresholds.livelyMembers?").contains("rules/thresholds.json"));
            assertThat(e.problems()).noneMatch(p -> p.contains("unable to resolve method"));
        });
    }

    /**
     * A folder's own copy of thresholds.json is not read: a threshold it adds, or a default it changes, is refused
     * with the way to do it instead of being ignored without a word; an unchanged copy is fine.
     */
    @Test
    void aFoldersOwnThresholdsThatDifferAreRefusedNotIgnored(@TempDir Path dir) throws Exception {
        Path rules = Fixtures.copyOfTheRules(dir);
        assertThat(Files.exists(rules.resolve("thresholds.json"))).isTrue();
        assertThat(Rules.compile(rules).ids()).contains("activity.check-in");

        Path file = rules.resolve("thresholds.json");
        Files.writeString(file, Files.readString(file)
                .replace("\"livelyMembers\": {\"default\": 80", "\"livelyMembers\": {\"default\": 60")
                .replaceFirst("\\{", "{\"myNewLimit\": {\"default\": 42, \"en\": \"x\", \"zh\": \"x\"},"));
        assertThatThrownBy(() -> Rules.compile(rules)).isInstanceOfSatisfying(RulesException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "thresholds.json: 'myNewLimit' is not a threshold of this advisor: a rules folder cannot declare"
                                + " one (the thresholds are built in); declare it in the advisor's own"
                                + " rules/thresholds.json and build (docs/ADDING-A-RULE.md)",
                        "thresholds.json: 'livelyMembers' has the default 60 here and 80 in the advisor: a folder's"
                                + " defaults are not read; set livelyMembers: 60 in a profile (--profile FILE) instead"));
    }

    /** A rule written the old way (several rules a file, texts as annotations) is told where each part goes. */
    @Test
    void aRuleWrittenTheOldWayIsToldWhereItsPartsGo() {
        java.util.List<org.communityadvisor.engine.RuleBase.Source> sources = new java.util.ArrayList<>();
        for (org.communityadvisor.engine.RuleBase.Source s : org.communityadvisor.engine.RuleBase.bundledSources()) {
            if (!s.path().startsWith("size.below-viable/")) {
                sources.add(s);
            }
        }
        sources.add(new org.communityadvisor.engine.RuleBase.Source("size.drl", """
                package communityadvisor.rules;
                import org.communityadvisor.engine.Community;
                import org.communityadvisor.engine.Hit;
                rule "size.below-viable"
                    @severity("high")
                    @weight(70)
                    @evidence("members.total, minViableMembers, coreGroup")
                    @source("000_d819271432d36090.txt")
                    @quote("少于30人不成群")
                    @titleEn("Too few members to be a group yet")
                when
                    Community( members.total < thresholds.minViableMembers, coreGroup == false )
                then
                    insert(Hit.of(kcontext));
                end
                """));
        assertThatThrownBy(() -> org.communityadvisor.engine.RuleBase.compile(sources))
                .hasMessageContaining("size.drl:4: rule \"size.below-viable\": @titleEn: a rule's texts live in its"
                        + " folder's en.properties (title = ...); move it there")
                .hasMessageContaining("size.drl:4: rule \"size.below-viable\": a rule lives in the folder named by"
                        + " its id: move it to size.below-viable/rule.drl");
    }

    @Test
    void theBundledRulesRefuseTheNewRulesId() throws Exception {
        assertThat(Fixtures.ADVISOR.rules().ids()).doesNotContain(ID).contains("governance.spam");
        assertThatThrownBy(() -> Fixtures.ADVISOR.advise(snapshot(true))).isInstanceOf(InvalidSnapshotException.class)
                .hasMessageContaining("acknowledged[0].id: unknown catalog id '" + ID + "'");
        String scenario = "{\"snapshot\": " + snapshot(false) + ", \"expect\": {\"include\": [\"" + ID + "\"]}}";
        assertThatThrownBy(() -> Scenario.read(scenario, Fixtures.ADVISOR.rules()))
                .isInstanceOf(InvalidSnapshotException.class).hasMessageContaining("expect.include[0]");
    }
}
