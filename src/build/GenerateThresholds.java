// Build step (generate-sources): writes the Thresholds record from rules/thresholds.json, so a threshold is declared
// once: its name, default, whether it is whole, its range and its meaning in both languages live in that file, and
// the record that carries the values to the rules (thresholds.minViableMembers) follows from it.
// Run by Maven: java -cp <compile class path> src/build/GenerateThresholds.java rules/thresholds.json OUT_DIR
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

public class GenerateThresholds {
    public static void main(String[] args) throws Exception {
        Path json = Path.of(args[0]);
        Path out = Path.of(args[1], "org", "communityadvisor", "Thresholds.java");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<String> components = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (!name.matches("[a-z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException(json + ": " + name + ": a threshold's name is a Java name (minViableMembers)");
            }
            String meaning = e.getValue().path("en").asText().replace("*/", "* /");
            boolean whole = e.getValue().path("integer").asBoolean(false);
            // A threshold that may be "none" (null: the check never applies on that platform) is boxed.
            String type = e.getValue().path("none").asBoolean(false) ? (whole ? "Integer " : "Double ")
                    : (whole ? "int " : "double ");
            components.add("        /** " + meaning + (type.startsWith("I") || type.startsWith("D")
                    ? " ({@code null}: none)" : "") + " */\n        " + type + name);
        }
        String text = """
                package org.communityadvisor;

                /**
                 * Every number the rules compare against. Rules read them from the {@code Community} fact
                 * ({@code thresholds.minViableMembers}); no rule holds a literal threshold. Values come from a named
                 * {@link Profile}. Generated at build time from {@code rules/thresholds.json}, where each threshold's
                 * default, range and meaning are declared once ({@link ThresholdDeclaration}): edit that file, not this one.
                 */
                public record Thresholds(
                """ + String.join(",\n", components) + ") {\n}\n";
        Files.createDirectories(out.getParent());
        if (!Files.exists(out) || !Files.readString(out).equals(text)) {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
    }
}
