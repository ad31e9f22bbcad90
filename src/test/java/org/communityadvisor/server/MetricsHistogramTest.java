package org.communityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 * {@code /metrics} as Prometheus' Java client writes it (text format 0.0.4), read strictly ({@link PromText}):
 * the latency histogram {@code advisor_request_seconds} of each endpoint (bucket boundaries, cumulative counts
 * with inclusive upper bounds, {@code +Inf}, {@code _count}, {@code _sum}), requests and errors by endpoint, the
 * rules version; first fed known durations, then through the HTTP server.
 */
class MetricsHistogramTest {
    /** The bucket bounds a dashboard's queries are written against, in the order they are exposed. */
    private static final List<String> LE = List.of("0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
            "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf");
    private static final String SECONDS = "advisor_request_seconds";
    private static final long MS = 1_000_000L;
    private static final List<String> ENDPOINTS = List.of("/v1/advice", "/healthz", "other");

    private static Map<String, Long> expected(long... cumulative) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < LE.size(); i++) {
            out.put(LE.get(i), cumulative[i]);
        }
        return out;
    }

    private static Map<String, String> path(String p) {
        return Map.of("path", p);
    }

    @Test
    void everyEndpointHasItsHistogramAtZeroBeforeItsFirstRequest() {
        PromText t = PromText.parse(new Metrics(ENDPOINTS).text());
        assertThat(t.types).containsEntry(SECONDS, "histogram").containsEntry("advisor_request_errors_total", "counter").containsEntry("advisor_advices_total", "counter");
        for (String e : ENDPOINTS) {
            assertThat(t.buckets(SECONDS, e)).containsExactlyEntriesOf(expected(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
            assertThat(t.value(SECONDS + "_count", path(e))).isZero();
            assertThat(t.value(SECONDS + "_sum", path(e))).isZero();
            assertThat(t.value("advisor_request_errors_total", path(e))).isZero();
        }
        assertThat(t.value("advisor_advices_total", Map.of())).isZero();
        assertThat(t.all("advisor_requests_total")).as("no status is counted before it is answered").isEmpty();
    }

    @Test
    void eachDurationCountsInEveryBucketFromTheFirstBoundAtOrAboveIt() {
        Metrics m = new Metrics(ENDPOINTS);
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
        PromText t = PromText.parse(m.text());
        //                                 .001 .0025 .005 .01 .025 .05 .1 .25 .5  1 2.5  5 10 +Inf
        assertThat(t.buckets(SECONDS, "/healthz")).containsExactlyEntriesOf(expected(1, 3, 3, 4, 4, 5, 6, 6, 7, 7, 8, 8, 9, 11));
        assertThat(t.value(SECONDS + "_count", path("/healthz"))).isEqualTo(11);
        // 0.001 + 0.001000001 + 0.0025 + 0.007 + 0.03 + 0.1 + 0.4 + 1.5 + 10 + 10.000000001 + 60
        assertThat(t.value(SECONDS + "_sum", path("/healthz"))).isCloseTo(82.0415, within(1e-6));
        assertThat(t.value(SECONDS + "_count", path("/v1/advice"))).as("another endpoint's histogram").isZero();
    }

    @Test
    void eachEndpointHasItsOwnHistogramAndErrorsWhateverTheStatus() {
        Metrics m = new Metrics(ENDPOINTS);
        m.request("/v1/advice", 200, 3 * MS);
        m.request("/v1/advice", 400, 3 * MS);
        m.request("other", 404, 30 * MS);
        m.request("/v1/advice", 499, 3 * MS);
        PromText t = PromText.parse(m.text());
        assertThat(t.buckets(SECONDS, "/v1/advice")).containsExactlyEntriesOf(expected(0, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3));
        assertThat(t.buckets(SECONDS, "other")).containsExactlyEntriesOf(expected(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1));
        assertThat(t.value(SECONDS + "_sum", path("/v1/advice"))).isCloseTo(0.009, within(1e-9));
        assertThat(t.value("advisor_request_errors_total", path("/v1/advice"))).isEqualTo(2);
        assertThat(t.value("advisor_request_errors_total", path("other"))).isEqualTo(1);
        assertThat(t.value("advisor_request_errors_total", path("/healthz"))).isZero();
        assertThat(t.value("advisor_requests_total", Map.of("path", "/v1/advice", "code", "400"))).isEqualTo(1);
        assertThat(t.value("advisor_requests_total", Map.of("path", "other", "code", "404"))).isEqualTo(1);
    }

    @Test
    void theRulesInfoNamesTheVersionInForceOnly() {
        Metrics m = new Metrics(ENDPOINTS);
        m.rulesVersion("aaaa11112222");
        PromText t = PromText.parse(m.text());
        assertThat(t.types).containsEntry("advisor_rules_info", "gauge");
        assertThat(t.all("advisor_rules_info")).singleElement()
                .satisfies(s -> assertThat(s.labels()).isEqualTo(Map.of("rules_version", "aaaa11112222")))
                .satisfies(s -> assertThat(s.value()).isEqualTo(1));
        m.rulesVersion("bbbb33334444"); // a reload
        assertThat(PromText.parse(m.text()).all("advisor_rules_info")).singleElement()
                .satisfies(s -> assertThat(s.labels()).isEqualTo(Map.of("rules_version", "bbbb33334444")));
    }

    @Test
    void noCountIsLostUnderConcurrentRequests() throws Exception {
        Metrics m = new Metrics(ENDPOINTS);
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
        PromText t = PromText.parse(m.text());
        Map<String, Long> b = t.buckets(SECONDS, "/healthz");
        assertThat(b.get("0.001")).isZero();
        assertThat(b.get("0.0025")).isEqualTo(total / 2);
        assertThat(b.get("0.025")).isEqualTo(total);
        assertThat(b.get("+Inf")).isEqualTo(total);
        assertThat(t.value(SECONDS + "_count", path("/healthz"))).isEqualTo(total);
        assertThat(t.value(SECONDS + "_sum", path("/healthz"))).isCloseTo(440.0, within(1e-6)); // 20,000 × (0.002 + 0.020)
        assertThat(t.value("advisor_requests_total", Map.of("path", "/healthz", "code", "200"))).isEqualTo(total);
    }

    /** Through the server: every answered request, whatever its endpoint and status, lands in its histogram. */
    @Test
    void theServersHistogramCountsEveryAnsweredRequest() throws Exception {
        Advisor advisor = Advisor.builder().build();
        AdvisorServer server = AdvisorServer.builder(advisor).port(0).catalog(ServeCommand::catalog).build();
        server.start();
        try {
            URI base = server.uri();
            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                assertThat(get(base, "/healthz").statusCode()).isEqualTo(200);
            }
            assertThat(get(base, "/no-such-path").statusCode()).isEqualTo(404);
            assertThat(get(base, "/v1/../etc/passwd?x=1").statusCode()).isGreaterThanOrEqualTo(400);
            // a request is counted once its last byte is written, which may be just after the client has it:
            // read until they are counted and nothing is half-counted
            HttpResponse<String> r = get(base, "/metrics");
            PromText t = PromText.parse(r.body());
            for (int tries = 0; tries < 100 && !(counted(t, "/healthz", 200) == 3 && counted(t, "other", 404) >= 1
                    && count(t) == requests(t)); tries++) {
                Thread.sleep(20);
                t = PromText.parse(get(base, "/metrics").body());
            }
            long elapsedNanos = System.nanoTime() - started;
            assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");

            assertThat(counted(t, "/healthz", 200)).isEqualTo(3);
            assertThat(counted(t, "other", 404)).isGreaterThanOrEqualTo(1);
            assertThat(t.all("advisor_requests_total")).as("endpoints are fixed names, never raw paths")
                    .allSatisfy(s -> assertThat(s.labels().get("path")).isIn("/v1/advice", "/v1/advice:batch", "/v1/rules",
                            "/healthz", "/metrics", "/openapi.json", "/v1/admin/reload", "other"));
            long count = count(t);
            assertThat(count).as("every request counted by endpoint and status is in a histogram")
                    .isEqualTo(requests(t)).isGreaterThanOrEqualTo(4);
            assertThat(t.buckets(SECONDS, "/healthz").keySet()).containsExactlyElementsOf(LE);
            assertThat(t.buckets(SECONDS, "/healthz").get("+Inf")).isEqualTo(3);
            double sum = t.all(SECONDS + "_sum").stream().mapToDouble(PromText.Sample::value).sum();
            assertThat(sum).isGreaterThan(0).isLessThanOrEqualTo(count * elapsedNanos / 1e9);
            assertThat(t.all("advisor_rules_info")).singleElement()
                    .satisfies(s -> assertThat(s.labels()).isEqualTo(Map.of("rules_version", advisor.rules().version())));
        } finally {
            server.stop();
        }
    }

    /** Requests in every endpoint's histogram. */
    private static long count(PromText t) {
        return (long) t.all(SECONDS + "_count").stream().mapToDouble(PromText.Sample::value).sum();
    }

    private static long counted(PromText t, String path, int code) {
        return (long) t.valueOr0("advisor_requests_total", Map.of("path", path, "code", String.valueOf(code)));
    }

    /** The sum of advisor_requests_total over every endpoint and status. */
    private static long requests(PromText t) {
        return (long) t.all("advisor_requests_total").stream().mapToDouble(PromText.Sample::value).sum();
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return AdvisorServerTest.HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
