package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The embedded API: Java objects or JSON in, immutable advice out, the same from many threads at once. */
class AdvisorTest {
    private static Snapshot small() {
        // builders, not the canonical constructors: a new field must not break code that builds snapshots
        return Snapshot.builder().schemaVersion(1).id("java-built").name("读书会").platform(Platform.WECHAT)
                .purpose(Purpose.SHARING).origin(Origin.BUSINESS).coreGroup(false).goalDefined(true)
                .createdOn(LocalDate.parse("2026-10-01")).asOf(LocalDate.parse("2026-10-20"))
                .members(Snapshot.Members.builder().total(24).joined7d(3).left7d(0).admins(1).kols(0).silent30d(10)
                        .build())
                .entry(Snapshot.Entry.builder().barrier(Barrier.NONE).channels(List.of(Channel.QR))
                        .qrCreatedOn(LocalDate.parse("2026-10-01")).build())
                .activity(Snapshot.Activity.builder().messages7d(60).activeMembers7d(8).adMessages7d(0).officialPosts7d(0)
                        .topics30d(0).guestShares30d(0).liveSessions30d(0).offlineEvents90d(0).checkIns7d(0).reviews30d(0)
                        .dailyRitual(false).build())
                .build();
    }

    /**
     * The focus over every rule case's snapshot, checked against the rule of the guidance rather than the code's own
     * loop: at most three shown items, never a measurement one; never an item while one of higher severity that could
     * be chosen waits; never a symptom while one of its causes waits; within a severity, an earlier item is passed
     * over only for variety (its category is already in the focus) or because a cause of it waits; and fewer than
     * three only when nothing else could be chosen.
     */
    @Test
    void focusTakesSeverityBeforeVarietyAndNeverASymptomBeforeItsCause() {
        int withFocus = 0;
        int severityOverVariety = 0;
        for (String input : Fixtures.caseInputs()) {
            Advice advice = Fixtures.ADVISOR.advise(input);
            List<String> focus = advice.focus();
            assertThat(focus).hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
            assertThat(advice.ids()).containsAll(focus);
            List<Advice.Recommendation> chosen = focus.stream().map(id -> advice.recommendations().stream()
                    .filter(r -> r.id().equals(id)).findFirst().orElseThrow()).toList();
            assertThat(chosen).noneMatch(r -> r.category() == Category.MEASUREMENT);
            for (int k = 0; k < chosen.size(); k++) {
                Advice.Recommendation f = chosen.get(k);
                List<String> before = focus.subList(0, k);
                assertThat(before).as(input + ": " + f.id() + " before its causes").containsAll(f.causes());
                for (Advice.Recommendation r : advice.recommendations()) {
                    boolean waiting = !focus.subList(0, k + 1).contains(r.id()) && r.category() != Category.MEASUREMENT
                            && before.containsAll(r.causes());
                    if (!waiting) {
                        continue;
                    }
                    assertThat(r.severity().compareTo(f.severity())).as(input + ": " + r.id() + " (" + r.severity()
                            + ") waits while " + f.id() + " (" + f.severity() + ") is in the focus").isGreaterThanOrEqualTo(0);
                    if (r.severity() == f.severity() && r.rank() < f.rank()) {
                        Set<Category> had = chosen.subList(0, k).stream().map(Advice.Recommendation::category)
                                .collect(java.util.stream.Collectors.toSet());
                        assertThat(had).as(input + ": " + r.id() + " passed over for " + f.id()).contains(r.category());
                        assertThat(had).as(input + ": " + f.id() + " chosen for variety").doesNotContain(f.category());
                    }
                }
                if (k > 0 && f.severity() == chosen.get(k - 1).severity() && f.category() == chosen.get(k - 1).category()) {
                    severityOverVariety++;
                }
            }
            long choosable = advice.recommendations().stream().filter(r -> r.category() != Category.MEASUREMENT).count();
            if (choosable > 0) {
                withFocus++;
                assertThat(focus).as(input).hasSize((int) Math.min(3, choosable));
            } else {
                assertThat(focus).isEmpty();
            }
        }
        assertThat(withFocus).isGreaterThan(50);
        assertThat(severityOverVariety).as("cases where a second item of one category beats the rest").isGreaterThan(0);
    }

    /** Within a severity every cause ranks before its symptom, and causes name shown recommendations only. */
    @Test
    void causesRankBeforeTheirSymptomsWithinASeverity() {
        int withCauses = 0;
        for (String input : Fixtures.caseInputs()) {
            Advice advice = Fixtures.ADVISOR.advise(input);
            for (Advice.Recommendation r : advice.recommendations()) {
                for (String c : r.causes()) {
                    withCauses++;
                    Advice.Recommendation cause = advice.recommendations().stream().filter(x -> x.id().equals(c))
                            .findFirst().orElseThrow(() -> new AssertionError(input + ": " + c + " is not shown"));
                    if (cause.severity() == r.severity()) {
                        assertThat(cause.rank()).as(input + ": " + c + " before " + r.id()).isLessThan(r.rank());
                    }
                }
            }
        }
        assertThat(withCauses).isGreaterThan(0);
    }

