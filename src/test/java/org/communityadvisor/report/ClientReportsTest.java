package org.communityadvisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.communityadvisor.Advice;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Category;
import org.communityadvisor.Lang;
import org.communityadvisor.Scores;
import org.communityadvisor.Severity;
import org.communityadvisor.Snapshot;
import org.communityadvisor.Stage;
import org.junit.jupiter.api.Test;

/**
 * What every client report (text, Markdown, HTML) shows of an advice: data warnings after the stage, a
 * recommendation's likely causes by title, the operations score, "Start with" numbered 1..n, evidence by its label
 * with ratios that never read equal when they differ; and the portfolio's order by stage danger first.
 */
class ClientReportsTest {
    private static final String WARNING_EN = "the snapshot gives 520 members, but one WeChat group holds at most 500";
    private static final String WARNING_ZH = "快照给出 520 名成员,但一个微信群最多只能容纳 500 人";

    private static Advice.Recommendation rec(int rank, String id, Severity severity, String title, List<String> causes,
            Map<String, Object> evidence) {
        return new Advice.Recommendation(rank, id, Category.GROWTH, severity, title, "Do " + id, "Because " + id, causes,
                evidence, new Advice.Source("001_9dcc7d88b05429c1.txt", "群二維碼只有100人才能掃描進群"));
    }

    private static Advice advice(String id, Stage stage, Lang lang, List<Advice.Recommendation> recs, List<String> focus) {
        return new Advice(id, LocalDate.parse("2026-09-30"), stage, List.of("reason"),
                List.of(new Advice.DataWarning("members.total", lang == Lang.ZH ? WARNING_ZH : WARNING_EN)), recs,
                List.of(), focus, new Scores(70, 60, 50, 40, null, null, null, 43, Map.of()), List.of(), "abc",
                new Advice.ProfileUsed("wechat", null));
    }

