package org.communityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Lang;
import org.communityadvisor.ValidationError;
import org.communityadvisor.json.SnapshotReader;
import org.junit.jupiter.api.Test;

/**
 * Every validation reason the invalid examples produce has a Chinese wording for --lang zh, from the catalog, and
 * does not repeat the path printed before it.
 */
class MessagesTest {
    @Test
    void everyReasonOfTheInvalidExamplesIsTranslated() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/snapshots/invalid"))) {
            files = s.filter(f -> !f.endsWith("EXPECTED.json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        int reasons = 0;
        for (Path f : files) {
            try {
                SnapshotReader.read(Files.readString(f));
            } catch (InvalidSnapshotException e) {
                for (ValidationError v : e.errors()) {
                    reasons++;
                    assertThat(v.reason(Lang.ZH)).as(f + ": " + v.reason()).containsPattern("\\p{IsHan}")
                            .doesNotContainPattern("\\{\\d+}");
                    assertThat(v.reason(Lang.EN)).isEqualTo(v.reason()).doesNotContainPattern("\\p{IsHan}");
                    // The path is printed before the reason ("asOf: ..."): the reason must not say it again.
                    String field = v.path().replaceAll(".*[.\\]]", "");
                    for (Lang lang : Lang.values()) {
                        assertThat(v.reason(lang)).as(f + ": the reason repeats its path " + v.path())
                                .doesNotStartWith(field + " ").doesNotStartWith(v.path() + " ");
                    }
                }
            }
        }
        assertThat(reasons).isGreaterThanOrEqualTo(30);
    }
}
