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
                throw nearest != null ? ProfileException.of(null, "profile.unknown-bundled-nearest", name, nearest)
                        : ProfileException.of(null, "profile.unknown-bundled", name, String.join(", ", names));
            }
            return parse(Json.MAPPER.readTree(in), "profile " + name);
        } catch (IOException e) {
            throw ProfileException.of(e, "profile.unreadable-bundled", name, e.getMessage());
        }
    }

    /** A profile from a user's file; it may extend a bundled profile and override some thresholds. */
    public static Profile fromFile(Path file) {
        try {
            return parse(Json.MAPPER.readTree(Json.withoutBom(Files.readString(file))), file.toString());
        } catch (IOException e) {
            throw ProfileException.of(e, "profile.unreadable-file", file, e.getMessage());
        }
    }

    private static Profile parse(JsonNode root, String origin) {
        if (!root.isObject()) {
            throw ProfileException.of(null, "profile.not-object", origin);
        }
        List<String> known = List.of("name", "description", "extends", "thresholds");
        root.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                String nearest = Names.nearest(f, known);
                throw nearest == null ? ProfileException.of(null, "profile.unknown-field", origin, f)
                        : ProfileException.of(null, "profile.unknown-field-nearest", origin, f, nearest);
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
            throw ProfileException.of(null, "profile.thresholds-not-object", origin);
        }
        if (own.isObject()) {
            List<String> names = thresholdNames();
            own.fields().forEachRemaining(e -> {
                ThresholdDeclaration d = ThresholdDeclaration.named(e.getKey());
                if (d == null) {
                    String nearest = Names.nearest(e.getKey(), names);
                    throw nearest == null ? ProfileException.of(null, "profile.unknown-threshold", origin, e.getKey())
                            : ProfileException.of(null, "profile.unknown-threshold-nearest", origin, e.getKey(), nearest);
                }
                if (e.getValue().isNull() && d.none()) {
                    return;
                }
                if (!e.getValue().isNumber()) {
                    throw ProfileException.of(null, d.none() ? "profile.not-number-or-none" : "profile.not-number",
                            origin, e.getKey());
                }
                double v = e.getValue().asDouble();
                if (d.problem(v) != null) {
                    String value = e.getValue().toString();
                    throw ProfileException.in(null, lang -> org.communityadvisor.text.Texts.of(lang)
                            .get("profile.threshold-value", origin, e.getKey(), value, d.problem(v, lang)));
                }
            });
            values.setAll((ObjectNode) own);
        }
        Thresholds thresholds;
        try {
            thresholds = Json.MAPPER.treeToValue(values, Thresholds.class);
        } catch (IOException e) {
            throw ProfileException.of(e, "profile.thresholds-unreadable", origin, e.getMessage());
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
