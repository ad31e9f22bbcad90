package org.communityadvisor.importer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.communityadvisor.ImportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON export that starts with zero bytes: Jackson takes it for UTF-32 and failed on it with an I/O error
 * (CharConversionException), which escaped the importers as an UncheckedIOException. Found by Jazzer
 * ({@code ImporterFuzzTests#wecom}, kept as {@code finding-utf32-charconversion} in its corpus). Now every
 * JSON reader refuses it as not UTF-8, naming the file. Likewise an events import's group facts file
 * ({@code --groups}) that is not UTF-8 escaped as MalformedInputException ({@code ImporterFuzzTests#events},
 * {@code finding-groups-not-utf8}).
 */
class NotUtf8JsonTest {
    /** '{', three zero bytes, then bytes that are no UTF-32 character. */
    static final byte[] UTF32_LOOKALIKE = {0x7b, 0, 0, 0, (byte) 0xad, 0x65, 0x72, 0x72, 0x63, 0x6f, 0x64, 0x65, 0x22,
        0x3a, 0x20, 0x30, 0x7d, 0x0a};

    @Test
    void telegram(@TempDir Path tmp) throws IOException {
        Path file = write(tmp.resolve("result.json"));
        refused(Format.TELEGRAM, file, file.toString());
    }

    @Test
    void discord(@TempDir Path tmp) throws IOException {
        Path file = write(tmp.resolve("general.json"));
        refused(Format.DISCORD, file, file.toString());
    }

    @Test
    void wecom(@TempDir Path tmp) throws IOException {
        Path file = write(tmp.resolve("groupchat_get.json"));
        refused(Format.WECOM, tmp, file.toString());
    }

    @Test
    void slackChannelsAndDayFiles(@TempDir Path tmp) throws IOException {
        Path export = Files.createDirectories(tmp.resolve("acme"));
        Files.copy(Path.of("src/test/resources/import/slack/acme/users.json"), export.resolve("users.json"));
        Path channels = write(export.resolve("channels.json"));
        refused(Format.SLACK, export, channels.toString());

        Files.writeString(channels, "[{\"id\": \"C1\", \"name\": \"general\", \"members\": [\"U1\"]}]");
        Path day = write(Files.createDirectories(export.resolve("general")).resolve("2026-11-01.json"));
        refused(Format.SLACK, export, day.toString());
    }

    @Test
    void eventsGroupFacts(@TempDir Path tmp) throws IOException {
        Path groups = Files.write(tmp.resolve("groups.jsonl"), new byte[] {'{', '"', (byte) 0xff, '"', '}', '\n'});
        assertThatThrownBy(() -> Importer.read(Format.EVENTS, List.of(Path.of("src/test/resources/import/events/group.jsonl")),
                ImportOptions.builder().groups(groups).build()))
                .isInstanceOf(ImportException.class)
                .hasMessage(groups + " line 1: is not UTF-8 text");
    }

    private static Path write(Path file) throws IOException {
        return Files.write(file, UTF32_LOOKALIKE);
    }

    private static void refused(Format format, Path path, String file) {
        assertThatThrownBy(() -> Importer.read(format, List.of(path), ImportOptions.builder().members(10).build()))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith(file)
                .hasMessageEndingWith(": is not UTF-8 text");
    }
}
