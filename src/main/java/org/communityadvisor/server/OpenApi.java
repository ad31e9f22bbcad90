package org.communityadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.communityadvisor.json.Json;

/**
 * The service described as an OpenAPI 3.1 document, built at run time. The request body of
 * {@code POST /v1/advice} is the snapshot's own JSON Schema ({@link org.communityadvisor.AdviceJson#snapshotSchema()}) as
 * {@code components.schemas.Snapshot}, its {@code $defs} moved beside it (so {@code #/$defs/catalogId} becomes
 * {@code #/components/schemas/catalogId}) and its {@code $id} left out: every {@code $ref} resolves inside this
 * document, as OpenAPI tools (swagger-parser, Redocly) read it. The advice, the lean advice, a batch's error line
 * and every error answer (400, 404, 405, 408, 413, 422, 500, 503 with {@code Retry-After}) have their schemas.
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
        json(r, "200", "The advice (with `lean=true`, the lean advice)",
                "{\"oneOf\":[{\"$ref\":\"#/components/schemas/Advice\"},{\"$ref\":\"#/components/schemas/LeanAdvice\"}]}");
        json(r, "400", "The snapshot was refused, or a query parameter: every JSON path at fault and why",
                "{\"$ref\":\"#/components/schemas/Errors\"}");
        errors(r, "405", "408", "413", "500", "503");

        ObjectNode batch = operation(paths, "/v1/advice:batch", "post", "adviseBatch",
                "JSON lines in, JSON lines out, streamed: one advice per input line, or {\"line\":N,\"errors\":[...]} for a "
                        + "bad line; blank lines are skipped. Each line is limited like a single request's body.");
        params(batch, true);
        ObjectNode batchBody = batch.putObject("requestBody");
        batchBody.put("required", true);
        batchBody.putObject("content").putObject("application/x-ndjson").putObject("schema").put("type", "string");
        ObjectNode br = batch.putObject("responses");
        ObjectNode ok = br.putObject("200");
        ok.put("description", "One JSON object a line, in input order: each line's schema is BatchLine (an advice, "
                + "a lean advice, or a BatchError naming the input line and its errors)");
        ok.putObject("content").putObject("application/x-ndjson").putObject("schema")
                .put("$ref", "#/components/schemas/BatchLine");
        json(br, "400", "A query parameter was refused", "{\"$ref\":\"#/components/schemas/Errors\"}");
        errors(br, "405", "408", "500", "503");

        ObjectNode rules = operation(paths, "/v1/rules", "get", "rules", "The rules catalog (./advisor rules --format json).");
        params(rules, false);
        ObjectNode rulesResponses = rules.putObject("responses");
        json(rulesResponses, "200", "Every recommendation rule", "{\"type\":\"array\",\"items\":{\"type\":\"object\"}}");
        json(rulesResponses, "400", "A query parameter was refused", "{\"$ref\":\"#/components/schemas/Errors\"}");
        errors(rulesResponses, "405", "500", "503");

        ObjectNode health = operation(paths, "/healthz", "get", "health", "Liveness and the rules' version.");
        ObjectNode healthResponses = health.putObject("responses");
        json(healthResponses, "200", "Serving",
                "{\"type\":\"object\",\"properties\":{\"status\":{\"const\":\"ok\"},\"rulesVersion\":{\"type\":\"string\"}}}");
        errors(healthResponses, "405", "500");

        ObjectNode metrics = operation(paths, "/metrics", "get", "metrics", "Prometheus text exposition.");
        ObjectNode metricsResponses = metrics.putObject("responses");
        ObjectNode m200 = metricsResponses.putObject("200");
        m200.put("description", "The rules version in force (advisor_rules_info), requests by endpoint and status "
                + "(advisor_requests_total), errors by endpoint (advisor_request_errors_total), a latency histogram by "
                + "endpoint (advisor_request_seconds) and advices made (advisor_advices_total); endpoints are fixed names");
        m200.putObject("content").putObject("text/plain").putObject("schema").put("type", "string");
        errors(metricsResponses, "405", "500");

        ObjectNode openapi = operation(paths, "/openapi.json", "get", "openapi", "This document.");
        ObjectNode openapiResponses = openapi.putObject("responses");
        json(openapiResponses, "200", "OpenAPI 3.1", "{\"type\":\"object\"}");
        errors(openapiResponses, "405", "500", "503");

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
        errors(rr, "405", "500", "503");

        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode snapshot = (ObjectNode) snapshotSchema();
        snapshot.remove("$id"); // its refs resolve in this document, not against the schema's own address
        JsonNode defs = snapshot.remove("$defs");
        if (defs != null) {
            defs.fields().forEachRemaining(d -> schemas.set(d.getKey(), d.getValue()));
        }
        schemas.set("Snapshot", snapshot);
        rewriteRefs(schemas, "#/$defs/", "#/components/schemas/");
        schemas.set("Advice", AdviceSchemas.advice());
        schemas.set("LeanAdvice", AdviceSchemas.lean());
        schemas.set("BatchError", parse("{\"type\":\"object\",\"description\":\"A batch input line that was refused: "
                + "its number (1 for the first line, blank lines counted) and every JSON path at fault; the lines after it "
                + "are still read\",\"required\":[\"line\",\"errors\"],\"additionalProperties\":false,\"properties\":{"
                + "\"line\":{\"type\":\"integer\",\"minimum\":1},\"errors\":{\"type\":\"array\",\"minItems\":1,\"items\":{\"$ref\":\"#/components/schemas/ValidationError\"}}}}"));
        schemas.set("BatchLine", parse("{\"description\":\"One line of a batch answer\",\"anyOf\":[{\"$ref\":\"#/components/schemas/BatchError\"},"
                + "{\"$ref\":\"#/components/schemas/Advice\"},{\"$ref\":\"#/components/schemas/LeanAdvice\"}]}"));
        schemas.set("Errors", parse("{\"type\":\"object\",\"required\":[\"errors\"],\"properties\":{\"errors\":{\"type\":\"array\","
                + "\"minItems\":1,\"items\":{\"$ref\":\"#/components/schemas/ValidationError\"}}}}"));
        schemas.set("ValidationError", parse("{\"type\":\"object\",\"description\":\"One refused value: its JSON path "
                + "((root), (query) or ?name for the request itself) and why\",\"required\":[\"path\",\"reason\"],"
                + "\"properties\":{\"path\":{\"type\":\"string\"},\"reason\":{\"type\":\"string\"}}}"));
        schemas.set("Error", parse("{\"type\":\"object\",\"required\":[\"error\"],\"properties\":{\"error\":{\"type\":\"string\"}}}"));
        ObjectNode responses = components.putObject("responses");
        for (String[] e : ERRORS) {
            ObjectNode er = responses.putObject(e[0]);
            er.put("description", e[1]);
            er.putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Error");
            if (e[0].equals("ServiceUnavailable")) {
                ObjectNode h = er.putObject("headers").putObject("Retry-After");
                h.put("description", "Seconds to wait before trying again");
                h.putObject("schema").put("type", "integer").put("minimum", 0);
            } else if (e[0].equals("MethodNotAllowed")) {
                ObjectNode h = er.putObject("headers").putObject("Allow");
                h.put("description", "The one method the endpoint takes");
                h.putObject("schema").put("type", "string");
            }
        }
        components.putObject("securitySchemes").putObject("adminToken").put("type", "http").put("scheme", "bearer");
        return root;
    }

    /** The snapshot's JSON Schema, exactly as {@code ./advisor schema} prints it. */
    public static JsonNode snapshotSchema() {
        return parse(org.communityadvisor.AdviceJson.snapshotSchema());
    }

    /** The error answers every endpoint shares: status, component name, description. */
    private static final String[][] ERRORS = {
        {"MethodNotAllowed", "Not the endpoint's method (the Allow header names it)", "405"},
        {"RequestTimeout", "The body arrived too slowly (under --min-data-rate) or stopped; the connection is closed", "408"},
        {"PayloadTooLarge", "The body is larger than the server's --max-body", "413"},
        {"InternalError", "An unexpected error; the server logs one line, the client gets no detail", "500"},
        {"ServiceUnavailable", "Over --max-concurrent with the queue full or waited out, or the server is stopping", "503"},
    };

    private static void errors(ObjectNode responses, String... codes) {
        for (String code : codes) {
            for (String[] e : ERRORS) {
                if (e[2].equals(code)) {
                    responses.putObject(code).put("$ref", "#/components/responses/" + e[0]);
                }
            }
        }
    }

    /** Every {@code $ref} under a node that starts with {@code from} is made to start with {@code to}. */
    private static void rewriteRefs(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(from)) {
                o.put("$ref", to + ref.asText().substring(from.length()));
            }
        }
        node.forEach(child -> rewriteRefs(child, from, to));
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
