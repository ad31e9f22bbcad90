package org.communityadvisor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.communityadvisor.Snapshot;
import org.communityadvisor.importer.Format;
import org.communityadvisor.importer.ImportOptions;
import org.communityadvisor.importer.ImportResult;
import org.communityadvisor.importer.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetJobTest {
    static final LocalDate LAST = LocalDate.parse("2026-11-20");
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = Spark.local();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /**
     * A small fleet plus the odd groups: one without facts, one whose events all come after the asOf days, one
     * with a line dated 1970.
     */
    static void fleet(Path events, Path groups) throws IOException {
        new FleetGenerator(42, LAST, 140).write(events, groups, 40, 400);
        Files.writeString(events, String.join("\n",
                "{\"groupId\":\"nofacts\",\"ts\":\"2026-11-10T09:00:00Z\",\"senderId\":\"x\",\"kind\":\"message\"}",
                "{\"groupId\":\"late\",\"ts\":\"2026-12-10T09:00:00Z\",\"senderId\":\"x\",\"kind\":\"join\",\"channel\":\"qr\"}",
                "{\"groupId\":\"late-nocreated\",\"ts\":\"2026-12-10T09:00:00Z\",\"senderId\":\"x\",\"kind\":\"message\"}",
                "{\"groupId\":\"pins\",\"ts\":\"2026-11-01T09:00:00Z\",\"senderId\":\"x\",\"kind\":\"pin\"}",
                "{\"groupId\":\"weird/id\",\"ts\":\"2026-11-19T23:30:00-01:00\",\"senderId\":\"x\",\"kind\":\"Question\"}",
                // a zero timestamp: skipped by both, so the old group's createdOn is still its first real day
                "{\"groupId\":\"old\",\"ts\":\"1970-01-01T00:00:00Z\",\"senderId\":\"o1\",\"kind\":\"message\"}",
                "") , StandardOpenOption.APPEND);
        // an old group: 800 days of events, so the history stops at its 104 weeks
        StringBuilder old = new StringBuilder();
        java.time.Instant start = LAST.minusDays(800).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        for (int i = 0; i < 330; i++) {
            String kind = i % 11 == 3 ? "join" : i % 13 == 5 ? "leave" : i % 7 == 0 ? "question" : "message";
            old.append("{\"groupId\":\"old\",\"ts\":\"").append(start.plusSeconds(i * 218_000L + i % 5 * 3_600))
                    .append("\",\"senderId\":\"o").append(i % 9).append("\",\"kind\":\"").append(kind)
                    .append("\"}\n");
        }
        Files.writeString(events, old.toString(), StandardOpenOption.APPEND);
        Files.writeString(groups, String.join("\n",
                "{\"groupId\":\"old\",\"platform\":\"wecom\",\"members\":{\"total\":60}}",
                "{\"groupId\":\"late\",\"platform\":\"wechat\",\"createdOn\":\"2026-10-01\",\"members\":{\"total\":5}}",
                "{\"groupId\":\"late-nocreated\",\"platform\":\"wechat\",\"members\":{\"total\":5}}",
                "{\"groupId\":\"pins\",\"platform\":\"slack\",\"createdOn\":\"2026-10-01\",\"members\":{\"total\":7}}",
                "{\"groupId\":\"weird/id\",\"platform\":\"telegram\",\"members\":{\"total\":3}}",
                "{\"groupId\":\"unused\",\"platform\":\"telegram\",\"members\":{\"total\":3}}",
                ""), StandardOpenOption.APPEND);
    }

    @Test
    void snapshotsEqualTheImportersInUtc(@TempDir Path dir) throws IOException {
        equalSnapshots(dir, ZoneId.of("UTC"), List.of(LAST.minusDays(30), LAST.minusDays(7), LAST.minusDays(1), LAST,
                LAST.plusDays(1)));
    }

    @Test
    void snapshotsEqualTheImportersInAZoneWithDaylightSaving(@TempDir Path dir) throws IOException {
        // the windows of 2026-10-26 and 2026-11-01 cross Berlin's fall back (2026-10-25)
        equalSnapshots(dir, ZoneId.of("Europe/Berlin"), List.of(LocalDate.parse("2026-10-26"),
                LocalDate.parse("2026-11-01"), LAST));
    }

    private void equalSnapshots(Path dir, ZoneId zone, List<LocalDate> days) throws IOException {
        Path events = dir.resolve("events.jsonl");
        Path groups = dir.resolve("groups.jsonl");
        fleet(events, groups);
        Dataset<Row> byGroup = FleetJob.byGroup(FleetJob.readEvents(spark, events.toString(), "json"),
                FleetJob.readGroups(spark, groups.toString(), "json"), zone);
        Map<LocalDate, Map<String, Snapshot>> fromSpark = FleetJob.collectSnapshots(byGroup, days).stream()
                .collect(Collectors.groupingBy(Snapshot::asOf, TreeMap::new,
                        Collectors.toMap(Snapshot::id, Function.identity())));
        int compared = 0;
        for (LocalDate day : days) {
            ImportResult r = Importer.read(Format.EVENTS, List.of(events),
                    ImportOptions.builder().groups(groups).asOf(day).zone(zone).build());
            Map<String, Snapshot> single = r.communities().stream().map(c -> c.snapshot())
                    .collect(Collectors.toMap(Snapshot::id, Function.identity()));
            assertThat(single).hasSizeGreaterThan(40);
            Map<String, Snapshot> distributed = fromSpark.getOrDefault(day, Map.of());
            assertThat(distributed.keySet()).as("groups on %s", day).isEqualTo(single.keySet());
            for (var e : single.entrySet()) {
                Snapshot s = distributed.get(e.getKey());
                assertThat(s.history()).as("history of %s on %s", e.getKey(), day).isEqualTo(e.getValue().history());
                assertThat(s.activity().peakHour()).as("peak hour of %s on %s", e.getKey(), day)
                        .isEqualTo(e.getValue().activity().peakHour());
                assertThat(s).as("%s on %s", e.getKey(), day).isEqualTo(e.getValue());
                compared++;
            }
            assertThat(single.values()).anyMatch(s -> s.activity().unansweredQuestions7d() > 0);
            assertThat(single.values()).anyMatch(s -> s.history() != null && s.history().size() > 10);
            assertThat(single.get("old").history()).hasSize(104);
            // the busiest hour is counted where the 30 days hold 20 messages, and unknown where they do not
            assertThat(single.values()).anyMatch(s -> s.activity().peakHour() != null);
            assertThat(single.values()).anyMatch(s -> s.activity().peakHour() == null);
        }
        System.out.println("FleetJobTest: " + compared + " snapshots equal in " + zone);
    }

    @Test
    void parquetInputsGiveTheSameSnapshots(@TempDir Path dir) throws IOException {
        Path events = dir.resolve("events.jsonl");
        Path groups = dir.resolve("groups.jsonl");
        fleet(events, groups);
        // Parquet events with ts as a timestamp column, and the groups as (groupId, facts) columns
        spark.read().schema(FleetJob.EVENTS_SCHEMA).json(events.toString())
                .withColumn("ts", org.apache.spark.sql.functions.col("ts").cast("timestamp"))
                .write().parquet(dir.resolve("events.parquet").toString());
        FleetJob.readGroups(spark, groups.toString(), "json").write().parquet(dir.resolve("groups.parquet").toString());
        List<LocalDate> days = List.of(LAST.minusDays(6), LAST);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        var fromJsonl = FleetJob.collectSnapshots(FleetJob.byGroup(
                FleetJob.readEvents(spark, events.toString(), "json"),
                FleetJob.readGroups(spark, groups.toString(), "json"), zone), days);
        FleetJob.Options o = FleetJob.Options.parse("--events", dir.resolve("events.parquet").toString(), "--groups",
                dir.resolve("groups.parquet").toString(), "--as-of", LAST.minusDays(6) + "," + LAST, "--zone",
                zone.getId(), "--out", dir.resolve("out").toString());
        assertThat(o.eventsFormat()).isEqualTo("parquet");
        var fromParquet = FleetJob.collectSnapshots(FleetJob.byGroup(
                FleetJob.readEvents(spark, o.events(), o.eventsFormat()),
                FleetJob.readGroups(spark, o.groups(), o.groupsFormat()), o.zone()), o.days());
        assertThat(fromParquet).hasSizeGreaterThan(80).containsExactlyInAnyOrderElementsOf(fromJsonl);
    }

    @Test
    void aRulesFolderIsCompiledOnTheExecutorsBesideSparksAntlr(@TempDir Path dir) throws IOException {
        // the repository's rules, with a comment that makes them new to the compiled-rules cache
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Path from = Path.of("../../rules"); // one folder a rule: rule.drl, its texts and cases
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = rules.resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.writeString(to, Files.readString(f) + (f.toString().endsWith(".drl")
                        ? "\n// " + java.util.UUID.randomUUID() + "\n" : ""));
            }
        }
        Path events = dir.resolve("events.jsonl");
        Path groups = dir.resolve("groups.jsonl");
        fleet(events, groups);
        FleetJob.Result r = FleetJob.run(spark, FleetJob.Options.parse("--events", events.toString(), "--groups",
                groups.toString(), "--as-of", LAST.toString(), "--out", dir.resolve("advice").toString(), "--rules",
                rules.toString()));
        assertThat(r.advised()).isGreaterThan(40);
    }

    @Test
    void refusalsNameTheJobsOptionsNotTheImporters(@TempDir Path dir) throws IOException {
        Path events = dir.resolve("events.jsonl");
        Path groups = dir.resolve("groups.jsonl");
        fleet(events, groups);
        // and a group whose line lacks members.total
        Files.writeString(events, "{\"groupId\":\"nomembers\",\"ts\":\"2026-11-10T09:00:00Z\",\"senderId\":\"x\","
                + "\"kind\":\"message\"}\n", StandardOpenOption.APPEND);
        Files.writeString(groups, "{\"groupId\":\"nomembers\",\"platform\":\"slack\"}\n", StandardOpenOption.APPEND);
        List<String> refusals = FleetJob.collectRefusals(FleetJob.byGroup(
                FleetJob.readEvents(spark, events.toString(), "json"),
                FleetJob.readGroups(spark, groups.toString(), "json"), ZoneId.of("UTC")), List.of(LAST));
        assertThat(refusals).containsExactlyInAnyOrder(
                "FleetJob: refused nofacts on " + LAST + ": events group nofacts: platform: the data does not say "
                        + "which platform; --groups has no line for the group: add one such as "
                        + "{\"groupId\":\"nofacts\",\"platform\":\"…\",\"members\":{\"total\":…}}",
                "FleetJob: refused late-nocreated on " + LAST + ": events group late-nocreated: createdOn: the data "
                        + "holds no dated event; add {\"createdOn\":\"…\"} to the group's line in --groups",
                "FleetJob: refused nomembers on " + LAST + ": events group nomembers: members.total: the events data "
                        + "does not count the members; add {\"members\":{\"total\":…}} to the group's line in "
                        + "--groups");
        // none names an option of ./advisor import, which the job does not have
        assertThat(refusals).noneMatch(r -> r.matches("(?s).*--(platform|members|created-on|id|merge|as-of)\\b.*"));
    }

    @Test
    void anOptionsValueThatCannotBeReadIsNamedWithItsOption() {
        String[] rest = {"--events", "e.jsonl", "--groups", "g.jsonl", "--out", "out"};
        assertThatThrownBy(() -> FleetJob.Options.parse(concat(rest, "--zone", "Mars/Base", "--as-of", "2026-11-20")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--zone Mars/Base: ");
        assertThatThrownBy(() -> FleetJob.Options.parse(concat(rest, "--as-of", "2026-13-01")))
                .hasMessageStartingWith("--as-of 2026-13-01: ");
        assertThatThrownBy(() -> FleetJob.Options.parse(concat(rest, "--as-of", "2026-11-20", "--events-format", "csv")))
                .hasMessage("--events-format csv: expected json or parquet");
    }

    @Test
    void inputsTheJobCannotReadAreNamedWithTheirOptionAndExitTwo(@TempDir Path dir) throws IOException {
        Path events = dir.resolve("events.jsonl");
        Path groups = dir.resolve("groups.jsonl");
        fleet(events, groups);
        Path missing = dir.resolve("no-such-events");
        assertThat(submit("--events", missing.toString(), "--groups", groups.toString(), "--as-of", LAST.toString(),
                "--out", dir.resolve("out").toString())).isEqualTo("2 FleetJob: --events " + missing
                + ": no such file or folder\n");
        Path bad = dir.resolve("bad-groups.jsonl");
        Files.writeString(bad, Files.readString(groups) + "[\"g1\"]\n");
        assertThat(submit("--events", events.toString(), "--groups", bad.toString(), "--as-of", LAST.toString(),
                "--out", dir.resolve("out").toString())).isEqualTo("2 FleetJob: --groups " + bad
                + ": a line is not an object with \"groupId\": [\"g1\"]\n");
        Files.writeString(bad, "{\"groupId\": \"g1\", \n");
        assertThat(submit("--events", events.toString(), "--groups", bad.toString(), "--as-of", LAST.toString(),
                "--out", dir.resolve("out").toString())).isEqualTo("2 FleetJob: --groups " + bad
                + ": a line is not JSON: {\"groupId\": \"g1\", \n");
    }

    /** The job's exit status, a space, and what the driver printed. */
    private static String submit(String... args) {
        var err = new java.io.ByteArrayOutputStream();
        int status = FleetJob.submit(spark, FleetJob.Options.parse(args),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        return status + " " + err.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    @Test
    void adviceIsWrittenPartitionedByDay(@TempDir Path dir) throws IOException {
        Path events = dir.resolve("events.jsonl");
        Path groups = dir.resolve("groups.jsonl");
        fleet(events, groups);
        Path out = dir.resolve("advice");
        FleetJob.Result r = FleetJob.run(spark, FleetJob.Options.parse("--events", events.toString(), "--groups",
                groups.toString(), "--as-of", LAST.minusDays(1) + ".." + LAST, "--out", out.toString(), "--lean"));
        assertThat(r.advised()).isGreaterThan(80);
        // refused as the importer refuses them: nofacts (no platform) and late-nocreated (no createdOn and no
        // event by asOf) on each day, weird/id on the first (its one event is on the second day in UTC)
        assertThat(r.refused()).isEqualTo(5);
        long written = 0;
        for (LocalDate day : List.of(LAST.minusDays(1), LAST)) {
            Path folder = out.resolve("asOf=" + day);
            assertThat(folder).isDirectory();
            List<String> lines;
            try (Stream<Path> files = Files.list(folder)) {
                lines = files.filter(p -> p.getFileName().toString().startsWith("part-"))
                        .flatMap(p -> {
                            try {
                                return Files.readAllLines(p).stream();
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }).toList();
            }
            written += lines.size();
            assertThat(lines).hasSizeGreaterThan(40);
            assertThat(lines).allMatch(l -> l.startsWith("{\"communityId\":") && l.contains("\"asOf\":\"" + day + "\""));
            assertThat(lines).anyMatch(l -> l.startsWith("{\"communityId\":\"g1\","));
        }
        assertThat(written).isEqualTo(r.advised());
    }
}
