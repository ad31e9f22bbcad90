package org.communityadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Fixtures;
import org.communityadvisor.Lang;
import org.communityadvisor.Platform;
import org.communityadvisor.report.Draft;
import org.junit.jupiter.api.Test;

/** Drafts for Discord, Slack, Telegram or a forum name nothing only the Chinese chat apps have (the lint's words). */
class DraftPlatformWordsTest {
    private static final Set<Platform> CHINESE_APPS = Set.of(Platform.WECHAT, Platform.WECOM, Platform.QQ);

    @Test
    void everyKindInEveryLanguageFitsEveryOtherPlatform() {
        int checked = 0;
        for (Platform p : Platform.values()) {
            ObjectNode base = (ObjectNode) Fixtures.base();
            base.put("platform", p.json());
            var snapshot = AdviceJson.readSnapshot(base.toString());
            for (Draft.Kind kind : Draft.Kind.values()) {
                for (Lang lang : Lang.values()) {
                    String text = Draft.render(kind, snapshot, lang);
                    if (!CHINESE_APPS.contains(p)) {
                        java.util.regex.Matcher m = RuleTexts.WECHAT_ONLY.matcher(text);
                        assertThat(m.find() ? m.group() : null).as(kind + " " + lang + " for " + p).isNull();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(4 * 2 * 4);
    }

    @Test
    void theChineseAppsMayNameTheirOwnGifts() {
        ObjectNode base = (ObjectNode) Fixtures.base();
        String zh = Draft.render(Draft.Kind.ANNOUNCEMENT, AdviceJson.readSnapshot(base.toString()), Lang.ZH);
        assertThat(zh).contains("小红包");
    }
}
