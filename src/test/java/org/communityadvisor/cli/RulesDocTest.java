package org.communityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.communityadvisor.Fixtures;
import org.communityadvisor.Lang;
import org.junit.jupiter.api.Test;

/**
 * docs/RULES.md and docs/RULES.zh.md are the knowledge base for readers without Java; they must say what the
 * rules say. Regenerate with {@code ./advisor rules --format md --lang en > docs/RULES.md} (and zh).
 */
class RulesDocTest {
    @Test
    void theRulesDocumentsAreCurrent() throws Exception {
        for (Lang lang : Lang.values()) {
            Path doc = Path.of(lang == Lang.EN ? "docs/RULES.md" : "docs/RULES.zh.md");
            String expected = new RuleCatalog(Fixtures.ADVISOR.rules(), Fixtures.ADVISOR.profile(), lang).markdown();
            assertThat(doc).as(doc + " exists").exists();
            assertThat(Files.readString(doc)).as(doc + " is out of date: run ./advisor rules --format md --lang "
                    + lang.json() + " > " + doc).isEqualTo(expected);
            for (String id : org.communityadvisor.json.SnapshotSchema.catalogIds()) {
                assertThat(expected).contains("### " + id);
            }
        }
    }
}
