package org.communityadvisor.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.communityadvisor.Advice;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Advisor;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Lang;
import org.communityadvisor.Review;
import org.communityadvisor.ValidationError;
import org.communityadvisor.json.Json;
import org.communityadvisor.report.AdvisedCommunity;
import org.communityadvisor.report.HtmlReport;
import org.communityadvisor.report.MarkdownReport;
import org.communityadvisor.report.Portfolio;
import org.communityadvisor.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./advisor advise}: one advice per snapshot or scenario. */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = {"Advise on snapshots or scenario files: stage, ranked recommendations, evidence, sources.",
                "为社群快照或场景文件给出建议:阶段、排序的建议、依据与出处。",
                "Exit 0 on success, 2 when any input is invalid (every bad input is reported; good ones are still"
                        + " advised), 1 on an internal error."})
final class AdviseCommand implements Callable<Integer> {
    enum Format { TEXT, JSON, JSONL, MD, HTML }

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|-",
            description = "Snapshot or scenario files, folders of *.json files, *.jsonl files, or - for JSONL on standard input.")
    List<String> inputs;

    @Option(names = "--format", paramLabel = "text|json|jsonl|md|html",
            description = "Output format (default: ${DEFAULT-VALUE}). md and html are reports for a client; html is one self-contained file.")
    Format format = Format.TEXT;

    @Option(names = "--portfolio", description = "Rank the communities by urgency in one table before the per-community advice.")
    boolean portfolio;

    @Mixin
    EngineOptions engine;

    @Option(names = "--top", paramLabel = "N",
            description = "In text, print only the first N recommendations of each community (default: all). 只显示前 N 条建议。")
    int top;

    @Option(names = "--lean", description = "With json or jsonl: ids, severities, ranks, evidence, focus, scores, gaps and the "
            + "profile's name only, no texts (render them from './advisor rules --format json'). 精简输出,供程序使用。")
    boolean lean;

    @Option(names = "--stats", hidden = true, description = "Print throughput and peak heap on standard error at the end.")
    boolean stats;

    @Option(names = "--out", paramLabel = "PATH", description = "Write to this file (whole, or not at all) instead of standard output.")
    Path out;

    @Option(names = "--since", paramLabel = "OLD",
            description = "Review against an earlier snapshot or saved advice JSON of the same community: what is new, still open,"
                    + " resolved (and whether it worked) or back, and the score changes; shown first. 与上次的快照或建议对比复盘。")
    Path since;

    /** The review of each advice against {@link #since}, when one was asked for (written with it). */
    private final Map<Advice, Review> reviews = new java.util.IdentityHashMap<>();

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        PrintWriter err = Output.stderr();
        if (top < 0) {
            err.println(org.communityadvisor.Message.TOP_NEGATIVE.render(engine.lang, top));
            return 2;
        }
        if (lean && format != Format.JSON && format != Format.JSONL) {
            err.println(org.communityadvisor.text.Texts.of(engine.lang).get("advise.lean-only"));
            return 2;
        }
        // Load the rules on another core while the first input is read and parsed.
        java.util.concurrent.CompletableFuture<Advisor> loading =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> engine.advisor(err));
        Lang lang = engine.lang;
        Inputs documents = new Inputs(inputs, System.in, engine.lang);
        boolean single = documents.single();
        int[] counts = new int[2]; // advised, refused
        JsonNode before = null;
        if (since != null) {
            Advisor advisor = loading.join();
            if (advisor == null) {
                return Main.INVALID_INPUT;
            }
            before = Reviews.base(since, advisor, lang, err);
            if (before == null) {
                return Main.INVALID_INPUT;
            }
        }
        final JsonNode base = before;
        boolean collect = portfolio || format == Format.MD || format == Format.HTML || base != null;
        List<AdvisedCommunity> entries = new java.util.ArrayList<>();
        Progress progress = Progress.start(err, documents.size());
        try (Output output = Output.open(out, lang)) {
            PrintWriter w = output.writer();
            Sink sink = collect ? null : sink(output, single, lang);
            Thread hook = collect || format == Format.JSON ? null : output.keepCompletedRecordsOnInterrupt();
            // One outcome per document, worked out on all cores and written in input order.
            boolean parallel = !single && !collect && (format == Format.JSONL || format == Format.TEXT)
                    && Runtime.getRuntime().availableProcessors() > 1;
            TextReport text = textReport(lang);
            ObjectWriter compact = Json.MAPPER.writer();
            java.util.function.Function<Inputs.Document, Outcome> work = doc -> {
                if (doc.refused() != null) {
                    return new Outcome(doc, null, null, List.of(doc.refused()), null, null);
                }
                if (doc.unreadable() != null) {
                    return new Outcome(doc, null, null, List.of(unreadable(doc.unreadable())), null, null);
                }
                try {
                    org.communityadvisor.Snapshot snapshot = AdviceJson.readInput(doc.text());
                    Advisor advisor = loading.join();
                    if (advisor == null) {
                        return null;
                    }
                    // lean output writes no text: the advice is made without them (a review or portfolio needs them)
                    Advice advice = lean && base == null && !portfolio ? advisor.adviseLean(snapshot)
                            : advisor.advise(snapshot, lang);
                    // JSON lines as Jackson encodes them, straight to UTF-8 bytes; text as text
                    byte[] line = !parallel || format != Format.JSONL ? null : jsonLine(compact, advice);
                    String rendered = !parallel || format != Format.TEXT ? null
                            : text.render(new AdvisedCommunity(doc.label(), null, advice)) + "-".repeat(100);
                    return new Outcome(doc, snapshot, advice, null, rendered, line);
                } catch (InvalidSnapshotException e) {
                    // a chat export or a sheet given instead of a snapshot: name the import that reads it
                    java.util.Optional<RawExports.Kind> export = RawExports.ofText(doc.text());
                    if (export.isPresent()) {
                        String path = doc.label().replaceFirst(":\\d+$", "");
                        return new Outcome(doc, null, null, List.of(unreadable(RawExports.hint(export.get(),
                                path.equals("<stdin>") ? "FILE" : path, lang))), null, null);
                    }
                    return new Outcome(doc, null, null, e.errors(), null, null);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            java.util.function.Consumer<Outcome> emit = o -> {
                if (o == null) {
                    return;
                }
                if (o.errors() != null) {
                    counts[1]++;
                    if (counts[1] > ImportCommand.SHOWN_REFUSALS) {
                        return;
                    }
                    progress.clear();
                    List<ValidationError> errors = o.errors();
                    for (ValidationError v : errors.subList(0, Math.min(errors.size(), ImportCommand.SHOWN_REFUSALS))) {
                        err.println(o.doc().label() + ": " + (v.path().equals("(file)") ? ""
                                : org.communityadvisor.report.internal.TerminalText.cut(v.path(), 80) + ": ")
                                + v.reason(lang));
                    }
                    return;
                }
                if (base != null) {
                    String was = base.path("communityId").asText();
                    if (!was.equals(o.advice().communityId())) {
                        progress.clear();
                        if (++counts[1] <= ImportCommand.SHOWN_REFUSALS) {
                            err.println(o.doc().label() + ": " + org.communityadvisor.text.Texts.of(lang)
                                    .get("advise.since-other-community", since, was, o.advice().communityId()));
                        }
                        return;
                    }
                    Review review = Review.of(base, o.advice(), o.snapshot(), loading.join().catalogTitles(lang));
                    reviews.put(o.advice(), review);
                    entries.add(new AdvisedCommunity(o.doc().label(), o.snapshot(), o.advice(), review));
                } else if (collect) {
                    entries.add(new AdvisedCommunity(o.doc().label(), o.snapshot(), o.advice()));
                } else if (o.line() != null) {
                    output.record(o.line());
                } else if (o.rendered() != null) {
                    w.println(o.rendered());
                } else {
                    sink.write(o.advice(), o.doc().label());
                }
                counts[0]++;
            };
            Pipeline pipeline = new Pipeline(parallel ? Runtime.getRuntime().availableProcessors() : 0);
            try {
                documents.forEach(doc -> {
                    progress.step(doc.label());
                    pipeline.submit(() -> work.apply(doc), emit);
                });
                pipeline.drain(emit);
            } finally {
                pipeline.shutdown();
            }
            progress.clear();
            if (loading.join() == null) {
                return Main.INVALID_INPUT;
            }
            if (collect) {
                report(entries, output, lang);
            } else {
                sink.finish();
            }
            output.commit();
            if (hook != null) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        if (stats) {
            double secs = (System.nanoTime() - started) / 1e9;
            long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            err.printf(java.util.Locale.ROOT, "stats: %d advices in %.1f s = %.0f/s; peak heap used %.0f MB (max %.0f MB)%n",
                    counts[0], secs, counts[0] / secs, peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        }
        if (counts[1] > ImportCommand.SHOWN_REFUSALS) {
            err.println(org.communityadvisor.text.Texts.of(lang).get("advise.refused-more",
                    counts[1] - ImportCommand.SHOWN_REFUSALS, ImportCommand.SHOWN_REFUSALS));
        }
        if (!single && counts[0] + counts[1] > 1 || counts[1] > 0) {
            err.println(org.communityadvisor.Message.BATCH_SUMMARY.render(lang, counts[0], counts[1]));
        }
        return counts[1] > 0 ? Main.INVALID_INPUT : 0;
    }

    /** Why an input could not be read: a catalog phrase when the catalog holds it, else the input listing's words. */
    private static ValidationError unreadable(String reason) {
        return org.communityadvisor.Message.phrase(reason)
                .map(m -> ValidationError.of("(file)", m))
                .orElseGet(() -> ValidationError.of("(file)", org.communityadvisor.Message.UNREADABLE_INPUT, reason));
    }

    /** Reports and portfolios: everything is advised first, then written in one piece. */
    private void report(List<AdvisedCommunity> entries, Output output, Lang lang) throws IOException {
        PrintWriter w = output.writer();
        switch (format) {
            case HTML -> w.print(HtmlReport.render(entries, lang));
            case MD -> w.print(MarkdownReport.render(entries, lang));
            default -> {
                boolean several = entries.size() > 1;
                if (portfolio && format == Format.TEXT) {
                    w.print(Portfolio.render(entries, lang));
                }
                List<AdvisedCommunity> ordered = portfolio
                        ? Portfolio.rank(entries).stream().map(Portfolio.Row::community).toList() : entries;
                if (format == Format.JSON || format == Format.JSONL) {
                    Sink sink = sink(output, !several, lang);
                    ordered.forEach(e -> sink.write(e.advice(), e.label()));
                    sink.finish();
                } else {
                    Sink sink = sink(output, !several, lang);
                    ordered.forEach(e -> sink.write(e.advice(), e.label()));
                }
            }
        }
        w.flush();
    }

    /** What became of one input document. */
    record Outcome(Inputs.Document doc, org.communityadvisor.Snapshot snapshot, Advice advice,
                   List<ValidationError> errors, String rendered, byte[] line) {
    }

    /**
     * Works on documents in parallel but hands outcomes back in input order, with a bounded number in
     * flight, so memory does not grow with the input. With no workers it runs each document on the spot.
     */
    static final class Pipeline {
        private final java.util.concurrent.ExecutorService pool;
        private final java.util.ArrayDeque<java.util.concurrent.Future<Outcome>> window = new java.util.ArrayDeque<>();
        private final int limit;

        Pipeline(int workers) {
            this.pool = workers == 0 ? null : java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "advisor-worker");
                t.setDaemon(true);
                return t;
            });
            this.limit = Math.max(1, workers * 64);
        }

        void submit(java.util.function.Supplier<Outcome> task, java.util.function.Consumer<Outcome> emit) {
            if (pool == null) {
                emit.accept(task.get());
                return;
            }
            window.add(pool.submit(task::get));
            while (window.size() >= limit) {
                emit.accept(next());
            }
        }

        void drain(java.util.function.Consumer<Outcome> emit) {
            while (!window.isEmpty()) {
                emit.accept(next());
            }
        }

        private Outcome next() {
            try {
                return window.poll().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        void shutdown() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private interface Sink {
        void write(Advice advice, String label);

        default void finish() {
        }
    }

    /** The text report, coloured on a terminal unless NO_COLOR is set. */
    private TextReport textReport(Lang lang) {
        return TextReport.of(lang).top(top).color(out == null && System.console() != null
                && System.getenv("NO_COLOR") == null);
    }

    /** One advice as a JSON line in UTF-8 (lean or full), as Jackson encodes it: no string, no second encoding. */
    private byte[] jsonLine(ObjectWriter compact, Advice advice) throws IOException {
        if (!lean) {
            return compact.writeValueAsBytes(advice);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1024);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            AdviceJson.writeLean(advice, g);
        }
        return out.toByteArray();
    }

    private Sink sink(Output output, boolean single, Lang lang) throws IOException {
        PrintWriter w = output.writer();
        return switch (format) {
            case TEXT, MD, HTML -> {
                TextReport renderer = textReport(lang);
                yield (advice, label) -> {
                    w.print(renderer.render(new AdvisedCommunity(single ? null : label, null, advice, reviews.get(advice))));
                    if (!single) {
                        w.println("-".repeat(100));
                    }
                    output.flush();
                };
            }
            case JSONL -> {
                ObjectWriter json = Json.MAPPER.writer();
                yield (advice, label) -> {
                    try {
                        output.record(!lean && reviews.containsKey(advice)
                                ? json.writeValueAsBytes(Reviews.tree(advice, reviews.get(advice))) : jsonLine(json, advice));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                };
            }
            case JSON -> {
                JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(w).useDefaultPrettyPrinter();
                gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                if (!single) {
                    gen.writeStartArray();
                }
                yield new Sink() {
                    @Override
                    public void write(Advice advice, String label) {
                        try {
                            if (lean) {
                                AdviceJson.writeLean(advice, gen);
                            } else if (reviews.containsKey(advice)) {
                                Json.MAPPER.writeValue(gen, Reviews.tree(advice, reviews.get(advice)));
                            } else {
                                Json.MAPPER.writeValue(gen, advice);
                            }
                            gen.flush();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void finish() {
                        try {
                            if (!single) {
                                gen.writeEndArray();
                            }
                            gen.flush();
                            w.println();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                };
            }
        };
    }
}
