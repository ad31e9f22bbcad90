package org.communityadvisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.Names;

/**
 * A named set of thresholds. Bundled profiles live in {@code profiles/NAME.json}; a user's profile file may
 * {@code "extends"} a bundled one and override only some thresholds. Unknown threshold names are refused.
 *
 * @param name        the profile's name, recorded in every advice
 * @param description what the profile is for
 * @param thresholds  the values the rules use
 */
public record Profile(String name, String description, Thresholds thresholds) {
    /** The profile of the seeds' own numbers (the catalog's defaults). */
    public static final String DEFAULT = "default";
    /** Where the bundled profiles live on the classpath (namespaced, so an application's files never shadow them). */
    static final String FOLDER = "org/communityadvisor/profiles";

    /** Every bundled profile, by name. */
    public static java.util.List<Profile> bundled() {
        return org.communityadvisor.engine.Bundled.read(FOLDER, ".json").stream()
                .map(f -> bundled(f.path().replaceFirst("\\.json$", ""))).toList();
    }

    /**
     * The bundled profile a snapshot of this platform is judged by when no profile is named: the one named
     * after the platform ({@code wechat}, {@code discord} ...) where it exists, else {@link #DEFAULT}.
     */
    public static Profile forPlatform(Platform platform) {
        String name = platform == null ? DEFAULT : platform.json();
        return Profile.class.getClassLoader().getResource(FOLDER + "/" + name + ".json") != null
                ? bundled(name) : bundled(DEFAULT);
    }

    /** A bundled profile by name. */
    public static Profile bundled(String name) {
        try (InputStream in = Profile.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name + ".json")) {
            if (in == null) {
                java.util.List<String> names = org.communityadvisor.engine.Bundled.read(FOLDER, ".json").stream()
                        .map(f -> f.path().replaceFirst("\\.json$", "")).toList();
                String nearest = Names.nearest(name, names);
                throw new ProfileException("no bundled profile named '" + name + "'" + (nearest != null
                        ? "; did you mean '" + nearest + "'?" : "; bundled: " + String.join(", ", names)));
            }
            return parse(Json.MAPPER.readTree(in), "profile " + name);
        } catch (IOException e) {
            throw new ProfileException("profile " + name + ": unreadable: " + e.getMessage(), e);
        }
    }

    /** A profile from a user's file; it may extend a bundled profile and override some thresholds. */
    public static Profile fromFile(Path file) {
        try {
            return parse(Json.MAPPER.readTree(Json.withoutBom(Files.readString(file))), file.toString());
        } catch (IOException e) {
            throw new ProfileException(file + ": not a readable JSON profile: " + e.getMessage(), e);
        }
    }

    private static Profile parse(JsonNode root, String origin) {
        if (!root.isObject()) {
            throw new ProfileException(origin + ": a profile is a JSON object");
        }
        List<String> known = List.of("name", "description", "extends", "thresholds");
        root.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                String nearest = Names.nearest(f, known);
                throw new ProfileException(origin + ": " + f + ": unknown field"
                        + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
            }
        });
        ObjectNode values = Json.MAPPER.createObjectNode();
        if (root.hasNonNull("extends")) {
            Profile base = bundled(root.get("extends").asText());
            values.setAll((ObjectNode) Json.MAPPER.valueToTree(base.thresholds()));
        }
        JsonNode own = root.path("thresholds");
        if (!own.isMissingNode() && !own.isObject()) {
            throw new ProfileException(origin + ": thresholds: expected an object");
        }
        if (own.isObject()) {
            List<String> names = thresholdNames();
            own.fields().forEachRemaining(e -> {
                if (!names.contains(e.getKey())) {
                    String nearest = Names.nearest(e.getKey(), names);
                    throw new ProfileException(origin + ": thresholds." + e.getKey() + ": unknown threshold"
                            + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
                }
                if (!e.getValue().isNumber()) {
                    throw new ProfileException(origin + ": thresholds." + e.getKey() + ": expected a number");
                }
            });
            values.setAll((ObjectNode) own);
        }
        List<String> missing = new ArrayList<>();
        for (String n : thresholdNames()) {
            if (!values.has(n)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw new ProfileException(origin + ": thresholds missing: " + String.join(", ", missing)
                    + " (add them, or \"extends\": \"default\")");
        }
        for (String n : thresholdNames()) {
            String problem = outOfRange(n, values.get(n).asDouble());
            if (problem != null) {
                throw new ProfileException(origin + ": thresholds." + n + ": " + values.get(n) + " " + problem);
            }
        }
        Thresholds thresholds;
        try {
            thresholds = Json.MAPPER.treeToValue(values, Thresholds.class);
        } catch (IOException e) {
            throw new ProfileException(origin + ": thresholds: " + e.getMessage(), e);
        }
        String name = root.path("name").asText(origin);
        return new Profile(name, root.path("description").asText(""), thresholds);
    }

    /**
     * Why a threshold's value makes no sense, or {@code null}: a ratio is a share (0 to 1; a 4-week growth
     * ratio may reach 10, i.e. 1000%), everything else a count or weight of at least 0. A spam ratio of 5 would
     * silently switch its rule off.
     */
    static String outOfRange(String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "is not a number";
        }
        if (name.contains("Ratio")) {
            double max = name.equals("growthRatio4w") ? 10 : 1;
            return v < 0 || v > max ? "is out of range: a ratio is between 0 and " + (max == 1 ? "1 (e.g. 0.1 for 10%)"
                    : "10") : null;
        }
        return v < 0 ? "is out of range: must be at least 0" : null;
    }

    /** The names of every threshold, in declaration order. */
    public static List<String> thresholdNames() {
        return java.util.Arrays.stream(Thresholds.class.getRecordComponents()).map(c -> c.getName()).toList();
    }
}
