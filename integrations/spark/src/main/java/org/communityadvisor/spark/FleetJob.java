package org.communityadvisor.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Advisor;
import org.communityadvisor.AdvisorException;
import org.communityadvisor.Channel;
import org.communityadvisor.ImportException;
import org.communityadvisor.Snapshot;
import org.communityadvisor.importer.Event;
import org.communityadvisor.importer.EventLog;
import org.communityadvisor.importer.ImportOptions;
import org.communityadvisor.importer.ImportOptionsBuilder;
import org.communityadvisor.importer.Importer;

/**
 * The fleet job: one snapshot per group per asOf day from the {@code events} format, advised by the embedded
 * advisor (one {@link Advisor} per executor JVM) and written as JSON lines in {@code asOf=yyyy-MM-dd} folders.
 * Spark partitions and sorts the events by group and time; each group's run of events then goes through the
 * importer's own derivation ({@link EventLog}: {@code importer.derive}'s accumulation, windows and
 * {@code SnapshotAssembly}), so a snapshot is built here exactly as {@code ./advisor import events} builds it.
 *
 * <pre>
 * spark-submit --class org.communityadvisor.spark.FleetJob community-advisor-spark-0.1.0-SNAPSHOT-job.jar \
 *   --events s3://bucket/events/ --groups s3://bucket/groups.jsonl --as-of 2026-11-01..2026-11-30 \
 *   --zone Asia/Shanghai --out s3://bucket/advice/ --lean
 * </pre>
 *
 * See docs/IMPORT.md and docs/SCALE.md; {@code FleetJobTest} checks that both build equal snapshots from equal
 * events.
 */
public final class FleetJob {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The events format's fields (the Spark schema of a JSONL events file; {@code ts} as text). */
    public static final StructType EVENTS_SCHEMA = new StructType()
            .add("groupId", DataTypes.StringType).add("ts", DataTypes.StringType)
            .add("senderId", DataTypes.StringType).add("kind", DataTypes.StringType)
            .add("id", DataTypes.StringType).add("replyTo", DataTypes.StringType)
            .add("thread", DataTypes.StringType).add("isOfficial", DataTypes.BooleanType)
            .add("isAd", DataTypes.BooleanType).add("channel", DataTypes.StringType)
            .add("senderName", DataTypes.StringType).add("text", DataTypes.StringType);

    static final StructType GROUPS = new StructType()
            .add("groupId", DataTypes.StringType, false).add("facts", DataTypes.StringType, false);

    private FleetJob() {
    }

    // ---- options ----------------------------------------------------------------------------------------------