    @Test
    void eachSnapshotIsJudgedByItsPlatformsProfileUnlessOneIsNamed() {
        Snapshot wechat = small();
        assertThat(Fixtures.ADVISOR.advise(wechat).profile().name()).isEqualTo("wechat");
        assertThat(Fixtures.ADVISOR.advise(wechat).profile().thresholds().qrJoinLimit()).isEqualTo(200);
        assertThat(Fixtures.ADVISOR.profileFor(Platform.DISCORD).name()).isEqualTo("discord");
        assertThat(Fixtures.ADVISOR.profileFor(Platform.QQ).name()).isEqualTo("qq");
        assertThat(Fixtures.ADVISOR.profileFor(Platform.SLACK).name()).isEqualTo("slack");
        assertThat(Fixtures.ADVISOR.profileFor(Platform.OTHER).name()).isEqualTo("default");
        assertThat(Fixtures.ADVISOR.profileForced()).isFalse();
        Advisor forced = Advisor.builder().profile(Profile.bundled("forum")).build();
        assertThat(forced.advise(wechat).profile().name()).isEqualTo("forum");
        assertThat(forced.profileFor(Platform.WECHAT).name()).isEqualTo("forum");
    }

    @Test
    void advisesAJavaBuiltSnapshot() {
        Advice advice = Fixtures.ADVISOR.advise(small());
        assertThat(advice.communityId()).isEqualTo("java-built");
        assertThat(advice.stage()).isEqualTo(Stage.LAUNCH);
        assertThat(advice.ids()).contains("size.below-viable", "activity.weekly-official");
        assertThat(advice.recommendations()).extracting(Advice.Recommendation::rank)
                .containsExactly(java.util.stream.IntStream.rangeClosed(1, advice.recommendations().size())
                        .boxed().toArray(Integer[]::new));
        Advice.Recommendation weekly = advice.recommendations().stream()
                .filter(r -> r.id().equals("activity.weekly-official")).findFirst().orElseThrow();
        assertThat(weekly.severity()).isEqualTo(Severity.HIGH);
        assertThat(weekly.evidence()).containsEntry("activity.officialPosts7d", 0);
        assertThat(weekly.source().document()).isEqualTo("004_5dbadd56ce1a41a3.txt");
    }

