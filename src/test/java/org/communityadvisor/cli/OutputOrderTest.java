package org.communityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records written as bytes and text written through the writer come out in the order they were written. */
class OutputOrderTest {
    @Test
    void bytesNeverOvertakeTheWritersText(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.jsonl");
        try (Output output = Output.open(target)) {
            output.writer().println("text 1 · 中文");
            output.record("{\"line\":2,\"名\":\"群\"}".getBytes(StandardCharsets.UTF_8));
            output.writer().print("text 3");
            output.writer().flush(); // the writer's own flush keeps the order too
            output.record("{\"line\":4}".getBytes(StandardCharsets.UTF_8));
            output.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("text 1 · 中文\n{\"line\":2,\"名\":\"群\"}\ntext 3{\"line\":4}\n");
    }
}
