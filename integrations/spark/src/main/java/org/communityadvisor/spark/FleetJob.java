package org.communityadvisor.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Advisor;
import org.communityadvisor.AdvisorException;
import org.communityadvisor.Channel;
import org.communityadvisor.ImportException;
import org.communityadvisor.Snapshot;
import org.communityadvisor.importer.Importer;
import org.communityadvisor.json.MergePatch;
import org.communityadvisor.json.SnapshotReader;
import org.communityadvisor.json.SnapshotValidator;
import scala.collection.JavaConverters;

/**
 * The fleet job: one snapshot per group per asOf day, counted with Spark's own aggregations from the
 * {@code events} format, then advised by the embedded advisor (one {@link Advisor} per executor JVM) and written
 * as JSON lines in {@code asOf=yyyy-MM-dd} folders.
 *
 * <pre>
 * spark-submit --class org.communityadvisor.spark.FleetJob community-advisor-spark.jar \
 *   --events s3://bucket/events/ --groups s3://bucket/groups.jsonl --as-of 2026-11-01..2026-11-30 \
 *   --zone Asia/Shanghai --out s3://bucket/advice/ --lean
 * </pre>
 *
 * The derivations are those of {@code org.communityadvisor.importer.EventLog} for the {@code events} format (see
 * docs/IMPORT.md and docs/SCALE.md); {@code FleetJobTest} checks that both build equal snapshots from equal events.
 */
public final class FleetJob {
    static final long DAY_NANOS = 86_400_000_000_000L;
    static final int MAX_WEEKS = 104;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The events format's fields (the Spark schema of a JSONL events file; {@code ts} as text). */
    public static final StructType EVENTS_SCHEMA = new StructType()
            .add("groupId", DataTypes.StringType).add("ts", DataTypes.StringType)
            .add("senderId", DataTypes.StringType).add("kind", DataTypes.StringType)
            .add("id", DataTypes.StringType).add("replyTo", DataTypes.StringType)
            .add("thread", DataTypes.StringType).add("isOfficial", DataTypes.BooleanType)
            .add("isAd", DataTypes.BooleanType).add("channel", DataTypes.StringType)
            .add("senderName", DataTypes.StringType).add("text", DataTypes.StringType);

    /** One event as the counts need it: local wall-clock nanos and calendar day in the job's zone. */
    static final StructType NORMAL = new StructType()
            .add("groupId", DataTypes.StringType, false).add("t", DataTypes.LongType, false)
            .add("day", DataTypes.IntegerType, false).add("sender", DataTypes.StringType)
            .add("kind", DataTypes.StringType, false).add("id", DataTypes.StringType)
            .add("replyTo", DataTypes.StringType).add("thread", DataTypes.StringType, false)
            .add("official", DataTypes.BooleanType, false).add("ad", DataTypes.BooleanType)
            .add("channel", DataTypes.StringType).add("question", DataTypes.BooleanType, false);

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
                        switch (a) {
                            case "--events" -> events = v;
                            case "--groups" -> groups = v;
                            case "--as-of" -> days = days(v);
                            case "--zone" -> zone = ZoneId.of(v);
                            case "--out" -> out = v;
                            case "--rules" -> rules = v;
                            case "--events-format" -> eventsFormat = v;
                            default -> groupsFormat = v;
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
        try {
            long t0 = System.nanoTime();
            Result r = run(spark, o);
            System.err.printf(Locale.ROOT, "FleetJob: %d advised, %d refused, in %.1f s%n", r.advised(),
                    r.refused(), (System.nanoTime() - t0) / 1e9);
        } finally {
            spark.stop();
        }
    }

    public record Result(long advised, long refused) {
    }

