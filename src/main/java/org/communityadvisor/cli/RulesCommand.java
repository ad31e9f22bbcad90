package org.communityadvisor.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.communityadvisor.Advisor;
import org.communityadvisor.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./advisor rules}: every rule, from its own metadata. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List every rule: id, category, severity, trigger, thresholds, source quote.",
                "列出所有规则:编号、类别、严重度、触发条件、阈值、出处。"})
final class RulesCommand implements Callable<Integer> {
    enum Format { TEXT, JSON, MD }

    @Option(names = "--format", paramLabel = "text|json|md", description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format = Format.TEXT;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = Output.stderr();
        Advisor advisor = engine.advisor(err);
        if (advisor == null) {
            return Main.INVALID_INPUT;
        }
        RuleCatalog catalog = new RuleCatalog(advisor.rules(), advisor.profile(), engine.lang);
        PrintWriter out = Output.stdout();
        switch (format) {
            case JSON -> out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(catalog.json()));
            case MD -> out.print(catalog.markdown());
            default -> catalog.text(out);
        }
        out.flush();
        return 0;
    }
}
