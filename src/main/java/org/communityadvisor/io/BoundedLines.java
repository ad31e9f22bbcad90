package org.communityadvisor.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a UTF-8 stream (a JSONL file, standard input), one at a time, each at most {@code limit} bytes,
 * so a stream of any length, or a line that never ends, is read in bounded memory. A line longer than the limit
 * is skipped to its end and handed out as {@link Line#tooLong()}; a line that is not UTF-8 as
 * {@link Line#notUtf8()}: each refuses that line alone, and the lines after it are read. Never a U+FFFD in
 * place of a bad byte. Accepts {@code \n} and {@code \r\n}; a UTF-8 byte-order mark before the first line is
 * dropped.
 */
public final class BoundedLines {
    /** One line: its number (from 1), its text, or why it has none. */
    public record Line(long number, String text, boolean tooLong, boolean notUtf8) {
        /** True when the line was read and decoded. */
        public boolean ok() {
            return text != null;
        }
    }

    private final InputStream in;
    private final long limit;
    private final byte[] buffer = new byte[16 * 1024];
    private int pos;
    private int end;
    private long number;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);

    public BoundedLines(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The most bytes a line may have. */
    public long limit() {
        return limit;
    }

    /** Whether more is at hand without waiting for the writer (an HTTP client, a pipe). */
    public boolean ready() throws IOException {
        return pos < end || in.available() > 0;
    }

    /** The next line, or {@code null} at the end of the stream. */
    public Line next() throws IOException {
        line.reset();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                int n = in.read(buffer, 0, buffer.length);
                if (n <= 0) {
                    return any ? finish(tooLong) : null;
                }
                pos = 0;
                end = n;
            }
            any = true;
            int start = pos;
            while (pos < end && buffer[pos] != '\n') {
                pos++;
            }
            if (!tooLong) {
                if (line.size() + (long) (pos - start) > limit) {
                    tooLong = true;
                    line.reset();
                } else {
                    line.write(buffer, start, pos - start);
                }
            }
            if (pos < end) {
                pos++; // the newline
                return finish(tooLong);
            }
        }
    }

    private Line finish(boolean tooLong) {
        number++;
        if (tooLong) {
            return new Line(number, null, true, false);
        }
        String text;
        try {
            text = decode(line.toByteArray());
        } catch (CharacterCodingException e) {
            return new Line(number, null, false, true);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (number == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new Line(number, text, false, false);
    }

    /** The bytes as UTF-8, strictly: a malformed or unmappable byte is an error, never a U+FFFD. */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    /**
     * At most {@code limit} bytes of the stream, or {@code null} when it holds more: the rest is never read
     * into memory (a 2 GB file costs {@code limit} bytes, not 2 GB).
     */
    public static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit);
        if (bytes.length == limit && in.read() >= 0) {
            return null;
        }
        return bytes;
    }
}
