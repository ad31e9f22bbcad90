package org.communityadvisor.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** JSON Merge Patch (RFC 7396): how scenario variants and test cases change a base snapshot. */
public final class MergePatch {
    private MergePatch() {
    }

    /** A new document: the target with the patch applied (neither argument is changed). */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? target : patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy() : Json.MAPPER.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), apply(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }

    /** The value a patch gives at a dotted path ({@code members.total}), or {@code null} when it gives none. */
    public static JsonNode at(JsonNode patch, String path) {
        if (patch == null) {
            return null;
        }
        JsonNode n = patch;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        return n.isMissingNode() || n.isNull() ? null : n;
    }
}
