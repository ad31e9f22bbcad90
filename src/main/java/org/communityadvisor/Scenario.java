package org.communityadvisor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.MergePatch;
import org.communityadvisor.json.Names;
import org.communityadvisor.json.SnapshotReader;

/**
 * A consultant's scenario file: a description, a base snapshot, optional what-if variants (JSON merge patches
 * on the base) and optional expectations for the base and each variant. See README "Scenario files" and
 * {@code schema/scenario.schema.json}.
 *
 * @param description what situation the scenario shows
 * @param base        the base snapshot
 * @param expect      what the base's advice must show (may be {@link Expectations#NONE})
 * @param variants    the what-if variants, in file order
 */
public record Scenario(String description, Snapshot base, Expectations expect, List<Variant> variants) {
    /** Fields a scenario file may have. */
    public static final List<String> FIELDS = List.of("description", "snapshot", "expect", "variants");
    private static final List<String> VARIANT_FIELDS = List.of("description", "patch", "expect");

    /** One what-if: the base with a patch applied. */
    public record Variant(String name, String description, Snapshot snapshot, Expectations expect) {
    }

    /**
     * What an advice must show.
     *
     * @param stage      the stage, or null for any
     * @param include    ids that must be recommended (shown, not suppressed)
     * @param exclude    ids that must not be recommended
     * @param suppressed ids that must be matched but held back
     * @param order      pairs [a, b]: a must rank before b
     * @param focus      the advice's focus exactly, in order; {@code null} when not checked
     */
    public record Expectations(String stage, List<String> include, List<String> exclude, List<String> suppressed,
                               List<List<String>> order, List<String> focus) {
        public static final Expectations NONE = new Expectations(null, List.of(), List.of(), List.of(), List.of(), null);
        static final List<String> FIELDS = List.of("stage", "include", "exclude", "suppressed", "order", "focus");

        public boolean isEmpty() {
            return stage == null && include.isEmpty() && exclude.isEmpty() && suppressed.isEmpty() && order.isEmpty()
                    && focus == null;
        }

        /** Every way the advice differs from what was expected; empty when it meets them. */
        public List<String> check(Advice advice) {
            List<String> out = new ArrayList<>();
            if (stage != null && !stage.equals(advice.stage().json())) {
                out.add("stage: expected " + stage + ", got " + advice.stage().json());
            }
            List<String> shown = advice.ids();
            List<String> held = advice.suppressed().stream().map(Advice.Suppression::id).toList();
            for (String id : include) {
                if (!shown.contains(id)) {
                    out.add("missing " + id + (held.contains(id) ? " (it was suppressed)" : ""));
                }
            }
            for (String id : exclude) {
                if (shown.contains(id)) {
                    out.add("unexpected " + id + " (rank " + (shown.indexOf(id) + 1) + ")");
                }
            }
            for (String id : suppressed) {
                if (!held.contains(id)) {
                    out.add("not suppressed: " + id + (shown.contains(id) ? " (it was recommended)" : " (it did not match)"));
                }
            }
            for (List<String> pair : order) {
                int a = shown.indexOf(pair.get(0));
                int b = shown.indexOf(pair.get(1));
                if (a < 0 || b < 0 || a > b) {
                    out.add("order: expected " + pair.get(0) + " before " + pair.get(1) + ", got ranks "
                            + (a < 0 ? "-" : a + 1) + " and " + (b < 0 ? "-" : b + 1));
                }
            }
            if (focus != null && !focus.equals(advice.focus())) {
                out.add("focus: expected " + focus + ", got " + advice.focus());
            }
            return out;
        }
    }

    /**
     * Reads a scenario file's JSON, its expectations naming the bundled rules' ids; errors name paths from the
     * file's root.
     */
    public static Scenario read(String text) {
        return read(SnapshotReader.tree(text), org.communityadvisor.json.SnapshotSchema.catalogIds());
    }

    /** Reads a scenario file's JSON whose expectations name ids of these rules ({@link Advisor#rules()}). */
    public static Scenario read(String text, Rules rules) {
        return read(SnapshotReader.tree(text), rules.ids());
    }

    /** Reads a parsed scenario file, its expectations naming the bundled rules' ids. */
    public static Scenario read(JsonNode root) {
        return read(root, org.communityadvisor.json.SnapshotSchema.catalogIds());
    }

