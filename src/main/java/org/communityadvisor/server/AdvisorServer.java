package org.communityadvisor.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import org.communityadvisor.Advisor;
import org.communityadvisor.Lang;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code ./advisor serve}: the advisor as an HTTP JSON service on Jetty 12's core API (no servlets). One
 * {@link Advisor} serves every request; it is thread-safe and {@link Advisor#reload(Path) reloads} atomically.
 * A stop (or SIGTERM, through the JVM's shutdown hook) lets requests in flight finish, within the stop timeout.
 *
 * <pre>{@code
 * AdvisorServer server = AdvisorServer.builder(advisor).port(0).build();
 * server.start();
 * URI base = server.uri();
 * server.stop();
 * }</pre>
 */
public final class AdvisorServer {
    /** What the service needs to answer {@code GET /v1/rules}: the catalog of the rules in force, in a language. */
    @FunctionalInterface
    public interface Catalog extends BiFunction<Advisor, Lang, Object> {
    }

    /** Open connections at most, by default (well over {@code --max-concurrent} and its queue: keep-alive clients). */
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    /** The largest {@code --max-connections} taken. */
    public static final int MAX_CONNECTIONS = 100_000;

    private final Server server;
    private final ServerConnector connector;
    private final AdvisorHandler handler;

    private AdvisorServer(Builder b) {
        QueuedThreadPool threads = new QueuedThreadPool(b.maxThreads, Math.min(8, b.maxThreads));
        threads.setName("advisor-http");
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost(b.host);
        connector.setPort(b.port);
        connector.setIdleTimeout(b.idleTimeout.toMillis());
        connector.getConnectionFactories().stream()
                .filter(f -> f instanceof org.eclipse.jetty.server.HttpConnectionFactory)
                .map(f -> ((org.eclipse.jetty.server.HttpConnectionFactory) f).getHttpConfiguration())
                .forEach(c -> {
                    c.setSendServerVersion(false);
                    c.setSendXPoweredBy(false);
                });
        server.addConnector(connector);
        // At most maxConnections open connections: past it Jetty stops accepting (new ones wait in the system's
        // accept queue) until one closes, so idle or slow clients cannot hold an unbounded number of sockets.
        server.addBean(new NetworkConnectionLimit(b.maxConnections, connector));
        handler = new AdvisorHandler(b);
        // At most maxConcurrent requests run at once (advice is CPU-bound; a slow body holds a thread while it
        // arrives), maxQueued more wait up to queueWait without a thread, the rest are answered 503 at once.
        // /healthz and /metrics are outside the limit: they answer while advice requests wait.
        QoSHandler limit = new QoSHandler(handler) {
            @Override
            protected void reject(Request request, Response response, Callback callback, int status) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
                super.reject(request, response, callback, status);
            }
        };
        limit.setMaxRequestCount(b.maxConcurrent);
        limit.setMaxSuspendedRequestCount(b.maxQueued);
        limit.setMaxSuspend(b.queueWait);
        limit.setRejectStatusCode(HttpStatus.SERVICE_UNAVAILABLE_503);
        limit.excludePath("/healthz", "/metrics");
        GracefulHandler graceful = new GracefulHandler(limit);
        // While stopping, idle keep-alive connections are closed after this (so a stop does not wait out the
        // whole idle timeout); a client still sending its request (a batch) is cut only if it pauses this long
        // (Jetty's default, 1 s, cut batches on a busy machine). New requests are refused with 503.
        graceful.setShutdownIdleTimeout(Math.min(b.idleTimeout.toMillis(), 3000));
        server.setHandler(graceful);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(b.stopTimeout.toMillis());
        server.setStopAtShutdown(b.stopAtShutdown);
    }

    public static Builder builder(Advisor advisor) {
        return new Builder(advisor);
    }

    public void start() throws Exception {
        server.start();
    }

    /** Stops accepting, lets requests in flight finish (up to the stop timeout), then stops. */
    public void stop() throws Exception {
        server.stop();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    /** The port bound (the free port chosen when asked for port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public java.net.URI uri() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return java.net.URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** Requests being handled now. */
    public long inFlight() {
        return handler.inFlight();
    }

    /** Options of the service; every one has the command line's default. */
    public static final class Builder {
        final Advisor advisor;
        String host = "127.0.0.1";
        int port = 8080;
        long maxBody = 1 << 20;
        Duration idleTimeout = Duration.ofSeconds(30);
        Duration stopTimeout = Duration.ofSeconds(30);
        Path rulesDirectory;
        byte[] adminToken;
        Catalog catalog;
        int maxThreads = 200;
        int maxConcurrent = 64;
        int maxConnections = DEFAULT_MAX_CONNECTIONS;
        int maxQueued = 64;
        Duration queueWait = Duration.ofSeconds(5);
        long minDataRate = 512;
        Duration minDataRateGrace = Duration.ofSeconds(5);
        boolean stopAtShutdown;
        java.io.PrintStream log = System.err;
        Lang lang = Lang.EN;

        private Builder(Advisor advisor) {
            this.advisor = Objects.requireNonNull(advisor, "advisor");
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 picks a free port ({@link AdvisorServer#port()} tells which). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The largest body of {@code /v1/advice}, and of each line of {@code /v1/advice:batch}, in bytes. */
        public Builder maxBody(long bytes) {
            this.maxBody = bytes;
            return this;
        }

        /** A connection idle this long (a slow client) is closed. */
        public Builder idleTimeout(Duration d) {
            this.idleTimeout = d;
            return this;
        }

        /** How long a stop waits for requests in flight. */
        public Builder stopTimeout(Duration d) {
            this.stopTimeout = d;
            return this;
        }

        /**
         * Enables {@code POST /v1/admin/reload}: reloads this folder, for callers that send
         * {@code Authorization: Bearer TOKEN}. Without both, the endpoint answers 404.
         */
        public Builder reload(Path rulesDirectory, String token) {
            if (token == null || token.isEmpty()) {
                throw new IllegalArgumentException("empty admin token");
            }
            this.rulesDirectory = Objects.requireNonNull(rulesDirectory);
            this.adminToken = token.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** The rules catalog served on {@code GET /v1/rules}. */
        public Builder catalog(Catalog catalog) {
            this.catalog = catalog;
            return this;
        }

        /** The language of texts when a request does not say ({@code ?lang=}). */
        public Builder lang(Lang lang) {
            this.lang = Objects.requireNonNull(lang);
            return this;
        }

        public Builder maxThreads(int n) {
            this.maxThreads = n;
            return this;
        }

        /**
         * At most this many requests (other than {@code /healthz} and {@code /metrics}) are handled at once;
         * {@code queued} more wait, each up to {@code wait}, without holding a thread; the rest are answered
         * 503 with {@code Retry-After}. Keep {@code concurrent} well under {@link #maxThreads(int)}.
         */
        public Builder maxConcurrent(int concurrent, int queued, Duration wait) {
            if (concurrent < 1 || queued < 0) {
                throw new IllegalArgumentException("concurrent requests must be positive, queued ones not negative");
            }
            this.maxConcurrent = concurrent;
            this.maxQueued = queued;
            this.queueWait = Objects.requireNonNull(wait);
            return this;
        }

        /**
         * A request body must arrive at this many bytes a second on average, counting only the time spent
         * waiting for it, once it has been waited for longer than {@code grace}; a slower one is answered 408
         * and its connection closed. 0 turns the check off (the idle timeout still applies).
         */
        public Builder minDataRate(long bytesPerSecond, Duration grace) {
            this.minDataRate = bytesPerSecond;
            this.minDataRateGrace = Objects.requireNonNull(grace);
            return this;
        }

        /**
         * At most this many connections are open at once; past it, new ones are not accepted (they wait in the
         * system's accept queue) until one closes.
         */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("connections must be positive");
            }
            this.maxConnections = connections;
            return this;
        }

        /** Stop gracefully when the JVM is asked to exit (SIGTERM, Ctrl-C). */
        public Builder stopAtShutdown(boolean b) {
            this.stopAtShutdown = b;
            return this;
        }

        /** Where unexpected errors are reported, one line each (default: standard error). */
        public Builder log(java.io.PrintStream log) {
            this.log = Objects.requireNonNull(log);
            return this;
        }

        public AdvisorServer build() {
            return new AdvisorServer(this);
        }
    }

    /** Jetty's own errors (a malformed request, a rejection while stopping) as JSON, never a page or a stack. */
    private static final class JsonErrorHandler extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) throws IOException {
            String reason = code == 500 ? "internal error" : HttpStatus.getMessage(code).toLowerCase(java.util.Locale.ROOT);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(("{\"error\":\"" + reason + "\"}\n").getBytes(StandardCharsets.UTF_8)), callback);
        }
    }
}