    /** Reads, counts, advises and writes. */
    public static Result run(SparkSession spark, Options o) {
        Dataset<Row> figures = figures(spark, readEvents(spark, o.events(), o.eventsFormat()),
                readGroups(spark, o.groups(), o.groupsFormat()), o.days(), o.zone());
        return advise(figures, o.out(), o.lean(), o.rules());
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
            JsonNode n = MAPPER.readTree(line);
            if (n == null || !n.isObject() || !n.path("groupId").isTextual()) {
                throw new IllegalArgumentException("a groups line is not an object with \"groupId\": " + line);
            }
            return List.of(RowFactory.create(n.get("groupId").asText(), line)).iterator();
        }, Encoders.row(GROUPS));
    }

    // ---- the counts -------------------------------------------------------------------------------------------

    /** One event line, as {@code EventsReader} reads it: local time in the zone; {@code x} for skipped kinds. */
    static Row normal(Row r, ZoneId zone) {
        String groupId = r.getString(0);
        Object ts = r.get(1);
        String kindText = r.getString(3);
        if (groupId == null || ts == null || kindText == null) {
            return null;
        }
        LocalDateTime time;
        try {
            Instant instant;
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
        if (!SnapshotValidator.inDateRange(time.toLocalDate())) {
            return null; // a zero or mistyped timestamp: EventLog skips it too
        }
        String kind;
        switch (kindText.toUpperCase(Locale.ROOT)) {
            case "MESSAGE", "REPLY", "QUESTION" -> kind = "m";
            case "JOIN" -> kind = "j";
            case "LEAVE" -> kind = "l";
            default -> kind = "x";
        }
        String sender = r.getString(2);
        if (!"x".equals(kind) && sender == null) {
            return null;
        }
        String channel = r.getString(9);
        if (channel != null && !"x".equals(kind) && channel(channel) == null) {
            return null;
        }
        long t = time.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + time.getNano();
        int day = (int) time.toLocalDate().toEpochDay();
        boolean official = r.isNullAt(7) ? false : r.getBoolean(7);
        boolean question = "m".equals(kind) && ("QUESTION".equalsIgnoreCase(kindText) || endsWithQuestionMark(r.getString(11)));
        String thread = r.getString(6);
        return RowFactory.create(groupId, t, day, sender, kind, r.getString(4), r.getString(5),
                thread == null ? "" : thread, official, r.isNullAt(8) ? null : r.getBoolean(8), channel, question);
    }

    static boolean endsWithQuestionMark(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        return t.endsWith("?") || t.endsWith("？");
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
     * The figures of one snapshot per group (that has an event line and facts) per asOf day; {@link #snapshot(Row)}
     * turns a row into the snapshot. Columns: groupId, d (epoch day), facts, firstDay, recJ, recL, offKnown,
     * adFlag, chans, weeks (k, msgs, joins, leaves, offc, ads, n), senders30, unanswered.
     */
    public static Dataset<Row> figures(SparkSession spark, Dataset<Row> rawEvents, Dataset<Row> groups,
            List<LocalDate> days, ZoneId zone) {
        Dataset<Row> all = rawEvents.flatMap((FlatMapFunction<Row, Row>) r -> {
            Row n = normal(r, zone);
            return n == null ? java.util.Collections.emptyIterator() : List.of(n).iterator();
        }, Encoders.row(NORMAL));
        all.persist().createOrReplaceTempView("ca_all");
        List<Row> dayRows = days.stream().map(d -> RowFactory.create((int) d.toEpochDay())).toList();
        spark.createDataFrame(dayRows, new StructType().add("d", DataTypes.IntegerType, false))
                .createOrReplaceTempView("ca_asof");
        groups.createOrReplaceTempView("ca_groups");
        spark.sql("SELECT * FROM ca_all WHERE kind <> 'x'").createOrReplaceTempView("ca_ev");

        // per group and calendar day
        spark.sql("""
                SELECT groupId, day,
                  sum(if(kind = 'm', 1, 0)) msgs, sum(if(kind = 'j', 1, 0)) joins, sum(if(kind = 'l', 1, 0)) leaves,
                  sum(if(kind = 'm' AND official, 1, 0)) offc, sum(if(kind = 'm' AND ad, 1, 0)) ads,
                  sum(if(kind = 'm' AND ad IS NOT NULL, 1, 0)) adflag,
                  collect_set(if(kind = 'j', channel, NULL)) chans
                FROM ca_ev GROUP BY groupId, day""").createOrReplaceTempView("ca_daily");
        spark.sql("SELECT DISTINCT groupId, day, sender FROM ca_ev WHERE kind = 'm'").createOrReplaceTempView("ca_sd");

        // per group, asOf and week back (k = 0: the 7 days ending asOf; k: the week ending asOf - 7k)
        spark.sql("""
                SELECT x.groupId, a.d, (a.d - x.day) DIV 7 k, min(x.day) first,
                  sum(msgs) msgs, sum(joins) joins, sum(leaves) leaves, sum(offc) offc, sum(ads) ads,
                  sum(adflag) adflag, array_distinct(flatten(collect_list(chans))) chans
                FROM ca_daily x JOIN ca_asof a ON x.day <= a.d
                GROUP BY x.groupId, a.d, (a.d - x.day) DIV 7""").createOrReplaceTempView("ca_weekly");
        spark.sql("""
                SELECT s.groupId, a.d, (a.d - s.day) DIV 7 k, count(DISTINCT s.sender) n
                FROM ca_sd s JOIN ca_asof a ON s.day <= a.d AND s.day >= a.d - 734
                GROUP BY s.groupId, a.d, (a.d - s.day) DIV 7""").createOrReplaceTempView("ca_wsenders");
        spark.sql("""
                SELECT s.groupId, a.d, count(DISTINCT s.sender) senders30
                FROM ca_sd s JOIN ca_asof a ON s.day <= a.d AND s.day >= a.d - 29
                GROUP BY s.groupId, a.d""").createOrReplaceTempView("ca_s30");
        spark.sql("""
                SELECT w.groupId, w.d, min(w.first) firstDay, sum(w.joins) > 0 recJ, sum(w.leaves) > 0 recL,
                  sum(w.offc) > 0 offKnown, sum(w.adflag) > 0 adFlag,
                  array_distinct(flatten(collect_list(w.chans))) chans,
                  collect_list(if(w.k <= 104, struct(w.k, w.msgs, w.joins, w.leaves, w.offc, w.ads, coalesce(s.n, 0L) n),
                    NULL)) weeks
                FROM ca_weekly w LEFT JOIN ca_wsenders s ON w.groupId = s.groupId AND w.d = s.d AND w.k = s.k
                GROUP BY w.groupId, w.d""").createOrReplaceTempView("ca_overall");

        // questions (non-official) and the first answer to each: another sender in the thread within 24 hours
        // (the thread's messages of the question's day and the next), or a reply to it by another sender
        spark.sql("""
                SELECT monotonically_increasing_id() qid, groupId, thread, t, day, sender, id
                FROM ca_ev WHERE kind = 'm' AND question AND NOT official""").persist()
                .createOrReplaceTempView("ca_q");
        spark.sql("SELECT groupId, thread, t, day, sender, replyTo FROM ca_ev WHERE kind = 'm'")
                .createOrReplaceTempView("ca_m");
        spark.sql("""
                SELECT qid, min(ans) ans FROM (
                  SELECT q.qid, m.t ans
                  FROM (SELECT *, explode(array(day, day + 1)) b FROM ca_q) q
                  JOIN ca_m m ON m.groupId = q.groupId AND m.thread = q.thread AND m.day = q.b
                  WHERE m.t > q.t AND m.t <= q.t + 86400000000000 AND m.sender <> q.sender
                  UNION ALL
                  SELECT q.qid, m.t ans
                  FROM ca_q q JOIN ca_m m ON m.groupId = q.groupId AND m.replyTo = q.id
                  WHERE m.t > q.t AND m.t <= q.t + 86400000000000 AND m.sender <> q.sender)
                GROUP BY qid""").createOrReplaceTempView("ca_answers");
        spark.sql("""
                SELECT q.groupId, a.d, count(*) unanswered
                FROM ca_q q LEFT JOIN ca_answers x ON q.qid = x.qid
                JOIN ca_asof a ON q.day BETWEEN a.d - 6 AND a.d
                WHERE q.t + 86400000000000 <= (CAST(a.d AS BIGINT) + 1) * 86400000000000
                  AND NOT (x.ans IS NOT NULL AND x.ans DIV 86400000000000 <= a.d)
                GROUP BY q.groupId, a.d""").createOrReplaceTempView("ca_unanswered");

        // every group with an event line (of any kind, at any time), on every asOf day; without facts it is
        // refused as the importer refuses it (no platform)
        return spark.sql("""
                SELECT e.groupId, a.d, g.facts, o.firstDay, coalesce(o.recJ, false) recJ, coalesce(o.recL, false) recL,
                  coalesce(o.offKnown, false) offKnown, coalesce(o.adFlag, false) adFlag, o.chans, o.weeks,
                  coalesce(s.senders30, 0L) senders30, coalesce(u.unanswered, 0L) unanswered
                FROM (SELECT DISTINCT groupId FROM ca_all) e
                LEFT JOIN ca_groups g ON g.groupId = e.groupId
                CROSS JOIN ca_asof a
                LEFT JOIN ca_overall o ON o.groupId = e.groupId AND o.d = a.d
                LEFT JOIN ca_s30 s ON s.groupId = e.groupId AND s.d = a.d
                LEFT JOIN ca_unanswered u ON u.groupId = e.groupId AND u.d = a.d""");
    }

    // ---- the snapshot: EventLog.finish() for the events format ----------------------------------------------

    /**
     * The snapshot of one row of {@link #figures}, built exactly as {@code EventLog.finish()} builds it for the
     * events format (same JSON, the group facts laid over it as a merge patch, the same validation).
     *
     * @throws ImportException                              the facts lack platform, members.total or createdOn
     * @throws org.communityadvisor.InvalidSnapshotException the result breaks the contract
     */
    public static Snapshot snapshot(Row r) {
        String groupId = r.getString(r.fieldIndex("groupId"));
        LocalDate asOf = LocalDate.ofEpochDay(r.getInt(r.fieldIndex("d")));
        String source = "events group " + groupId;
        ObjectNode merge;
        String facts = r.getString(r.fieldIndex("facts"));
        try {
            merge = facts == null ? NODES.objectNode() : (ObjectNode) MAPPER.readTree(facts);
        } catch (java.io.IOException e) {
            throw new ImportException(source, "", "the group facts are not JSON");
        }
        merge.remove("groupId");
        Integer firstDay = r.isNullAt(r.fieldIndex("firstDay")) ? null : r.getInt(r.fieldIndex("firstDay"));
        boolean recJ = r.getBoolean(r.fieldIndex("recJ"));
        boolean recL = r.getBoolean(r.fieldIndex("recL"));
        long[] msgs = new long[MAX_WEEKS + 1];
        long[] joins = new long[MAX_WEEKS + 1];
        long[] leaves = new long[MAX_WEEKS + 1];
        long[] offc = new long[MAX_WEEKS + 1];
        long[] ads = new long[MAX_WEEKS + 1];
        long[] senders = new long[MAX_WEEKS + 1];
        int wi = r.fieldIndex("weeks");
        if (!r.isNullAt(wi)) {
            for (Row w : FleetJob.<Row>list(r.get(wi))) {
                int k = ((Number) w.get(0)).intValue();
                msgs[k] = ((Number) w.get(1)).longValue();
                joins[k] = ((Number) w.get(2)).longValue();
                leaves[k] = ((Number) w.get(3)).longValue();
                offc[k] = ((Number) w.get(4)).longValue();
                ads[k] = ((Number) w.get(5)).longValue();
                senders[k] = ((Number) w.get(6)).longValue();
            }
        }

        ObjectNode node = NODES.objectNode();
        node.put("schemaVersion", 1);
        JsonNode mergedId = MergePatch.at(merge, "id");
        node.put("id", mergedId != null ? mergedId.asText() : Importer.snapshotId(groupId));
        if (MergePatch.at(merge, "platform") == null) {
            throw new ImportException(source, "", "platform: the data does not say which platform; give --platform P "
                    + "(or \"platform\" in the group facts)");
        }
        if (MergePatch.at(merge, "createdOn") == null) {
            if (firstDay == null) {
                throw new ImportException(source, "", "createdOn: the data holds no dated event; give --created-on "
                        + "yyyy-MM-dd");
            }
            node.put("createdOn", LocalDate.ofEpochDay(firstDay).toString());
        }
        node.put("asOf", asOf.toString());

        ObjectNode members = node.putObject("members");
        JsonNode t = MergePatch.at(merge, "members.total");
        if (t == null || !t.canConvertToInt()) {
            throw new ImportException(source, "", "members.total: the events data does not count the members; give "
                    + "--members N");
        }
        int total = t.asInt();
        members.put("total", total);
        if (recJ) {
            members.put("joined7d", (int) joins[0]);
        }
        if (recL) {
            members.put("left7d", (int) leaves[0]);
        }
        members.put("silent30d", (int) Math.max(0, total - ((Number) r.get(r.fieldIndex("senders30"))).longValue()));

        int ci = r.fieldIndex("chans");
        if (!r.isNullAt(ci)) {
            List<String> chans = FleetJob.<String>list(r.get(ci));
            if (!chans.isEmpty()) {
                Set<Channel> set = EnumSet.noneOf(Channel.class);
                chans.forEach(c -> set.add(channel(c)));
                ArrayNode channels = node.putObject("entry").putArray("channels");
                set.forEach(c -> channels.add(c.json()));
            }
        }

        ObjectNode activity = node.putObject("activity");
        activity.put("messages7d", (int) msgs[0]);
        activity.put("activeMembers7d", (int) Math.min(senders[0], total));
        if (r.getBoolean(r.fieldIndex("adFlag"))) {
            activity.put("adMessages7d", (int) ads[0]);
        }
        if (r.getBoolean(r.fieldIndex("offKnown"))) {
            activity.put("officialPosts7d", (int) offc[0]);
        }
        activity.put("unansweredQuestions7d", ((Number) r.get(r.fieldIndex("unanswered"))).intValue());

        if (firstDay != null) {
            List<ObjectNode> reversed = new ArrayList<>();
            long laterJoins = joins[0];
            long laterLeaves = leaves[0];
            for (int k = 1; k <= MAX_WEEKS; k++) {
                LocalDate end = asOf.minusDays(7L * k);
                if (end.toEpochDay() < firstDay) {
                    break;
                }
                ObjectNode p = NODES.objectNode();
                p.put("weekEnding", end.toString());
                if (recJ) {
                    long later = laterJoins - (recL ? laterLeaves : 0);
                    p.put("members", (int) Math.max(0, total - later));
                }
                p.put("messages", (int) msgs[k]);
                p.put("activeMembers", (int) senders[k]);
                reversed.add(p);
                laterJoins += joins[k];
                laterLeaves += leaves[k];
            }
            if (!reversed.isEmpty()) {
                ArrayNode history = node.putArray("history");
                for (int i = reversed.size() - 1; i >= 0; i--) {
                    history.add(reversed.get(i));
                }
            }
        }
        JsonNode merged = MergePatch.apply(node, merge);
        try {
            return SnapshotReader.read(merged, "");
        } catch (org.communityadvisor.InvalidSnapshotException e) {
            throw new ImportException(source, "", "the imported snapshot is not valid: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object v) {
        if (v instanceof List<?> l) {
            return (List<T>) l;
        }
        return new ArrayList<>((java.util.Collection<T>) JavaConverters.seqAsJavaList((scala.collection.Seq<T>) v));
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
     * Advises every row of {@link #figures} (mapPartitions, one advisor per JVM) and writes the advice as JSON
     * lines under {@code out/asOf=yyyy-MM-dd/}. Groups whose snapshot is refused are counted and logged on
     * the executor's stderr (the first ten of each partition).
     */
    public static Result advise(Dataset<Row> figures, String out, boolean lean, String rules) {
        SparkSession spark = figures.sparkSession();
        LongAccumulator advised = spark.sparkContext().longAccumulator("advised");
        LongAccumulator refused = spark.sparkContext().longAccumulator("refused");
        Dataset<Row> lines = figures.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            Advisor advisor = Holder.get(rules);
            return new Iterator<Row>() {
                Row next;
                int logged;

                @Override
                public boolean hasNext() {
                    while (next == null && rows.hasNext()) {
                        Row r = rows.next();
                        try {
                            Snapshot s = snapshot(r);
                            var advice = advisor.advise(s);
                            String json = lean ? AdviceJson.writeLean(advice) : AdviceJson.write(advice);
                            next = RowFactory.create(json, s.asOf().toString());
                            advised.add(1);
                        } catch (AdvisorException e) {
                            refused.add(1);
                            if (logged++ < 10) {
                                System.err.println("FleetJob: refused " + r.getString(0) + " on "
                                        + LocalDate.ofEpochDay(r.getInt(1)) + ": " + e.getMessage());
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

    /** The snapshots of {@link #figures}, on the driver (tests and small fleets); refused groups left out. */
    public static List<Snapshot> collectSnapshots(Dataset<Row> figures) {
        List<Snapshot> out = new ArrayList<>();
        for (Row r : figures.collectAsList()) {
            try {
                out.add(snapshot(r));
            } catch (ImportException e) {
                // refused, as the importer refuses it
            }
        }
        return out;
    }
}
