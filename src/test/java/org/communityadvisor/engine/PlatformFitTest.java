package org.communityadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.communityadvisor.Advice;
import org.communityadvisor.Fixtures;
import org.communityadvisor.Lang;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;

/**
 * Advice that fits the platform: a rule limited by {@code @platforms} says nothing elsewhere and leaves no data gap
 * there; the lint refuses a text that a Discord, Slack, Telegram or forum advice reads when it names a WeChat-only
 * thing; data warnings flag a member count the platform cannot hold and a history with gaps.
 */
class PlatformFitTest {
    private static Advice advise(String patch, Lang lang) throws Exception {
        JsonNode p = Json.MAPPER.readTree(patch);
        return Fixtures.ADVISOR.advise(Fixtures.patched(p), lang);
    }

    /** An expired group QR code of a group still small enough for the code to admit joiners, on a given platform. */
    private static String expiredQr(String platform) {
        return "{\"platform\": \"" + platform + "\", \"members\": {\"total\": 150, \"silent30d\": 60},"
                + " \"entry\": {\"channels\": [\"qr\"], \"qrCreatedOn\": \"2026-09-01\"}}";
    }

    @Test
    void aRuleLimitedToSomePlatformsIsSilentAndLeavesNoGapElsewhere() throws Exception {
        assertThat(advise(expiredQr("wechat"), Lang.EN).ids()).contains("growth.qr-expired");
        Advice discord = advise(expiredQr("discord"), Lang.EN);
        assertThat(discord.ids()).doesNotContain("growth.qr-expired", "growth.qr-join-limit");
        assertThat(discord.suppressed()).noneMatch(s -> s.id().startsWith("growth.qr-") || s.by().startsWith("growth.qr-"));
        String unknownQr = "{\"platform\": \"%s\", \"entry\": {\"channels\": null, \"qrCreatedOn\": null}}";
        assertThat(advise(unknownQr.formatted("wechat"), Lang.EN).dataGaps()).contains("entry.qrCreatedOn");
        assertThat(advise(unknownQr.formatted("slack"), Lang.EN).dataGaps()).doesNotContain("entry.qrCreatedOn");
    }

