package org.communityadvisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Lang;
import org.communityadvisor.Snapshot;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;

/** Every draft kind renders for every bundled scenario in both languages, with every blank marked. */
class DraftTest {
    /** What a template engine or a formatter leaves behind when something was not filled in. */
    private static final Pattern UNFILLED = Pattern.compile("\\{\\{|\\{%|\\bnull\\b|\\{[A-Za-z0-9_.-]*}|\\$\\{");

    static List<Snapshot> scenarios() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> {
                try {
                    JsonNode root = Json.MAPPER.readTree(Files.readString(f));
                    return AdviceJson.readSnapshot(root.get("snapshot").toString());
                } catch (Exception e) {
                    throw new IllegalStateException(f + ": " + e, e);
                }
            }).toList();
        }
    }

    @Test
    void everyKindRendersForEveryScenarioWithNoUnmarkedPlaceholder() throws Exception {
        List<Snapshot> all = scenarios();
        assertThat(all).hasSizeGreaterThan(10);
        for (Snapshot s : all) {
            for (Draft.Kind kind : Draft.Kind.values()) {
                for (Lang lang : Lang.values()) {
                    String text = Draft.render(kind, s, lang);
                    String where = s.id() + " " + kind.json() + " " + lang.json();
                    assertThat(UNFILLED.matcher(text).find()).as(where + ":\n" + text).isFalse();
                    assertThat(text).as(where).contains(s.name()).endsWith("\n");
                    // a blank is always whole and marked in the document's language
                    String open = lang == Lang.ZH ? "【待填:" : "[TO FILL: ";
                    assertThat(text).as(where).contains(open);
                    assertThat(text).as(where).doesNotContain(lang == Lang.ZH ? "[TO FILL" : "【待填");
                }
            }
        }
    }

    @Test
    void theDraftsArePrefilledFromTheSnapshot() throws Exception {
        Snapshot bookClub = scenarios().stream().filter(s -> s.id().equals("book-club")).findFirst().orElseThrow();
        String plan = Draft.render(Draft.Kind.MONTH_PLAN, bookClub, Lang.ZH);
        assertThat(plan).contains("每月共读一本书", "当前成员 24 人", "| 1. 拉新 |", "| 5. 线下活动 |");
        String announcement = Draft.render(Draft.Kind.ANNOUNCEMENT, bookClub, Lang.EN);
        assertThat(announcement).contains("1 admins", "free to join", "muted for 1 day", "muted for 15 days",
                "[TO FILL: the hour members are most active]");
        String share = Draft.render(Draft.Kind.LIVE_SHARE, bookClub, Lang.EN);
        assertThat(share).contains("Preview", "Opening", "Guest", "Q&A", "Gifts");
    }
}
