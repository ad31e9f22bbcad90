package org.communityadvisor.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a request body, one at a time, each at most {@code limit} bytes: a longer line is skipped to its end
 * and reported as too long, so a batch of any length is read in bounded memory. Accepts {@code \n} and
 * {@code \r\n}; a UTF-8 byte order mark before the first line is dropped.
 */
final class LineReader {
    record Line(String text, boolean tooLong) {
    }

    private final InputStream in;
    private final long limit;
    private final byte[] buffer = new byte[16 * 1024];
    private int pos;
    private int end;
    private boolean first = true;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);

    LineReader(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    /** Whether more is at hand without waiting for the client. */
    boolean ready() throws IOException {
        return pos < end || in.available() > 0;
    }

    /** The next line, or {@code null} at the end of the body. */
    Line next() throws IOException {
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
        if (tooLong) {
            first = false;
            return new Line(null, true);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (first) {
            first = false;
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        }
        return new Line(text, false);
    }
}
