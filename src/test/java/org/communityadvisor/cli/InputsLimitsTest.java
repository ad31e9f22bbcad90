package org.communityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.communityadvisor.Message;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advise command's inputs are bounded while they are read, not after: a line or a file over the limit, or a
 * line that is not UTF-8, is refused alone (naming it and the limit) and the inputs after it are read.
 */
class InputsLimitsTest {
    private static List<Inputs.Document> read(List<String> args, InputStream stdin) {
        List<Inputs.Document> out = new ArrayList<>();
        new Inputs(args, stdin).forEach(out::add);
        return out;
    }

    private static byte[] jsonl(byte[]... lines) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            b.writeBytes(l);
            b.write('\n');
        }
        return b.toByteArray();
    }

    private static final byte[] GOOD = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BAD = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};

    private static void badByteRefusesItsLineAlone(List<Inputs.Document> docs, String label) {
        assertThat(docs).hasSize(3);
        assertThat(docs.get(0).text()).isEqualTo("{\"a\":1}");
        assertThat(docs.get(1).label()).isEqualTo(label + ":2");
        assertThat(docs.get(1).text()).isNull();
        assertThat(docs.get(1).refused().message()).isEqualTo(Message.NOT_UTF8);
        assertThat(docs.get(2).label()).isEqualTo(label + ":3");
        assertThat(docs.get(2).text()).isEqualTo("{\"a\":1}");
    }

    @Test
    void aBadByteRefusesItsLineAloneInAFile(@TempDir Path tmp) throws IOException {
        Path f = Files.write(tmp.resolve("in.jsonl"), jsonl(GOOD, BAD, GOOD));
        badByteRefusesItsLineAlone(read(List.of(f.toString()), InputStream.nullInputStream()), f.toString());
    }

    @Test
    void aBadByteRefusesItsLineAloneOnStandardInput() {
        badByteRefusesItsLineAlone(read(List.of("-"), new ByteArrayInputStream(jsonl(GOOD, BAD, GOOD))), "<stdin>");
    }

    /** 64 MiB with no newline, then a good line: never held, refused, and the next line read. */
    @Test
    void aLineThatNeverEndsIsRefusedWhileReading() {
        InputStream endless = new InputStream() {
            long left = 64L << 20;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        InputStream in = new SequenceInputStream(endless, new ByteArrayInputStream(jsonl(new byte[0], GOOD)));
        List<Inputs.Document> docs = read(List.of("-"), in);
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).refused().message()).isEqualTo(Message.DOCUMENT_OVER_LIMIT);
        assertThat(docs.get(0).refused().reason(org.communityadvisor.Lang.EN)).contains("4194304 bytes");
        assertThat(docs.get(1).label()).isEqualTo("<stdin>:2");
        assertThat(docs.get(1).text()).isEqualTo("{\"a\":1}");
    }

    @Test
    void aFileOverTheLimitInAFolderIsRefusedAndTheOthersRead(@TempDir Path tmp) throws IOException {
        Path big = tmp.resolve("a-big.json");
        try (var out = Files.newOutputStream(big)) {
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i <= Json.MAX_DOCUMENT_BYTES >> 20; i++) {
                out.write(chunk);
            }
        }
        Files.write(tmp.resolve("b-good.json"), GOOD);
        Files.write(tmp.resolve("c-bad.json"), BAD);
        List<Inputs.Document> docs = read(List.of(tmp.toString()), InputStream.nullInputStream());
        assertThat(docs).hasSize(3);
        assertThat(docs.get(0).label()).endsWith("a-big.json");
        assertThat(docs.get(0).refused().message()).isEqualTo(Message.DOCUMENT_OVER_LIMIT);
        assertThat(docs.get(1).text()).isEqualTo("{\"a\":1}");
        assertThat(docs.get(2).unreadable()).contains("not UTF-8 at byte").contains("iconv -f GBK -t UTF-8");
    }
}
