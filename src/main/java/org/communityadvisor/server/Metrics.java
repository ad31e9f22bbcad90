package org.communityadvisor.server;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's counters in the Prometheus text exposition format (version 0.0.4), hand-written: requests by
 * endpoint and status, errors, a latency histogram, and advices made. Thread-safe; nothing blocks.
 */
final class Metrics {
    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();
    private final LongAdder advices = new LongAdder();
    private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    private final LongAdder count = new LongAdder();
    private final LongAdder sumNanos = new LongAdder();

    Metrics() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** One answered request: its endpoint (a fixed name, never the raw path), status and duration. */
    void request(String endpoint, int status, long nanos) {
        requests.computeIfAbsent(endpoint + '\u0000' + status, k -> new LongAdder()).increment();
        if (status >= 400) {
            errors.increment();
        }
        double seconds = nanos / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                buckets[i].increment();
            }
        }
        count.increment();
        sumNanos.add(nanos);
    }

    void advice() {
        advices.increment();
    }

    String text() {
        StringBuilder b = new StringBuilder(2048);
        b.append("# HELP advisor_requests_total HTTP requests answered, by endpoint and status code.\n");
        b.append("# TYPE advisor_requests_total counter\n");
        requests.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] k = e.getKey().split("\u0000");
            b.append("advisor_requests_total{path=\"").append(k[0]).append("\",code=\"").append(k[1]).append("\"} ")
                    .append(e.getValue().sum()).append('\n');
        });
        b.append("# HELP advisor_request_errors_total HTTP requests answered with a 4xx or 5xx status.\n");
        b.append("# TYPE advisor_request_errors_total counter\n");
        b.append("advisor_request_errors_total ").append(errors.sum()).append('\n');
        b.append("# HELP advisor_request_seconds Time from a request's arrival to its last byte written.\n");
        b.append("# TYPE advisor_request_seconds histogram\n");
        long total = count.sum();
        long[] cumulative = new long[BUCKETS.length];
        long above = total; // read while requests are counted: keep the buckets cumulative and within the count
        for (int i = BUCKETS.length - 1; i >= 0; i--) {
            cumulative[i] = above = Math.min(buckets[i].sum(), above);
        }
        for (int i = 0; i < BUCKETS.length; i++) {
            b.append("advisor_request_seconds_bucket{le=\"").append(format(BUCKETS[i])).append("\"} ")
                    .append(cumulative[i]).append('\n');
        }
        b.append("advisor_request_seconds_bucket{le=\"+Inf\"} ").append(total).append('\n');
        b.append("advisor_request_seconds_sum ").append(String.format(Locale.ROOT, "%.6f", sumNanos.sum() / 1e9)).append('\n');
        b.append("advisor_request_seconds_count ").append(total).append('\n');
        b.append("# HELP advisor_advices_total Advices made (single and batch lines).\n");
        b.append("# TYPE advisor_advices_total counter\n");
        b.append("advisor_advices_total ").append(advices.sum()).append('\n');
        return b.toString();
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
