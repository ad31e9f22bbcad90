package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.TreeSet;
import org.communityadvisor.engine.Values;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.SchemaWriter;
import org.communityadvisor.json.SnapshotModel;
import org.communityadvisor.json.SnapshotSchema;
import org.junit.jupiter.api.Test;

/**
 * The snapshot model has one source, the records and their {@link SnapshotField} annotations; everything that
 * follows from it must agree with it: the schema in the jar, the validator's checks, the names rules and
 * evidence use, and the builders.
 */
class SnapshotModelTest {
    @Test
    void theSchemaInTheJarIsTheOneTheModelAndTheRulesGive() throws Exception {
        JsonNode shipped = Json.MAPPER.readTree(SnapshotSchema.text());
        TreeSet<String> ids = new TreeSet<>();
        Fixtures.ADVISOR.rules().recommendations().forEach(r -> ids.add(r.id()));
        assertThat(shipped).as("the build wrote the schema from the current records and rules")
                .isEqualTo(SchemaWriter.snapshotSchema(ids));
        // Every field of the model is a property of the schema, with its description, and no other.
        for (SnapshotModel.Field f : SnapshotModel.byPath().values()) {
            JsonNode p = shipped.at("/properties/" + f.path().replace("[].", "/items/properties/").replace(".", "/properties/"));
            assertThat(p.isMissingNode()).as(f.path() + " in the schema").isFalse();
            assertThat(p.path("description").asText()).isEqualTo(f.field().value());
        }
    }

    @Test
    void everyPartOfNamesAnIntegerOfTheModelAndEveryPathCanBeEvidence() {
        for (SnapshotModel.Field f : SnapshotModel.byPath().values()) {
            if (!f.field().partOf().isEmpty()) {
                SnapshotModel.Field whole = SnapshotModel.byPath().get(f.field().partOf());
                assertThat(whole).as(f.path() + " is part of " + f.field().partOf()).isNotNull();
                assertThat(whole.kind()).isEqualTo(SnapshotModel.Kind.INTEGER);
                assertThat(f.kind()).isEqualTo(SnapshotModel.Kind.INTEGER);
            }
        }
        for (String path : SnapshotModel.paths()) {
            SnapshotModel.Field f = SnapshotModel.byPath().get(path);
            if (f.kind() != SnapshotModel.Kind.OBJECT) {
                assertThat(Values.ref(path)).as(path + " can be named in a rule's evidence and texts").isNotNull();
            }
        }
    }

    @Test
    void theValidatorChecksWhatTheModelSaysForEveryCountAndPart() {
        // Every count of the model refuses a negative value, and every part refuses to exceed its whole, by path.
        for (SnapshotModel.Field f : SnapshotModel.byPath().values()) {
            if (f.kind() != SnapshotModel.Kind.INTEGER || f.field().constant() != Integer.MIN_VALUE || f.path().contains("[]")) {
                continue;
            }
            String[] parts = f.path().split("\\.");
            String patch = parts.length == 1 ? "{\"" + parts[0] + "\": -1}"
                    : "{\"" + parts[0] + "\": {\"" + parts[1] + "\": -1}}";
            assertThat(errors(patch)).as(f.path() + " = -1").anyMatch(e -> e.startsWith(f.path() + ":"));
            if (!f.field().partOf().isEmpty()) {
                String[] whole = f.field().partOf().split("\\.");
                String big = "{\"" + whole[0] + "\": {\"" + whole[1] + "\": 100000}}";
                String over = parts[0].equals(whole[0])
                        ? "{\"" + parts[0] + "\": {\"" + parts[1] + "\": 11, \"" + whole[1] + "\": 10}}"
                        : "{\"" + parts[0] + "\": {\"" + parts[1] + "\": 11}, \"" + whole[0] + "\": {\"" + whole[1] + "\": 10}}";
                assertThat(errors(big)).as(big).noneMatch(e -> e.startsWith(f.path() + ":"));
                assertThat(errors(over)).as(f.path() + " over its whole").anyMatch(e -> e.startsWith(f.path() + ":")
                        && e.contains("larger than its whole " + f.field().partOf()));
            }
        }
    }

    private static java.util.List<String> errors(String patch) {
        try {
            Fixtures.ADVISOR.advise(Fixtures.patched(Json.MAPPER.readTree(patch)));
            return java.util.List.of();
        } catch (InvalidSnapshotException e) {
            return e.errors().stream().map(ValidationError::toString).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void buildersNameEveryFieldAndWhatIfsKeepTheRest() {
        Snapshot s = Snapshot.builder().id("g").platform(Platform.QQ).createdOn(java.time.LocalDate.parse("2026-01-01"))
                .asOf(java.time.LocalDate.parse("2026-03-01"))
                .members(Snapshot.Members.builder().total(40).admins(1).build())
                .activity(Snapshot.Activity.builder().checkIns7d(3).reviews30d(0).build()).build();
        assertThat(s.schemaVersion()).isEqualTo(1);
        assertThat(s.activity().checkIns7d()).isEqualTo(3);
        assertThat(s.activity().reviews30d()).isZero();
        Snapshot bigger = s.toBuilder().members(s.members().toBuilder().total(90).build()).build();
        assertThat(bigger.members().total()).isEqualTo(90);
        assertThat(bigger.members().admins()).isEqualTo(1);
        assertThat(bigger.activity()).isEqualTo(s.activity());
        assertThat(Fixtures.ADVISOR.advise(bigger).communityId()).isEqualTo("g");
    }
}
