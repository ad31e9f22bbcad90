package org.communityadvisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.communityadvisor.Evidence;
import org.communityadvisor.Lang;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The seeds' short titles: one for every document a rule cites, and each read from its document's first lines. */
class SeedTitlesTest {
    private static final Path SEEDS = Path.of("..", "shared", "seeds");
    /** How far into a document its title is looked for. */
    private static final int OPENING_LINES = 20;

    @Test
    void everyDocumentARuleCitesHasATitleInBothLanguages() throws IOException {
        Pattern source = Pattern.compile("@source\\(\"([^\"]+)\"\\)");
        Set<String> cited = new TreeSet<>();
        try (var dirs = Files.list(Path.of("rules"))) {
            for (Path drl : dirs.map(d -> d.resolve("rule.drl")).filter(Files::exists).toList()) {
                Matcher m = source.matcher(Files.readString(drl));
                while (m.find()) {
                    cited.add(m.group(1));
                }
            }
        }
        assertThat(cited).isNotEmpty();
        assertThat(SeedTitles.all().keySet()).containsAll(cited);
        for (SeedTitles.Seed seed : SeedTitles.all().values()) {
            assertThat(seed.title(Lang.ZH)).as(seed.file()).startsWith("《").doesNotContain(".txt");
            assertThat(seed.title(Lang.EN)).as(seed.file()).startsWith("\"").doesNotContain(".txt");
        }
        assertThat(SeedTitles.title("004_5dbadd56ce1a41a3.txt", Lang.ZH)).isEqualTo("《社交营销如何运行》(海淘科技,2018)");
        assertThat(SeedTitles.title("elsewhere.txt", Lang.ZH)).as("a document not in the table").isEqualTo("elsewhere.txt");
    }

    @Test
    void eachTitleIsReadFromItsSeedsFirstLines() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS),
                "skipped: the seeds folder " + SEEDS.toAbsolutePath().normalize() + " is not here (the table stands without it)");
        List<String> files;
        try (var list = Files.list(SEEDS)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
        }
        assertThat(SeedTitles.all().keySet()).as("a title for every seed, and no other").containsExactlyInAnyOrderElementsOf(files);
        for (SeedTitles.Seed seed : SeedTitles.all().values()) {
            String opening;
            try (var lines = Files.lines(SEEDS.resolve(seed.file()), StandardCharsets.UTF_8)) {
                opening = lines.limit(OPENING_LINES).collect(Collectors.joining("\n"));
            }
            assertThat(Evidence.readableQuote(opening)).as(seed.file() + "'s first lines").contains(seed.opening());
        }
    }
}
