package org.communityadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.communityadvisor.Advisor;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Lang;
import org.communityadvisor.Plan;
import org.communityadvisor.ValidationError;
import org.communityadvisor.json.Json;
import org.communityadvisor.report.PlanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./advisor plan}: the advice as a plan for the coming four weeks. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Turn the advice into a plan: this week, this month, later; at most 7 moves in the first two, "
                + "each with its owner, the recommendations it carries out, the figure to watch, and dated slots "
                + "over the next four weeks for recurring ones (at activity.peakHour when known).",
                "把建议变成计划:本周、本月、以后;前两段最多 7 项,每项写明负责人、落实哪些建议、看哪个数字判断见效,"
                        + "重复性的事项排出未来四周的日期(已知高峰时段时按该时段)。",
                "--format ics writes the slots as an iCalendar file a calendar imports. Exit 0, 2 on invalid input."})
final class PlanCommand implements Callable<Integer> {
    enum Format { TEXT, MD, HTML, JSON, ICS }

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|-",
            description = "Snapshot or scenario files, folders of *.json files, *.jsonl files, or - for JSONL on standard input.")
    List<String> inputs;

    @Option(names = "--format", paramLabel = "text|md|html|json|ics", description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format = Format.TEXT;

    @Option(names = "--out", paramLabel = "PATH", description = "Write to this file (whole, or not at all) instead of standard output.")
    Path out;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = Output.stderr();
        Advisor advisor = engine.advisor(err);
        if (advisor == null) {
            return Main.INVALID_INPUT;
        }
        Lang lang = engine.lang;
        List<Plan> plans = new ArrayList<>();
        int[] refused = {0};
        new Inputs(inputs, System.in).forEach(doc -> {
            if (doc.unreadable() != null) {
                err.println(doc.label() + ": " + doc.unreadable());
                refused[0]++;
                return;
            }
            try {
                plans.add(advisor.plan(org.communityadvisor.AdviceJson.readInput(doc.text()), lang));
            } catch (InvalidSnapshotException e) {
                for (ValidationError v : e.errors()) {
                    err.println(doc.label() + ": " + (v.path().equals("(file)") ? "" : v.path() + ": ") + v.reason(lang));
                }
                refused[0]++;
            }
        });
        try (Output output = Output.open(out)) {
            PrintWriter w = output.writer();
            switch (format) {
                case ICS -> w.print(PlanCalendar.write(plans, lang));
                case JSON -> w.println(Json.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(plans.size() == 1 ? plans.get(0) : plans));
                default -> {
                    PlanReport.Format f = PlanReport.Format.valueOf(format.name());
                    for (Plan p : plans) {
                        w.print(PlanReport.render(p, lang, f));
                    }
                }
            }
            w.flush();
            output.commit();
        }
        return refused[0] > 0 ? Main.INVALID_INPUT : 0;
    }
}
