package org.communityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Advisor;
import org.communityadvisor.Fixtures;
import org.communityadvisor.Lang;
import org.communityadvisor.cli.ServeCommand;
import org.communityadvisor.json.InputReader;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.SnapshotSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./advisor serve} in-process on a free port, through java.net.http. */
class AdvisorServerTest {
    static final Path SCENARIO = Path.of("scenarios/book-club-first-month.json");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final int MAX_BODY = 64 * 1024;

    static Advisor advisor;
    static AdvisorServer server;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        advisor = Advisor.builder().build();
        server = AdvisorServer.builder(advisor).port(0).maxBody(MAX_BODY).catalog(ServeCommand::catalog).build();
        server.start();
        base = server.uri();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    static HttpResponse<String> post(URI base, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return post(base, path, body);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String text) throws IOException {
        return Json.MAPPER.readTree(text);
    }

    static String scenario() throws IOException {
        return Files.readString(SCENARIO);
    }

    /** A bare snapshot on one line, for JSONL. */
    static String line(Path scenario) throws IOException {
        return json(Files.readString(scenario)).get("snapshot").toString();
    }

    @Test
    void adviceIsTheCommandLinesAdvice() throws Exception {
        HttpResponse<String> r = post("/v1/advice", scenario());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.body().strip()).isEqualTo(AdviceJson.write(advisor.advise(InputReader.read(scenario()))));
    }

    @Test
    void langAndLean() throws Exception {
        HttpResponse<String> zh = post("/v1/advice?lang=zh", scenario());
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body().strip()).isEqualTo(AdviceJson.write(advisor.advise(InputReader.read(scenario()), Lang.ZH)));
        HttpResponse<String> lean = post("/v1/advice?lean=true", scenario());
        assertThat(lean.body().strip()).isEqualTo(AdviceJson.writeLean(advisor.advise(InputReader.read(scenario()))));
        assertThat(post("/v1/advice?lang=fr", scenario()).statusCode()).isEqualTo(400);
    }

    @Test
    void invalidSnapshotsAre400WithTheirPaths() throws Exception {
        String bad = line(SCENARIO).replaceFirst("\"total\":\\s*\\d+", "\"total\":-1");
        HttpResponse<String> r = post("/v1/advice", bad);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode errors = json(r.body()).get("errors");
        assertThat(errors.findValuesAsText("path")).contains("members.total");
        List<String> expected = new java.util.ArrayList<>();
        try {
            InputReader.read(bad);
        } catch (org.communityadvisor.InvalidSnapshotException e) {
            e.errors().forEach(v -> expected.add(v.path() + ": " + v.reason(Lang.EN)));
        }
        List<String> got = new java.util.ArrayList<>();
        errors.forEach(e -> got.add(e.get("path").asText() + ": " + e.get("reason").asText()));
        assertThat(got).isEqualTo(expected).isNotEmpty();

        HttpResponse<String> notJson = post("/v1/advice", "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson.body()).get("errors").get(0).get("path").asText()).isEqualTo("(root)");
        assertThat(notJson.body()).doesNotContain("at org.", "Exception");
    }

    @Test
    void bodiesOverTheLimitAre413() throws Exception {
        String big = " ".repeat(MAX_BODY + 10) + scenario();
        assertThat(post("/v1/advice", big).statusCode()).isEqualTo(413);
        // no Content-Length: counted while reading
        HttpRequest chunked = HttpRequest.newBuilder(base.resolve("/v1/advice")).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build();
        HttpResponse<String> r = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r.body()).get("error").asText()).contains("larger than");
    }

    @Test
    void wrongMethodAndUnknownPath() throws Exception {
        HttpResponse<String> r = get("/v1/advice");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).hasValue("POST");
        assertThat(json(r.body()).has("error")).isTrue();
        assertThat(post("/healthz", "").statusCode()).isEqualTo(405);
        HttpResponse<String> nf = get("/v2/nothing");
        assertThat(nf.statusCode()).isEqualTo(404);
        assertThat(json(nf.body()).get("error").asText()).isEqualTo("not found");
    }

    @Test
    void batchKeepsGoodLinesInOrderAroundABadOne() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().limit(4).toList();
        }
        StringBuilder body = new StringBuilder();
        body.append(line(files.get(0))).append('\n').append(line(files.get(1))).append('\n')
                .append("{\"schemaVersion\":1,\"id\":\"x\"}\n")
                .append('\n')
                .append(line(files.get(2))).append("\r\n").append(line(files.get(3)));
        HttpResponse<String> r = post("/v1/advice:batch?lean=true", body.toString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/x-ndjson");
        List<String> out = r.body().lines().toList();
        assertThat(out).hasSize(5);
        assertThat(out.get(0)).isEqualTo(AdviceJson.writeLean(advisor.advise(InputReader.read(line(files.get(0))))));
        assertThat(out.get(1)).isEqualTo(AdviceJson.writeLean(advisor.advise(InputReader.read(line(files.get(1))))));
        JsonNode bad = json(out.get(2));
        assertThat(bad.get("line").asInt()).isEqualTo(3);
        assertThat(bad.get("errors").findValuesAsText("path")).contains("platform", "members");
        assertThat(out.get(3)).isEqualTo(AdviceJson.writeLean(advisor.advise(InputReader.read(line(files.get(2))))));
        assertThat(out.get(4)).isEqualTo(AdviceJson.writeLean(advisor.advise(InputReader.read(line(files.get(3))))));

        HttpResponse<String> full = post("/v1/advice:batch?lang=zh", line(files.get(0)) + "\n");
        assertThat(full.body().strip()).isEqualTo(AdviceJson.write(advisor.advise(InputReader.read(line(files.get(0))), Lang.ZH)));

        HttpResponse<String> tooLong = post("/v1/advice:batch", " ".repeat(MAX_BODY + 1) + "\n" + line(files.get(0)) + "\n");
        List<String> lines = tooLong.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(json(lines.get(0)).get("line").asInt()).isEqualTo(1);
        assertThat(json(lines.get(1)).get("communityId").asText()).isNotBlank();

        // a line that is not UTF-8 is refused alone, as from a file or standard input, never read as U+FFFD
        byte[] good = line(files.get(0)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC4, (byte) 0xE3, '"', '}', '\n'});
        bytes.write(good);
        bytes.write('\n');
        HttpResponse<String> notUtf8 = HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/advice:batch"))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());
        List<String> answered = notUtf8.body().lines().toList();
        assertThat(answered).hasSize(2);
        assertThat(json(answered.get(0)).get("line").asInt()).isEqualTo(1);
        assertThat(answered.get(0)).contains("not UTF-8");
        assertThat(json(answered.get(1)).get("communityId").asText()).isNotBlank();
    }

    @Test
    void rulesAndHealth() throws Exception {
        HttpResponse<String> rules = get("/v1/rules");
        assertThat(rules.statusCode()).isEqualTo(200);
        assertThat(json(rules.body())).isEqualTo(Json.MAPPER.valueToTree(ServeCommand.catalog(advisor, Lang.EN)));
        assertThat(json(rules.body()).findValuesAsText("id"))
                .containsExactlyElementsOf(advisor.rules().recommendations().stream().map(r -> r.id()).toList());
        assertThat(json(get("/v1/rules?lang=zh").body()).get(0).get("title").asText()).matches(".*\\p{IsHan}.*");
        JsonNode health = json(get("/healthz").body());
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("rulesVersion").asText()).isEqualTo(advisor.rules().version());
    }

    static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"\\\\]*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"\\\\]*\")*\\})? "
                    + "(-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|\\+Inf|NaN)");

    @Test
    void metricsAreValidPrometheusTextAndCount() throws Exception {
        get("/healthz");
        double before = sample(get("/metrics").body(), "advisor_requests_total{code=\"200\",path=\"/healthz\"}");
        double advices = sample(get("/metrics").body(), "advisor_advices_total");
        get("/healthz");
        post("/v1/advice", scenario());
        HttpResponse<String> m = get("/metrics");
        assertThat(m.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
        PromText.parse(m.body());
        for (String l : m.body().lines().toList()) {
            if (l.startsWith("#")) {
                assertThat(l).matches("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+");
            } else {
                assertThat(l).as("sample line").matches(SAMPLE);
            }
        }
        assertThat(sample(m.body(), "advisor_requests_total{code=\"200\",path=\"/healthz\"}")).isEqualTo(before + 1);
        assertThat(sample(m.body(), "advisor_advices_total")).isGreaterThanOrEqualTo(advices + 1);
        assertThat(m.body()).contains("# TYPE advisor_request_seconds histogram", "advisor_request_seconds_bucket{path=\"/healthz\",le=\"+Inf\"}",
                "advisor_request_seconds_count", "advisor_request_seconds_sum", "advisor_request_errors_total");
    }

    static double sample(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void openApiEmbedsTheSnapshotSchema() throws Exception {
        HttpResponse<String> r = get("/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = json(r.body());
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
        assertThat(doc.get("paths").fieldNames()).toIterable().contains("/v1/advice", "/v1/advice:batch", "/v1/rules",
                "/healthz", "/metrics", "/openapi.json", "/v1/admin/reload");
        assertThat(doc.at("/paths/~1v1~1advice/post/requestBody/content/application~1json/schema/oneOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/Snapshot");
        // the embedded schema works as a schema, its refs resolving in the document (OpenApiTest checks the rest):
        // it accepts a bundled snapshot and refuses a broken one
        com.fasterxml.jackson.databind.node.ObjectNode wrapper = Json.MAPPER.createObjectNode()
                .put("$ref", "#/components/schemas/Snapshot");
        wrapper.set("components", doc.get("components"));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(wrapper);
        assertThat(schema.validate(json(line(SCENARIO)))).isEmpty();
        assertThat(schema.validate(json("{\"schemaVersion\":1,\"id\":\"x\"}"))).isNotEmpty();
    }

    @Test
    void reloadIsNotFoundWithoutATokenConfigured() throws Exception {
        assertThat(post("/v1/admin/reload", "").statusCode()).isEqualTo(404);
        assertThat(post(base, "/v1/admin/reload", "", "Authorization", "Bearer x").statusCode()).isEqualTo(404);
    }

    @Test
    void reloadNeedsTheTokenSwapsRulesAndKeepsOldOnesOnABrokenFolder(@TempDir Path dir) throws Exception {
        Path rules = Fixtures.copyOfTheRules(dir);
        Advisor own = Advisor.builder().build();
        AdvisorServer s = AdvisorServer.builder(own).port(0).reload(rules, "s3cret-token").build();
        s.start();
        try {
            URI u = s.uri();
            String before = post(u, "/v1/advice", scenario()).body();
            String first = own.rules().version();
            assertThat(PromText.parse(HTTP.send(HttpRequest.newBuilder(u.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).all("advisor_rules_info")).singleElement()
                    .satisfies(i -> assertThat(i.labels()).isEqualTo(java.util.Map.of("rules_version", first)));
            assertThat(post(u, "/v1/admin/reload", "").statusCode()).isEqualTo(401);
            assertThat(post(u, "/v1/admin/reload", "", "Authorization", "Bearer wrong").statusCode()).isEqualTo(403);
            assertThat(post(u, "/v1/admin/reload", "", "Authorization", "Bearer s3cret-token-longer").statusCode()).isEqualTo(403);
            assertThat(HTTP.send(HttpRequest.newBuilder(u.resolve("/v1/admin/reload")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);

            // size.below-viable from high to low: the book club's advice changes
            Path size = rules.resolve("size.below-viable/rule.drl");
            String drl = Files.readString(size);
            Files.writeString(size, drl.replace("@severity(\"high, medium\")", "@severity(\"low, medium\")")
                    .replace("Hit.of(kcontext, Severity.HIGH)", "Hit.of(kcontext, Severity.LOW)"));
            assertThat(Files.readString(size)).isNotEqualTo(drl);
            HttpResponse<String> ok = post(u, "/v1/admin/reload", "", "Authorization", "Bearer s3cret-token");
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            String version = json(ok.body()).get("rulesVersion").asText();
            String metrics = HTTP.send(HttpRequest.newBuilder(u.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(PromText.parse(metrics).all("advisor_rules_info")).as("the rules info follows the reload")
                    .singleElement().satisfies(i -> assertThat(i.labels()).isEqualTo(java.util.Map.of("rules_version", version)));
            assertThat(json(post(u, "/healthz", "").body()).has("error")).isTrue(); // POST on a GET endpoint
            String after = post(u, "/v1/advice", scenario()).body();
            assertThat(after).isNotEqualTo(before);
            JsonNode changed = json(after).get("recommendations");
            changed.forEach(r -> {
                if (r.get("id").asText().equals("size.below-viable")) {
                    assertThat(r.get("severity").asText()).isEqualTo("low");
                }
            });

            // a folder that does not compile: 422 with file:line, and the reloaded rules keep serving
            Files.writeString(size, drl.replaceFirst("rule \"size.below-viable\"", "rule \"size.below-viable\" ((( broken"));
            HttpResponse<String> refused = post(u, "/v1/admin/reload", "", "Authorization", "Bearer s3cret-token");
            assertThat(refused.statusCode()).isEqualTo(422);
            JsonNode problems = json(refused.body()).get("problems");
            assertThat(problems.isArray() && problems.size() > 0).isTrue();
            assertThat(problems.get(0).asText()).contains("size.below-viable/rule.drl");
            assertThat(post(u, "/v1/advice", scenario()).body()).isEqualTo(after);
            assertThat(json(HTTP.send(HttpRequest.newBuilder(u.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("rulesVersion").asText()).isEqualTo(version);
        } finally {
            s.stop();
        }
    }

    @Test
    void unexpectedErrorsAre500WithoutAStack() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        AdvisorServer s = AdvisorServer.builder(advisor).port(0).log(new PrintStream(log, true, StandardCharsets.UTF_8))
                .catalog((a, l) -> {
                    throw new IllegalStateException("boom");
                }).build();
        s.start();
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(s.uri().resolve("/v1/rules")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body().strip()).isEqualTo("{\"error\":\"internal error\"}");
            assertThat(log.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(1)
                    .allSatisfy(l -> assertThat(l).contains("internal error", "boom"));
        } finally {
            s.stop();
        }
    }

    @Test
    void slowClientsTimeOut() throws Exception {
        AdvisorServer s = AdvisorServer.builder(advisor).port(0).idleTimeout(Duration.ofMillis(500)).build();
        s.start();
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /v1/advice HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"sche".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long t0 = System.nanoTime();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[4096];
            while (in.read(buf) >= 0) {
                // whatever the server answers (a 4xx or nothing), it then closes the connection
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
        } finally {
            s.stop();
        }
    }

    @Test
    void stopFinishesABatchInFlight() throws Exception {
        AdvisorServer s = AdvisorServer.builder(advisor).port(0).stopTimeout(Duration.ofSeconds(20)).build();
        s.start();
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            byte[] one = (line(SCENARIO) + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(("POST /v1/advice:batch?lean=true HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            chunk(out, one);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (s.inFlight() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(s.inFlight()).isEqualTo(1);
            chunk(out, one);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
                try {
                    s.stop();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(stopping).isNotDone();
            chunk(out, one);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
            assertThat(response.split("\"communityId\":\"book-club\"", -1)).hasSize(4);
            stopping.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void malformedQueryStringsAre400NotServerErrors() throws Exception {
        for (String request : List.of("GET /v1/rules?lang=%ZZ", "GET /healthz?x=%", "GET /v1/rules?lang=%C0%AF",
                "POST /v1/advice?lang=%ZZ")) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write((request + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                        + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as(request).startsWith("HTTP/1.1 400").contains("\"path\":\"(query)\"");
            }
        }
        assertThat(get("/metrics").body()).doesNotContain("code=\"500\"");
    }

    @Test
    void overTheConcurrencyCapIs503WhileHealthzAnswers() throws Exception {
        AdvisorServer s = AdvisorServer.builder(advisor).port(0).maxConcurrent(1, 0, Duration.ofSeconds(1)).build();
        s.start();
        try (Socket slow = new Socket("127.0.0.1", s.port())) {
            OutputStream out = slow.getOutputStream();
            out.write("POST /v1/advice HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (s.inFlight() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(s.inFlight()).isEqualTo(1);
            HttpResponse<String> r = post(s.uri(), "/v1/advice", scenario());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("retry-after")).hasValue("1");
            assertThat(json(r.body()).get("error").asText()).isEqualTo("service unavailable");
            long t0 = System.nanoTime();
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(s.uri().resolve("/healthz"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        } finally {
            s.stop();
        }
    }

    @Test
    void overTheConnectionCapANewConnectionWaitsUntilOneCloses() throws Exception {
        AdvisorServer s = AdvisorServer.builder(advisor).port(0).maxConnections(3).build();
        s.start();
        List<Socket> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket k = new Socket("127.0.0.1", s.port());
                k.setSoTimeout(5_000);
                open.add(k);
                assertThat(healthz(k)).startsWith("HTTP/1.1 200");
            }
            try (Socket fourth = new Socket("127.0.0.1", s.port())) {
                // the system queues it; Jetty does not accept it while 3 are open
                fourth.setSoTimeout(1_500);
                assertThatThrownBy(() -> healthz(fourth)).isInstanceOf(java.net.SocketTimeoutException.class);
                // the connections within the cap are still answered, at once
                long t0 = System.nanoTime();
                assertThat(healthz(open.get(1))).startsWith("HTTP/1.1 200");
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
                open.remove(0).close();
                fourth.setSoTimeout(10_000);
                // its request, sent before, is answered once it is accepted
                assertThat(readAnswer(fourth)).startsWith("HTTP/1.1 200");
            }
        } finally {
            for (Socket k : open) {
                k.close();
            }
            s.stop();
        }
    }

    /** A keep-alive {@code GET /healthz} on a raw connection, and its answer (headers and body). */
    private static String healthz(Socket k) throws IOException {
        k.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        k.getOutputStream().flush();
        return readAnswer(k);
    }

    private static String readAnswer(Socket k) throws IOException {
        InputStream in = k.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.write(b);
        }
        String h = head.toString(StandardCharsets.US_ASCII);
        java.util.regex.Matcher m = Pattern.compile("(?i)content-length: *(\\d+)").matcher(h);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return h + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void aBodyTricklingInIsCutByTheMinimumRateNotTheIdleTimeout() throws Exception {
        AdvisorServer s = AdvisorServer.builder(advisor).port(0).idleTimeout(Duration.ofSeconds(30))
                .minDataRate(1000, Duration.ofMillis(500)).build();
        s.start();
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /v1/advice HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long t0 = System.nanoTime();
            String answer = "";
            try {
                for (int i = 0; i < 100 && System.nanoTime() - t0 < Duration.ofSeconds(12).toNanos(); i++) {
                    out.write(' '); // one byte every 200 ms: the idle timeout never fires
                    out.flush();
                    Thread.sleep(200);
                    if (socket.getInputStream().available() > 0) {
                        break;
                    }
                }
            } catch (IOException closed) {
                // the server closed the connection after answering
            }
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("slower than 1000 bytes a second");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        } finally {
            s.stop();
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
