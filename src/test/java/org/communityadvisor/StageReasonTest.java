package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;

/** A stage's reason says only what the data shows: no weekly history, no claim about a trend. */
class StageReasonTest {
    @Test
    void aPlateauWithoutWeeklyHistoryDoesNotClaimItIsNeitherGrowingNorFalling() throws Exception {
        JsonNode noHistory = Json.MAPPER.readTree("{\"history\": null}");
        for (Lang lang : Lang.values()) {
            Advice without = Fixtures.ADVISOR.advise(Fixtures.patched(noHistory), lang);
            Advice with = Fixtures.ADVISOR.advise(Fixtures.patched(null), lang);
            assertThat(without.stage()).isEqualTo(Stage.MATURE);
            assertThat(with.stage()).isEqualTo(Stage.MATURE);
            String reason = String.join(" ", without.stageReasons());
            String usual = String.join(" ", with.stageReasons());
            if (lang == Lang.EN) {
                assertThat(reason).contains("Without weekly history").doesNotContain("0 weeks");
                assertThat(usual).contains("neither growing fast nor falling two weeks in a row")
                        .contains("weekly history given: 6 weeks");
            } else {
                assertThat(reason).contains("还没有每周记录").doesNotContain("0 周");
                assertThat(usual).contains("也没有连续两周下滑").contains("已有每周记录:6 周");
            }
        }
    }
}