    private static Advice sample(Lang lang) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("members.admins", 2);
        ev.put("activeRatio", 0.018);
        ev.put("dormantActiveRatio", 0.02);
        ev.put("membersPerAdmin", 100);
        return advice("c1", Stage.GROWTH, lang, List.of(
                rec(1, "governance.spam", Severity.HIGH, lang == Lang.ZH ? "清理广告" : "Clear the ads", List.of(), ev),
                rec(2, "governance.crisis", Severity.HIGH, lang == Lang.ZH ? "处理危机" : "Handle the crisis", List.of(), Map.of()),
                rec(4, "growth.net-loss", Severity.MEDIUM, lang == Lang.ZH ? "止住流失" : "Stop the loss",
                        List.of("governance.spam", "governance.crisis"), Map.of())),
                List.of("governance.spam", "growth.net-loss"));
    }

    @Test
    void everyReportShowsWarningsCausesOperationsAndNumbersStartWithFromOne() {
        for (Lang lang : Lang.values()) {
            boolean zh = lang == Lang.ZH;
            Advice a = sample(lang);
            String causes = zh ? "可能的原因:清理广告、处理危机" : "Likely because: Clear the ads, Handle the crisis";
            String text = TextReport.of(lang).render(AdvisedCommunity.of(a));
            String md = MarkdownReport.render(List.of(AdvisedCommunity.of(a)), lang);
            String html = HtmlReport.render(List.of(AdvisedCommunity.of(a)), lang);
            String warning = zh ? WARNING_ZH : WARNING_EN;
            for (String out : List.of(text, md, html)) {
                assertThat(out).as(lang + " warning").contains(warning)
                        .as("warning after the stage").matches(s -> s.indexOf(warning) > s.indexOf(zh ? "成长期" : "growth"));
                assertThat(out).as(lang + " operations score").contains(zh ? "运营基础" : "perations").contains("43");
                assertThat(out).as("causes by title, never by id").doesNotContain("because: governance.")
                        .doesNotContain("原因:governance.");
            }
            assertThat(text).contains(causes);
            assertThat(text).contains("  1. " + (zh ? "清理广告" : "Clear the ads"))
                    .contains("  2. " + (zh ? "止住流失" : "Stop the loss")).doesNotContain("  4. ");
            assertThat(md).contains((zh ? "可能的原因" : "Likely because") + ": "
                    + (zh ? "清理广告、处理危机" : "Clear the ads, Handle the crisis"));
            assertThat(md).contains("\n1. " + (zh ? "清理广告" : "Clear the ads"))
                    .contains("\n2. " + (zh ? "止住流失" : "Stop the loss")).doesNotContain("\n- 4. ");
            assertThat(html).contains(zh ? "清理广告、处理危机" : "Clear the ads, Handle the crisis")
                    .doesNotContain("<li value=");
            assertThat(text).as("an unknown score says so").contains(zh ? "转化 —(缺数据)" : "conversion \u2014 (no data)");
            if (zh) {
                assertThat(text).as("a platform's profile by the platform's name").contains("数据截至 2026-09-30")
                        .contains("阈值配置:微信");
            }
        }
    }

    @Test
    void evidenceByLabelAndRatiosThatDifferNeverReadEqual() {
        Advice zh = sample(Lang.ZH);
        String text = TextReport.of(Lang.ZH).render(AdvisedCommunity.of(zh));
        assertThat(text).contains("管理员 2 人").contains("1.8%").contains("2%").contains("每 100 人 1 名管理员")
                .doesNotContain("members.admins").doesNotContain("activeRatio");
        String en = Shown.evidence(sample(Lang.EN).recommendations().get(0).evidence(), Lang.EN);
        assertThat(en).isEqualTo("admins: 2, members posting in 7 days: 1.8%; dormant below 2% posting, one admin per 100 members");
        assertThat(Shown.percent(0.018, Shown.percentDecimals(Map.of("a", 0.018, "b", 0.02)))).isEqualTo("1.8%");
        assertThat(Shown.percentDecimals(Map.of("activeRatio", 0.0199, "dormantActiveRatio", 0.02))).isEqualTo(2);
        assertThat(Shown.evidence(Map.of("activeRatio", 0.0004), Lang.EN)).as("a ratio above zero never reads 0%")
                .isEqualTo("members posting in 7 days: 0.04%");
        assertThat(Shown.evidence(Map.of("priorMessagesMean", 40.67), Lang.ZH)).isEqualTo("此前每周平均约 41 条");
        assertThat(Shown.evidence(Map.of("someNewValue", 3), Lang.EN)).as("a name without a label")
                .isEqualTo("someNewValue = 3");
        String md = MarkdownReport.render(List.of(AdvisedCommunity.of(zh)), Lang.ZH);
        String html = HtmlReport.render(List.of(AdvisedCommunity.of(zh)), Lang.ZH);
        assertThat(md).contains("管理员 2 人").doesNotContain("`members.admins`");
        assertThat(html).contains("管理员 2 人").doesNotContain("<code>members.admins</code>");
    }

    private static Snapshot snapshot(String id, int members) {
        return AdviceJson.readSnapshot("{\"schemaVersion\": 1, \"id\": \"" + id + "\", \"platform\": \"wechat\","
                + " \"createdOn\": \"2026-01-01\", \"asOf\": \"2026-09-30\", \"members\": {\"total\": " + members + "}}");
    }

    private static AdvisedCommunity community(String id, Stage stage, int critical, int high, int members) {
        List<Advice.Recommendation> recs = new java.util.ArrayList<>();
        for (int i = 0; i < critical; i++) {
            recs.add(rec(recs.size() + 1, "c" + i, Severity.CRITICAL, "c", List.of(), Map.of()));
        }
        for (int i = 0; i < high; i++) {
            recs.add(rec(recs.size() + 1, "h" + i, Severity.HIGH, "h", List.of(), Map.of()));
        }
        return AdvisedCommunity.of(snapshot(id, members), advice(id, stage, Lang.EN, recs, List.of()));
    }

    @Test
    void thePortfolioRanksByStageDangerFirstThenCriticalHighAndMembers() {
        List<AdvisedCommunity> all = List.of(
                community("mature-many-critical", Stage.MATURE, 3, 0, 100),
                community("stalled", Stage.STALLED, 0, 0, 100),
                community("declining", Stage.DECLINING, 0, 0, 100),
                community("post-event", Stage.POST_EVENT, 0, 0, 100),
                community("dormant", Stage.DORMANT, 0, 0, 100),
                community("growth-one-critical-small", Stage.GROWTH, 1, 0, 50),
                community("growth-one-critical-big", Stage.GROWTH, 1, 0, 400),
                community("growth-one-critical-two-high", Stage.GROWTH, 1, 2, 10),
                community("undetermined", Stage.UNDETERMINED, 0, 0, 900));
        assertThat(Portfolio.rank(all).stream().map(r -> r.community().advice().communityId()).toList()).containsExactly(
                "dormant", "post-event", "declining", "stalled", "mature-many-critical", "growth-one-critical-two-high",
                "growth-one-critical-big", "growth-one-critical-small", "undetermined");
    }

    @Test
    void everyEvidenceNameTheRulesUseHasALabelInBothLanguages() throws java.io.IOException {
        java.util.regex.Pattern evidence = java.util.regex.Pattern.compile("@evidence\\(\"([^\"]*)\"\\)");
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("rules"))) {
            for (java.nio.file.Path drl : dirs.map(d -> d.resolve("rule.drl")).filter(java.nio.file.Files::exists).toList()) {
                java.util.regex.Matcher m = evidence.matcher(java.nio.file.Files.readString(drl));
                while (m.find()) {
                    for (String n : m.group(1).split(",")) {
                        names.add(n.strip());
                    }
                }
            }
        }
        assertThat(names).hasSizeGreaterThan(50);
        for (Lang lang : Lang.values()) {
            org.communityadvisor.text.Texts t = org.communityadvisor.text.Texts.of(lang);
            assertThat(names.stream().filter(n -> !t.has("evidence." + n)).toList())
                    .as("evidence names without a label (evidence.<name> in messages %s)", lang).isEmpty();
        }
    }

    @Test
    void aChineseReportShowsTheRulesPreparedSimplifiedQuoteWhileItMatches() {
        String verbatim = "超出500人又亂糟糟旳不好管";
        Advice.Recommendation r = new Advice.Recommendation(1, "size.over-manageable", Category.SIZE, Severity.HIGH, "分群",
                "a", "w", Map.of(), new Advice.Source("000_d819271432d36090.txt", verbatim));
        assertThat(Shown.quote(r, Lang.ZH)).isEqualTo("超出500人又乱糟糟的不好管");
        assertThat(Shown.quote(r, Lang.EN)).isEqualTo(verbatim);
        Advice a = advice("c1", Stage.GROWTH, Lang.ZH, List.of(r), List.of());
        for (String out : List.of(TextReport.of(Lang.ZH).render(AdvisedCommunity.of(a)),
                MarkdownReport.render(List.of(AdvisedCommunity.of(a)), Lang.ZH), HtmlReport.render(List.of(AdvisedCommunity.of(a)), Lang.ZH))) {
            assertThat(out).contains("「超出500人又乱糟糟的不好管」").contains("《如何实现社群营销》").doesNotContain("亂")
                    .doesNotContain("000_d819271432d36090.txt");
        }
        assertThat(org.communityadvisor.AdviceJson.write(a)).as("JSON keeps the verbatim quote").contains(verbatim);
        Advice.Recommendation changed = new Advice.Recommendation(1, "size.over-manageable", Category.SIZE, Severity.HIGH,
                "分群", "a", "w", Map.of(), new Advice.Source("x.txt", "超出600人就亂"));
        assertThat(Shown.quote(changed, Lang.ZH)).as("a quote the prepared one no longer matches").isEqualTo("超出600人就亂");
    }
}
