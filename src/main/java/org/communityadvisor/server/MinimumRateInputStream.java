package org.communityadvisor.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that must arrive at a minimum average rate. Only the time spent waiting for the client counts
 * (not the time the server spends advising the lines already read), and only after a grace period, so a short
 * pause of a real client passes while one byte every few seconds is cut. Jetty 12 offers no per-request check of
 * this kind that works on a blocking read: {@code HttpConfiguration.setMinRequestDataRate} is no longer consulted,
 * and {@code MinimumDataRateHandler} divides the bytes of all requests by the time of one.
 */
final class MinimumRateInputStream extends FilterInputStream {
    /** The body came too slowly: answered 408. */
    static final class TooSlow extends IOException {
        TooSlow(String message) {
            super(message, null);
        }
    }

    private final long minBytesPerSecond;
    private final long graceNanos;
    private long waitedNanos;
    private long bytes;

    MinimumRateInputStream(InputStream in, long minBytesPerSecond, long graceNanos) {
        super(in);
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = graceNanos;
    }

    @Override
    public int read() throws IOException {
        long t0 = System.nanoTime();
        int b = super.read();
        account(t0, b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        long t0 = System.nanoTime();
        int n = super.read(buf, off, len);
        account(t0, Math.max(n, 0));
        return n;
    }

    private void account(long t0, int n) throws TooSlow {
        waitedNanos += System.nanoTime() - t0;
        bytes += n;
        if (minBytesPerSecond > 0 && waitedNanos > graceNanos
                && bytes * 1_000_000_000.0 / waitedNanos < minBytesPerSecond) {
            throw new TooSlow("request body slower than " + minBytesPerSecond + " bytes a second");
        }
    }
}
