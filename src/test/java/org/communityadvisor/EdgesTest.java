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
}
