package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityadvisor.engine.Community;
import org.communityadvisor.engine.RuleBase;
import org.communityadvisor.engine.RuleBaseException;
import org.communityadvisor.engine.RuleInfo;
import org.communityadvisor.engine.StageFact;
import org.communityadvisor.json.SnapshotReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Rules as tidy units (issue 10, point 4): the name is the id and its prefix the category, the severity lives
 * in {@code @severity}, the stage rules share {@code activation-group "stage"}, and a value that may be unknown
 * is compared only after its {@code != null} guard. Lint refuses each departure, naming file and line.
 */
class RuleShapeTest {
    private static final Path RULES = Path.of("rules");

    /** The rules folder with some rules edited: each edit takes the rule's text, from {@code rule} to {@code end}. */
    private static final class Edits {
        final List<RuleBase.Source> sources = new ArrayList<>(RuleBase.directorySources(RULES));

        Edits rule(String name, UnaryOperator<String> edit) {
            Pattern block = Pattern.compile("(?ms)^rule \"" + Pattern.quote(name) + "\"\n.*?^end\n");
            for (int i = 0; i < sources.size(); i++) {
                RuleBase.Source s = sources.get(i);
                Matcher m = block.matcher(s.text());
                if (m.find()) {
                    String edited = edit.apply(m.group());
                    assertThat(edited).as("the edit of " + name + " changes it").isNotEqualTo(m.group());
                    sources.set(i, new RuleBase.Source(s.path(), s.text().substring(0, m.start()) + edited
                            + s.text().substring(m.end())));
                    return this;
                }
            }
            throw new AssertionError("no rule " + name);
        }

        Edits append(String file, String text) {
            for (int i = 0; i < sources.size(); i++) {
                if (sources.get(i).path().equals(file)) {
                    sources.set(i, new RuleBase.Source(file, sources.get(i).text() + text));
                    return this;
                }
            }
            throw new AssertionError("no file " + file);
        }

        List<String> problems() {
            try {
                RuleBase.compile(sources);
                return List.of();
            } catch (RuleBaseException e) {
                return e.problems();
            }
        }
    }

