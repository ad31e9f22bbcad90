package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edges a newcomer meets first (issue 14), through the public API. */
class EdgesTest {
    static final Advisor ADVISOR = Advisor.builder().build();

    @Test
    void aScenarioFilesTextIsAdvisedAsItsBaseSnapshot() throws Exception {
        String scenario = Files.readString(Path.of("scenarios/quiet-first-month.json"));
        Advice advice = ADVISOR.advise(scenario);
        assertThat(advice.communityId()).isEqualTo("skincare-new-users");
        assertThat(advice.stage()).isEqualTo(Stage.LAUNCH);
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreAcceptedAndOtherNonJsonIsNot() throws Exception {
        String text = Files.readString(Path.of("scenarios/big-500-group.json")).replace("\n", "\r\n");
        assertThat(ADVISOR.advise("\uFEFF" + text).communityId()).isEqualTo("city-parents-500");
        String bare = AdviceJson.write(org.communityadvisor.json.InputReader.read(text));
        assertThat(AdviceJson.readSnapshot("\uFEFF" + bare).id()).isEqualTo("city-parents-500");
        assertThatThrownBy(() -> ADVISOR.advise("\uFFFE" + text)).isInstanceOf(InvalidSnapshotException.class);
        assertThatThrownBy(() -> ADVISOR.advise("\uFEFF\uFEFF" + text)).isInstanceOf(InvalidSnapshotException.class);
    }

    @Test
    void profileValuesAreRangeCheckedAndMisspeltBasesGetTheNearestName(@TempDir Path dir) throws Exception {
        Path spam = dir.resolve("spam.json");
        Files.writeString(spam, "{\"extends\": \"default\", \"thresholds\": {\"spamRatio\": 5}}");
        assertThatThrownBy(() -> Profile.fromFile(spam)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("thresholds.spamRatio").hasMessageContaining("between 0 and 1");
        Path negative = dir.resolve("negative.json");
        Files.writeString(negative, "{\"extends\": \"default\", \"thresholds\": {\"membersPerAdmin\": -1}}");
        assertThatThrownBy(() -> Profile.fromFile(negative)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("thresholds.membersPerAdmin").hasMessageContaining("at least 0");
        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, "\uFEFF{\"extends\": \"defualt\"}");
        assertThatThrownBy(() -> Profile.fromFile(typo)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("did you mean 'default'");
        Path fine = dir.resolve("fine.json");
        Files.writeString(fine, "\uFEFF{\"extends\": \"default\", \"thresholds\": {\"spamRatio\": 0.2}}");
        assertThat(Profile.fromFile(fine).thresholds().spamRatio()).isEqualTo(0.2);
    }

    @Test
    void stageReasonsNeverClaimWhatTheDataDoesNotSay() {
        String unknownActivity = "{\"schemaVersion\":1,\"id\":\"m\",\"platform\":\"wechat\",\"createdOn\":\"2026-01-01\","
                + "\"asOf\":\"2026-11-01\",\"members\":{\"total\":100}}";
        Advice en = ADVISOR.advise(unknownActivity);
        assertThat(en.stage()).isEqualTo(Stage.UNDETERMINED);
        assertThat(String.join(" ", en.stageReasons())).contains("activity is unknown")
                .doesNotContain("active,").doesNotContain("neither growing");
        Advice zh = ADVISOR.advise(unknownActivity, Lang.ZH);
        assertThat(String.join(" ", zh.stageReasons())).contains("活跃情况未知").doesNotContain("仍然活跃");
        // a measurement text with no history says 0 weeks, not "unknown weekly points"
        assertThat(en.recommendations().stream().filter(r -> r.id().equals("measurement.history")).findFirst()
                .orElseThrow().why()).contains("with 0 weeks of history").doesNotContain("unknown");
    }

    @Test
    void everyMistakeOfADocumentIsReportedAtOnceInTheAdvisorsOwnWords() {
        String five = "{\"schemaVersion\": 1, \"id\": \"five\", \"platform\": \"wechatt\", \"createdOn\": \"2026-02-30\","
                + " \"asOf\": \"2026-11-01\", \"members\": {\"total\": \"140\", \"admins\": 2147483648},"
                + " \"activity\": {\"messages7d\": 1.5}, \"colour\": \"red\"}";
        assertThatThrownBy(() -> ADVISOR.advise(five)).isInstanceOfSatisfying(InvalidSnapshotException.class, e -> {
            assertThat(e.errors()).extracting(ValidationError::path).containsExactly("platform", "createdOn",
                    "members.total", "members.admins", "activity.messages7d", "colour");
            assertThat(e.getMessage()).contains("members.admins: number out of range for an integer")
                    .doesNotContain("Numeric value").doesNotContain("out of range of int");
        });
        String comment = "{\"schemaVersion\": 1, // a note\n \"id\": \"g\"}";
        assertThatThrownBy(() -> ADVISOR.advise(comment)).hasMessageContaining("comments are not allowed in JSON")
                .hasMessageNotContaining("ALLOW_COMMENTS").hasMessageNotContaining("Feature");
        String longGoal = "{\"schemaVersion\":1,\"id\":\"g\",\"platform\":\"wechat\",\"createdOn\":\"2026-01-01\","
                + "\"asOf\":\"2026-02-01\",\"members\":{\"total\":3},\"goal\":\"" + "x".repeat(25_000) + "\"}";
        assertThatThrownBy(() -> ADVISOR.advise(longGoal)).hasMessageContaining("goal: text too long")
                .hasMessageNotContaining("StreamReadConstraints").hasMessageNotContaining("String value length");
    }

    @Test
    void oneIsSingularInEnglishTexts() {
        String one = "{\"schemaVersion\":1,\"id\":\"p\",\"platform\":\"wechat\",\"createdOn\":\"2026-01-01\","
                + "\"asOf\":\"2026-11-01\",\"members\":{\"total\":140,\"admins\":1},"
                + "\"activity\":{\"messages7d\":300,\"activeMembers7d\":60,\"unansweredQuestions7d\":1}}";
        Advice a = ADVISOR.advise(one);
        String whys = String.join(" | ", a.recommendations().stream().map(Advice.Recommendation::why).toList());
        assertThat(whys).contains("1 admin for 140 members").contains("1 question ").doesNotContain("1 admins")
                .doesNotContain("1 questions");
    }

    @Test
    void unknownValuesComeMostUsefulFirstAndTheTextCollapsesTheRest() {
        String minimal = "{\"schemaVersion\":1,\"id\":\"m\",\"platform\":\"wechat\",\"createdOn\":\"2026-01-01\","
                + "\"asOf\":\"2026-11-01\",\"members\":{\"total\":100}}";
        Advice a = ADVISOR.advise(minimal);
        assertThat(a.dataGaps()).hasSizeGreaterThan(20);
        // messages in 7 days decide the dormant stage, activity rules and scores: more rules than an entry fee
        assertThat(a.dataGaps().indexOf("activity.messages7d")).isLessThan(a.dataGaps().indexOf("entry.fee") < 0
                ? Integer.MAX_VALUE : a.dataGaps().indexOf("entry.fee"));
        assertThat(a.dataGaps().get(0)).isEqualTo("activity.messages7d");
        String text = org.communityadvisor.report.TextReport.of(Lang.EN).render(
                new org.communityadvisor.report.AdvisedCommunity(null, null, a));
        assertThat(text.replaceAll("\\s+", " ")).contains("and " + (a.dataGaps().size() - 6) + " more (--format json lists all)")
                .doesNotContain(a.dataGaps().get(a.dataGaps().size() - 1) + "\n");
        String zh = org.communityadvisor.report.TextReport.of(Lang.ZH).render(
                new org.communityadvisor.report.AdvisedCommunity(null, null, ADVISOR.advise(minimal, Lang.ZH)));
        assertThat(zh.replaceAll("\\s+", "")).contains("另有" + (a.dataGaps().size() - 6) + "项");
    }
}
