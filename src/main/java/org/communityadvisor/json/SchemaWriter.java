package org.communityadvisor.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.communityadvisor.Labelled;
import org.communityadvisor.SnapshotField;

/**
 * Writes the snapshot's JSON Schema from the snapshot model ({@link SnapshotModel}), so the schema other systems
 * validate against can never disagree with the records and the validator. Run at build time (it lands in the
 * jar as {@code org/communityadvisor/schema/snapshot.schema.json}; {@code ./advisor schema} prints it).
 */
public final class SchemaWriter {
    static final String DATE_PATTERN = "^(199[0-9]|20[0-9]{2})-[0-9]{2}-[0-9]{2}$";

    private SchemaWriter() {
    }

    /** The schema, with the catalog's recommendation ids as the values {@code acknowledged[].id} may take. */
    public static ObjectNode snapshotSchema(Collection<String> catalogIds) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://community-advisor.invalid/schema/snapshot-1.json");
        root.put("title", "Community Advisor snapshot, schema version 1");
        root.put("description", "One community at one date (the contract's Snapshot). Dates are ISO yyyy-MM-dd; counts"
                + " are non-negative integers; an optional field that is absent or null is unknown, and no rule treats"
                + " unknown as zero or false. Windows such as 7d, 30d, 90d end on asOf. Generated from the advisor's"
                + " snapshot records; do not edit.");
        List<String> parts = new ArrayList<>();
        SnapshotModel.byPath().values().stream().filter(f -> !f.field().partOf().isEmpty())
                .forEach(f -> parts.add(f.path() + " <= " + f.field().partOf()));
        root.put("$comment", "Rules this schema cannot express; the advisor enforces them and refuses the snapshot,"
                + " naming the JSON path: (1) asOf >= createdOn; (2) a part is never larger than its whole: "
                + String.join("; ", parts) + " (checked only where both values are known); (3) history[].weekEnding"
                + " strictly increasing (oldest first) and <= asOf; (4) every date is a real calendar day (the pattern"
                + " checks the shape and the years, " + SnapshotValidator.EARLIEST_DATE + " to "
                + SnapshotValidator.LATEST_DATE + "; \"format\": \"date\" is an annotation unless a validator asserts formats)."
                + " Counts carry maximum 2147483647 because the advisor holds them as 32-bit integers. A JSON Schema"
                + " validator accepts 1.0 as an integer; the advisor does not (write integers without a fraction).");
        object(root, SnapshotModel.root(), false);
        ObjectNode defs = root.putObject("$defs");
        ObjectNode id = defs.putObject("catalogId");
        id.put("description", "A recommendation id of the knowledge base.");
        id.put("type", "string");
        ArrayNode ids = id.putArray("enum");
        catalogIds.forEach(ids::add);
        return root;
    }

    /** Writes the schema into a classes folder (the build step). */
    public static void write(Path classes, Collection<String> catalogIds) throws IOException {
        Path file = classes.resolve(SnapshotSchema.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(snapshotSchema(catalogIds))
                + "\n");
    }

    private static void object(ObjectNode node, List<SnapshotModel.Field> fields, boolean nullable) {
        type(node, "object", nullable);
        node.put("additionalProperties", false);
        ArrayNode required = Json.MAPPER.createArrayNode();
        ObjectNode props = Json.MAPPER.createObjectNode();
        for (SnapshotModel.Field f : fields) {
            if (f.field().required()) {
                required.add(f.name());
            }
            props.set(f.name(), property(f));
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        node.set("properties", props);
    }

    private static ObjectNode property(SnapshotModel.Field f) {
        SnapshotField a = f.field();
        boolean nullable = !a.required();
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("description", a.value());
        switch (f.kind()) {
            case INTEGER -> {
                if (a.constant() != Integer.MIN_VALUE) {
                    p.put("type", "integer");
                    p.put("const", a.constant());
                } else {
                    type(p, "integer", nullable);
                    p.put("minimum", (int) a.min());
                    p.put("maximum", a.max());
                }
            }
            case NUMBER -> {
                type(p, "number", nullable);
                p.put("minimum", (int) a.min());
            }
            case BOOLEAN -> type(p, "boolean", nullable);
            case STRING -> {
                type(p, "string", nullable);
                if (!a.pattern().isEmpty()) {
                    p.put("pattern", "^" + a.pattern() + "$");
                }
                // the validator's limit for any text without one of its own (Json.MAX_STRING), in the schema too
                p.put("maxLength", a.maxLength() > 0 ? a.maxLength() : Json.MAX_STRING);
            }
            case DATE -> {
                type(p, "string", nullable);
                p.put("pattern", DATE_PATTERN);
                p.put("format", "date");
            }
            case ENUM -> {
                type(p, "string", nullable);
                ArrayNode values = p.putArray("enum");
                for (Object c : f.type().getEnumConstants()) {
                    values.add(((Labelled) c).json());
                }
                if (nullable) {
                    values.addNull();
                }
            }
            case OBJECT -> object(p, f.children(), nullable);
            case ARRAY -> {
                type(p, "array", nullable);
                if (a.maxItems() > 0) {
                    p.put("maxItems", a.maxItems());
                }
                ObjectNode items = p.putObject("items");
                if (!a.item().isEmpty()) {
                    items.put("description", a.item());
                }
                if (f.type().isRecord()) {
                    object(items, f.children(), false);
                } else {
                    // An array of enum values (entry.channels).
                    items.put("type", "string");
                    ArrayNode values = items.putArray("enum");
                    for (Object c : f.type().getEnumConstants()) {
                        values.add(((Labelled) c).json());
                    }
                }
            }
            default -> throw new IllegalStateException(f.path());
        }
        if (f.path().equals("acknowledged[].id")) {
            p.remove("type");
            p.put("$ref", "#/$defs/catalogId");
        }
        return p;
    }

    private static void type(ObjectNode node, String type, boolean nullable) {
        if (nullable) {
            node.putArray("type").add(type).add("null");
        } else {
            node.put("type", type);
        }
    }
}
