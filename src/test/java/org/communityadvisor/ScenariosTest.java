package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The bundled scenarios: valid against the scenario schema, described, with expectations, and all met. */
class ScenariosTest {
    static final Path SCENARIOS = Path.of("scenarios");

    static Stream<Path> files() throws Exception {
        return Files.list(SCENARIOS).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @Test
    void thereAreAtLeastEightDescribedScenariosWithExpectations() throws Exception {
        assertThat(files().count()).isGreaterThanOrEqualTo(8);
        files().forEach(f -> {
            Scenario s = Scenario.read(Fixtures.read(f));
            assertThat(s.description()).as(f + " description").hasSizeGreaterThan(40).containsPattern("\\p{IsHan}");
            assertThat(s.expect().isEmpty()).as(f + " has expectations").isFalse();
        });
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioMatchesTheSchemaAndMeetsItsExpectations() throws Exception {
        // As an integrator validates: both schemas registered under their own $id, no path mapping of ours; the
        // scenario schema's $ref names the snapshot schema by that $id.
        Path dir = Path.of("target/classes/org/communityadvisor/schema");
        String snapshotText = java.nio.file.Files.readString(dir.resolve("snapshot.schema.json"));
        String scenarioText = java.nio.file.Files.readString(dir.resolve("scenario.schema.json"));
        String snapshotId = Json.MAPPER.readTree(snapshotText).path("$id").asText();
        String scenarioId = Json.MAPPER.readTree(scenarioText).path("$id").asText();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaLoaders(l -> l.schemas(java.util.Map.of(snapshotId, snapshotText, scenarioId, scenarioText))));
        JsonSchema schema = factory.getSchema(SchemaLocation.of(scenarioId));
        assertThat(schema.validate(Json.MAPPER.readTree("{\"snapshot\": {\"schemaVersion\": 1, \"bogus\": 1}}")))
                .as("the scenario schema checks the snapshot inside it").isNotEmpty();
        assertThat(schema.validate(Json.MAPPER.readTree("{\"snapshot\": {}, \"expect\": {\"include\": [\"no.such-id\"]}}")))
                .as("and the ids in expectations").isNotEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode longGoal = (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.MAPPER.readTree(Fixtures.read(files().findFirst().orElseThrow()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) longGoal.get("snapshot")).put("goal", "x".repeat(20_001));
        assertThat(schema.validate(longGoal)).as("and the validator's text limit").isNotEmpty();
        return files().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            JsonNode node = Json.MAPPER.readTree(f.toFile());
            assertThat(schema.validate(node)).as("schema").isEmpty();
            Scenario s = Scenario.read(node);
            Advice base = Fixtures.ADVISOR.advise(s.base());
            assertThat(s.expect().check(base)).as("base").isEmpty();
            for (Scenario.Variant v : s.variants()) {
                assertThat(v.expect().check(Fixtures.ADVISOR.advise(v.snapshot()))).as(v.name()).isEmpty();
            }
        }));
    }

    @Test
    void everyCatalogIdFiresInSomeBundledScenarioOrRuleCase() throws Exception {
        java.util.Set<String> matched = new java.util.TreeSet<>();
        files().forEach(f -> {
            Scenario s = Scenario.read(Fixtures.read(f));
            for (Snapshot snapshot : s.snapshots().values()) {
                Advice a = Fixtures.ADVISOR.advise(snapshot);
                matched.addAll(a.ids());
                a.suppressed().forEach(x -> matched.add(x.id()));
            }
        });
        for (RuleCasesTest.Case c : RuleCasesTest.cases()) {
            if (c.fires()) {
                Advice a = Fixtures.ADVISOR.advise(Fixtures.patched(c.patch()));
                matched.addAll(a.ids());
                a.suppressed().forEach(x -> matched.add(x.id()));
            }
        }
        assertThat(matched).containsAll(org.communityadvisor.json.SnapshotSchema.catalogIds());
    }
}
