package org.communityadvisor.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityadvisor.Advice;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Advisor;
import org.communityadvisor.Profile;
import org.communityadvisor.Snapshot;
import org.communityadvisor.engine.RuleBase;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.SnapshotReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tools/bench/run}: the performance figures of docs/PERFORMANCE.md, measured on this machine against the
 * product jar ({@code target/community-advisor.jar}, which it runs for the cold start and batch figures).
 * Generated snapshots vary every field the rules read, so most rules fire on some of them. Not part of the
 * product: the script compiles it against the jar and runs it.
 */
@Command(name = "tools/bench/run", mixinStandardHelpOptions = true,
        description = {"Measure cold start, warm throughput (objects, JSON, threads), latency, batch JSONL throughput"
                + " with peak heap, and how cost grows with rules and history.", "测量启动时间、吞吐量、延迟和批处理性能。"})
public final class Bench implements Callable<Integer> {
    /** The product's command line, which the cold start and batch figures run in fresh JVMs. */
    private static final String MAIN = "org.communityadvisor.cli.Main";

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Option(names = "--seconds", description = "Seconds per warm measurement (default: ${DEFAULT-VALUE}).")
    int seconds = 5;

    @Option(names = "--cold-runs", description = "Fresh JVMs for the cold start median (default: ${DEFAULT-VALUE}).")
    int coldRuns = 7;

    @Option(names = "--batch", split = ",", description = "Batch sizes for JSONL to JSONL (default: 200000,1000000);"
            + " the resident memory of the largest is compared with the smallest's.")
    List<Integer> batches = List.of(200_000, 1_000_000);

    @Option(names = "--batch-heap", description = "Heap limit of the batch JVM (default: ${DEFAULT-VALUE}).")
    String batchHeap = "256m";

    @Option(names = "--only", split = ",", description = "Run only these parts: cold, warm, threads, lean, batch, rules, history.")
    List<String> only = List.of();

    @Option(names = "--stdin-batch", description = "Snapshots for the standard-input batch figure (default: ${DEFAULT-VALUE}).")
    int stdinBatch = 200_000;

    @Option(names = "--runs", description = "Run the chosen parts this many times; the targets table shows each figure's"
            + " median and its spread (min-max) over the runs (default: ${DEFAULT-VALUE}).")
    int runs = 1;

    private PrintWriter out;

    /** This run's floor: Jackson alone reading the snapshots and writing their advice, per second (0: not yet). */
    private double floorRate;
    /** This run's median wall time of {@code java -version} (0: not yet). */
    private double javaVersion;
    /** This run's peak resident memory of the full-advice file batches, by size. */
    private final java.util.Map<Integer, Double> batchResident = new java.util.TreeMap<>();
    private Advisor advisor;
    private List<Snapshot> snapshots;
    private List<String> jsons;

    /**
     * One figure with a target, measured once per run; printed together at the end as median and spread.
     *
     * @param format how one value reads ({@code %,.0f/s})
     * @param met    whether a value meets the target; null for a figure shown without one
     */
    private record Figure(String name, String format, String target, java.util.function.DoublePredicate met,
                          List<Double> values) {
        String show(double v) {
            return String.format(Locale.ROOT, format, v);
        }
    }

    /** Every figure with a target, in the order first measured. */
    private final java.util.Map<String, Figure> targets = new java.util.LinkedHashMap<>();

    private void target(String figure, double value, String format, String target,
            java.util.function.DoublePredicate met) {
        targets.computeIfAbsent(figure, f -> new Figure(f, format, target, met, new ArrayList<>())).values().add(value);
    }

