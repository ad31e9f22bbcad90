package org.communityadvisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.Names;

/**
 * A named set of thresholds. Bundled profiles live in {@code profiles/NAME.json}; a user's profile file may
 * {@code "extends"} a bundled one (else it starts from the declared defaults, {@link ThresholdDeclaration}) and
 * overrides only some thresholds by name. Unknown names and values out of their declared range are refused.
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
            values.setAll((ObjectNode) Json.MAPPER.valueToTree(bundled(root.get("extends").asText()).thresholds()));
        } else {
            ThresholdDeclaration.all().forEach(d -> values.set(d.name(), Json.MAPPER.valueToTree(d.defaultValue())));
        }
        JsonNode own = root.path("thresholds");
        if (!own.isMissingNode() && !own.isObject()) {
            throw new ProfileException(origin + ": thresholds: expected an object");
        }
        if (own.isObject()) {
            List<String> names = thresholdNames();
            own.fields().forEachRemaining(e -> {
                ThresholdDeclaration d = ThresholdDeclaration.named(e.getKey());
                if (d == null) {
                    String nearest = Names.nearest(e.getKey(), names);
                    throw new ProfileException(origin + ": thresholds." + e.getKey() + ": unknown threshold"
                            + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
                }
                if (e.getValue().isNull() && d.none()) {
                    return;
                }
                if (!e.getValue().isNumber()) {
                    throw new ProfileException(origin + ": thresholds." + e.getKey() + ": expected a number"
                            + (d.none() ? ", or null for none" : ""));
                }
                String problem = d.problem(e.getValue().asDouble());
                if (problem != null) {
                    throw new ProfileException(origin + ": thresholds." + e.getKey() + ": " + e.getValue() + " " + problem);
                }
            });
            values.setAll((ObjectNode) own);
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

    /** The names of every threshold, in declaration order. */
    public static List<String> thresholdNames() {
        return ThresholdDeclaration.all().stream().map(ThresholdDeclaration::name).toList();
    }

    /** A threshold by its name ({@code minViableMembers}), as this profile sets it; empty when no threshold has it. */
    public java.util.Optional<Object> threshold(String name) {
        return org.communityadvisor.engine.Values.isThreshold(name)
                ? java.util.Optional.ofNullable(org.communityadvisor.engine.Values.ref(name).get(null, thresholds))
                : java.util.Optional.empty();
    }
}
