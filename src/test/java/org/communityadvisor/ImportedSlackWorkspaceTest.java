package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.communityadvisor.importer.Format;
import org.communityadvisor.importer.ImportOptions;
import org.communityadvisor.importer.ImportedCommunity;
import org.communityadvisor.importer.Importer;
import org.junit.jupiter.api.Test;

/**
 * A healthy Slack workspace of about 2,500 members, imported from its analytics export
 * ({@code src/test/resources/import/slack-analytics/large-workspace-analytics.csv}, see the README beside it), is
 * advised as the healthy community it is: a plateau, not told to relaunch, dissolve or split, and in words that
 * exist on Slack.
 */
class ImportedSlackWorkspaceTest {
    static final Path CSV = Path.of("src/test/resources/import/slack-analytics/large-workspace-analytics.csv");
    private static final Pattern WECHAT_ONLY = Pattern.compile(
            "公众号|红包|抖音|小红书|朋友圈|活码|二维码|(?i:official account|red packet|douyin|xiaohongshu|live code|QR code|wechat)");

    @Test
    void aHealthyLargeWorkspaceIsNeitherDyingNorTooBig() {
        List<ImportedCommunity> cs = Importer.read(Format.SLACK_ANALYTICS, List.of(CSV), ImportOptions.defaults())
                .communities();
        assertThat(cs).hasSize(1);
        Snapshot snapshot = cs.get(0).snapshot();
        assertThat(snapshot.platform()).isEqualTo(Platform.SLACK);
        assertThat(snapshot.members().total()).isGreaterThan(2000);
        for (Lang lang : Lang.values()) {
            Advice advice = Fixtures.ADVISOR.advise(snapshot, lang);
            assertThat(advice.stage()).as("stage").isEqualTo(Stage.MATURE);
            assertThat(advice.ids()).doesNotContain("lifecycle.dormant", "lifecycle.renewal", "lifecycle.declining",
                    "size.over-manageable", "size.approaching-cap", "growth.qr-join-limit", "structure.admins");
            assertThat(advice.recommendations()).noneMatch(r -> r.severity() == Severity.CRITICAL);
            assertThat(advice.dataWarnings()).isEmpty();
            for (Advice.Recommendation r : advice.recommendations()) {
                for (String text : List.of(r.title(), r.action(), r.why())) {
                    assertThat(WECHAT_ONLY.matcher(text).find()).as(r.id() + " (" + lang + "): " + text).isFalse();
                }
            }
        }
    }
}
