package org.communityadvisor.server;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The service's metrics, kept and written by Prometheus' Java client (text exposition format 0.0.4): the rules
 * version in force ({@code advisor_rules_info}), requests by endpoint and status, errors by endpoint, a latency
 * histogram by endpoint, and advices made. Endpoints are fixed names ({@code /v1/advice}, ..., {@code other}),
 * never a raw path, so a scan of random paths cannot grow the label set. Each server has its own registry.
 * Thread-safe; nothing blocks.
 */
final class Metrics {
    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    /** The content type of {@link #text()}. */
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Info rules = Info.builder().name("advisor_rules")
            .help("The rules in force: their content hash (the rulesVersion of every advice), updated on reload.")
            .labelNames("rules_version").register(registry);
    private final Counter requests = Counter.builder().name("advisor_requests")
            .help("HTTP requests answered, by endpoint and status code.")
            .labelNames("path", "code").register(registry);
    private final Counter errors = Counter.builder().name("advisor_request_errors")
            .help("HTTP requests answered with a 4xx or 5xx status, by endpoint.")
            .labelNames("path").register(registry);
    private final Histogram latency = Histogram.builder().name("advisor_request_seconds")
            .help("Time from a request's arrival to its last byte written, by endpoint.")
            .classicOnly().classicUpperBounds(BUCKETS).withoutExemplars()
            .labelNames("path").register(registry);
    private final Counter advices = Counter.builder().name("advisor_advices")
            .help("Advices made (single and batch lines).").register(registry);
    private volatile String rulesVersion;

    /** Metrics of these endpoints, each shown (at zero) before its first request. */
    Metrics(java.util.Collection<String> endpoints) {
        for (String e : endpoints) {
            errors.initLabelValues(e);
            latency.initLabelValues(e);
        }
        advices.initLabelValues();
    }

    /** One answered request: its endpoint (a fixed name, never the raw path), status and duration. */
    void request(String endpoint, int status, long nanos) {
        requests.labelValues(endpoint, Integer.toString(status)).inc();
        if (status >= 400) {
            errors.labelValues(endpoint).inc();
        }
        latency.labelValues(endpoint).observe(nanos / 1e9);
    }

    void advice() {
        advices.inc();
    }

    /** The rules version in force; the info metric follows it (a reload changes it). */
    void rulesVersion(String version) {
        if (!version.equals(rulesVersion)) {
            synchronized (rules) {
                if (!version.equals(rulesVersion)) {
                    rules.setLabelValues(version);
                    rulesVersion = version;
                }
            }
        }
    }

    String text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            WRITER.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
