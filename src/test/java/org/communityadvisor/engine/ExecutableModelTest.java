package org.communityadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Fixtures;
import org.communityadvisor.Lang;
import org.communityadvisor.Profile;
import org.communityadvisor.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * The bundled rules run from the executable model the build generated, and it gives exactly the advice of the
 * same DRL compiled for the MVEL-based engine: on the base snapshot, every rule case and every scenario with its
 * variants, in both languages.
 */
class ExecutableModelTest {
    @Test
    void theBundledRulesRunFromTheModelGeneratedAtBuildTime() {
        assertThat(RuleBase.bundled().compiledAhead()).isTrue();
        assertThat(RuleBase.compile(RuleBase.bundledSources()).compiledAhead()).isFalse();
    }

    @Test
    void theModelGivesTheAdviceOfTheDrl() throws Exception {
        RuleBase model = RuleBase.bundled();
        RuleBase drl = RuleBase.compile(RuleBase.bundledSources());
        assertThat(model.rules().keySet()).isEqualTo(drl.rules().keySet());
        List<Snapshot> snapshots = Fixtures.everyCaseAndScenario();
        assertThat(snapshots).hasSizeGreaterThan(100);
        Evaluator fromModel = new Evaluator(model);
        Evaluator fromDrl = new Evaluator(drl);
        Profile profile = Profile.bundled(Profile.DEFAULT);
        int compared = 0;
        for (Snapshot s : snapshots) {
            for (Lang lang : Lang.values()) {
                assertThat(AdviceJson.write(fromModel.evaluate(s, lang, profile)))
                        .as("%s in %s", s.id(), lang)
                        .isEqualTo(AdviceJson.write(fromDrl.evaluate(s, lang, profile)));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(snapshots.size() * Lang.values().length);
    }
}
