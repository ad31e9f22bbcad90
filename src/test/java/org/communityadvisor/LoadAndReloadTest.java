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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.communityadvisor.RulesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 8 threads x 50,000 advice calls while the rules are reloaded 100 times between the bundled rules and an edited
 * folder whose advice differs: every call gets exactly the sequential result of one rule set or the other (never a
 * mix), both are seen, and a broken rules folder is refused without disturbing anyone. Figures go to
 * docs/RELIABILITY.md. Tagged slow: {@code .ci/run} runs it after the quick suite ({@code mvn -B verify}).
 */
@org.junit.jupiter.api.Tag("slow")
class LoadAndReloadTest {
    static final int THREADS = 8;
    static final int CALLS = 50_000;
    static final int RELOADS = 100;

    @Test
    void eightThreadsKeepGettingTheSameAdviceThroughAHundredReloads(@TempDir Path dir) throws Exception {
        Path rules = Fixtures.copyOfTheRules(dir);
        // The edited folder changes the advice: weekly official posts rank first of their severity, with a new title.
        Path activity = rules.resolve("activity.weekly-official/rule.drl");
        String edited = Files.readString(activity).replaceFirst("(rule \"activity.weekly-official\"[^{}]*?@weight\\()\\d+",
                "$199");
        assertThat(edited).as("the edit applies").isNotEqualTo(Files.readString(activity));
        Files.writeString(activity, edited);
        Path texts = rules.resolve("activity.weekly-official/en.properties");
        String retitled = Files.readString(texts).replace("title = Hold an official interaction every week\n",
                "title = Hold an official interaction every week (edited rules)\n");
        assertThat(retitled).as("the title edit applies").isNotEqualTo(Files.readString(texts));
        Files.writeString(texts, retitled);
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("size.drl"), "package communityadvisor.rules;\nrule \"x\" when Community( total >= ) then end\n");
        System.setProperty("advisor.cache", dir.resolve("cache").toString());
        try {
            Advisor advisor = Advisor.builder().build();
            List<String> inputs = Fixtures.caseInputs();
            List<Advice> expected = inputs.stream().map(advisor::advise).toList();
            Advisor editedRules = Advisor.builder().rulesDirectory(rules).build();
            List<Advice> expectedEdited = inputs.stream().map(editedRules::advise).toList();
            long differing = java.util.stream.IntStream.range(0, inputs.size())
                    .filter(k -> !expected.get(k).equals(expectedEdited.get(k))).count();
            assertThat(differing).as("inputs whose advice the edited rules change").isGreaterThan(10);
            AtomicLong sawEdited = new AtomicLong();
            AtomicLong sawBundled = new AtomicLong();

            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger reloads = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicLong failures = new AtomicLong();
            AtomicLong calls = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            long t0 = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * 31;
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < CALLS; i++) {
                        int k = (i + offset) % inputs.size();
                        try {
                            Advice got = advisor.advise(inputs.get(k));
                            boolean bundled = got.equals(expected.get(k));
                            boolean byEdited = got.equals(expectedEdited.get(k));
                            if (!bundled && !byEdited) {
                                failures.incrementAndGet();
                            } else if (bundled != byEdited) {
                                (byEdited ? sawEdited : sawBundled).incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                        calls.incrementAndGet();
                    }
                }));
            }
            Future<?> reloader = pool.submit(() -> {
                while (reloads.get() < RELOADS) {
                    if (reloads.get() % 2 == 0) {
                        advisor.reload(rules);
                    } else {
                        advisor.reloadBundled();
                    }
                    if (reloads.incrementAndGet() % 10 == 0) {
                        try {
                            advisor.reload(broken);
                        } catch (RulesException e) {
                            refused.incrementAndGet();
                        }
                    }
                }
                done.set(true);
            });
            reloader.get();
            for (Future<?> w : workers) {
                w.get();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            System.out.printf("load: %d calls on %d threads in %.1f s (%.0f/s), %d reloads, %d broken reloads refused,"
                    + " %d failures%n", calls.get(), THREADS, secs, calls.get() / secs, reloads.get(), refused.get(),
                    failures.get());
            assertThat(calls.get()).isEqualTo((long) THREADS * CALLS);
            assertThat(reloads.get()).isEqualTo(RELOADS);
            assertThat(refused.get()).isEqualTo(RELOADS / 10);
            assertThat(failures.get()).as("calls that failed or matched neither rule set's sequential result").isZero();
            assertThat(sawEdited.get()).as("calls answered by the edited rules, where they differ").isPositive();
            assertThat(sawBundled.get()).as("calls answered by the bundled rules, where they differ").isPositive();
            assertThatThrownBy(() -> advisor.reload(broken)).isInstanceOf(RulesException.class)
                    .hasMessageContaining("size.drl:2");
            assertThat(advisor.advise(inputs.get(1))).isEqualTo(expected.get(1));
        } finally {
            System.clearProperty("advisor.cache");
        }
    }
}
