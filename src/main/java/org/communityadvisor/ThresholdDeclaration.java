package org.communityadvisor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One threshold as {@code rules/thresholds.json} declares it: its name, default (the guidance's own number: the
 * {@code default} profile), range, and meaning in both languages. Profiles override thresholds by name; a value
 * outside its range is refused. The {@link Thresholds} record that carries the values to the rules is generated
 * from the same file at build time, a component a declaration in the same order.
 *
 * @param name         as rules and profiles write it
 * @param defaultValue the guidance's own number ({@code null}: none)
 * @param integer      whether it is a whole number (members, days, messages ...)
 * @param none         whether a profile may set it to {@code null}: none, the check it serves never applies
 * @param min          the smallest value that makes sense
 * @param max          the largest ({@link Double#POSITIVE_INFINITY} where there is no bound)
 * @param en           what it means, in English
 * @param zh           what it means, in Chinese
 */
public record ThresholdDeclaration(String name, Number defaultValue, boolean integer, boolean none, double min, double max,
                                   String en, String zh) {
    /** Where the declarations live on the classpath (the build copies {@code rules/thresholds.json} there). */
    static final String RESOURCE = "org/communityadvisor/rules/thresholds.json";
    private static final List<ThresholdDeclaration> ALL = load();

    /** Every threshold as declared, in declaration order. */
    public static List<ThresholdDeclaration> all() {
        return ALL;
    }

    /** A threshold's declaration by name, or {@code null}. */
    public static ThresholdDeclaration named(String name) {
        for (ThresholdDeclaration d : ALL) {
            if (d.name.equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** Its meaning in a language. */
    public String meaning(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }

    /** Why a value makes no sense for this threshold, in English, or {@code null} when it is in range. */
    public String problem(double v) {
        return problem(v, Lang.EN);
    }

    /** Why a value makes no sense for this threshold, in {@code lang}, or {@code null} when it is in range. */
    public String problem(double v, Lang lang) {
        org.communityadvisor.text.Texts t = org.communityadvisor.text.Texts.of(lang);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return t.get("threshold.not-number");
        }
        if (integer && v != Math.rint(v)) {
            return t.get("threshold.not-whole");
        }
        if (v < min || v > max) {
            return max == Double.POSITIVE_INFINITY ? t.get("threshold.at-least", shown(min))
                    : t.get(max == 1 ? "threshold.between-share" : "threshold.between", shown(min), shown(max));
        }
        return null;
    }

    private static String shown(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static List<ThresholdDeclaration> load() {
        try (InputStream in = ThresholdDeclaration.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath (the build copies it from"
                        + " rules/thresholds.json)");
            }
            JsonNode root = org.communityadvisor.json.Json.MAPPER.readTree(in);
            List<ThresholdDeclaration> out = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode d = e.getValue();
                boolean integer = d.path("integer").asBoolean(false);
                double v = d.path("default").asDouble();
                Number defaultValue = d.path("default").isNull() ? null : integer ? (Number) (int) v : (Number) v;
                out.add(new ThresholdDeclaration(e.getKey(), defaultValue, integer, d.path("none").asBoolean(false),
                        d.path("min").asDouble(0), d.has("max") ? d.get("max").asDouble() : Double.POSITIVE_INFINITY,
                        d.path("en").asText(), d.path("zh").asText()));
            }
            return Collections.unmodifiableList(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
