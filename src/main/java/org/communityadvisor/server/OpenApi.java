package org.communityadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.SnapshotSchema;

/**
 * The service described as an OpenAPI 3.1 document, built at run time. The request body of
 * {@code POST /v1/advice} is the snapshot's own JSON Schema ({@link SnapshotSchema#text()}), embedded whole as
 * {@code components.schemas.Snapshot}: it carries its {@code $id}, so its internal {@code $ref}s resolve
 * against itself, as OpenAPI 3.1 (JSON Schema 2020-12) allows.
 */
public final class OpenApi {
    private OpenApi() {
    }

    /** The document for a server of this version. */
    public static ObjectNode document(String version) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "Community Advisor");
        info.put("version", version);
        info.put("description", "Lifecycle stage and ranked, explained advice for online communities. "
                + "Snapshots in, advice out, as the command line's `advise --format json`.");
        ObjectNode paths = root.putObject("paths");

        ObjectNode advice = operation(paths, "/v1/advice", "post", "advise",
                "Advice for one snapshot, or a scenario file's base snapshot.");
        params(advice, true);
        ObjectNode body = advice.putObject("requestBody");
        body.put("required", true);
        ObjectNode bodySchema = body.putObject("content").putObject("application/json").putObject("schema");
        ArrayNode oneOf = bodySchema.putArray("oneOf");
        oneOf.addObject().put("$ref", "#/components/schemas/Snapshot");
        oneOf.addObject().put("type", "object").put("description",
                "A scenario file: its `snapshot` is advised (see scenario.schema.json)").putArray("required").add("snapshot");
        ObjectNode r = advice.putObject("responses");
        json(r, "200", "The advice (with `lean=true`, the lean advice)", "{\"type\":\"object\"}");
        json(r, "400", "The snapshot was refused: every JSON path at fault and why", "{\"$ref\":\"#/components/schemas/Errors\"}");
        json(r, "413", "The body is larger than the server's --max-body", "{\"$ref\":\"#/components/schemas/Error\"}");

        ObjectNode batch = operation(paths, "/v1/advice:batch", "post", "adviseBatch",
                "JSON lines in, JSON lines out, streamed: one advice per input line, or {\"line\":N,\"errors\":[...]} for a "
                        + "bad line; blank lines are skipped. Each line is limited like a single request's body.");
        params(batch, true);
        ObjectNode batchBody = batch.putObject("requestBody");
        batchBody.put("required", true);
        batchBody.putObject("content").putObject("application/x-ndjson").putObject("schema").put("type", "string");
        ObjectNode br = batch.putObject("responses");
        ObjectNode ok = br.putObject("200");
        ok.put("description", "One JSON object a line, in input order");
        ok.putObject("content").putObject("application/x-ndjson").putObject("schema").put("type", "string");

        ObjectNode rules = operation(paths, "/v1/rules", "get", "rules", "The rules catalog (./advisor rules --format json).");
        params(rules, false);
        json(rules.putObject("responses"), "200", "Every recommendation rule", "{\"type\":\"array\",\"items\":{\"type\":\"object\"}}");

        ObjectNode health = operation(paths, "/healthz", "get", "health", "Liveness and the rules' version.");
        json(health.putObject("responses"), "200", "Serving",
                "{\"type\":\"object\",\"properties\":{\"status\":{\"const\":\"ok\"},\"rulesVersion\":{\"type\":\"string\"}}}");

        ObjectNode metrics = operation(paths, "/metrics", "get", "metrics", "Prometheus text exposition.");
        ObjectNode m200 = metrics.putObject("responses").putObject("200");
        m200.put("description", "Counters and the latency histogram");
        m200.putObject("content").putObject("text/plain").putObject("schema").put("type", "string");

        ObjectNode openapi = operation(paths, "/openapi.json", "get", "openapi", "This document.");
        json(openapi.putObject("responses"), "200", "OpenAPI 3.1", "{\"type\":\"object\"}");

        ObjectNode reload = operation(paths, "/v1/admin/reload", "post", "reloadRules",
                "Reload the rules folder given with --rules (only when the server was started with --rules and "
                        + "--admin-token-file; otherwise 404). A folder that does not compile is refused and the old rules keep serving.");
        reload.putArray("security").addObject().putArray("adminToken");
        ObjectNode rr = reload.putObject("responses");
        json(rr, "200", "Reloaded", "{\"type\":\"object\",\"properties\":{\"status\":{\"const\":\"reloaded\"},\"rulesVersion\":{\"type\":\"string\"}}}");
        json(rr, "401", "No bearer token", "{\"$ref\":\"#/components/schemas/Error\"}");
        json(rr, "403", "Wrong token", "{\"$ref\":\"#/components/schemas/Error\"}");
        json(rr, "404", "Reloading is not configured", "{\"$ref\":\"#/components/schemas/Error\"}");
        json(rr, "422", "The folder was refused: file:line problems",
                "{\"type\":\"object\",\"properties\":{\"error\":{\"type\":\"string\"},\"problems\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}");

        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Snapshot", snapshotSchema());
        schemas.set("Errors", parse("{\"type\":\"object\",\"required\":[\"errors\"],\"properties\":{\"errors\":{\"type\":\"array\","
                + "\"items\":{\"type\":\"object\",\"required\":[\"path\",\"reason\"],\"properties\":{\"path\":{\"type\":\"string\"},"
                + "\"reason\":{\"type\":\"string\"}}}}}}"));
        schemas.set("Error", parse("{\"type\":\"object\",\"required\":[\"error\"],\"properties\":{\"error\":{\"type\":\"string\"}}}"));
        components.putObject("securitySchemes").putObject("adminToken").put("type", "http").put("scheme", "bearer");
        return root;
    }

    /** The snapshot's JSON Schema, exactly as {@code ./advisor schema} prints it. */
    public static JsonNode snapshotSchema() {
        return parse(SnapshotSchema.text());
    }

    private static ObjectNode operation(ObjectNode paths, String path, String method, String id, String summary) {
        ObjectNode op = paths.putObject(path).putObject(method);
        op.put("operationId", id);
        op.put("summary", summary);
        return op;
    }

    private static void params(ObjectNode op, boolean lean) {
        ArrayNode ps = op.putArray("parameters");
        ObjectNode lang = ps.addObject();
        lang.put("name", "lang").put("in", "query").put("description", "Language of the texts (default: the server's --lang)");
        lang.putObject("schema").putArray("enum").add("en").add("zh");
        if (lean) {
            ObjectNode l = ps.addObject();
            l.put("name", "lean").put("in", "query").put("description", "The lean advice: ids, severities, evidence; no texts");
            l.putObject("schema").put("type", "boolean");
        }
    }

    private static void json(ObjectNode responses, String code, String description, String schema) {
        ObjectNode r = responses.putObject(code);
        r.put("description", description);
        r.putObject("content").putObject("application/json").set("schema", parse(schema));
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
