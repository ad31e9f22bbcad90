package org.communityadvisor.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.communityadvisor.AckReason;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Category;
import org.communityadvisor.Severity;
import org.communityadvisor.Stage;
import org.communityadvisor.json.Json;

/**
 * The JSON Schemas (2020-12, as OpenAPI 3.1 takes them) of the advice ({@code AdviceJson.write}) and of the lean
 * advice ({@code AdviceJson.writeLean}), for {@link OpenApi}. Enumerations are read from the advisor's own enums,
 * written as the advice writes them, so a new stage or severity needs no edit here.
 */
final class AdviceSchemas {
    private AdviceSchemas() {
    }

    static ObjectNode advice() {
        ObjectNode s = object("The advice for one snapshot (./advisor advise --format json)");
        required(s, "communityId", "asOf", "stage", "stageReasons", "recommendations", "suppressed", "focus", "scores",
                "dataGaps", "rulesVersion");
        ObjectNode p = s.putObject("properties");
        p.set("communityId", string("The snapshot's id"));
        p.set("asOf", date());
        p.set("stage", enumOf(Stage.values()));
        p.set("stageReasons", arrayOf(string(null)));
        ObjectNode warning = object("A value that looks wrong for the platform, or a history with gaps");
        required(warning, "path", "reason");
        warning.putObject("properties").<ObjectNode>set("path", string("The snapshot path")).set("reason", string(null));
        p.set("dataWarnings", arrayOf(warning));
        ObjectNode rec = object("One ranked, explained recommendation");
        required(rec, "rank", "id", "category", "severity", "title", "action", "why", "evidence");
        ObjectNode rp = rec.putObject("properties");
        rp.putObject("rank").put("type", "integer").put("minimum", 1);
        rp.set("id", string("The rule's id"));
        rp.set("category", enumOf(Category.values()));
        rp.set("severity", enumOf(Severity.values()));
        rp.set("title", string(null));
        rp.set("action", string(null));
        rp.set("why", string(null));
        rp.set("causes", arrayOf(string("The id of a recommendation that is a likely cause")));
        rp.putObject("evidence").put("type", "object").put("description", "The values the rule decided on, by snapshot path or threshold name");
        ObjectNode source = rp.putObject("source");
        source.putArray("type").add("object").add("null");
        source.put("description", "The seed passage the rule encodes");
        source.putObject("properties").<ObjectNode>set("document", string(null)).set("quote", string(null));
        p.set("recommendations", arrayOf(rec));
        ObjectNode sup = object("A recommendation held back: by another rule's id, or by the operator's acknowledgement");
        required(sup, "id", "by", "reason");
        ObjectNode sp = sup.putObject("properties");
        sp.set("id", string(null));
        sp.set("by", string("The superseding rule's id, or \"acknowledged\""));
        sp.set("reason", string(null));
        sp.set("ackReason", enumOf(AckReason.values()));
        sp.set("note", string(null));
        p.set("suppressed", arrayOf(sup));
        p.set("focus", arrayOf(string("The id of a recommendation to do first")).put("maxItems", 3));
        ObjectNode scores = object("The composite evaluation, 0-100; null where unknown");
        ObjectNode scp = scores.putObject("properties");
        for (String name : AdviceJson.LEAN_SCORES) {
            scp.set(name, score());
        }
        scp.putObject("change").put("type", "object").put("description", "Change since the history's previous point, by score")
                .putObject("additionalProperties").put("type", "integer");
        p.set("scores", scores);
        p.set("dataGaps", arrayOf(string("A snapshot path that was unknown but would have let more rules decide")));
        p.set("rulesVersion", string("Content hash of the rules that made the advice"));
        ObjectNode profile = object("The profile and the threshold values used");
        required(profile, "name", "thresholds");
        profile.putObject("properties").<ObjectNode>set("name", string(null)).putObject("thresholds").put("type", "object")
                .putObject("additionalProperties").put("type", "number");
        p.set("profile", profile);
        return s;
    }

    static ObjectNode lean() {
        ObjectNode s = object("The lean advice (?lean=true, advise --lean): ids, severities and evidence values, no "
                + "texts; the evidence names are the rule's, in ./advisor rules --format json");
        required(s, "communityId", "asOf", "stage", "recommendations", "focus", "scores", "rulesVersion", "profile");
        s.put("additionalProperties", false);
        ObjectNode p = s.putObject("properties");
        p.set("communityId", string(null));
        p.set("asOf", date());
        p.set("stage", enumOf(Stage.values()));
        p.set("dataWarnings", arrayOf(string("The snapshot path of a data warning")));
        ObjectNode rec = Json.MAPPER.createObjectNode();
        rec.put("type", "array").put("description", "[rank, id, severity, [evidence values], [causes]?]")
                .put("minItems", 4).put("maxItems", 5);
        ArrayNode items = rec.putArray("prefixItems");
        items.addObject().put("type", "integer").put("minimum", 1);
        items.add(string("The rule's id"));
        items.add(enumOf(Severity.values()));
        items.addObject().put("type", "array").put("description", "The evidence values, in the rule's evidence order");
        items.add(arrayOf(string("The id of a likely cause")));
        p.set("recommendations", arrayOf(rec));
        ObjectNode sup = Json.MAPPER.createObjectNode();
        sup.put("type", "array").put("description", "[id, by]").put("minItems", 2).put("maxItems", 2)
                .putObject("items").put("type", "string");
        p.set("suppressed", arrayOf(sup));
        p.set("focus", arrayOf(string(null)).put("maxItems", 3));
        ObjectNode scores = arrayOf(score());
        scores.put("description", "In this order: " + String.join(", ", AdviceJson.LEAN_SCORES))
                .put("minItems", AdviceJson.LEAN_SCORES.size()).put("maxItems", AdviceJson.LEAN_SCORES.size());
        p.set("scores", scores);
        p.putObject("scoreChange").put("type", "object").putObject("additionalProperties").put("type", "integer");
        p.set("dataGaps", arrayOf(string(null)));
        p.set("rulesVersion", string(null));
        p.set("profile", string("The profile's name"));
        return s;
    }

    private static ObjectNode object(String description) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("type", "object");
        o.put("description", description);
        return o;
    }

    private static void required(ObjectNode schema, String... names) {
        ArrayNode r = schema.putArray("required");
        for (String n : names) {
            r.add(n);
        }
    }

    private static ObjectNode string(String description) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("type", "string");
        if (description != null) {
            o.put("description", description);
        }
        return o;
    }

    private static ObjectNode date() {
        return Json.MAPPER.createObjectNode().put("type", "string").put("format", "date");
    }

    private static ObjectNode score() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.putArray("type").add("integer").add("null");
        return o.put("minimum", 0).put("maximum", 100);
    }

    private static ObjectNode arrayOf(ObjectNode items) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("type", "array");
        o.set("items", items);
        return o;
    }

    /** The values of an enum as the advice writes them. */
    private static ObjectNode enumOf(Enum<?>[] values) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("type", "string");
        ArrayNode e = o.putArray("enum");
        for (Enum<?> v : values) {
            e.add(Json.MAPPER.valueToTree(v).asText());
        }
        return o;
    }
}