    @Override
    public Integer call() throws Exception {
        out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)), false);
        out.printf(Locale.ROOT, "Community Advisor benchmark: %d cores, Java %s, %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        out.flush();
        advisor = Advisor.builder().build();
        jsons = generate(2000, 8, new Random(42));
        snapshots = jsons.stream().map(SnapshotReader::read).toList();
        out.printf(Locale.ROOT, "rules: %d (version %s); %d distinct generated snapshots%n%n",
                advisor.rules().all().size(), advisor.rules().version(), jsons.size());
        for (int run = 1; run <= runs; run++) {
            if (runs > 1) {
                out.printf(Locale.ROOT, "=== run %d of %d ===%n%n", run, runs);
                out.flush();
            }
            measure(advisor, snapshots, jsons);
        }
        if (!targets.isEmpty()) {
            out.println(runs == 1 ? "Targets:" : "Targets, median of " + runs
                    + " runs [min-max]:");
            out.printf(Locale.ROOT, "  %-72s %-34s %-14s %s%n", "figure", "measured", "target", "met");
            for (Figure f : targets.values()) {
                double[] v = f.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double median = (v[(v.length - 1) / 2] + v[v.length / 2]) / 2;
                String measured = f.show(median) + (v.length == 1 ? "" : " [" + f.show(v[0]) + " - "
                        + f.show(v[v.length - 1]) + "]");
                out.printf(Locale.ROOT, "  %-72s %-34s %-14s %s%n", f.name(), measured, f.target(),
                        f.met() == null ? "-" : f.met().test(median) ? "yes" : "NO");
            }
        }
        out.flush();
        return 0;
    }

    private void measure(Advisor advisor, List<Snapshot> snapshots, List<String> jsons) throws Exception {
        floorRate = 0;
        javaVersion = 0;
        batchResident.clear();
        if (part("cold")) {
            cold();
        }
        if (part("warm")) {
            warm(advisor, snapshots, jsons);
        }
        if (part("threads")) {
            threads(advisor, snapshots, 2);
        }
        if (part("rules")) {
            rules(snapshots);
        }
        if (part("history")) {
            history(advisor);
        }
        if (part("lean")) {
            lean(advisor, snapshots);
        }
        if (part("batch")) {
            for (int n : batches) {
                batch(n, false, true);
                if (n == batches.get(batches.size() - 1)) {
                    batch(n, true, true);
                }
            }
            batch(stdinBatch, false, false);
            if (batchResident.size() > 1) {
                java.util.TreeMap<Integer, Double> sizes = new java.util.TreeMap<>(batchResident);
                target(String.format(Locale.ROOT, "batch resident memory, %,d vs %,d snapshots (ratio)", sizes.lastKey(),
                        sizes.firstKey()), sizes.lastEntry().getValue() / sizes.firstEntry().getValue(), "%.2fx",
                        "<= 1.15x (flat)", v -> v <= 1.15);
            }
        }
    }

    private boolean part(String name) {
        return only.isEmpty() || only.contains(name);
    }

    // ------------------------------------------------------------------ cold start

    private void cold() throws Exception {
        Path one = Files.createTempFile("bench-one", ".json");
        Files.writeString(one, generate(1, 8, new Random(7)).get(0));
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of("advise", one.toString(), "--format", "json"));
        double[] walls = new double[coldRuns];
        for (int i = 0; i < coldRuns; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            walls[i] = (System.nanoTime() - t0) / 1e9;
        }
        Files.delete(one);
        Arrays.sort(walls);
        double version = javaVersion();
        out.printf(Locale.ROOT, "cold start to first advice (advise one.json --format json, %d fresh JVMs):"
                + " median %.2f s, min %.2f s, max %.2f s%n  command: %s%n%n", coldRuns, walls[coldRuns / 2], walls[0],
                walls[coldRuns - 1], String.join(" ", command));
        out.printf(Locale.ROOT, "java -version on the same host: median %.3f s; cold advice costs %.1fx it%n%n", version,
                walls[coldRuns / 2] / version);
        target("cold advise one.json (java -jar as ./advisor starts it), median", walls[coldRuns / 2], "%.2f s", "", null);
        target("java -version, median", version, "%.3f s", "", null);
        target("cold advise one.json vs java -version (ratio)", walls[coldRuns / 2] / version, "%.1fx", "<= 10x",
                v -> v <= 10);
        out.flush();
    }

    /** The median wall time of {@code java -version} in fresh JVMs, this run's yardstick of a JVM's start. */
    private double javaVersion() throws Exception {
        if (javaVersion == 0) {
            String java = ProcessHandle.current().info().command().orElse("java");
            double[] walls = new double[coldRuns];
            for (int i = 0; i < coldRuns; i++) {
                long t0 = System.nanoTime();
                new ProcessBuilder(java, "-version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                walls[i] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(walls);
            javaVersion = walls[coldRuns / 2];
        }
        return javaVersion;
    }

    /** This run's floor, measured when a figure first needs it: Jackson alone on the same documents, 1 thread. */
    private double floorRate() {
        if (floorRate == 0) {
            List<Advice> advices = snapshots.stream().map(advisor::advise).toList();
            com.fasterxml.jackson.databind.ObjectReader plain = Json.MAPPER.readerFor(Snapshot.class);
            run(seconds, i -> floor(plain, jsons.get(i % jsons.size()), advices.get(i % advices.size())));
            floorRate = run(seconds, i -> floor(plain, jsons.get(i % jsons.size()), advices.get(i % advices.size()))).rate();
            target("floor: Jackson alone, 1 thread (read the JSON, write the advice)", floorRate, "%,.0f/s", "", null);
        }
        return floorRate;
    }

    /** The java command that runs the product jar as {@code ./advisor} starts it for a single advice. */
    private static List<String> javaCommand() throws Exception {
        return javaCommand(true);
    }

    /**
     * The java command that runs the product as {@code ./advisor} does: its jar, with the class-data-sharing
     * archive {@code ./advisor} records beside it when there is one; {@code single}: with the launcher's
     * client-compiler option (a batch wants C2).
     */
    private static List<String> javaCommand(boolean single) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of(Class.forName(MAIN).getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(java));
        // the options ./advisor gives: a single advice starts fast, a batch wants the optimizing compiler
        command.addAll(single ? List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1") : List.of("-XX:+UseParallelGC"));
        if (System.getProperty("advisor.rules.engine") != null) { // the engine compared (mvel: DRL compiled at start)
            command.add("-Dadvisor.rules.engine=" + System.getProperty("advisor.rules.engine"));
        }
        if (Files.isDirectory(jar)) {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        } else {
            Path cds = jar.resolveSibling("advisor.jsa");
            if (Files.isRegularFile(cds)) {
                command.addAll(List.of("-XX:SharedArchiveFile=" + cds, "-Xshare:auto"));
            }
            // as ./advisor starts it: the launcher beside the jar, whose manifest names the jar and its libraries
            Path launcher = jar.resolveSibling("community-advisor-launcher.jar");
            command.addAll(List.of("-jar", (Files.isRegularFile(launcher) ? launcher : jar).toString()));
        }
        return command;
    }

    // ------------------------------------------------------------------ warm, one thread

    private void warm(Advisor advisor, List<Snapshot> snapshots, List<String> jsons) {
        // Drools compiles hot constraints after 20 evaluations and the JVM needs a while more: warm up well.
        run(3 * seconds, i -> advisor.advise(snapshots.get(i % snapshots.size())));
        run(seconds, i -> advisor.advise(jsons.get(i % jsons.size())));
        Result objects = run(seconds, i -> advisor.advise(snapshots.get(i % snapshots.size())));
        Result text = run(seconds, i -> advisor.advise(jsons.get(i % jsons.size())));
        Result parse = run(seconds, i -> SnapshotReader.read(jsons.get(i % jsons.size())));
        Result textToText = run(seconds, i -> AdviceJson.write(advisor.advise(jsons.get(i % jsons.size()))));
        // The floor no rules engine can avoid: Jackson alone reading the same documents into the snapshot types
        // and writing the same advices back.
        double floor = floorRate();
        out.printf(Locale.ROOT, "warm, 1 thread, JSON text to JSON text: %,.0f advices/s; latency p50 %.1f µs, p99 %.1f µs%n",
                textToText.rate(), textToText.p(0.50), textToText.p(0.99));
        out.printf(Locale.ROOT, "floor, 1 thread, Jackson alone (read the same JSON into Snapshot, write the same advice): "
                + "%,.0f/s; advising JSON to JSON costs %.2fx the floor%n", floor, floor / textToText.rate());
        target("warm, 1 thread, JSON text to JSON text", textToText.rate(), "%,.0f/s", "", null);
        target("warm JSON to JSON, cost per advice vs the floor (ratio)", floor / textToText.rate(), "%.2fx", "<= 2.0x",
                v -> v <= 2.0);
        target("warm, 1 thread, from Java objects", objects.rate(), "%,.0f/s", "", null);
        target("warm from Java objects, throughput vs the floor (ratio)", objects.rate() / floor, "%.2fx", ">= 1.0x",
                v -> v >= 1.0);
        target("warm, 1 thread, p99 from Java objects", objects.p(0.99), "%.1f µs", "", null);
        out.printf(Locale.ROOT, "warm, 1 thread, from Java objects: %,.0f advices/s; latency p50 %.1f µs, p99 %.1f µs, "
                + "p99.9 %.1f µs%n", objects.rate(), objects.p(0.50), objects.p(0.99), objects.p(0.999));
        out.printf(Locale.ROOT, "warm, 1 thread, from JSON text:    %,.0f advices/s; latency p50 %.1f µs, p99 %.1f µs, "
                + "p99.9 %.1f µs%n", text.rate(), text.p(0.50), text.p(0.99), text.p(0.999));
        out.printf(Locale.ROOT, "parsing and validating the same JSON only: %,.0f/s; advising from JSON costs %.1fx parsing it%n%n",
                parse.rate(), parse.rate() / text.rate());
        out.flush();
    }

    private static String floor(com.fasterxml.jackson.databind.ObjectReader reader, String json, Advice advice) {
        try {
            reader.readValue(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AdviceJson.write(advice);
    }

    /** Size of the lean and the full advice of the generated snapshots. */
    private void lean(Advisor advisor, List<Snapshot> snapshots) {
        long lean = 0;
        long full = 0;
        int[] sizes = new int[snapshots.size()];
        for (int i = 0; i < snapshots.size(); i++) {
            Advice a = advisor.advise(snapshots.get(i));
            sizes[i] = AdviceJson.writeLean(a).getBytes(StandardCharsets.UTF_8).length;
            lean += sizes[i];
            full += AdviceJson.write(a).getBytes(StandardCharsets.UTF_8).length;
        }
        Arrays.sort(sizes);
        int median = sizes[sizes.length / 2];
        out.printf(Locale.ROOT, "advice size over %d generated snapshots: lean median %d bytes (mean %d, p90 %d), full mean %d "
                + "bytes%n%n", snapshots.size(), median, lean / snapshots.size(), sizes[sizes.length * 9 / 10],
                full / snapshots.size());
        target("lean advice, typical (median) size", median, "%.0f bytes", "<= 800 bytes", v -> v <= 800);
        out.flush();
    }

    private record Result(long count, double secs, long[] latencies) {
        double rate() {
            return count / secs;
        }

        double p(double q) {
            return latencies[(int) Math.min(latencies.length - 1, Math.floor(q * latencies.length))] / 1000.0;
        }
    }

    private interface Call {
        void call(int i);
    }

    private static Result run(int seconds, Call call) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[] lat = new long[1 << 22];
        int n = 0;
        long t0 = System.nanoTime();
        long now = t0;
        while (now < end) {
            long s = now;
            call.call(n);
            now = System.nanoTime();
            lat[n & (lat.length - 1)] = now - s;
            n++;
        }
        long[] sorted = Arrays.copyOf(lat, Math.min(n, lat.length));
        Arrays.sort(sorted);
        return new Result(n, (now - t0) / 1e9, sorted);
    }

    // ------------------------------------------------------------------ threads

    private void threads(Advisor advisor, List<Snapshot> snapshots, int threads) throws Exception {
        for (int round = 0; round < 2; round++) {
            AtomicLong count = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 997;
                futures.add(pool.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        advisor.advise(snapshots.get((int) ((n++ + offset) % snapshots.size())));
                    }
                    count.addAndGet(n);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            double secs = (System.nanoTime() - t0) / 1e9;
            if (round == 1) {
                out.printf(Locale.ROOT, "warm, %d threads, from Java objects: %,.0f advices/s%n%n", threads, count.get() / secs);
            }
        }
        out.flush();
    }

    // ------------------------------------------------------------------ rules and history

    private void rules(List<Snapshot> snapshots) {
        List<RuleBase.Source> sources = RuleBase.bundledSources();
        for (int copies : new int[] {1, 10}) {
            RuleBase base = synthetic(sources, copies);
            Advisor advisor = org.communityadvisor.BenchAccess.advisor(base);
            run(Math.max(1, seconds / 2), i -> advisor.advise(snapshots.get(i % snapshots.size())));
            Result r = run(seconds, i -> advisor.advise(snapshots.get(i % snapshots.size())));
            out.printf(Locale.ROOT, "catalog x%d (%d rules): %,.0f advices/s, p50 %.1f µs, p99 %.1f µs%n", copies,
                    base.rules().size(), r.rate(), r.p(0.5), r.p(0.99));
            out.flush();
        }
        out.println();
    }

    /**
     * The rules with every recommendation rule present {@code copies} times (copies are named {@code id~2},
     * {@code id~3} ...), to measure how cost grows with the number of rules. The copies are no catalog ids.
     */
    static RuleBase synthetic(List<RuleBase.Source> sources, int copies) {
        Pattern block = Pattern.compile("(?ms)^rule \"([^\"]+)\"\n(?=(?:    @[^\n]*\n)*?    @severity).*?^end\n");
        List<RuleBase.Source> out = new ArrayList<>();
        for (RuleBase.Source s : sources) {
            StringBuilder text = new StringBuilder(s.text());
            Matcher m = block.matcher(s.text());
            while (m.find()) {
                for (int k = 2; k <= copies; k++) {
                    text.append('\n').append(m.group().replaceFirst("rule \"([^\"]+)\"", "rule \"$1~" + k + "\""));
                }
            }
            out.add(new RuleBase.Source(s.path(), text.toString()));
        }
        return RuleBase.compileOutsideCatalog(out);
    }

    private void history(Advisor advisor) {
        for (int weeks : new int[] {0, 8, 52, 104}) {
            List<Snapshot> s = generate(500, weeks, new Random(weeks)).stream().map(SnapshotReader::read).toList();
            run(1, i -> advisor.advise(s.get(i % s.size())));
            Result r = run(seconds, i -> advisor.advise(s.get(i % s.size())));
            out.printf(Locale.ROOT, "history of %3d weeks: %,.0f advices/s, p50 %.1f µs, p99 %.1f µs%n", weeks, r.rate(),
                    r.p(0.5), r.p(0.99));
            out.flush();
        }
        out.println();
    }

    // ------------------------------------------------------------------ batch JSONL -> JSONL

    /**
     * The whole process, start-up and warm-up included: a fresh JVM advising {@code n} generated snapshots,
     * from a file ({@code fromFile}) or fed on standard input by this process, to standard output.
     */
    private void batch(int n, boolean lean, boolean fromFile) throws Exception {
        Path input = null;
        if (fromFile) {
            input = Files.createTempFile("bench-batch", ".jsonl");
            try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
                Random random = new Random(1);
                for (int i = 0; i < n; i++) {
                    w.write(snapshot(random, i, 8).toString());
                    w.write('\n');
                }
            }
        }
        List<String> java = javaCommand(false);
        List<String> command = new ArrayList<>(List.of(java.get(0), "-Xmx" + batchHeap));
        command.addAll(java.subList(1, java.size()));
        command.addAll(List.of("advise", fromFile ? input.toString() : "-", "--format", "jsonl", "--stats"));
        if (lean) {
            command.add("--lean");
        }
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).start();
        Thread feeder = new Thread(() -> {
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8),
                    1 << 16)) {
                if (!fromFile) {
                    Random random = new Random(1);
                    for (int i = 0; i < n; i++) {
                        w.write(snapshot(random, i, 8).toString());
                        w.write('\n');
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long[] lines = new long[2];
        Thread drain = new Thread(() -> {
            try (java.io.InputStream r = p.getInputStream()) {
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = r.read(buffer)) > 0) {
                    lines[1] += read;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            lines[0]++;
                        }
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long[] rss = new long[1];
        Thread sampler = new Thread(() -> {
            Path status = Path.of("/proc/" + p.pid() + "/status");
            while (p.isAlive()) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmHWM:")) {
                            rss[0] = Math.max(rss[0], Long.parseLong(line.replaceAll("[^0-9]", "")));
                        }
                    }
                    Thread.sleep(200);
                } catch (Exception e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        feeder.start();
        drain.start();
        sampler.start();
        String stats = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(1, TimeUnit.HOURS);
        feeder.join();
        drain.join();
        double secs = (System.nanoTime() - t0) / 1e9;
        if (input != null) {
            Files.delete(input);
        }
        double rate = lines[0] / secs;
        String what = String.format(Locale.ROOT, "batch JSONL -> JSONL%s, %,d snapshots from %s, -Xmx%s",
                lean ? " --lean" : "", n, fromFile ? "a file" : "stdin", batchHeap);
        out.printf(Locale.ROOT, "%s: %,d advices in %.1f s = %,.0f/s (whole process); %,d bytes out (%,d a line); "
                + "peak resident %,d MB; %s%n  command: %s%s%n%n", what, lines[0], secs, rate, lines[1],
                lines[0] == 0 ? 0 : lines[1] / lines[0], rss[0] / 1024,
                stats.lines().filter(l -> l.startsWith("stats:")).findFirst().orElse(stats),
                fromFile ? "" : "<generator> | ", String.join(" ", command));
        double goal = !fromFile ? 0.6 : lean ? 1.2 : 0.8;
        if (n >= 200_000) {
            String name = what.replace("batch JSONL -> JSONL", "batch");
            target(name, rate, "%,.0f/s", "", null);
            target(name + " vs the floor (ratio)", rate / floorRate(), "%.2fx", String.format(Locale.ROOT, ">= %.1fx", goal),
                    v -> v >= goal);
            target(name + ", peak resident", rss[0] / 1024.0, "%,.0f MB", "", null);
        }
        if (fromFile && !lean) {
            batchResident.put(n, rss[0] / 1024.0);
        }
        out.flush();
    }

    // ------------------------------------------------------------------ generated snapshots

    static List<String> generate(int count, int weeks, Random random) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(snapshot(random, i, weeks).toString());
        }
        return out;
    }

    /** A valid snapshot with every field drawn at random around the thresholds. */
    static ObjectNode snapshot(Random r, int i, int weeks) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        int total = pickInt(r, 5, 25, 30, 60, 79, 80, 200, 449, 450, 499, 500, 1200);
        java.time.LocalDate asOf = java.time.LocalDate.of(2026, 10, 1).plusDays(r.nextInt(40));
        int age = pickInt(r, 3, 10, 29, 30, 31, 90, 179, 181, 400);
        s.put("schemaVersion", 1).put("id", "g-" + i).put("name", "群 " + i)
                .put("platform", pick(r, "wechat", "wecom", "qq", "discord", "forum"))
                .put("purpose", pick(r, "sharing", "sales", "enablement", "support", "campaign"))
                .put("origin", pick(r, "business", "business", "event"))
                .put("coreGroup", r.nextInt(8) == 0).put("goalDefined", r.nextInt(4) != 0)
                .put("createdOn", asOf.minusDays(age).toString()).put("asOf", asOf.toString())
                .put("eventEndsOn", asOf.plusDays(r.nextInt(20) - 10).toString());
        int silent = r.nextInt(total + 1);
        s.putObject("members").put("total", total).put("joined7d", r.nextInt(20)).put("left7d", r.nextInt(20))
                .put("admins", Math.min(total, r.nextInt(6))).put("kols", Math.min(total, r.nextInt(4))).put("silent30d", silent);
        ObjectNode entry = s.putObject("entry").put("barrier", pick(r, "none", "approval", "referral", "task", "paid"));
        ArrayNode channels = entry.putArray("channels");
        channels.add(pick(r, "qr", "livecode", "invite"));
        entry.put("qrCreatedOn", asOf.minusDays(r.nextInt(14)).toString());
        int messages = pickInt(r, 0, 3, 5, 6, 9, 10, 50, 400, 2000);
        s.putObject("activity").put("messages7d", messages).put("activeMembers7d", r.nextInt(total - silent + 1))
                .put("adMessages7d", r.nextInt(messages + 1) / (1 + r.nextInt(10))).put("officialPosts7d", r.nextInt(4))
                .put("topics30d", r.nextInt(3)).put("guestShares30d", r.nextInt(2)).put("liveSessions30d", r.nextInt(2))
                .put("offlineEvents90d", r.nextInt(2)).put("checkIns7d", r.nextInt(3) * 10).put("reviews30d", r.nextInt(2))
                .put("dailyRitual", r.nextBoolean()).put("unansweredQuestions7d", r.nextInt(3))
                .put("disputes30d", r.nextInt(3));
        ObjectNode ops = s.putObject("operations");
        for (String f : List.of("announcement", "rules", "monthlyPlan", "contentCalendar", "ownerQualified", "sopTemplate",
                "onboarding", "incentives", "contentArchive", "warmUpCrew", "coreGroupExists", "penaltyLadder",
                "feedbackChannel")) {
            ops.put(f, r.nextInt(3) != 0);
        }
        ops.put("groupsOperated", 1 + r.nextInt(3));
        int buyers = r.nextInt(total / 2 + 1);
        int orders = r.nextInt(3) * buyers;
        int repeat = r.nextInt(buyers + 1);
        s.putObject("commerce").put("promoMessages7d", r.nextInt(messages + 1) / (1 + r.nextInt(4)))
                .put("promotions30d", r.nextInt(3)).put("orders30d", orders).put("buyers30d", buyers)
                .put("repeatBuyers90d", repeat).put("buyers90d", repeat + r.nextInt(buyers + 1))
                .put("refunds30d", r.nextInt(orders / 10 + 1)).put("testimonials30d", r.nextInt(3))
                .put("groupBuys30d", r.nextInt(2)).put("referrals30d", r.nextInt(3))
                .put("ticket", pick(r, "low", "high")).put("purchaseFrequency", pick(r, "low", "high"));
        if (weeks > 0) {
            ArrayNode history = s.putArray("history");
            int members = Math.max(1, total - r.nextInt(total / 3 + 1));
            for (int w = weeks - 1; w >= 0; w--) {
                members = Math.max(0, members + r.nextInt(7) - 2);
                history.addObject().put("weekEnding", asOf.minusDays(7L * w).toString()).put("members", members)
                        .put("messages", r.nextInt(messages + 50)).put("activeMembers", r.nextInt(members + 1));
            }
        }
        return s;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }

    private static int pickInt(Random r, int... values) {
        return values[r.nextInt(values.length)];
    }
}
