package org.communityadvisor.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.communityadvisor.Advice;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Advisor;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Lang;
import org.communityadvisor.RulesException;
import org.communityadvisor.Snapshot;
import org.communityadvisor.ValidationError;
import org.communityadvisor.json.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** Routes and answers every request of {@link AdvisorServer}. Blocking handler: each request runs on a pool thread. */
final class AdvisorHandler extends Handler.Abstract {
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final ObjectWriter COMPACT = Json.MAPPER.writer();

    private final Advisor advisor;
    private final long maxBody;
    private final long minDataRate;
    private final long minDataRateGraceNanos;
    private final Path rulesDirectory;
    private final byte[] adminToken;
    private final AdvisorServer.Catalog catalog;
    private final java.io.PrintStream log;
    private final Lang defaultLang;
    private final Metrics metrics = new Metrics(
            java.util.Arrays.stream(Endpoint.values()).map(Endpoint::label).toList());
    private final LongAdder inFlight = new LongAdder();
    private final Object reloading = new Object();
    private volatile byte[] openApi;

    AdvisorHandler(AdvisorServer.Builder b) {
        this.advisor = b.advisor;
        this.maxBody = b.maxBody;
        this.minDataRate = b.minDataRate;
        this.minDataRateGraceNanos = b.minDataRateGrace.toNanos();
        this.rulesDirectory = b.rulesDirectory;
        this.adminToken = b.adminToken;
        this.catalog = b.catalog;
        this.log = b.log;
        this.defaultLang = b.lang;
    }

    long inFlight() {
        return inFlight.sum();
    }

    /** A request refused with a status and a JSON body, anywhere in its handling. */
    static final class Refusal extends RuntimeException {
        final int status;
        final Object body;

        Refusal(int status, Object body) {
            super(null, null, false, false);
            this.status = status;
            this.body = body;
        }

        static Refusal error(int status, String message) {
            return new Refusal(status, java.util.Map.of("error", message));
        }
    }

    private enum Endpoint {
        ADVICE("/v1/advice", "POST"), BATCH("/v1/advice:batch", "POST"), RULES("/v1/rules", "GET"),
        HEALTH("/healthz", "GET"), METRICS("/metrics", "GET"), OPENAPI("/openapi.json", "GET"),
        RELOAD("/v1/admin/reload", "POST"), OTHER(null, null);

        final String path;
        final String method;

        Endpoint(String path, String method) {
            this.path = path;
            this.method = method;
        }

        static Endpoint of(String path) {
            for (Endpoint e : values()) {
                if (path.equals(e.path)) {
                    return e;
                }
            }
            return OTHER;
        }

        String label() {
            return this == OTHER ? "other" : path;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        inFlight.increment();
        Endpoint endpoint = Endpoint.of(Request.getPathInContext(request));
        int[] status = {200};
        Callback done = Callback.from(() -> {
            inFlight.decrement();
            metrics.request(endpoint.label(), status[0], System.nanoTime() - started);
            callback.succeeded();
        }, x -> {
            inFlight.decrement();
            metrics.request(endpoint.label(), status[0] == 200 ? 499 : status[0], System.nanoTime() - started);
            callback.failed(x);
        });
        try {
            if (endpoint == Endpoint.OTHER || endpoint == Endpoint.RELOAD && adminToken == null) {
                throw Refusal.error(404, "not found");
            }
            String method = request.getMethod();
            if (!method.equals(endpoint.method) && !(endpoint.method.equals("GET") && method.equals("HEAD"))) {
                response.getHeaders().put(HttpHeader.ALLOW, endpoint.method);
                throw Refusal.error(405, "method not allowed; use " + endpoint.method);
            }
            Fields query = query(request);
            switch (endpoint) {
                case ADVICE -> advice(request, response, query, status, done);
                case BATCH -> batch(request, response, query, status, done);
                case RULES -> send(response, 200, catalog(lang(query)), done);
                case HEALTH -> send(response, 200, java.util.Map.of("status", "ok", "rulesVersion", advisor.rules().version()), done);
                case METRICS -> {
                    metrics.rulesVersion(advisor.rules().version());
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Metrics.CONTENT_TYPE);
                    response.write(true, ByteBuffer.wrap(metrics.text().getBytes(StandardCharsets.UTF_8)), done);
                }
                case OPENAPI -> {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
                    response.write(true, ByteBuffer.wrap(openApi()), done);
                }
                case RELOAD -> reload(request, response, status, done);
                default -> throw Refusal.error(404, "not found");
            }
        } catch (Refusal r) {
            status[0] = r.status;
            if (response.isCommitted()) {
                done.failed(new IOException("refused after the response began: " + r.status));
            } else {
                send(response, r.status, r.body, done);
            }
        } catch (Throwable t) {
            status[0] = 500;
            // one line, no stack trace, and nothing of it to the client
            log.println("advisor: internal error on " + request.getMethod() + " " + Request.getPathInContext(request) + ": " + t);
            if (response.isCommitted()) {
                done.failed(t);
            } else {
                response.getHeaders().remove(HttpHeader.ALLOW);
                send(response, 500, java.util.Map.of("error", "internal error"), done);
            }
        }
        return true;
    }

