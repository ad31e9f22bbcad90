package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.communityadvisor.ImportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An events line is bounded while it is read: a line over 1 MiB (say, with no newline) is refused, naming it. */
class EventsLineLimitTest {
    @Test
    void aLineOverTheLimitIsRefusedNamingItsNumberAndTheLimit(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("events.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(Files.readAllLines(Path.of("src/test/resources/import/events/group.jsonl")).get(0)
                    .getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 64 * 16 + 1; i++) { // 64 MiB and more, no newline
                out.write(chunk);
            }
        }
        assertThatThrownBy(() -> Importer.read(Format.EVENTS, List.of(file), ImportOptions.builder().build()))
                .isInstanceOf(ImportException.class)
                .hasMessage(file + " line 2: longer than 1048576 bytes (1 MiB), the most a line may have");
    }
}
