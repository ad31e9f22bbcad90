package org.communityadvisor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The scale figure of docs/SCALE.md: a generated fleet (10,000 groups, about 1,000,000 events) through the whole
 * job in local[2], timed. Tagged {@code scale}, so {@code mvn test} leaves it out; run it with
 * {@code mvn test -Dgroups=scale -DexcludedGroups=none} (or the sizes with {@code -Dscale.groups=N -Dscale.perGroup=N}).
 */
@Tag("scale")
class FleetScaleTest {
    @Test
    void aFleetOfTenThousandGroupsAndAMillionEvents() throws IOException {
        int groups = Integer.getInteger("scale.groups", 10_000);
        int perGroup = Integer.getInteger("scale.perGroup", 70);
        Path dir = Files.createTempDirectory("fleet-scale");
        Path events = dir.resolve("events.jsonl");
        Path groupsFile = dir.resolve("groups.jsonl");
        LocalDate last = LocalDate.parse("2026-11-20");
        long t0 = System.nanoTime();
        long n = new FleetGenerator(7, last, 120).write(events, groupsFile, groups, perGroup);
        double gen = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "scale: generated %,d events of %,d groups (%,d MB) in %.1f s%n", n, groups,
                Files.size(events) >> 20, gen);
        SparkSession spark = Spark.local();
        try {
            long t1 = System.nanoTime();
            FleetJob.Result r = FleetJob.run(spark, FleetJob.Options.parse("--events", events.toString(), "--groups",
                    groupsFile.toString(), "--as-of", last.toString(), "--out", dir.resolve("advice").toString(),
                    "--lean"));
            double s = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "scale: %,d events, %,d groups, 1 asOf day: %,d advised, %,d refused in "
                    + "%.1f s on local[2] = %,.0f events/s, %,.0f groups/s; per million groups of this size: %.0f "
                    + "core-seconds (%.1f core-hours)%n", n, groups, r.advised(), r.refused(), s, n / s, groups / s,
                    2 * s * 1_000_000 / groups, 2 * s * 1_000_000 / groups / 3600);
            assertThat(r.advised() + r.refused()).isEqualTo(groups);
            assertThat(n).isGreaterThanOrEqualTo(1_000_000);
        } finally {
            spark.stop();
        }
    }
}
