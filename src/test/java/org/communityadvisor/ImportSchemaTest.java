package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.communityadvisor.importer.Format;
import org.communityadvisor.importer.ImportOptions;
import org.communityadvisor.importer.ImportResult;
import org.communityadvisor.importer.ImportedCommunity;
import org.communityadvisor.importer.Importer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What every importer prints validates against the published snapshot schema, checked by an independent validator. */
class ImportSchemaTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "telegram        | telegram/result.json                 | 20",
        "discord         | discord/general.json discord/welcome.json | 60",
        "slack           | slack/acme                           | ",
        "slack-analytics | slack-analytics/acme-analytics.csv   | ",
        "wechat          | wechat/book-club-export.csv          | 60",
        "qq              | qq/group.txt                         | 30",
        "wecom           | wecom/group                          | ",
        "sheet           | sheet/clients.csv                    | ",
        "events          | events/group.jsonl                   | "})
    void importedSnapshotsValidateAgainstTheSchema(String format, String files, Integer members) {
        List<Path> paths = Arrays.stream(files.split(" ")).map(f -> Path.of("src/test/resources/import", f)).toList();
        ImportOptions options = ImportOptions.builder().members(members).people(true).heuristics(true)
                .zone(format.equals("wecom") ? ZoneId.of("Asia/Shanghai") : null)
                .groups(format.equals("events") ? Path.of("src/test/resources/import/events/groups.jsonl") : null)
                .build();
        ImportResult r = Importer.read(Format.byId(format).orElseThrow(), paths, options);
        assertThat(r.communities()).isNotEmpty();
        for (ImportedCommunity c : r.communities()) {
            assertThat(SchemaAgreementTest.SCHEMA.validate(c.json())).as(c.snapshot().id()).isEmpty();
            assertThat(c.report().fields()).as("the report names the fields it set").isNotEmpty();
            assertThat(AdviceJson.readSnapshot(c.json().toString())).isEqualTo(c.snapshot());
        }
    }
}
