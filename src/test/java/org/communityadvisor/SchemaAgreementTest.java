package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.SnapshotReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shipped JSON Schema (generated at build time into {@code target/classes/org/communityadvisor/schema/snapshot.schema.json}) and the advisor's validator agree: both accept
 * every valid example; the validator refuses every invalid one at the expected path, and the schema refuses
 * every one it can express (cross-field rules and impossible dates are the validator's alone).
 */
class SchemaAgreementTest {
    static final Path EXAMPLES = Path.of("src/test/resources/snapshots");
    static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(read(Path.of("target/classes/org/communityadvisor/schema/snapshot.schema.json")));

    static JsonNode read(Path p) {
        try {
            return Json.MAPPER.readTree(p.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(p + ": " + e.getMessage(), e);
        }
    }

    @TestFactory
    Stream<DynamicTest> validExamplesPassBoth() throws IOException {
        return Files.list(EXAMPLES.resolve("valid")).sorted().map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> {
                    Set<ValidationMessage> schemaErrors = SCHEMA.validate(read(file));
                    assertThat(schemaErrors).as("schema").isEmpty();
                    SnapshotReader.read(Files.readString(file));
                }));
    }

    @TestFactory
    Stream<DynamicTest> invalidExamplesFailBoth() throws IOException {
        JsonNode expected = read(EXAMPLES.resolve("invalid/EXPECTED.json"));
        assertThat(expected.size()).isGreaterThanOrEqualTo(20);
        return Files.list(EXAMPLES.resolve("invalid")).filter(f -> !f.endsWith("EXPECTED.json")).sorted()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    JsonNode e = expected.get(file.getFileName().toString());
                    assertThat(e).as("EXPECTED.json entry").isNotNull();
                    // the advisor's reading: the reader's checks, then acknowledged ids against the rules loaded
                    InvalidSnapshotException refused = catchThrowableOfType(InvalidSnapshotException.class,
                            () -> Fixtures.ADVISOR.advise(Files.readString(file)));
                    assertThat(refused).as("validator refuses").isNotNull();
                    assertThat(refused.errors()).extracting(ValidationError::path).as(refused.getMessage())
                            .contains(e.path("path").asText());
                    if (e.path("schemaCatches").asBoolean()) {
                        assertThat(SCHEMA.validate(read(file))).as("schema refuses").isNotEmpty();
                    }
                }));
    }
}
