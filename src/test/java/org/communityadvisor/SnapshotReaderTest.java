package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.SnapshotReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Strict reading: each defect is refused with its JSON path and a reason a consultant can act on. */
class SnapshotReaderTest {

    private static List<ValidationError> errors(String patch) {
        JsonNode p;
        try {
            p = Json.MAPPER.readTree(patch);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        String json = Fixtures.patched(p);
        try {
            // the advisor's reading: the reader's checks, then the acknowledged ids against the rules it has loaded
            Fixtures.ADVISOR.advise(json);
        } catch (InvalidSnapshotException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + patch);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"platfrom\": \"qq\"}                         | platfrom                  | did you mean 'platform'",
        "{\"members\": {\"totl\": 3}}                   | members.totl              | did you mean 'total'",
        "{\"members\": {\"total\": \"30\"}}             | members.total             | expected an integer",
        "{\"members\": {\"total\": 30.5}}               | members.total             | expected an integer",
        "{\"members\": {\"total\": 3000000000}}         | members.total             | out of range",
        "{\"members\": {\"total\": -1}}                 | members.total             | cannot be negative",
        "{\"members\": {\"admins\": 201}}               | members.admins            | larger than its whole members.total",
        "{\"activity\": {\"adMessages7d\": 401}}        | activity.adMessages7d     | larger than its whole activity.messages7d",
        "{\"commerce\": {\"promoMessages7d\": 401}}     | commerce.promoMessages7d  | larger than its whole activity.messages7d",
        "{\"coreGroup\": 1}                             | coreGroup                 | expected true or false",
        "{\"coreGroup\": \"true\"}                      | coreGroup                 | expected true or false",
        "{\"name\": {\"zh\": \"x\"}}                    | name                      | expected a string",
        "{\"name\": 5}                                  | name                      | expected a string",
        "{\"platform\": \"wechatt\"}                    | platform                  | unknown value 'wechatt'",
        "{\"entry\": {\"barrier\": \"free\"}}           | entry.barrier             | unknown value 'free'",
        "{\"entry\": {\"channels\": [\"qr\", \"fax\"]}} | entry.channels[1]         | unknown value 'fax'",
        "{\"asOf\": \"2026/09/30\"}                     | asOf                      | not a date",
        "{\"asOf\": \"2026-02-30\"}                     | asOf                      | not a date",
        "{\"asOf\": \"2026-04-30\"}                     | asOf                      | before createdOn",
        "{\"asOf\": 20260930}                           | asOf                      | expected a date string",
        "{\"schemaVersion\": 2}                         | schemaVersion             | unsupported schema version",
        "{\"id\": \"has space\"}                        | id                        | must be 1-128 characters",
        "{\"id\": null}                                 | id                        | required",
        "{\"platform\": null}                           | platform                  | required",
        "{\"members\": {\"total\": null}}               | members.total             | required",
        "{\"members\": null}                            | members                   | required",
        "{\"operations\": {\"groupsOperated\": 0}}      | operations.groupsOperated | at least 1",
        "{\"entry\": {\"fee\": -5}}                     | entry.fee                 | at least 0",
        "{\"acknowledged\": [{\"id\": \"size.below-viabel\", \"until\": \"2026-10-01\"}]} | acknowledged[0].id | did you mean 'size.below-viable'",
        "{\"acknowledged\": [{\"id\": \"size.below-viable\"}]} | acknowledged[0].until | required",
        "{\"history\": [{\"weekEnding\": \"2026-09-20\"}, {\"weekEnding\": \"2026-09-13\"}]} | history[1].weekEnding | strictly increasing",
        "{\"history\": [{\"weekEnding\": \"2026-10-04\"}]} | history[0].weekEnding | after asOf",
        "{\"history\": [{\"weekEnding\": \"2026-09-20\", \"members\": -3}]} | history[0].members | cannot be negative",
        "{\"history\": [{\"weekEnding\": \"2026-09-20\", \"mebers\": 3}]} | history[0].mebers | did you mean 'members'",
        "{\"activity\": [1, 2]}                         | activity                  | expected an object",
        "{\"entry\": {\"channels\": \"qr\"}}            | entry.channels            | expected an array",
    })
    void refusesWithPathAndReason(String patch, String path, String reason) {
        assertThat(errors(patch)).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.reason()).contains(reason);
        });
    }

    @Test
    void tooMuchHistoryIsRefused() {
        StringBuilder h = new StringBuilder("{\"history\": [");
        java.time.LocalDate d = java.time.LocalDate.parse("2024-09-01");
        for (int i = 0; i < 105; i++) {
            h.append(i == 0 ? "" : ",").append("{\"weekEnding\": \"").append(d.plusDays(i)).append("\"}");
        }
        assertThat(errors(h.append("]}").toString()))
                .anySatisfy(e -> assertThat(e.toString()).startsWith("history: has 105 points"));
    }

    @Test
    void oversizedDeepOrLongInputIsRefusedBeforeItCostsAnything() {
        String huge = "{\"id\": \"" + "x".repeat(1 << 20) + "\"}";
        assertThatThrownBy(() -> SnapshotReader.read(huge)).isInstanceOf(InvalidSnapshotException.class)
                .hasMessageContaining("(root): the document has").hasMessageContaining("at most 1048576");
        String deep = "{\"goal\": " + "[".repeat(40) + "]".repeat(40) + "}";
        // Binding stops at the first bracket where a string belongs; a tree read (a scenario) is bounded by depth.
        assertThatThrownBy(() -> org.communityadvisor.json.InputReader.read(deep))
                .isInstanceOf(InvalidSnapshotException.class).hasMessageContaining("goal: expected a string");
        assertThatThrownBy(() -> SnapshotReader.tree(deep))
                .isInstanceOf(InvalidSnapshotException.class).hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> SnapshotReader.read(deep)).isInstanceOf(InvalidSnapshotException.class)
                .hasMessageContaining("goal: expected a string");
        String longName = Fixtures.patched(Json.MAPPER.createObjectNode().put("goal", "目".repeat(25_000)));
        assertThatThrownBy(() -> SnapshotReader.read(longName)).isInstanceOf(InvalidSnapshotException.class)
                .hasMessageContaining("goal: text too long: 25000 characters, at most 20000")
                .hasMessageNotContaining("String value length");
    }

    @Test
    void duplicateKeysAndBrokenJsonAreRefused() {
        assertThatThrownBy(() -> SnapshotReader.read("{\"id\": \"a\", \"id\": \"b\"}"))
                .isInstanceOf(InvalidSnapshotException.class).hasMessageContaining("duplicate field 'id'");
        assertThatThrownBy(() -> SnapshotReader.read("{\"id\": "))
                .isInstanceOf(InvalidSnapshotException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> SnapshotReader.read("[1]"))
                .isInstanceOf(InvalidSnapshotException.class).hasMessageContaining("(root): expected an object");
    }

    @Test
    void everyProblemOfAValidRecordIsReportedTogether() {
        List<ValidationError> all = errors("{\"members\": {\"total\": 10, \"admins\": 11, \"kols\": -1}, "
                + "\"asOf\": \"2026-01-01\"}");
        assertThat(all).extracting(ValidationError::path)
                .contains("members.admins", "members.kols", "asOf", "members.silent30d");
    }

    @Test
    void unknownMeansAbsentOrNull() {
        Snapshot s = SnapshotReader.read(Fixtures.patched(Json.MAPPER.createObjectNode()
                .set("activity", Json.MAPPER.createObjectNode().putNull("messages7d").putNull("adMessages7d"))));
        assertThat(s.activity().messages7d()).isNull();
        assertThat(s.members().total()).isEqualTo(200);
    }
}
