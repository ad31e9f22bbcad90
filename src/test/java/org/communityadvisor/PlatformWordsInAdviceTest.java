package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;

/**
 * No advice for a Discord server, a Slack workspace, a Telegram group or a forum names a WeChat-only thing, in
 * either language: every rule case's snapshot, moved to each of those platforms, is advised and every text the
 * operator reads (stage reasons, titles, actions, whys, suppression reasons, data warnings) is searched with a list
 * of its own, kept here apart from the lint's.
 */
class PlatformWordsInAdviceTest {
    private static final Pattern WECHAT_ONLY = Pattern.compile(
            "公众号|红包|抖音|小红书|朋友圈|活码|二维码|微信|视频号|小程序|6:20|6点20"
            + "|(?i:official account|red packet|red envelope|douyin|xiaohongshu|live code|qr code|wechat|mini program)"
            + "|\\bMoments\\b");

    @Test
    void noTextForDiscordSlackTelegramOrForumNamesAWeChatOnlyThing() throws Exception {
        List<String> found = new ArrayList<>();
        int advised = 0;
        for (String input : Fixtures.caseInputs()) {
            for (String platform : List.of("discord", "slack", "telegram", "forum")) {
                ObjectNode s = (ObjectNode) Json.MAPPER.readTree(input);
                s.put("platform", platform);
                String moved = Json.MAPPER.writeValueAsString(s);
                for (Lang lang : Lang.values()) {
                    Advice a = Fixtures.ADVISOR.advise(moved, lang);
                    advised++;
                    List<String> texts = new ArrayList<>(a.stageReasons());
                    a.recommendations().forEach(r -> texts.addAll(List.of(r.title(), r.action(), r.why())));
                    a.suppressed().forEach(x -> texts.add(x.reason()));
                    a.dataWarnings().forEach(w -> texts.add(w.reason()));
                    for (String t : texts) {
                        Matcher m = t == null ? null : WECHAT_ONLY.matcher(t);
                        if (m != null && m.find()) {
                            found.add(platform + "/" + lang + ": '" + m.group() + "' in: " + t);
                        }
                    }
                }
            }
        }
        assertThat(advised).isGreaterThan(1000);
        assertThat(found).as("WeChat-only words in other platforms' advice").isEmpty();
    }
}
