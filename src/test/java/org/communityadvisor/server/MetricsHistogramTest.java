package org.communityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.communityadvisor.Advisor;
import org.communityadvisor.cli.ServeCommand;
import org.junit.jupiter.api.Test;

/**
 * The latency histogram {@code advisor_request_seconds} as {@code /metrics} shows it (Prometheus text format
 * 0.0.4): its bucket boundaries, cumulative counts with inclusive upper bounds ({@code le}), {@code +Inf},
 * {@code _count} and {@code _sum}; first fed known durations, then through the HTTP server.
 */
class MetricsHistogramTest {
    /** The bucket bounds a dashboard's queries are written against, in the order they are exposed. */
    private static final List<String> LE = List.of("0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
            "0.25", "0.5", "1", "2.5", "5", "10", "+Inf");
    private static final String BUCKET = "advisor_request_seconds_bucket";
    private static final long MS = 1_000_000L;

    /** The histogram's bucket samples, by their {@code le} label, in the order they appear. */
    private static Map<String, Long> buckets(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith(BUCKET + "{le=\"")) {
                int end = line.indexOf("\"}", BUCKET.length() + 5);
                out.put(line.substring(BUCKET.length() + 5, end), Long.parseLong(line.substring(end + 3)));
            }
        }
        return out;
    }

    private static String value(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name + " ")).map(l -> l.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + name + " in\n" + text));
    }

    private static Map<String, Long> expected(long... cumulative) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < LE.size(); i++) {
            out.put(LE.get(i), cumulative[i]);
        }
        return out;
    }

    @Test
    void anEmptyHistogramHasEveryBucketAtZero() {
        String text = new Metrics().text();
        assertThat(text).contains("# TYPE advisor_request_seconds histogram\n");
        assertThat(buckets(text)).containsExactlyEntriesOf(expected(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(value(text, "advisor_request_seconds_count")).isEqualTo("0");
        assertThat(value(text, "advisor_request_seconds_sum")).isEqualTo("0.000000");
    }

    @Test
    void eachDurationCountsInEveryBucketFromTheFirstBoundAtOrAboveIt() {
        Metrics m = new Metrics();
        long[] durations = {
            1 * MS,            // exactly on 0.001: le is inclusive
            1 * MS + 1,        // just above it: 0.0025
            2_500_000,         // exactly 0.0025
            7 * MS,            // 0.01
            30 * MS,           // 0.05
            100 * MS,          // exactly 0.1
            400 * MS,          // 0.5
            1_500 * MS,        // 2.5
            10_000 * MS,       // exactly 10
            10_000 * MS + 1,   // above the last bound: +Inf only
            60_000 * MS,       // +Inf only
        };
        for (long d : durations) {
            m.request("/healthz", 200, d);
        }
        String text = m.text();
        //                                 .001 .0025 .005 .01 .025 .05 .1 .25 .5  1 2.5  5 10 +Inf
        assertThat(buckets(text)).containsExactlyEntriesOf(expected(1, 3, 3, 4, 4, 5, 6, 6, 7, 7, 8, 8, 9, 11));
        assertThat(value(text, "advisor_request_seconds_count")).isEqualTo("11");
        // 0.001 + 0.001000001 + 0.0025 + 0.007 + 0.03 + 0.1 + 0.4 + 1.5 + 10 + 10.000000001 + 60
        assertThat(value(text, "advisor_request_seconds_sum")).isEqualTo("82.041500");
    }

    @Test
    void statusAndEndpointDoNotChangeWhichBucketARequestFallsIn() {
        Metrics m = new Metrics();
        m.request("/v1/advice", 200, 3 * MS);
        m.request("/v1/advice", 400, 3 * MS);
        m.request("other", 404, 3 * MS);
        m.request("/v1/advice", 499, 3 * MS);
        String text = m.text();
        assertThat(buckets(text)).containsExactlyEntriesOf(expected(0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4));
        assertThat(value(text, "advisor_request_seconds_count")).isEqualTo("4");
        assertThat(value(text, "advisor_request_seconds_sum")).isEqualTo("0.012000");
        assertThat(value(text, "advisor_request_errors_total")).isEqualTo("3");
    }

    @Test
    void noCountIsLostUnderConcurrentRequests() throws Exception {
        Metrics m = new Metrics();
        int threads = 8;
        int each = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        m.request("/healthz", 200, i % 2 == 0 ? 2 * MS : 20 * MS);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long total = (long) threads * each;
        String text = m.text();
        Map<String, Long> b = buckets(text);
        assertThat(b.get("0.001")).isZero();
        assertThat(b.get("0.0025")).isEqualTo(total / 2);
        assertThat(b.get("0.025")).isEqualTo(total);
        assertThat(b.get("+Inf")).isEqualTo(total);
        assertThat(value(text, "advisor_request_seconds_count")).isEqualTo(String.valueOf(total));
        assertThat(value(text, "advisor_request_seconds_sum")).isEqualTo("440.000000"); // 20,000 × (0.002 + 0.020)
        assertThat(value(text, "advisor_requests_total{path=\"/healthz\",code=\"200\"}")).isEqualTo(String.valueOf(total));
    }

    /** Through the server: every answered request, whatever its endpoint and status, lands in the histogram. */
    @Test
    void theServersHistogramCountsEveryAnsweredRequest() throws Exception {
        AdvisorServer server = AdvisorServer.builder(Advisor.builder().build()).port(0)
                .catalog(ServeCommand::catalog).build();
        server.start();
        try {
            URI base = server.uri();
            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                assertThat(get(base, "/healthz").statusCode()).isEqualTo(200);
            }
            assertThat(get(base, "/no-such-path").statusCode()).isEqualTo(404);
            // a request is counted once its last byte is written, which may be just after the client has it:
            // read until the four are counted and nothing is half-counted
            String text = get(base, "/metrics").body();
            for (int tries = 0; tries < 100 && !(counted(text, "/healthz", 200) == 3 && counted(text, "other", 404) == 1
                    && count(text) == requests(text)); tries++) {
                Thread.sleep(20);
                text = get(base, "/metrics").body();
            }
            long elapsedNanos = System.nanoTime() - started;

            assertThat(counted(text, "/healthz", 200)).isEqualTo(3);
            assertThat(counted(text, "other", 404)).isEqualTo(1);
            long count = count(text);
            assertThat(count).as("every request counted by endpoint and status is in the histogram")
                    .isEqualTo(requests(text)).isGreaterThanOrEqualTo(4);
            Map<String, Long> b = buckets(text);
            assertThat(b.keySet()).containsExactlyElementsOf(LE);
            assertThat(b.get("+Inf")).isEqualTo(count);
            long previous = 0;
            for (long n : b.values()) {
                assertThat(n).as("cumulative").isGreaterThanOrEqualTo(previous);
                previous = n;
            }
            double sum = Double.parseDouble(value(text, "advisor_request_seconds_sum"));
            assertThat(sum).isGreaterThan(0).isLessThanOrEqualTo(count * elapsedNanos / 1e9);
        } finally {
            server.stop();
        }
    }

    private static long count(String text) {
        return Long.parseLong(value(text, "advisor_request_seconds_count"));
    }

    private static long counted(String text, String path, int code) {
        return text.lines().filter(l -> l.startsWith("advisor_requests_total{path=\"" + path + "\",code=\"" + code + "\"} "))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf("} ") + 2))).sum();
    }

    /** The sum of advisor_requests_total over every endpoint and status. */
    private static long requests(String text) {
        return text.lines().filter(l -> l.startsWith("advisor_requests_total{"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf("} ") + 2))).sum();
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return AdvisorServerTest.HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
