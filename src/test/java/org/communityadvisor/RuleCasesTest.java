package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule's firing cases and near misses, from each rule's {@code rules/<id>/cases.json}: each case is a
 * JSON merge patch on the healthy base snapshot ({@code rules/base.json}). A firing case must make the rule shown (with the expected
 * severity when given), or, when it says {@code "suppressedBy": "id"}, matched and held back by that id; a near
 * miss, usually one step short of a threshold, must not match at all.
 * Cases keyed by a stage rule ({@code stage.launch}) assert the advice's stage instead. A firing case that names a
 * {@code "variant"} must show that wording variant's action ({@code action.<variant>} of the rule's
 * {@code en.properties}); one that names none, the rule's usual action.
 */
public class RuleCasesTest {
    static final Path RULES = Path.of("rules");

    /** One case: the rule, whether it must fire, and the patch. */
    public record Case(String rule, boolean fires, String name, JsonNode patch, String severity, String stage,
                       String suppressedBy, String holds, String variant) {
    }

    public static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> folders = Files.list(RULES)) {
            for (Path file : folders.map(f -> f.resolve("cases.json")).filter(Files::isRegularFile).sorted().toList()) {
                JsonNode root = Json.MAPPER.readTree(file.toFile());
                String rule = file.getParent().getFileName().toString();
                for (String kind : List.of("fires", "nearMiss")) {
                    for (JsonNode c : root.path(kind)) {
                        out.add(new Case(rule, kind.equals("fires"), c.path("name").asText(),
                                c.get("patch"), c.path("severity").asText(null), c.path("stage").asText(null),
                                c.path("suppressedBy").asText(null), c.path("holds").asText(null),
                                c.path("variant").asText(null)));
                    }
                }
            }
        }
        return out;
    }

    /** Whether a text is the template filled: its literal parts, between the {placeholders}, in order. */
    static boolean filledFrom(String template, String text) {
        int at = 0;
        for (String literal : template.split("\\{[^}]*}", -1)) {
            int found = text.indexOf(literal, at);
            if (found < 0) {
                return false;
            }
            at = found + literal.length();
        }
        return true;
    }

    @Test
    void theBaseIsHealthyAndNothingFires() {
        Advice advice = Fixtures.ADVISOR.advise(Fixtures.patched(null));
        assertThat(advice.stage()).isEqualTo(Stage.MATURE);
        assertThat(advice.recommendations()).isEmpty();
        assertThat(advice.suppressed()).isEmpty();
        assertThat(advice.dataGaps()).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(
                c.rule() + (c.fires() ? " fires: " : " near miss: ") + c.name(), () -> {
                    Advice advice = Fixtures.ADVISOR.advise(Fixtures.patched(c.patch()));
                    List<String> shown = advice.ids();
                    List<String> held = advice.suppressed().stream().map(Advice.Suppression::id).toList();
                    if (c.stage() != null) {
                        assertThat(advice.stage().json()).as("stage").isEqualTo(c.stage());
                    }
                    Rules.Rule rule = Fixtures.ADVISOR.rules().find(c.rule()).orElse(null);
                    assertThat(rule).as("a rule named " + c.rule()).isNotNull();
                    if (rule.kind() == Rules.Kind.STAGE) {
                        // A stage rule "fires" when the advice is in its stage (first match wins).
                        if (c.fires()) {
                            assertThat(advice.stage()).as("stage").isEqualTo(rule.stage());
                        } else {
                            assertThat(advice.stage()).as("stage").isNotEqualTo(rule.stage());
                        }
                        return;
                    }
                    if (rule.kind() == Rules.Kind.SUPPRESSION) {
                        // A suppression rule "fires" when it holds back the hit its case names, with its own reason.
                        assertThat(c.holds()).as("a suppression rule's case names the id it holds back (holds)").isNotNull();
                        String reason = rule.reason(Lang.EN);
                        boolean heldByIt = advice.suppressed().stream()
                                .anyMatch(x -> x.id().equals(c.holds()) && x.reason().equals(reason));
                        assertThat(heldByIt).as(c.holds() + " held back by " + c.rule()).isEqualTo(c.fires());
                        if (!c.fires()) {
                            assertThat(shown).as("the near miss shows what it would have held back").contains(c.holds());
                        }
                        return;
                    }
                    if (c.fires() && c.suppressedBy() != null) {
                        // A firing case that says it is held back: matched, not shown, and held by what it names.
                        assertThat(shown).as("shown rules").doesNotContain(c.rule());
                        assertThat(advice.suppressed()).as("suppressed").anyMatch(x -> x.id().equals(c.rule())
                                && x.by().equals(c.suppressedBy()));
                    } else if (c.fires()) {
                        assertThat(shown).as("shown rules (a firing case that is held back says suppressedBy)")
                                .contains(c.rule());
                        if (c.severity() != null) {
                            assertThat(advice.recommendations()).filteredOn(r -> r.id().equals(c.rule()))
                                    .singleElement().extracting(r -> r.severity().json()).isEqualTo(c.severity());
                        }
                        java.util.Properties texts = new java.util.Properties();
                        try (var in = Files.newBufferedReader(RULES.resolve(c.rule()).resolve("en.properties"))) {
                            texts.load(in);
                        }
                        String own = c.variant() == null ? null : texts.getProperty("action." + c.variant());
                        if (c.variant() != null) {
                            assertThat(own).as("the rule's action." + c.variant()).isNotNull();
                        }
                        String shownAction = advice.recommendations().stream().filter(r -> r.id().equals(c.rule()))
                                .findFirst().orElseThrow().action();
                        String ownTitle = c.variant() == null ? null : texts.getProperty("title." + c.variant());
                        if (ownTitle != null && !ownTitle.contains("{")) {
                            assertThat(advice.recommendations()).filteredOn(r -> r.id().equals(c.rule())).singleElement()
                                    .extracting(Advice.Recommendation::title).as("the title of variant " + c.variant())
                                    .isEqualTo(ownTitle);
                        }
                        if (own != null) {
                            assertThat(filledFrom(own, shownAction)).as("the action of variant " + c.variant()
                                    + ": " + shownAction).isTrue();
                        } else {
                            for (String key : texts.stringPropertyNames()) {
                                boolean platform = java.util.Arrays.stream(Platform.values())
                                        .anyMatch(p -> key.equals("action." + p.json()));
                                if (key.startsWith("action.") && !platform) {
                                    assertThat(filledFrom(texts.getProperty(key), shownAction))
                                            .as("no variant's action without \"variant\" (" + key + "): " + shownAction)
                                            .isFalse();
                                }
                            }
                        }
                    } else {
                        assertThat(shown).as("shown rules").doesNotContain(c.rule());
                        assertThat(held).as("suppressed rules").doesNotContain(c.rule());
                    }
                }));
    }
}
