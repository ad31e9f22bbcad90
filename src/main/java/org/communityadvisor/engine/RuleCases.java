package org.communityadvisor.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.communityadvisor.json.Json;

/**
 * The check that every recommendation, stage and suppression rule of a rules folder comes with its cases: a
 * {@code cases.json} beside its {@code rule.drl} with at least one case that fires it ({@code fires}) and one
 * that nearly does ({@code nearMiss}), each a named JSON merge patch on the folder's healthy {@code base.json}
 * (a suppression rule's cases also name the id it holds back, {@code holds}).
 * Running them is the tests' job ({@code RuleCasesTest}); this only sees that they are there. Stateless.
 */
final class RuleCases {
    private RuleCases() {
    }

    static List<String> problems(Path dir, Collection<RuleInfo> rules) {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(dir.resolve("base.json"))) {
            out.add("base.json: missing: the healthy snapshot on which no rule fires, which every case patches");
        }
        for (RuleInfo r : rules) {
            if (r.kind() == RuleInfo.Kind.OTHER || !r.folder().equals(r.name())) {
                continue; // a rule outside its own folder is reported as such by RuleTexts
            }
            String file = r.folder() + "/cases.json";
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                out.add(file + ": missing: rule \"" + r.name() + "\" needs a case that fires it and one that nearly"
                        + " does ({\"fires\": [{\"name\": ..., \"patch\": {...}}], \"nearMiss\": [...]})");
                continue;
            }
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(path.toFile());
            } catch (IOException e) {
                out.add(file + ": not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                        ? j.getOriginalMessage() : e.getMessage()));
                continue;
            }
            for (String kind : List.of("fires", "nearMiss")) {
                JsonNode cases = root == null ? null : root.get(kind);
                if (cases == null || !cases.isArray() || cases.isEmpty()) {
                    out.add(file + ": \"" + kind + "\" needs at least one case (a name and a patch on base.json)");
                    continue;
                }
                for (int i = 0; i < cases.size(); i++) {
                    JsonNode c = cases.get(i);
                    if (!c.path("name").isTextual() || !c.path("patch").isObject()) {
                        out.add(file + ": " + kind + "[" + i + "]: a case is {\"name\": \"...\", \"patch\": {...}}");
                    } else if (r.kind() == RuleInfo.Kind.SUPPRESSION && !c.path("holds").isTextual()) {
                        out.add(file + ": " + kind + "[" + i + "]: a suppression rule's case names the id it holds back"
                                + " (\"holds\": \"...\")");
                    }
                }
            }
        }
        return out;
    }
}
