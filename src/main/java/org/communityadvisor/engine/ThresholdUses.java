package org.communityadvisor.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.communityadvisor.ThresholdDeclaration;
import org.communityadvisor.engine.RuleSources.Kind;
import org.communityadvisor.engine.RuleSources.RuleText;
import org.communityadvisor.engine.RuleSources.Token;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.Names;

/**
 * The thresholds a rules folder names, held against the ones this advisor declares. The thresholds are built into
 * the advisor (the {@code Thresholds} record is generated from the bundled {@code rules/thresholds.json}), so a
 * folder given with {@code --rules} can use them but not add one, and its own copy of {@code thresholds.json} is
 * not read: each of those is said plainly, instead of the compiler's "unable to resolve method" or a default that
 * would be ignored without a word.
 */
final class ThresholdUses {
    static final String FILE = "thresholds.json";

    private ThresholdUses() {
    }

    private static Set<String> declared() {
        return ThresholdDeclaration.all().stream().map(ThresholdDeclaration::name).collect(Collectors.toSet());
    }

    /** One {@code thresholds.<name>} whose name is not declared. */
    record Unknown(String file, int line, String name) {
        String problem() {
            String nearest = Names.nearest(name, declared());
            return file + ":" + line + ": thresholds." + name + " is not a threshold of this advisor"
                    + (nearest == null ? "" : " (did you mean thresholds." + nearest + "?)")
                    + "; a rules folder uses the advisor's thresholds (`./advisor profiles` lists them); a new"
                    + " one is declared in the advisor's own rules/thresholds.json and built in (docs/ADDING-A-RULE.md)";
        }
    }

    /** Every {@code thresholds.<name>} in the rules' conditions and consequences whose name is not declared. */
    static List<Unknown> unknown(RuleSources.Parsed parsed) {
        Set<String> declared = declared();
        List<Unknown> out = new ArrayList<>();
        for (RuleText rule : parsed.rules()) {
            for (List<Token> tokens : List.of(rule.conditions(), rule.consequence())) {
                for (int i = 0; i + 2 < tokens.size(); i++) {
                    Token name = tokens.get(i + 2);
                    if (tokens.get(i).kind() == Kind.NAME && tokens.get(i).is("thresholds") && tokens.get(i + 1).is(".")
                            && name.kind() == Kind.NAME && !declared.contains(name.text())) {
                        out.add(new Unknown(parsed.sources().path(rule.file()), name.line(), name.text()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * What a folder's own {@code thresholds.json} (a copy of the bundled one, perhaps edited) says that the advisor
     * will not do: a threshold it does not declare, or a default other than the advisor's (defaults are the
     * guidance's numbers; another value belongs in a profile). Empty when the folder has no such file or it agrees.
     */
    static List<String> folderDeclarations(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            return List.of(FILE + ": not readable as JSON (" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + "); the advisor's own"
                    + " thresholds apply, so the file can be deleted");
        }
        if (root == null || !root.isObject()) {
            return List.of(FILE + ": not a JSON object of thresholds; the advisor's own thresholds apply, so the"
                    + " file can be deleted");
        }
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ThresholdDeclaration d = ThresholdDeclaration.named(e.getKey());
            JsonNode value = e.getValue().path("default");
            if (d == null) {
                problems.add(FILE + ": '" + e.getKey() + "' is not a threshold of this advisor: a rules folder cannot"
                        + " declare one (the thresholds are built in); declare it in the advisor's own"
                        + " rules/thresholds.json and build (docs/ADDING-A-RULE.md)");
            } else if (!value.isMissingNode() && !sameDefault(d.defaultValue(), value)) {
                problems.add(FILE + ": '" + e.getKey() + "' has the default " + value + " here and "
                        + d.defaultValue() + " in the advisor: a folder's defaults are not read; set "
                        + e.getKey() + ": " + value + " in a profile (--profile FILE) instead");
            }
        }
        return problems;
    }

    private static boolean sameDefault(Number declared, JsonNode value) {
        if (declared == null || value.isNull()) {
            return declared == null && value.isNull();
        }
        return value.isNumber() && value.asDouble() == declared.doubleValue();
    }
}