    /** The command line: --events PATH --groups PATH --as-of DAYS --zone ZONE --out PATH [--lean] [--rules DIR]. */
    public record Options(String events, String eventsFormat, String groups, String groupsFormat, List<LocalDate> days,
            ZoneId zone, String out, boolean lean, String rules) implements Serializable {

        public static Options parse(String... args) {
            String events = null, eventsFormat = null, groups = null, groupsFormat = null, out = null, rules = null;
            List<LocalDate> days = null;
            ZoneId zone = ZoneOffset.UTC;
            boolean lean = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--lean" -> lean = true;
                    case "--events", "--groups", "--as-of", "--zone", "--out", "--rules", "--events-format",
                            "--groups-format" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(a + " needs a value");
                        }
                        String v = args[++i];
                        try {
                            switch (a) {
                                case "--events" -> events = v;
                                case "--groups" -> groups = v;
                                case "--as-of" -> days = days(v);
                                case "--zone" -> zone = ZoneId.of(v);
                                case "--out" -> out = v;
                                case "--rules" -> rules = v;
                                case "--events-format" -> eventsFormat = format(v);
                                default -> groupsFormat = format(v);
                            }
                        } catch (java.time.DateTimeException | IllegalArgumentException e) {
                            // the option and its value, then why (a day, a zone or a format the job cannot read)
                            throw new IllegalArgumentException(a + " " + v + ": " + e.getMessage(), e);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + " (known: --events, "
                            + "--groups, --as-of, --zone, --out, --lean, --rules, --events-format, --groups-format)");
                }
            }
            if (events == null || groups == null || days == null || out == null) {
                throw new IllegalArgumentException("give --events PATH --groups PATH --as-of yyyy-MM-dd --out PATH");
            }
            return new Options(events, eventsFormat == null ? formatOf(events) : eventsFormat, groups,
                    groupsFormat == null ? formatOf(groups) : groupsFormat, days, zone, out, lean, rules);
        }

        /** {@code 2026-11-30}, {@code 2026-11-01,2026-11-15} or {@code 2026-11-01..2026-11-30} (or both forms). */
        static List<LocalDate> days(String v) {
            List<LocalDate> out = new ArrayList<>();
            for (String part : v.split(",")) {
                part = part.strip();
                int range = part.indexOf("..");
                if (range >= 0) {
                    LocalDate from = LocalDate.parse(part.substring(0, range));
                    LocalDate to = LocalDate.parse(part.substring(range + 2));
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        out.add(d);
                    }
                } else if (!part.isEmpty()) {
                    out.add(LocalDate.parse(part));
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("--as-of names no day");
            }
            return out.stream().distinct().sorted().toList();
        }

        static String format(String v) {
            if (!v.equals("json") && !v.equals("parquet")) {
                throw new IllegalArgumentException("expected json or parquet");
            }
            return v;
        }

        static String formatOf(String path) {
            String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
            return p.endsWith(".parquet") || p.endsWith(".pq") ? "parquet" : "json";
        }
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("FleetJob: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("community-advisor-fleet").getOrCreate();
        int status;
        try {
            status = submit(spark, o, System.err);
        } finally {
            spark.stop();
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the job and prints what the driver prints; 0, or 2 for input the job refuses as a whole: an
     * {@code --events} or {@code --groups} path that names nothing, or a groups line that is not a JSON object
     * with its {@code groupId} (named with its option and file, no stack trace).
     */
    static int submit(SparkSession spark, Options o, java.io.PrintStream err) {
        try {
            exists(spark, "--events", o.events());
            exists(spark, "--groups", o.groups());
            long t0 = System.nanoTime();
            Result r = run(spark, o);
            err.printf(Locale.ROOT, "FleetJob: %d advised, %d refused, in %.1f s%n", r.advised(), r.refused(),
                    (System.nanoTime() - t0) / 1e9);
            return 0;
        } catch (Exception e) { // a task's failure comes as a SparkException, a checked exception thrown from Scala
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ImportException bad) {
                    err.println("FleetJob: " + bad.getMessage());
                    return 2;
                }
            }
            throw e;
        }
    }

    /** Refuses an input path (a file, a folder or a glob, on any of Hadoop's file systems) that names nothing. */
    private static void exists(SparkSession spark, String option, String path) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            var found = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).globStatus(p);
            if (found == null || found.length == 0) {
                throw new ImportException(option + " " + path, "", "no such file or folder");
            }
        } catch (java.io.IOException e) {
            throw new ImportException(option + " " + path, "", "cannot be read (" + e.getMessage() + ")");
        }
    }

    public record Result(long advised, long refused) {
    }

    /** Reads, counts, advises and writes. */
    public static Result run(SparkSession spark, Options o) {
        Dataset<Row> byGroup = byGroup(readEvents(spark, o.events(), o.eventsFormat()),
                readGroups(spark, o.groups(), o.groupsFormat()), o.zone());
        return advise(byGroup, o.days(), o.out(), o.lean(), o.rules());
    }

    // ---- inputs -----------------------------------------------------------------------------------------------

    /** Events as JSONL (the importer's own lines) or Parquet (the same column names; {@code ts} text or timestamp). */
    public static Dataset<Row> readEvents(SparkSession spark, String path, String format) {
        if ("parquet".equals(format)) {
            Dataset<Row> d = spark.read().parquet(path);
            List<String> have = List.of(d.columns());
            List<org.apache.spark.sql.Column> cols = new ArrayList<>();
            for (var f : EVENTS_SCHEMA.fields()) {
                if ("ts".equals(f.name())) {
                    cols.add(d.col("ts"));
                } else if (have.contains(f.name())) {
                    cols.add(d.col(f.name()).cast(f.dataType()).as(f.name()));
                } else {
                    cols.add(org.apache.spark.sql.functions.lit(null).cast(f.dataType()).as(f.name()));
                }
            }
            return d.select(cols.toArray(new org.apache.spark.sql.Column[0]));
        }
        return spark.read().schema(EVENTS_SCHEMA).option("mode", "PERMISSIVE").json(path);
    }

    /**
     * Group facts: JSONL whose lines are exactly the importer's {@code --groups FILE.jsonl} lines (a partial
     * snapshot with its {@code groupId}), or Parquet with the columns {@code groupId} and {@code facts} (that
     * line's JSON as text).
     */
    public static Dataset<Row> readGroups(SparkSession spark, String path, String format) {
        if ("parquet".equals(format)) {
            return spark.read().parquet(path).selectExpr("cast(groupId as string) groupId", "cast(facts as string) facts");
        }
        return spark.read().textFile(path).flatMap((FlatMapFunction<String, Row>) line -> {
            if (line.isBlank()) {
                return java.util.Collections.emptyIterator();
            }
            String quoted = line.length() > 80 ? line.substring(0, 80) + "…" : line;
            JsonNode n;
            try {
                n = MAPPER.readTree(line);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new ImportException("--groups " + path, "", "a line is not JSON: " + quoted);
            }
            if (n == null || !n.isObject() || !n.path("groupId").isTextual()) {
                throw new ImportException("--groups " + path, "", "a line is not an object with \"groupId\": "
                        + quoted);
            }
            return List.of(RowFactory.create(n.get("groupId").asText(), line)).iterator();
        }, Encoders.row(GROUPS));
    }

    // ---- each group's events, in order ------------------------------------------------------------------------

    /** One line of a group, in the order the derivation reads it: the group's facts first, then its events by time. */
    static final StructType ORDERED = new StructType()
            .add("groupId", DataTypes.StringType, false).add("at", DataTypes.LongType, false)
            .add("seq", DataTypes.LongType, false).add("local", DataTypes.LongType, false)
            .add("kind", DataTypes.StringType, false).add("sender", DataTypes.StringType)
            .add("id", DataTypes.StringType).add("replyTo", DataTypes.StringType)
            .add("thread", DataTypes.StringType).add("official", DataTypes.BooleanType, false)
            .add("ad", DataTypes.BooleanType).add("channel", DataTypes.StringType)
            .add("facts", DataTypes.StringType);

    private static final String FACTS = "facts";
    private static final String SKIPPED = "x";

    /**
     * One event line as {@code EventsReader} reads it (the seq column appended: its place in the input), or
     * {@code null} for a line the job drops. The kind is the {@link Event.Kind} the importer gives it ({@code x}
     * for kinds it skips); a message whose text asks a question becomes a {@code QUESTION}, so only that bit of the
     * text travels.
     */
    static Row normal(Row r, ZoneId zone) {
        String groupId = r.getString(0);
        Object ts = r.get(1);
        String kindText = r.getString(3);
        if (groupId == null || ts == null || kindText == null) {
            return null;
        }
        Instant instant;
        LocalDateTime time;
        try {
            if (ts instanceof Timestamp stamp) {
                instant = stamp.toInstant();
            } else if (ts instanceof Instant i) {
                instant = i;
            } else {
                instant = OffsetDateTime.parse(ts.toString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            time = LocalDateTime.ofInstant(instant, zone);
        } catch (java.time.DateTimeException e) {
            return null;
        }
        if (!Event.isInDateRange(time.toLocalDate())) {
            return null; // a zero or mistyped timestamp: EventLog skips it too
        }
        Event.Kind kind;
        try {
            kind = Event.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        boolean counted = kind != null && kind != Event.Kind.PIN && kind != Event.Kind.OTHER;
        String sender = r.getString(2);
        if (counted && sender == null) {
            return null;
        }
        String channel = r.getString(9);
        if (channel != null && counted && channel(channel) == null) {
            return null;
        }
        if (counted && kind.isMessage() && Event.isQuestionText(r.getString(11))) {
            kind = Event.Kind.QUESTION;
        }
        long at = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        long local = time.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + time.getNano();
        boolean official = !r.isNullAt(7) && r.getBoolean(7);
        return RowFactory.create(groupId, at, r.getLong(12), local, counted ? kind.name() : SKIPPED, sender,
                r.getString(4), r.getString(5), r.getString(6), official, r.isNullAt(8) ? null : r.getBoolean(8),
                channel, null);
    }

    static Channel channel(String json) {
        for (Channel c : Channel.values()) {
            if (c.json().equals(json)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Every group's lines, partitioned by group and sorted: its facts line first (if the groups file has one), then
     * its events by instant (ties in input order). {@link #snapshots} and {@link #advise} read each group's run of
     * lines into one {@code EventLog}, as the importer does.
     */
    public static Dataset<Row> byGroup(Dataset<Row> rawEvents, Dataset<Row> groups, ZoneId zone) {
        Dataset<Row> events = rawEvents.withColumn("seq", functions.monotonically_increasing_id())
                .flatMap((FlatMapFunction<Row, Row>) r -> {
                    Row n = normal(r, zone);
                    return n == null ? java.util.Collections.emptyIterator() : List.of(n).iterator();
                }, Encoders.row(ORDERED));
        Dataset<Row> facts = groups.map((MapFunction<Row, Row>) g -> RowFactory.create(g.getString(0), Long.MIN_VALUE,
                0L, 0L, FACTS, null, null, null, null, false, null, null, g.getString(1)), Encoders.row(ORDERED));
        return events.union(facts).repartition(functions.col("groupId"))
                .sortWithinPartitions("groupId", "at", "seq");
    }

    /** A group's snapshot on one asOf day, or why it was refused. */
    record Outcome(String groupId, LocalDate asOf, Snapshot snapshot, ImportException refused) {
    }

    /**
     * The snapshots of one partition of {@link #byGroup}: each group's lines fed to one {@code EventLog} cut at the
     * last asOf day, then {@code finish(asOf)} for each day, so the importer's own derivation builds them. A group
     * with events but no facts is refused as the importer refuses it; facts without events give nothing.
     */
    static Iterator<Outcome> outcomes(Iterator<Row> rows, List<LocalDate> days) {
        LocalDate last = days.get(days.size() - 1);
        return new Iterator<>() {
            final java.util.ArrayDeque<Outcome> ready = new java.util.ArrayDeque<>();
            Row pending;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && (pending != null || rows.hasNext())) {
                    group();
                }
                return !ready.isEmpty();
            }

            @Override
            public Outcome next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return ready.removeFirst();
            }

            /** Reads one group's run of lines and queues its outcomes. */
            private void group() {
                Row first = pending != null ? pending : rows.next();
                pending = null;
                String groupId = first.getString(0);
                String source = "events group " + groupId;
                ImportException refused = null;
                JsonNode facts = null;
                Row r = first;
                while (r != null && FACTS.equals(r.getString(4))) {
                    if (facts != null) {
                        refused = new ImportException(source, "", "--groups lists the group twice");
                    }
                    try {
                        facts = facts(source, r.getString(12));
                    } catch (ImportException e) {
                        refused = e;
                        facts = MAPPER.createObjectNode();
                    }
                    r = next(groupId);
                }
                if (r == null) {
                    return; // facts without events
                }
                ImportOptionsBuilder o = ImportOptions.builder().asOf(last);
                if (facts != null) {
                    o.merge(facts);
                }
                EventLog log = Importer.log(groupId, o.build());
                for (; r != null; r = next(groupId)) {
                    feed(log, groupId, r);
                }
                for (LocalDate day : days) {
                    if (refused != null) {
                        ready.add(new Outcome(groupId, day, null, refused));
                        continue;
                    }
                    try {
                        ready.add(new Outcome(groupId, day, log.finish(day).snapshot(), null));
                    } catch (ImportException e) {
                        ready.add(new Outcome(groupId, day, null, inTheJobsTerms(e, groupId, facts != null)));
                    }
                }
            }

            /** The group's next line, or {@code null} at its end (the next group's first line is kept). */
            private Row next(String groupId) {
                if (!rows.hasNext()) {
                    return null;
                }
                Row r = rows.next();
                if (!groupId.equals(r.getString(0))) {
                    pending = r;
                    return null;
                }
                return r;
            }
        };
    }

    /** The importer's "{@code path: why; give --option ...}": a required field that no option gave. */
    private static final java.util.regex.Pattern GIVE_AN_OPTION =
            java.util.regex.Pattern.compile("([A-Za-z0-9_.]+): (.*?); give --.*", java.util.regex.Pattern.DOTALL);

    /**
     * A refusal of the importer's derivation, in the job's terms: where the importer names the option of
     * {@code ./advisor import} that would give a missing field ({@code --platform}, {@code --members},
     * {@code --created-on}), the job, which has none of them, names the group's line in {@code --groups}: the
     * line to add (with the two fields every group needs) when the group has none, else the field to add to it.
     * Other refusals (a snapshot that breaks the contract) are kept as they are.
     */
    static ImportException inTheJobsTerms(ImportException e, String groupId, boolean hasFacts) {
        java.util.regex.Matcher m = GIVE_AN_OPTION.matcher(e.reason());
        if (!m.matches()) {
            return e;
        }
        String field = m.group(1);
        String reason;
        if (!hasFacts) {
            ObjectNode line = MAPPER.createObjectNode().put("groupId", groupId).put("platform", "…");
            line.putObject("members").put("total", "…");
            reason = field + ": " + m.group(2) + "; --groups has no line for the group: add one such as "
                    + unquotedCount(line);
        } else {
            ObjectNode patch = MAPPER.createObjectNode();
            ObjectNode at = patch;
            String[] names = field.split("\\.");
            for (int i = 0; i < names.length - 1; i++) {
                at = at.putObject(names[i]);
            }
            at.put(names[names.length - 1], "…");
            reason = field + ": " + m.group(2) + "; add " + unquotedCount(patch) + " to the group's line in --groups";
        }
        return new ImportException(e.file(), e.position(), reason);
    }

    /** The example's JSON, with members.total's placeholder a number's: {@code "total":…}. */
    private static String unquotedCount(ObjectNode example) {
        return example.toString().replace("\"total\":\"…\"", "\"total\":…");
    }

    private static JsonNode facts(String source, String text) {
        JsonNode n;
        try {
            n = text == null ? null : MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new ImportException(source, "", "the group facts are not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new ImportException(source, "", "the group facts are not a JSON object");
        }
        ObjectNode facts = ((ObjectNode) n).deepCopy();
        facts.remove("groupId");
        return facts;
    }

    private static void feed(EventLog log, String groupId, Row r) {
        String kind = r.getString(4);
        if (SKIPPED.equals(kind)) {
            log.skip("not a counted kind", null);
            return;
        }
        long local = r.getLong(3);
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(local, 1_000_000_000L),
                (int) Math.floorMod(local, 1_000_000_000L), ZoneOffset.UTC);
        String channel = r.getString(11);
        log.add(new Event(groupId, time, r.getString(6), r.getString(5), null, Event.Kind.valueOf(kind), r.getString(7),
                r.getString(8), r.getBoolean(9), r.isNullAt(10) ? null : r.getBoolean(10),
                channel == null ? null : channel(channel), null));
    }

    // ---- the advice -------------------------------------------------------------------------------------------

    /** One advisor per executor JVM, built on first use (the bundled rules, or the folder of --rules). */
    static final class Holder {
        private static volatile Advisor advisor;
        private static String rulesOf;

        static Advisor get(String rules) {
            Advisor a = advisor;
            if (a == null || !java.util.Objects.equals(rulesOf, rules)) {
                synchronized (Holder.class) {
                    if (advisor == null || !java.util.Objects.equals(rulesOf, rules)) {
                        Advisor.Builder b = Advisor.builder();
                        if (rules != null) {
                            b.rulesDirectory(Path.of(rules));
                        }
                        advisor = b.build();
                        rulesOf = rules;
                    }
                    a = advisor;
                }
            }
            return a;
        }
    }

    static final StructType ADVICE = new StructType().add("line", DataTypes.StringType, false)
            .add("asOf", DataTypes.StringType, false);

    /**
     * Advises every group of {@link #byGroup} on every asOf day (mapPartitions, one advisor per JVM) and writes the
     * advice as JSON lines under {@code out/asOf=yyyy-MM-dd/}. Groups whose snapshot is refused are counted and
     * logged on the executor's stderr (the first ten of each partition).
     */
    public static Result advise(Dataset<Row> byGroup, List<LocalDate> days, String out, boolean lean, String rules) {
        SparkSession spark = byGroup.sparkSession();
        LongAccumulator advised = spark.sparkContext().longAccumulator("advised");
        LongAccumulator refused = spark.sparkContext().longAccumulator("refused");
        Dataset<Row> lines = byGroup.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            Advisor advisor = Holder.get(rules);
            Iterator<Outcome> outcomes = outcomes(rows, days);
            return new Iterator<Row>() {
                Row next;
                int logged;

                @Override
                public boolean hasNext() {
                    while (next == null && outcomes.hasNext()) {
                        Outcome o = outcomes.next();
                        try {
                            if (o.refused() != null) {
                                throw o.refused();
                            }
                            var advice = advisor.advise(o.snapshot());
                            String json = lean ? AdviceJson.writeLean(advice) : AdviceJson.write(advice);
                            next = RowFactory.create(json, o.asOf().toString());
                            advised.add(1);
                        } catch (AdvisorException e) {
                            refused.add(1);
                            if (logged++ < 10) {
                                System.err.println(o.refused() != null ? refusal(o) : "FleetJob: refused "
                                        + o.groupId() + " on " + o.asOf() + ": " + e.getMessage());
                            }
                        }
                    }
                    return next != null;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    Row r = next;
                    next = null;
                    return r;
                }
            };
        }, Encoders.row(ADVICE));
        lines.write().mode(SaveMode.Overwrite).partitionBy("asOf").text(out);
        return new Result(advised.value(), refused.value());
    }

    /** Why groups of {@link #byGroup} are refused on the asOf days, as the job logs it, on the driver (tests). */
    static List<String> collectRefusals(Dataset<Row> byGroup, List<LocalDate> days) {
        return byGroup.mapPartitions((MapPartitionsFunction<Row, String>) rows -> {
            Iterator<Outcome> outcomes = outcomes(rows, days);
            List<String> out = new ArrayList<>();
            while (outcomes.hasNext()) {
                Outcome o = outcomes.next();
                if (o.refused() != null) {
                    out.add(refusal(o));
                }
            }
            return out.iterator();
        }, Encoders.STRING()).collectAsList();
    }

    /** The line the job logs for a refused group. */
    static String refusal(Outcome o) {
        return "FleetJob: refused " + o.groupId() + " on " + o.asOf() + ": " + o.refused().getMessage();
    }

    /** The snapshots of {@link #byGroup} on the asOf days, on the driver (tests and small fleets); refused groups left out. */
    public static List<Snapshot> collectSnapshots(Dataset<Row> byGroup, List<LocalDate> days) {
        Dataset<String> json = byGroup.mapPartitions((MapPartitionsFunction<Row, String>) rows -> {
            Iterator<Outcome> outcomes = outcomes(rows, days);
            List<String> out = new ArrayList<>();
            while (outcomes.hasNext()) {
                Outcome o = outcomes.next();
                if (o.snapshot() != null) {
                    out.add(AdviceJson.write(o.snapshot()));
                }
            }
            return out.iterator();
        }, Encoders.STRING());
        return json.collectAsList().stream().map(AdviceJson::readSnapshot).toList();
    }
}