    /** Reload must serve the rules it loaded: the edited folder changes the advice, the bundled rules change it back. */
    @Test
    void reloadServesTheNewRulesAndABrokenFolderKeepsThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path rules = java.nio.file.Files.createDirectories(dir.resolve("rules"));
        for (org.communityadvisor.engine.RuleBase.Source s : org.communityadvisor.engine.RuleBase.bundledSources()) {
            String text = s.text();
            if (s.path().equals("size.below-viable/rule.drl")) {
                text = text.replace("@severity(\"high, medium\")", "@severity(\"low, medium\")")
                        .replace("Hit.of(kcontext, Severity.HIGH)", "Hit.of(kcontext, Severity.LOW)");
                assertThat(text).as("the edit applies").isNotEqualTo(s.text());
            }
            java.nio.file.Files.createDirectories(rules.resolve(s.path()).getParent());
            java.nio.file.Files.writeString(rules.resolve(s.path()), text);
        }
        System.setProperty("advisor.cache", dir.resolve("cache").toString());
        try {
            Advisor advisor = Advisor.builder().build();
            String bundledVersion = advisor.rules().version();
            assertThat(severityOf(advisor.advise(small()), "size.below-viable")).isEqualTo(Severity.HIGH);

            advisor.reload(rules);
            assertThat(advisor.rules().version()).isNotEqualTo(bundledVersion);
            Advice edited = advisor.advise(small());
            assertThat(severityOf(edited, "size.below-viable")).as("served by the reloaded rules").isEqualTo(Severity.LOW);
            assertThat(edited.rulesVersion()).isEqualTo(advisor.rules().version());

            java.nio.file.Path broken = java.nio.file.Files.createDirectories(dir.resolve("broken"));
            java.nio.file.Files.writeString(broken.resolve("size.drl"), "package communityadvisor.rules;\nrule \"x\" when then\n");
            assertThatThrownBy(() -> advisor.reload(broken)).isInstanceOf(RulesException.class);
            assertThat(advisor.advise(small())).as("a refused folder leaves the reloaded rules serving").isEqualTo(edited);

            advisor.reloadBundled();
            assertThat(severityOf(advisor.advise(small()), "size.below-viable")).isEqualTo(Severity.HIGH);
            assertThat(advisor.rules().version()).isEqualTo(bundledVersion);
        } finally {
            System.clearProperty("advisor.cache");
        }
    }

    private static Severity severityOf(Advice advice, String id) {
        return advice.recommendations().stream().filter(r -> r.id().equals(id)).map(Advice.Recommendation::severity)
                .findFirst().orElseThrow(() -> new AssertionError(id + " not among " + advice.ids()));
    }

    @Test
    void rankingPutsSeverityFirstThenWeightThenId() {
        Advice advice = Fixtures.ADVISOR.advise(small());
        List<Advice.Recommendation> recs = advice.recommendations();
        for (int i = 1; i < recs.size(); i++) {
            Advice.Recommendation a = recs.get(i - 1);
            Advice.Recommendation b = recs.get(i);
            assertThat(a.severity().compareTo(b.severity())).isLessThanOrEqualTo(0);
            if (a.severity() == b.severity()) {
                int wa = Fixtures.ADVISOR.rules().find(a.id()).orElseThrow().weight();
                int wb = Fixtures.ADVISOR.rules().find(b.id()).orElseThrow().weight();
                assertThat(wa > wb || (wa == wb && a.id().compareTo(b.id()) < 0)).as(a.id() + " before " + b.id()).isTrue();
            }
        }
    }

    @Test
    void textsComeInBothLanguagesAndIdsNeverChange() {
        Advice en = Fixtures.ADVISOR.advise(small(), Lang.EN);
        Advice zh = Fixtures.ADVISOR.advise(small(), Lang.ZH);
        assertThat(zh.ids()).isEqualTo(en.ids());
        assertThat(zh.recommendations().get(0).title()).isNotEqualTo(en.recommendations().get(0).title())
                .containsPattern("\\p{IsHan}");
        assertThat(zh.stageReasons().get(0)).containsPattern("\\p{IsHan}");
        assertThat(en.recommendations()).allSatisfy(r -> {
            assertThat(r.title()).isNotBlank();
            assertThat(r.why()).doesNotContain("{").doesNotContain("}");
        });
    }

    @Test
    void javaBuiltSnapshotsAreValidatedLikeJson() {
        Snapshot bad = Snapshot.builder().schemaVersion(1).id("x").platform(Platform.QQ)
                .createdOn(LocalDate.parse("2026-10-01")).asOf(LocalDate.parse("2026-09-01"))
                .members(Snapshot.Members.builder().total(10).admins(11).build()).build();
        assertThatThrownBy(() -> Fixtures.ADVISOR.advise(bad)).isInstanceOf(InvalidSnapshotException.class)
                .satisfies(e -> assertThat(((InvalidSnapshotException) e).errors()).extracting(ValidationError::path)
                        .containsExactlyInAnyOrder("asOf", "members.admins"));
    }

    @Test
    void adviceIsImmutable() {
        Advice advice = Fixtures.ADVISOR.advise(small());
        assertThatThrownBy(() -> advice.recommendations().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> advice.recommendations().get(0).evidence().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void adviceStaysTheSameOnceDroolsCompilesHotConstraints() throws Exception {
        // Drools turns a constraint into bytecode after it has been evaluated 20 times; a constraint its
        // bytecode compiler mishandles (e.g. the str[startsWith] operator in Drools 10.2) fails only then.
        List<String> inputs = Fixtures.caseInputs();
        List<Advice> first = inputs.stream().map(Fixtures.ADVISOR::advise).toList();
        Advice javaBuilt = Fixtures.ADVISOR.advise(small());
        for (int round = 0; round < 30; round++) {
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(Fixtures.ADVISOR.advise(inputs.get(i))).isEqualTo(first.get(i));
            }
            assertThat(Fixtures.ADVISOR.advise(small())).isEqualTo(javaBuilt);
        }
    }

    @Test
    void eightThreadsGiveExactlyTheSequentialResults() throws Exception {
        List<String> inputs = Fixtures.caseInputs();
        List<Advice> sequential = inputs.stream().map(Fixtures.ADVISOR::advise).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Advice>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    List<Advice> out = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < inputs.size(); i++) {
                            int k = (i + offset * 7) % inputs.size();
                            out.add(Fixtures.ADVISOR.advise(inputs.get(k)));
                        }
                    }
                    return out;
                }));
            }
            for (int t = 0; t < 8; t++) {
                List<Advice> got = runs.get(t).get();
                for (int j = 0; j < got.size(); j++) {
                    int k = (j % inputs.size() + t * 7) % inputs.size();
                    assertThat(got.get(j)).isEqualTo(sequential.get(k));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
