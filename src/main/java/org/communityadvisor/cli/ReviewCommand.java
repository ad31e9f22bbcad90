package org.communityadvisor.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.communityadvisor.Advice;
import org.communityadvisor.Advisor;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Lang;
import org.communityadvisor.Review;
import org.communityadvisor.Snapshot;
import org.communityadvisor.ValidationError;
import org.communityadvisor.json.Json;
import org.communityadvisor.report.AdvisedCommunity;
import org.communityadvisor.report.HtmlReport;
import org.communityadvisor.report.MarkdownReport;
import org.communityadvisor.report.TextReport;
import org.communityadvisor.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./advisor review DIR}: one community's dated snapshots, each reviewed against the one before. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Review one community over time: its dated snapshots in asOf order, each against the one before"
                + " (new, still open since when, resolved and whether it worked, back; score changes).",
                "按日期复盘一个社群:每个快照与上一个对比(新出现、仍未解决、已解决及是否见效、又出现;评分变化)。"})
final class ReviewCommand implements Callable<Integer> {
    enum Format { TEXT, JSON, MD, HTML }

    @Parameters(arity = "1..*", paramLabel = "DIR|FILE",
            description = "A folder of one community's snapshots (or the files), in any order.")
    List<String> inputs;

    @Option(names = "--format", paramLabel = "text|json|md|html", description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format = Format.TEXT;

    @Mixin
    EngineOptions engine;

    @Option(names = "--out", paramLabel = "PATH", description = "Write to this file (whole, or not at all) instead of standard output.")
    java.nio.file.Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = Output.stderr();
        Lang lang = engine.lang;
        Advisor advisor = engine.advisor(err);
        if (advisor == null) {
            return Main.INVALID_INPUT;
        }
        List<Snapshot> series = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int[] bad = {0};
        new Inputs(inputs, System.in).forEach(doc -> {
            if (doc.unreadable() != null) {
                err.println(doc.label() + ": " + doc.unreadable());
                bad[0]++;
                return;
            }
            try {
                Snapshot s = org.communityadvisor.AdviceJson.readInput(doc.text());
                advisor.advise(s, lang); // validated now, so the errors name the file
                series.add(s);
                labels.add(doc.label());
            } catch (InvalidSnapshotException e) {
                for (ValidationError v : e.errors()) {
                    err.println(doc.label() + ": " + (v.path().equals("(file)") ? "" : v.path() + ": ") + v.reason(lang));
                }
                bad[0]++;
            }
        });
        if (bad[0] > 0) {
            return Main.INVALID_INPUT;
        }
        Texts t = Texts.of(lang);
        for (Snapshot s : series) {
            if (!s.id().equals(series.get(0).id())) {
                err.println("advisor: " + t.get("review.one-community", series.get(0).id(), s.id()));
                return Main.INVALID_INPUT;
            }
        }
        if (series.size() < 2) {
            err.println("advisor: " + t.get("review.too-few", series.size()));
            return Main.INVALID_INPUT;
        }
        List<Snapshot> sorted = series.stream().sorted(Comparator.comparing(Snapshot::asOf)).toList();
        List<Review> reviews = advisor.review(sorted);
        List<AdvisedCommunity> entries = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Snapshot s = sorted.get(i);
            Advice a = advisor.advise(s, lang);
            entries.add(new AdvisedCommunity(labels.get(series.indexOf(s)), s, a, i == 0 ? null : reviews.get(i - 1)));
        }
        try (Output output = Output.open(out)) {
            PrintWriter w = output.writer();
            switch (format) {
                case HTML -> w.print(HtmlReport.render(entries.subList(1, entries.size()), lang));
                case MD -> w.print(MarkdownReport.render(entries.subList(1, entries.size()), lang));
                case JSON -> {
                    JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(w).useDefaultPrettyPrinter();
                    gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    gen.writeStartArray();
                    for (AdvisedCommunity e : entries.subList(1, entries.size())) {
                        Json.MAPPER.writeValue(gen, Reviews.tree(e.advice(), e.review()));
                    }
                    gen.writeEndArray();
                    gen.flush();
                    w.println();
                }
                default -> {
                    // the closing hint names the last snapshot's file, when it is one
                    String last = entries.get(entries.size() - 1).label();
                    w.print(TextReport.of(lang).review(entries,
                            last != null && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(last)) ? last : null));
                }
            }
            w.flush();
            output.commit();
        }
        return 0;
    }
}
