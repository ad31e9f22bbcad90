package org.communityadvisor.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.communityadvisor.Advice;
import org.communityadvisor.Advisor;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Lang;
import org.communityadvisor.ValidationError;
import org.communityadvisor.json.InputReader;
import org.communityadvisor.json.Json;
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

    @Option(names = "--stats", hidden = true, description = "Print throughput and peak heap on standard error at the end.")
    boolean stats;

    @Option(names = "--out", paramLabel = "PATH", description = "Write to this file (whole, or not at all) instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        PrintWriter err = Output.stderr();
        Advisor advisor = engine.advisor(err);
        if (advisor == null) {
            return Main.INVALID_INPUT;
        }
        Lang lang = engine.lang;
        Inputs documents = new Inputs(inputs, System.in);
        boolean single = documents.single();
        int[] counts = new int[2]; // advised, refused
        boolean collect = portfolio || format == Format.MD || format == Format.HTML;
        List<Entry> entries = new java.util.ArrayList<>();
        Progress progress = Progress.start(err);
        try (Output output = Output.open(out)) {
            PrintWriter w = output.writer();
            Sink sink = collect ? null : sink(w, single, lang);
            Thread hook = collect || format == Format.JSON ? null : output.keepCompletedRecordsOnInterrupt();
            documents.forEach(doc -> {
                progress.step(doc.label());
                if (doc.unreadable() != null) {
                    err.println(doc.label() + ": " + doc.unreadable());
                    counts[1]++;
                    return;
                }
                Advice advice;
                org.communityadvisor.Snapshot snapshot;
                try {
                    snapshot = InputReader.read(doc.text());
                    advice = advisor.advise(snapshot, lang);
                } catch (InvalidSnapshotException e) {
                    progress.clear();
                    for (ValidationError v : e.errors()) {
                        err.println(doc.label() + ": " + v.path() + ": " + v.reason());
                    }
                    counts[1]++;
                    return;
                }
                if (collect) {
                    entries.add(new Entry(doc.label(), snapshot, advice));
                } else {
                    sink.write(advice, doc.label());
                }
                counts[0]++;
            });
            progress.clear();
            if (collect) {
                report(entries, w, lang);
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
        if (!single && counts[0] + counts[1] > 1 || counts[1] > 0) {
            err.println(counts[0] + " advised, " + counts[1] + " refused");
        }
        return counts[1] > 0 ? Main.INVALID_INPUT : 0;
    }

    /** Reports and portfolios: everything is advised first, then written in one piece. */
    private void report(List<Entry> entries, PrintWriter w, Lang lang) throws IOException {
        switch (format) {
            case HTML -> w.print(Report.html(entries, lang));
            case MD -> w.print(Report.markdown(entries, lang));
            default -> {
                boolean several = entries.size() > 1;
                if (portfolio && format == Format.TEXT) {
                    Portfolio.text(Portfolio.rank(entries), lang, w);
                }
                List<Entry> ordered = portfolio
                        ? Portfolio.rank(entries).stream().map(Portfolio.Row::entry).toList() : entries;
                if (format == Format.JSON || format == Format.JSONL) {
                    Sink sink = sink(w, !several, lang);
                    ordered.forEach(e -> sink.write(e.advice(), e.label()));
                    sink.finish();
                } else {
                    Sink sink = sink(w, !several, lang);
                    ordered.forEach(e -> sink.write(e.advice(), e.label()));
                }
            }
        }
        w.flush();
    }

    private interface Sink {
        void write(Advice advice, String label);

        default void finish() {
        }
    }

    private Sink sink(PrintWriter w, boolean single, Lang lang) throws IOException {
        return switch (format) {
            case TEXT, MD, HTML -> {
                TextRenderer renderer = new TextRenderer(lang, out == null && System.console() != null
                        && System.getenv("NO_COLOR") == null);
                yield (advice, label) -> {
                    renderer.render(advice, single ? null : label, w);
                    if (!single) {
                        w.println("-".repeat(100));
                    }
                    w.flush();
                };
            }
            case JSONL -> {
                ObjectWriter json = Json.MAPPER.writer();
                yield (advice, label) -> {
                    try {
                        w.println(json.writeValueAsString(advice));
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
                            Json.MAPPER.writeValue(gen, advice);
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
