package org.communityadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.communityadvisor.Advice;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Fixtures;
import org.communityadvisor.Lang;
import org.communityadvisor.Profile;
import org.communityadvisor.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * The lean advice is made without filling a single text, and its lean JSON is byte for byte the lean JSON of the full
 * advice: on every rule case and every scenario with its variants, in both languages.
 */
class LeanWithoutTextsTest {
    /** A renderer that counts every text it is asked to fill. */
    private static final class Counting implements AdviceAssembler.Renderer {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String fill(Values.Template template, Map<String, Object> values, Lang lang) {
            calls.incrementAndGet();
            return AdviceAssembler.Renderer.TEXTS.fill(template, values, lang);
        }

        @Override
        public String catalog(Lang lang, String key, Object... args) {
            calls.incrementAndGet();
            return AdviceAssembler.Renderer.TEXTS.catalog(lang, key, args);
        }
    }

    static List<Snapshot> corpus() throws Exception {
        return Fixtures.everyCaseAndScenario();
    }

    @Test
    void theLeanAdviceFillsNoTextAndWritesWhatTheFullAdviceWrites() throws Exception {
        Counting counting = new Counting();
        Evaluator evaluator = new Evaluator(RuleBase.bundled(), counting);
        int recommendations = 0;
        int suppressed = 0;
        int warnings = 0;
        int compared = 0;
        List<Snapshot> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThan(100);
        for (Snapshot s : corpus) {
            Profile profile = Profile.forPlatform(s.platform());
            counting.calls.set(0);
            Advice lean = evaluator.evaluateLean(s, profile);
            assertThat(counting.calls.get()).as("texts filled for the lean advice of %s", s.id()).isZero();
            assertThat(lean.stageReasons()).isEmpty();
            lean.recommendations().forEach(r -> assertThat(r.title()).isNull());
            recommendations += lean.recommendations().size();
            suppressed += lean.suppressed().size();
            warnings += lean.dataWarnings().size();
            for (Lang lang : Lang.values()) {
                Advice full = evaluator.evaluate(s, lang, profile);
                assertThat(AdviceJson.writeLean(lean)).as("%s in %s", s.id(), lang).isEqualTo(AdviceJson.writeLean(full));
                compared++;
            }
        }
        // the corpus has everything that has texts: recommendations, suppressions, data warnings, a stage
        assertThat(recommendations).isGreaterThan(100);
        assertThat(suppressed).isPositive();
        assertThat(warnings).isPositive();
        assertThat(compared).isEqualTo(corpus.size() * Lang.values().length);
        // and the full advice does fill them through the same renderer
        counting.calls.set(0);
        evaluator.evaluate(corpus.get(0), Lang.ZH, Profile.bundled(Profile.DEFAULT));
        assertThat(counting.calls.get()).isPositive();
    }
}