    private static List<RuleBase.Source> withText(String file, String line) {
        List<RuleBase.Source> sources = new ArrayList<>(RuleBase.directorySources(Path.of("rules")));
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).path().equals(file)) {
                sources.set(i, new RuleBase.Source(file, sources.get(i).text() + "\n" + line + "\n"));
                return sources;
            }
        }
        throw new AssertionError("no " + file);
    }

    private static List<String> problems(List<RuleBase.Source> sources) {
        try {
            RuleBase.compile(sources);
            return List.of();
        } catch (RuleBaseException e) {
            return e.problems();
        }
    }

    @Test
    void theLintRefusesWeChatOnlyWordsInTheTextsOtherPlatformsRead() {
        // a Discord variant that names red packets
        assertThat(problems(withText("activity.weekly-official/en.properties",
                "action.discord = Send a red packet to the channel every Friday.")))
                .anyMatch(p -> p.startsWith("activity.weekly-official/en.properties: 'action.discord' names 'red packet'"));
        // a common Chinese text that names the official account: read by every platform without a variant
        List<String> common = problems(withText("activity.weekly-official/zh.properties", "why = 每周在公众号预告一次。"));
        assertThat(common).anyMatch(p -> p.contains("'why' names '公众号', which slack does not have"));
        assertThat(common).anyMatch(p -> p.contains("'why' names '公众号', which forum does not have"));
        // a WeChat variant may name it
        assertThat(problems(withText("activity.weekly-official/zh.properties", "why.wechat = 每周在公众号预告一次。")))
                .noneMatch(p -> p.contains("公众号"));
    }

    @Test
    void theLintRefusesTheWordingOfAnUndeclaredVariantAndWeChatWordsInAVariantOthersRead() {
        // a text for a variant the rule does not declare (a typo of its own variant)
        assertThat(problems(withText("growth.qr-join-limit/en.properties", "action.live-code = Use the live code.")))
                .anyMatch(p -> p.startsWith("growth.qr-join-limit/en.properties: 'action.live-code' is the wording of a"
                        + " variant the rule does not declare"));
        // the declared variant of a rule every platform reads may not name WeChat-only things
        assertThat(problems(withText("governance.rules/en.properties",
                "action.core-group = Pin one sentence in the official account.")))
                .anyMatch(p -> p.contains("'action.core-group' names 'official account', which discord does not have"));
        // the bundled rules, as they are, pass
        assertThat(problems(RuleBase.directorySources(Path.of("rules")))).isEmpty();
    }

    @Test
    void theLintRefusesCausesAndPlatformsThatNameNothing() {
        List<RuleBase.Source> sources = new ArrayList<>(RuleBase.directorySources(Path.of("rules")));
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).path().equals("activity.weekly-official/rule.drl")) {
                sources.set(i, new RuleBase.Source(sources.get(i).path(), sources.get(i).text().replace(
                        "rule \"activity.weekly-official\"\n", "rule \"activity.weekly-official\"\n"
                                + "    @causes(\"governance.no-such-rule, activity.weekly-official\")\n"
                                + "    @causesAt(\"sometimes\")\n    @platforms(\"wechat, myspace\")\n")));
            }
        }
        List<String> p = problems(sources);
        assertThat(p).anyMatch(x -> x.contains("@causes names 'governance.no-such-rule', which is no recommendation"));
        assertThat(p).anyMatch(x -> x.contains("@causes names the rule itself"));
        assertThat(p).anyMatch(x -> x.contains("@causesAt(\"sometimes\") names no severity"));
        assertThat(p).anyMatch(x -> x.contains("@platforms(\"wechat, myspace\") names something that is no platform"));
    }

    @Test
    void moreMembersThanThePlatformHoldsIsAWarningNotAnError() throws Exception {
        String big = "{\"platform\": \"%s\", \"members\": {\"total\": 620, \"silent30d\": 300}, \"activity\": {\"activeMembers7d\": 100}}";
        Advice wechat = advise(big.formatted("wechat"), Lang.EN);
        assertThat(wechat.dataWarnings()).extracting(Advice.DataWarning::path).containsExactly("members.total");
        assertThat(wechat.dataWarnings().get(0).reason()).contains("620").contains("500");
        assertThat(advise(big.formatted("wechat"), Lang.ZH).dataWarnings().get(0).reason()).contains("最多只能容纳 500 人");
        assertThat(wechat.recommendations()).isNotEmpty();
        assertThat(advise(big.formatted("discord"), Lang.EN).dataWarnings()).isEmpty();
        assertThat(advise("{\"platform\": \"wechat\", \"members\": {\"total\": 500}}", Lang.EN).dataWarnings()).isEmpty();
    }

    @Test
    void twoZeroWeeksBetweenActiveWeeksAreGapsInTheHistory() throws Exception {
        String history = "{\"history\": [{\"weekEnding\": \"2026-09-06\", \"members\": 190, \"messages\": 300},"
                + " {\"weekEnding\": \"2026-09-13\", \"members\": 194, \"messages\": %d},"
                + " {\"weekEnding\": \"2026-09-20\", \"members\": 198, \"messages\": 0},"
                + " {\"weekEnding\": \"2026-09-27\", \"members\": 200, \"messages\": 400}]}";
        assertThat(advise(history.formatted(0), Lang.EN).dataWarnings()).extracting(Advice.DataWarning::path)
                .containsExactly("history");
        assertThat(advise(history.formatted(5), Lang.EN).dataWarnings()).isEmpty();
        // quiet weeks at the end are a trend, not a gap
        assertThat(DataWarnings.zeroWeeksBetweenActive(List.of())).isZero();
    }
}