    private void send(Response response, int status, Object body, Callback callback) {
        byte[] bytes;
        try {
            bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : COMPACT.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length + 1L);
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 1).put(bytes).put((byte) '\n').flip();
        response.write(true, buffer, callback);
    }

    // ---- POST /v1/advice

    private void advice(Request request, Response response, Fields query, int[] status, Callback done) throws IOException {
        Lang lang = lang(query);
        boolean lean = lean(query);
        long length = request.getLength();
        if (length > maxBody) {
            throw tooLarge();
        }
        String text;
        try {
            text = readBody(body(request));
        } catch (MinimumRateInputStream.TooSlow e) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            throw Refusal.error(408, e.getMessage());
        } catch (IOException e) {
            // the client stopped sending (idle timeout) or went away: its fault, not an internal error
            throw Refusal.error(e.getCause() instanceof java.util.concurrent.TimeoutException ? 408 : 400,
                    "the request body could not be read");
        }
        Advice advice;
        try {
            Snapshot snapshot = org.communityadvisor.AdviceJson.readInput(text);
            advice = lean ? advisor.adviseLean(snapshot) : advisor.advise(snapshot, lang);
        } catch (InvalidSnapshotException e) {
            throw new Refusal(400, errors(e.errors(), lang));
        }
        metrics.advice();
        send(response, 200, lean ? AdviceJson.writeLean(advice) : AdviceJson.write(advice), done);
    }

    private InputStream body(Request request) {
        return new MinimumRateInputStream(Content.Source.asInputStream(request), minDataRate, minDataRateGraceNanos);
    }

    private Refusal tooLarge() {
        return Refusal.error(413, "request body larger than " + maxBody + " bytes");
    }

    private String readBody(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        byte[] chunk = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) > 0) {
            total += n;
            if (total > maxBody) {
                throw tooLarge();
            }
            buffer.write(chunk, 0, n);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static ObjectNode errors(List<ValidationError> errors, Lang lang) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode list = o.putArray("errors");
        for (ValidationError v : errors) {
            list.addObject().put("path", v.path()).put("reason", v.reason(lang));
        }
        return o;
    }

    // ---- POST /v1/advice:batch

    private void batch(Request request, Response response, Fields query, int[] status, Callback done) throws IOException {
        Lang lang = lang(query);
        boolean lean = lean(query);
        InputStream in = body(request);
        org.communityadvisor.io.BoundedLines lines = new org.communityadvisor.io.BoundedLines(in, maxBody);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, NDJSON);
        OutputStream out = new BufferedOutputStream(Content.Sink.asOutputStream(response), 16 * 1024);
        int number = 0;
        try {
            org.communityadvisor.io.BoundedLines.Line line;
            while ((line = lines.next()) != null) {
                number = (int) line.number();
                if (line.tooLong() || line.notUtf8()) {
                    // a line refused alone, as from a file or standard input: the lines after it are read
                    ObjectNode o = Json.MAPPER.createObjectNode();
                    o.put("line", number);
                    o.putArray("errors").addObject().put("path", "(root)")
                            .put("reason", line.tooLong() ? "line longer than " + maxBody + " bytes"
                                    : "not UTF-8 text: convert it first (from GBK, say: iconv -f GBK -t UTF-8)");
                    out.write(COMPACT.writeValueAsBytes(o));
                } else if (line.text().isBlank()) {
                    continue;
                } else {
                    out.write(adviseLine(line.text(), number, lang, lean));
                }
                out.write('\n');
                if (!lines.ready()) {
                    out.flush(); // about to wait for the client: hand over what is done
                }
            }
            out.close();
            done.succeeded();
        } catch (MinimumRateInputStream.TooSlow e) {
            if (response.isCommitted()) {
                done.failed(e); // the connection is closed: a client this slow gets no more of it
            } else {
                status[0] = 408;
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                send(response, 408, java.util.Map.of("error", e.getMessage()), done);
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or the stream broke mid-way: the status is already sent
            status[0] = response.isCommitted() ? 200 : 500;
            if (!(e instanceof IOException)) {
                log.println("advisor: internal error on POST /v1/advice:batch line " + number + ": " + e);
            }
            done.failed(e);
        }
    }

    private byte[] adviseLine(String text, int number, Lang lang, boolean lean) throws IOException {
        try {
            Snapshot snapshot = org.communityadvisor.AdviceJson.readInput(text);
            Advice advice = lean ? advisor.adviseLean(snapshot) : advisor.advise(snapshot, lang);
            metrics.advice();
            if (!lean) {
                return COMPACT.writeValueAsBytes(advice); // UTF-8 as Jackson writes it: no string in between
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1024);
            try (com.fasterxml.jackson.core.JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
                AdviceJson.writeLean(advice, g);
            }
            return out.toByteArray();
        } catch (InvalidSnapshotException e) {
            ObjectNode o = errors(e.errors(), lang);
            ObjectNode withLine = Json.MAPPER.createObjectNode();
            withLine.put("line", number);
            withLine.set("errors", o.get("errors"));
            return COMPACT.writeValueAsBytes(withLine);
        }
    }

    // ---- GET /v1/rules, /openapi.json

    private Object catalog(Lang lang) {
        if (catalog != null) {
            return catalog.apply(advisor, lang);
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        advisor.rules().recommendations().forEach(r -> {
            ObjectNode o = out.addObject();
            o.put("id", r.id());
            o.put("category", r.category().toString());
            o.put("title", r.title(lang));
        });
        return out;
    }

    private byte[] openApi() throws IOException {
        byte[] doc = openApi;
        if (doc == null) {
            String v = AdvisorHandler.class.getPackage().getImplementationVersion();
            openApi = doc = COMPACT.writeValueAsBytes(OpenApi.document(v == null ? "development" : v));
        }
        return doc;
    }

    // ---- POST /v1/admin/reload

    private void reload(Request request, Response response, int[] status, Callback done) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            throw Refusal.error(401, "bearer token required");
        }
        byte[] given = auth.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, adminToken)) {
            throw Refusal.error(403, "wrong token");
        }
        String version;
        synchronized (reloading) {
            try {
                advisor.reload(rulesDirectory);
            } catch (RulesException e) {
                ObjectNode o = Json.MAPPER.createObjectNode();
                o.put("error", "the rules in " + rulesDirectory + " cannot be used; the previous rules keep serving");
                ArrayNode problems = o.putArray("problems");
                e.problems().forEach(p -> problems.add(String.valueOf(p)));
                throw new Refusal(422, o);
            }
            version = advisor.rules().version();
            metrics.rulesVersion(version);
        }
        send(response, 200, java.util.Map.of("status", "reloaded", "rulesVersion", version), done);
    }

    // ---- query parameters

    /** The query's parameters; a query that is not valid percent-encoded UTF-8 is the client's error (400). */
    private static Fields query(Request request) {
        try {
            return Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException || e instanceof org.eclipse.jetty.http.HttpException) {
                throw new Refusal(400, errorAt("(query)", "the query string is not valid percent-encoded UTF-8"));
            }
            throw e;
        }
    }

    private Lang lang(Fields query) {
        String v = query.getValue("lang");
        if (v == null) {
            return defaultLang;
        }
        for (Lang l : Lang.values()) {
            if (l.json().equalsIgnoreCase(v)) {
                return l;
            }
        }
        throw new Refusal(400, errorAt("?lang", "unknown language '" + v + "'; use en or zh"));
    }

    private static boolean lean(Fields query) {
        String v = query.getValue("lean");
        if (v == null || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.isEmpty() || v.equalsIgnoreCase("true")) {
            return true;
        }
        throw new Refusal(400, errorAt("?lean", "'" + v + "' is not true or false"));
    }

    private static ObjectNode errorAt(String path, String reason) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.putArray("errors").addObject().put("path", path).put("reason", reason);
        return o;
    }
}
