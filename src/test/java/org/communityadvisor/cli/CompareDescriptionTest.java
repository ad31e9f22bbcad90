package org.communityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.communityadvisor.Lang;
import org.junit.jupiter.api.Test;

/** A what-if variant's description reads in the reader's language only. */
class CompareDescriptionTest {
    private static final String BOTH = "What if only last week was quiet (a holiday week)? 如果只有上周冷清(节假日),前一周照常热闹?";

    @Test
    void anEnglishThenChineseDescriptionReadsOneLanguage() {
        assertThat(CompareCommand.description(BOTH, Lang.ZH)).isEqualTo("如果只有上周冷清(节假日),前一周照常热闹?");
        assertThat(CompareCommand.description(BOTH, Lang.EN)).isEqualTo("What if only last week was quiet (a holiday week)?");
        assertThat(CompareCommand.description("Only English (seed 002: 综合评估).", Lang.ZH))
                .as("Chinese inside an English sentence is no Chinese part").isEqualTo("Only English (seed 002: 综合评估).");
        assertThat(CompareCommand.description("", Lang.ZH)).isEmpty();
    }
}