    private static Scenario read(JsonNode root, java.util.Set<String> catalog) {
        if (root == null || !root.isObject() || !root.has("snapshot")) {
            throw invalid("(root)", Message.SCENARIO_NOT_OBJECT);
        }
        known(root, FIELDS, "");
        Snapshot base = SnapshotReader.read(root.get("snapshot"), "snapshot");
        List<Variant> variants = new ArrayList<>();
        JsonNode vs = root.path("variants");
        if (!vs.isMissingNode() && !vs.isObject()) {
            throw invalid("variants", Message.EXPECTED_NAMED_VARIANTS);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = vs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "variants." + e.getKey();
            JsonNode v = e.getValue();
            if (!v.isObject() || !v.has("patch")) {
                throw invalid(at, Message.EXPECTED_VARIANT_PATCH);
            }
            known(v, VARIANT_FIELDS, at + ".");
            JsonNode patched = MergePatch.apply(root.get("snapshot"), v.get("patch"));
            Snapshot snapshot = SnapshotReader.read(patched, at + ".patch");
            variants.add(new Variant(e.getKey(), v.path("description").asText(""), snapshot,
                    expectations(v.get("expect"), at + ".expect", catalog)));
        }
        return new Scenario(root.path("description").asText(""), base,
                expectations(root.get("expect"), "expect", catalog), List.copyOf(variants));
    }

    /** Every snapshot of the scenario, base first, labelled "base" or by variant name. */
    public Map<String, Snapshot> snapshots() {
        Map<String, Snapshot> out = new LinkedHashMap<>();
        out.put("base", base);
        variants.forEach(v -> out.put(v.name(), v.snapshot()));
        return out;
    }

    private static Expectations expectations(JsonNode node, String at, java.util.Set<String> catalog) {
        if (node == null || node.isNull()) {
            return Expectations.NONE;
        }
        if (!node.isObject()) {
            throw invalid(at, Message.EXPECTED, Message.TYPE_OBJECT);
        }
        known(node, Expectations.FIELDS, at + ".");
        List<List<String>> order = new ArrayList<>();
        JsonNode o = node.path("order");
        for (int i = 0; i < o.size(); i++) {
            JsonNode pair = o.get(i);
            if (!pair.isArray() || pair.size() != 2) {
                throw invalid(at + ".order[" + i + "]", Message.EXPECTED_ID_PAIR);
            }
            order.add(List.of(id(pair.get(0), at + ".order[" + i + "][0]", catalog),
                    id(pair.get(1), at + ".order[" + i + "][1]", catalog)));
        }
        String stage = null;
        if (node.hasNonNull("stage")) {
            stage = node.get("stage").asText();
            String s = stage;
            if (java.util.Arrays.stream(Stage.values()).noneMatch(v -> v.json().equals(s))) {
                throw invalid(at + ".stage", Message.UNKNOWN_STAGE, stage);
            }
        }
        return new Expectations(stage, ids(node.path("include"), at + ".include", catalog),
                ids(node.path("exclude"), at + ".exclude", catalog), ids(node.path("suppressed"), at + ".suppressed", catalog),
                List.copyOf(order), node.has("focus") ? ids(node.get("focus"), at + ".focus", catalog) : null);
    }

    private static List<String> ids(JsonNode array, String at, java.util.Set<String> catalog) {
        if (array.isMissingNode()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw invalid(at, Message.EXPECTED_ID_ARRAY);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(id(array.get(i), at + "[" + i + "]", catalog));
        }
        return List.copyOf(out);
    }

    private static String id(JsonNode node, String at, java.util.Set<String> catalog) {
        String id = node.asText();
        if (!node.isTextual() || !catalog.contains(id)) {
            String nearest = Names.nearest(id, catalog);
            throw nearest == null ? invalid(at, Message.UNKNOWN_CATALOG_ID, id)
                    : invalid(at, Message.UNKNOWN_CATALOG_ID_DID_YOU_MEAN, id, nearest);
        }
        return id;
    }

    private static void known(JsonNode node, List<String> fields, String prefix) {
        node.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                String nearest = Names.nearest(f, fields);
                throw nearest == null ? invalid(prefix + f, Message.UNKNOWN_FIELD, f, String.join(", ", fields))
                        : invalid(prefix + f, Message.UNKNOWN_FIELD_DID_YOU_MEAN, f, nearest);
            }
        });
    }

    private static InvalidSnapshotException invalid(String path, Message message, Object... args) {
        return new InvalidSnapshotException(List.of(ValidationError.of(path, message, args)));
    }
}
