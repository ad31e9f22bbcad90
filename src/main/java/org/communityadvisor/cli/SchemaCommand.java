package org.communityadvisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./advisor schema}: the JSON Schema other systems validate snapshots (or scenario files) against. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema of a snapshot (generated from the advisor's snapshot model) or of a "
                + "scenario file.", "输出快照(或场景文件)的 JSON Schema。"})
final class SchemaCommand implements Callable<Integer> {
    enum Which { snapshot, scenario }

    @Parameters(arity = "0..1", paramLabel = "snapshot|scenario", description = "Which schema (default: ${DEFAULT-VALUE}).")
    Which which = Which.snapshot;

    @Override
    public Integer call() throws IOException {
        String text;
        if (which == Which.snapshot) {
            text = org.communityadvisor.AdviceJson.snapshotSchema();
        } else {
            try (InputStream in = SchemaCommand.class.getClassLoader()
                    .getResourceAsStream("org/communityadvisor/schema/scenario.schema.json")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        java.io.PrintWriter out = Output.stdout();
        out.print(text);
        out.flush();
        return 0;
    }
}
