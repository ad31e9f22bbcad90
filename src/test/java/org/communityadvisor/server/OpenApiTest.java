package org.communityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.communityadvisor.Advisor;
import org.communityadvisor.cli.ServeCommand;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.SnapshotSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi.json} as API tooling reads it: swagger-parser finds nothing to report, every {@code $ref}
 * resolves inside the document, and what the server really answers (advice, lean advice, batch lines with an
 * error line, a refused snapshot) validates against the schemas the document gives for it.
 */
class OpenApiTest {
    static AdvisorServer server;
    static URI base;
    static JsonNode doc;
    static String text;

    @BeforeAll
    static void start() throws Exception {
        server = AdvisorServer.builder(Advisor.builder().build()).port(0).catalog(ServeCommand::catalog).build();
        server.start();
        base = server.uri();
        HttpResponse<String> r = AdvisorServerTest.HTTP.send(java.net.http.HttpRequest.newBuilder(base.resolve("/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        text = r.body();
        doc = Json.MAPPER.readTree(text);
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void swaggerParserReadsItWithoutAMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKeys("Snapshot", "Advice", "LeanAdvice",
                "BatchError", "BatchLine", "Errors", "Error", "catalogId");
    }

    @Test
    void everyRefResolvesInsideTheDocument() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty().contains("#/components/schemas/catalogId", "#/components/schemas/Advice",
                "#/components/responses/ServiceUnavailable");
        assertThat(refs).allSatisfy(ref -> {
            assertThat(ref).as("a local ref").startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
        });
        assertThat(doc.at("/components/schemas/Snapshot").has("$id")).as("no $id to resolve refs against elsewhere").isFalse();
    }

    @Test
    void theErrorAnswersAreDescribed() {
        JsonNode advice = doc.at("/paths/~1v1~1advice/post/responses");
        assertThat(advice.fieldNames()).toIterable().contains("200", "400", "405", "408", "413", "500", "503");
        assertThat(doc.at("/components/responses/ServiceUnavailable/headers/Retry-After/schema/type").asText()).isEqualTo("integer");
        assertThat(doc.at("/paths/~1v1~1advice:batch/post/responses/200/content/application~1x-ndjson/schema/$ref").asText())
                .isEqualTo("#/components/schemas/BatchLine");
        assertThat(doc.at("/components/schemas/BatchError/required").toString()).isEqualTo("[\"line\",\"errors\"]");
    }

    /** The embedded snapshot schema, its definitions put back, is the published one (less its $id). */
    @Test
    void theSnapshotSchemaIsThePublishedOne() throws Exception {
        ObjectNode published = (ObjectNode) Json.MAPPER.readTree(SnapshotSchema.text());
        published.remove("$id");
        JsonNode defs = published.remove("$defs");
        ObjectNode embedded = (ObjectNode) doc.at("/components/schemas/Snapshot").deepCopy();
        String back = embedded.toString().replace("\"#/components/schemas/", "\"#/$defs/");
        assertThat(Json.MAPPER.readTree(back)).isEqualTo(published);
        defs.fields().forEachRemaining(d -> assertThat(doc.at("/components/schemas/" + d.getKey())).isEqualTo(d.getValue()));
    }

    @Test
    void whatTheServerAnswersValidatesAgainstTheDocumentsSchemas() throws Exception {
        JsonSchema advice = schema("Advice");
        JsonSchema lean = schema("LeanAdvice");
        JsonSchema snapshot = schema("Snapshot");
        JsonSchema batchLine = schema("BatchLine");
        JsonSchema batchError = schema("BatchError");
        JsonSchema errors = schema("Errors");
        List<Path> scenarios;
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            scenarios = s.filter(p -> p.toString().endsWith(".json")).sorted().limit(6).toList();
        }
        StringBuilder batch = new StringBuilder();
        for (Path p : scenarios) {
            String body = Files.readString(p);
            JsonNode scenario = Json.MAPPER.readTree(body);
            assertThat(snapshot.validate(scenario.get("snapshot"))).as(p + " snapshot").isEmpty();
            HttpResponse<String> full = AdvisorServerTest.post(base, "/v1/advice", body);
            assertThat(full.statusCode()).as(full.body()).isEqualTo(200);
            assertThat(advice.validate(Json.MAPPER.readTree(full.body()))).as(p + " advice").isEmpty();
            HttpResponse<String> l = AdvisorServerTest.post(base, "/v1/advice?lean=true", body);
            assertThat(lean.validate(Json.MAPPER.readTree(l.body()))).as(p + " lean advice").isEmpty();
            assertThat(advice.validate(Json.MAPPER.readTree(l.body()))).as("a lean advice is not a full one").isNotEmpty();
            batch.append(Json.MAPPER.writeValueAsString(scenario)).append('\n');
        }
        batch.append("{\"schemaVersion\":1,\"id\":\"x\"}\n");
        HttpResponse<String> refused = AdvisorServerTest.post(base, "/v1/advice", "{\"schemaVersion\":1,\"id\":\"x\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errors.validate(Json.MAPPER.readTree(refused.body()))).isEmpty();
        for (String q : List.of("", "?lean=true")) {
            List<String> lines = AdvisorServerTest.post(base, "/v1/advice:batch" + q, batch.toString()).body().lines().toList();
            assertThat(lines).hasSize(scenarios.size() + 1);
            for (String line : lines) {
                assertThat(batchLine.validate(Json.MAPPER.readTree(line))).as(line).isEmpty();
            }
            JsonNode last = Json.MAPPER.readTree(lines.get(lines.size() - 1));
            assertThat(batchError.validate(last)).as("the error line").isEmpty();
            assertThat(last.get("line").asInt()).isEqualTo(scenarios.size() + 1);
        }
    }

    /** A component schema of the document, its refs resolving within the document. */
    private static JsonSchema schema(String name) {
        ObjectNode wrapper = Json.MAPPER.createObjectNode();
        wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        wrapper.put("$ref", "#/components/schemas/" + name);
        wrapper.set("components", doc.get("components"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(wrapper);
    }

    private static void collectRefs(JsonNode node, List<String> out) {
        if (node.isObject() && node.has("$ref")) {
            out.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, out));
    }
}
