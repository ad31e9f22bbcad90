package org.communityadvisor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.communityadvisor.Advice;
import org.communityadvisor.Advisor;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Scenario;
import org.communityadvisor.Snapshot;
import org.communityadvisor.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./advisor check}: every scenario's expectations, variants included, as a pass/fail table. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Run the expectations of scenario files (base and variants) and print a pass/fail table.",
                "运行场景文件(含变体)中的预期,输出通过/失败表。",
                "Exit 0 when all pass, 1 when any fails, 2 when a scenario file is invalid."})
final class CheckCommand implements Callable<Integer> {
    enum Format { TEXT, JSON }

    @Parameters(arity = "0..*", paramLabel = "DIR|FILE", description = "Scenario files or folders (default: scenarios/).")
    List<String> paths = new ArrayList<>(List.of("scenarios"));

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format = Format.TEXT;

    @Mixin
    EngineOptions engine;

    record Row(String file, String variant, String result, int recommendations, List<String> differences) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = Output.stderr();
        Advisor advisor = engine.advisor(err);
        if (advisor == null) {
            return Main.INVALID_INPUT;
        }
        List<Row> rows = new ArrayList<>();
        boolean invalid = false;
        for (String p : paths) {
            if (!Files.exists(Path.of(p))) {
                err.println(p.equals("scenarios") && paths.size() == 1
                        ? "advisor: check: no scenarios/ folder here; name scenario files or folders: ./advisor check DIR|FILE ..."
                        : "advisor: check: " + p + ": no such file or folder");
                return Main.INVALID_INPUT;
            }
        }
        List<Path> files = ScenarioFiles.expand(paths);
        if (files.isEmpty()) {
            err.println(org.communityadvisor.text.Texts.of(engine.lang).get("check.no-scenarios", String.join(" ", paths)));
            return Main.INVALID_INPUT;
        }
        for (Path file : files) {
            Scenario scenario;
            try {
                scenario = Scenario.read(Files.readString(file), advisor.rules());
            } catch (InvalidSnapshotException e) {
                // every error once, in the table (not also on stderr)
                rows.add(new Row(file.toString(), "-", "INVALID", 0, e.errors().stream()
                        .map(v -> v.path() + ": " + v.reason(engine.lang)).toList()));
                invalid = true;
                continue;
            } catch (java.io.IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                rows.add(new Row(file.toString(), "-", "INVALID", 0, List.of("cannot read")));
                invalid = true;
                continue;
            }
            for (Map.Entry<String, Snapshot> s : scenario.snapshots().entrySet()) {
                Scenario.Expectations expect = s.getKey().equals("base") ? scenario.expect()
                        : scenario.variants().stream().filter(v -> v.name().equals(s.getKey())).findFirst()
                                .orElseThrow().expect();
                Advice advice = advisor.advise(s.getValue());
                if (expect.isEmpty()) {
                    rows.add(new Row(file.toString(), s.getKey(), "NONE", advice.recommendations().size(), List.of()));
                    continue;
                }
                List<String> diff = expect.check(advice);
                rows.add(new Row(file.toString(), s.getKey(), diff.isEmpty() ? "PASS" : "FAIL",
                        advice.recommendations().size(), diff));
            }
        }
        long passed = rows.stream().filter(r -> r.result().equals("PASS")).count();
        long failed = rows.stream().filter(r -> !r.result().equals("PASS") && !r.result().equals("NONE")).count();
        PrintWriter out = Output.stdout();
        if (format == Format.JSON) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            for (Row r : rows) {
                ObjectNode o = array.addObject();
                o.put("file", r.file()).put("variant", r.variant()).put("result", r.result())
                        .put("recommendations", r.recommendations());
                r.differences().forEach(o.putArray("differences")::add);
            }
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else {
            int fw = Math.max(8, rows.stream().mapToInt(r -> r.file().length()).max().orElse(8));
            int vw = Math.max(7, rows.stream().mapToInt(r -> r.variant().length()).max().orElse(7));
            out.println(String.format("%-" + fw + "s  %-" + vw + "s  %-7s %4s", "scenario", "variant", "result", "recs"));
            for (Row r : rows) {
                out.println(String.format("%-" + fw + "s  %-" + vw + "s  %-7s %4d", r.file(), r.variant(), r.result(),
                        r.recommendations()));
                for (String d : r.differences()) {
                    out.println(" ".repeat(fw + vw + 4) + "- " + d);
                }
            }
            out.println();
            out.println(passed + " passed, " + failed + " failed");
        }
        out.flush();
        return invalid ? Main.INVALID_INPUT : failed > 0 ? 1 : 0;
    }
}
