package org.communityadvisor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Advisor;
import org.communityadvisor.importer.Format;
import org.communityadvisor.importer.ImportOptions;
import org.communityadvisor.importer.ImportResult;
import org.communityadvisor.importer.Importer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The single machine's figure beside the job's (docs/SCALE.md): the same generated fleet through
 * {@code Importer.read(Format.EVENTS, ...)} and one advisor, in one thread. Tagged {@code scale}.
 */
@Tag("scale")
class ImporterScaleTest {
    @Test
    void theSameFleetOnOneMachine() throws IOException {
        int groups = Integer.getInteger("scale.groups", 10_000);
        int perGroup = Integer.getInteger("scale.perGroup", 70);
        Path dir = Files.createTempDirectory("fleet-importer");
        Path events = dir.resolve("events.jsonl");
        Path groupsFile = dir.resolve("groups.jsonl");
        LocalDate last = LocalDate.parse("2026-11-20");
        long n = new FleetGenerator(7, last, 120).write(events, groupsFile, groups, perGroup);
        Advisor advisor = Advisor.builder().build();
        System.gc();
        var pools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
        pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        ImportResult r = Importer.read(Format.EVENTS, List.of(events),
                ImportOptions.builder().groups(groupsFile).asOf(last).build());
        double read = (System.nanoTime() - t0) / 1e9;
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory(); // the result still held: snapshots and reports
        long t1 = System.nanoTime();
        long bytes = 0;
        for (var c : r.communities()) {
            bytes += AdviceJson.writeLean(advisor.advise(c.snapshot())).length();
        }
        double advise = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "importer: %,d events, %,d groups: read in %.1f s (%,.0f events/s, one thread), "
                + "advised in %.1f s (%,.0f groups/s), heap peak during the read %d MB (upper bound), %d MB after it; %,d bytes of lean advice%n", n,
                r.communities().size(), read, n / read, advise, r.communities().size() / advise, peak >> 20, heap >> 20, bytes);
        assertThat(r.communities()).hasSize(groups);
        Files.delete(events);
    }
}