    /** The line of the first line of a rule's text containing {@code what}. */
    private static String at(String file, String rule, String what) throws Exception {
        String[] lines = Files.readString(RULES.resolve(file)).split("\n", -1);
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals("rule \"" + rule + "\"")) {
                start = i;
            }
            if (start >= 0 && lines[i].contains(what)) {
                return file + ":" + (i + 1) + ": rule \"" + rule + "\": ";
            }
        }
        throw new AssertionError(what + " not in " + rule);
    }

    @Test
    void theBundledRulesAreTidy() {
        assertThat(new Edits().problems()).isEmpty();
    }

    @Test
    void lintRefusesEachDepartureNamingFileAndLine() throws Exception {
        List<String> problems = new Edits()
                // the last rule of its file, so the two lines added leave the other rules' lines as they are
                .rule("size.over-manageable", r -> r.replace("    @severity", "    @id(\"size.over-manageable\")\n"
                        + "    @category(\"size\")\n    @severity"))
                .rule("entry.core-admission", r -> r.replace("Hit.of(kcontext)", "Hit.of(kcontext, Severity.HIGH)"))
                .rule("size.approaching-cap", r -> r.replace("Hit.of(kcontext)", "Hit.of(kcontext, Severity.LOW)"))
                .rule("governance.spam", r -> r.replace("Severity.HIGH", "Severity.LOW"))
                .rule("growth.net-loss", r -> r.replaceAll("insert\\(.*\\);", "insert(Hit.of(kcontext));"))
                .rule("structure.opinion-leader", r -> r.replace("members.kols != null, ", ""))
                .rule("size.warm-up-crew", r -> r.replace("(operations.warmUpCrew == null || operations.warmUpCrew == false)",
                        "operations.warmUpCrew != true"))
                .rule("stage.launch", r -> r.replace("    activation-group \"stage\"\n", ""))
                .rule("stage.growth-joins", r -> r.replace("salience 19", "salience 20"))
                .rule("activity.review", r -> r.replace("\nwhen\n", "\n    activation-group \"stage\"\nwhen\n"))
                .append("measurement.history/rule.drl", """

                        rule "reach.fans"
                            @severity("low")
                        when
                            Community()
                        then
                        end

                        rule "measurement.extra"
                        when
                            Community()
                        then
                        end
                        """)
                .problems();
        int id = Integer.parseInt(at("size.over-manageable/rule.drl", "size.over-manageable", "@severity").split(":")[1]);
        assertThat(problems).contains(
                "size.over-manageable/rule.drl:" + id + ": rule \"size.over-manageable\": @id is redundant: the rule's name is its id; remove it",
                "size.over-manageable/rule.drl:" + (id + 1) + ": rule \"size.over-manageable\": @category is redundant: the category is the"
                        + " prefix of the rule's name; remove it",
                at("entry.core-admission/rule.drl", "entry.core-admission", "Hit.of") + "the consequence restates @severity(\"high\"): write"
                        + " insert(Hit.of(kcontext)); (name a severity only where it varies by case)",
                at("size.approaching-cap/rule.drl", "size.approaching-cap", "Hit.of")
                        + "the consequence gives Severity.LOW, which @severity(\"medium\") does not list",
                at("governance.spam/rule.drl", "governance.spam", "Hit.of")
                        + "the consequence gives Severity.LOW, which @severity(\"critical, high\") does not list",
                at("governance.spam/rule.drl", "governance.spam", "rule \"")
                        + "@severity lists high, which the consequence never gives",
                at("growth.net-loss/rule.drl", "growth.net-loss", "Hit.of")
                        + "@severity(\"high, medium\") lists several: choose one with Hit.of(kcontext, ...)",
                at("structure.opinion-leader/rule.drl", "structure.opinion-leader", "members.kols ==") + "members.kols may be unknown: write members.kols != null"
                        + " before comparing it, in the same pattern (or members.kols == null || ... where unknown must match)",
                at("stage.launch/rule.drl", "stage.launch", "rule \"") + "a stage rule must be in activation-group \"stage\","
                        + " so that only the first match decides the stage",
                at("activity.review/rule.drl", "activity.review", "rule \"")
                        + "only stage rules (@stage) belong in activation-group \"stage\"");
        assertThat(problems).anyMatch(p -> p.contains("size.warm-up-crew\": operations.warmUpCrew may be unknown"));
        assertThat(problems).anyMatch(p -> p.matches("stage\\.growth-(joins|trend)/rule\\.drl:\\d+: rule \"stage\\.growth-(joins|trend)\":"
                + " has salience 20, as has stage rule \"stage\\.growth-(joins|trend)\".*"));
        assertThat(problems).anyMatch(p -> p.matches("measurement\\.history/rule\\.drl:\\d+: rule \"reach\\.fans\": has @severity, but"
                + " a recommendation's name is its catalog id: category\\.name, with the category one of lifecycle, .*"));
        assertThat(problems).anyMatch(p -> p.matches("measurement\\.history/rule\\.drl:\\d+: rule \"measurement\\.extra\": @severity is"
                + " missing: a rule named after a category is a recommendation"));
        // Nothing else: the rules left alone stay clean.
        assertThat(problems).hasSize(14);
    }

    /** {@code Hit.of(kcontext)} reads the severity from the rule's own metadata, also after a reload changes it. */
    @Test
    void theSeverityComesFromTheMetadata(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        for (RuleBase.Source s : RuleBase.directorySources(RULES)) {
            String text = s.text();
            if (s.path().equals("size.over-manageable/rule.drl")) {
                text = text.replace("@severity(\"high\")\n    @weight(65)", "@severity(\"low\")\n    @weight(65)");
            }
            Files.createDirectories(rules.resolve(s.path()).getParent());
            Files.writeString(rules.resolve(s.path()), text);
        }
        RuleCasesTest.Case fires = RuleCasesTest.cases().stream()
                .filter(c -> c.rule().equals("size.over-manageable") && c.fires()).findFirst().orElseThrow();
        String json = Fixtures.patched(fires.patch());
        String old = System.getProperty("advisor.cache");
        System.setProperty("advisor.cache", dir.resolve("cache").toString());
        try {
            Advisor edited = Advisor.builder().rulesDirectory(rules).build();
            assertThat(severity(Fixtures.ADVISOR.advise(json), "size.over-manageable")).isEqualTo(Severity.HIGH);
            assertThat(severity(edited.advise(json), "size.over-manageable")).isEqualTo(Severity.LOW);
            assertThat(severity(Fixtures.ADVISOR.advise(json), "size.over-manageable")).isEqualTo(Severity.HIGH);
        } finally {
            if (old == null) {
                System.clearProperty("advisor.cache");
            } else {
                System.setProperty("advisor.cache", old);
            }
        }
    }

    private static Severity severity(Advice advice, String id) {
        return advice.recommendations().stream().filter(r -> r.id().equals(id)).findFirst()
                .map(Advice.Recommendation::severity).orElseThrow(() -> new AssertionError(id + " not shown"));
    }

    /**
     * The activation group is per session: sessions come reset from a pool, and a stage decided for one snapshot
     * must not hold back the stage rules of the next, in one thread or many.
     */
    @Test
    void everyPooledSessionDecidesItsOwnStage() throws Exception {
        List<String> inputs = new ArrayList<>();
        List<Stage> expected = new ArrayList<>();
        for (RuleCasesTest.Case c : RuleCasesTest.cases()) {
            if (c.rule().startsWith("stage.") && c.fires()) {
                inputs.add(Fixtures.patched(c.patch()));
                expected.add(Fixtures.ADVISOR.rules().find(c.rule()).orElseThrow().stage());
            }
        }
        assertThat(expected).containsAll(List.of(Stage.values()));
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(Fixtures.ADVISOR.advise(inputs.get(i)).stage()).as(inputs.get(i)).isEqualTo(expected.get(i));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 7;
                wrong.add(pool.submit(() -> {
                    int bad = 0;
                    for (int k = 0; k < 200; k++) {
                        int i = (k + offset) % inputs.size();
                        bad += Fixtures.ADVISOR.advise(inputs.get(i)).stage() == expected.get(i) ? 0 : 1;
                    }
                    return bad;
                }));
            }
            for (Future<Integer> w : wrong) {
                assertThat(w.get()).isZero();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The stage rules without their {@code not StageFact()} guards: the activation group alone decides, in sessions
     * reused from a pool, as long as each is readied with {@link StageFact#prepare} (Drools 10.2 needs it).
     */
    @Test
    void theGroupAloneDecidesTheStageInPreparedPooledSessions() throws Exception {
        RuleBase rules = RuleBase.compile(RuleBase.bundledSources());
        rules.rules().values().stream().filter(r -> r.kind() == RuleInfo.Kind.STAGE)
                .forEach(r -> assertThat(rules.ruleText(r.name())).as(r.name() + " relies on the group alone")
                        .doesNotContain("not StageFact()"));
        List<String> inputs = Fixtures.caseInputs();
        KieSessionsPool pool = rules.kieBase().newKieSessionsPool(1);
        try {
            for (int round = 0; round < 2; round++) {
                for (String json : inputs) {
                    Advice expected = Fixtures.ADVISOR.advise(json);
                    Community community = new Community(SnapshotReader.read(json), expected.profile().thresholds());
                    List<Stage> stages = new ArrayList<>();
                    KieSession session = pool.newKieSession();
                    try {
                        StageFact.prepare(session);
                        session.insert(community);
                        session.fireAllRules();
                        session.getQueryResults("stage").forEach(row -> stages.add(((StageFact) row.get("$stage")).stage()));
                    } finally {
                        session.dispose();
                    }
                    assertThat(stages).as(json).containsExactly(expected.stage());
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFolderWhoseStageRulesMissTheGroupIsRefused() {
        Edits edits = new Edits();
        for (String stage : List.of("stage.post-event", "stage.mature")) {
            edits.rule(stage, r -> r.replace("activation-group \"stage\"", "activation-group \"stages\""));
        }
        assertThatThrownBy(() -> RuleBase.compile(edits.sources)).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("rule \"stage.post-event\": a stage rule must be in activation-group \"stage\"")
                .hasMessageContaining("rule \"stage.mature\": a stage rule must be in activation-group \"stage\"");
    }
}
