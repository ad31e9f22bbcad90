package org.communityadvisor.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.communityadvisor.Advice;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Advisor;
import org.communityadvisor.Lang;
import org.communityadvisor.Snapshot;
import org.communityadvisor.report.AdvisedCommunity;
import org.communityadvisor.report.HtmlReport;
import org.communityadvisor.report.MarkdownReport;
import org.communityadvisor.report.Portfolio;
import org.communityadvisor.report.TextReport;
import org.junit.jupiter.api.Test;

/**
 * What a platform embedding the advisor does, from outside its packages (so only the public API compiles
 * here): advise JSON, then render text, Markdown, HTML and the portfolio from the list of advice, in both
 * languages.
 */
class ReportsFromAdviceTest {
    private static final Advisor ADVISOR = Advisor.builder().build();
    private static final String NEW_GROUP = """
            {"schemaVersion": 1, "id": "client-new", "name": "A new client group", "platform": "wechat",
             "createdOn": "2026-09-01", "asOf": "2026-10-20", "members": {"total": 120, "admins": 0},
             "operations": {"rules": false, "announcement": true}}
            """;
    private static final String MARKUP = "<script>alert(1)</script> *bold* [link](x)";

    private static String healthy() throws IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of("rules/base.json"));
    }

    private static List<Advice> advise(Lang lang) throws IOException {
        return List.of(ADVISOR.advise(healthy(), lang), ADVISOR.advise(NEW_GROUP, lang),
                ADVISOR.advise(NEW_GROUP.replace("client-new", "client-other"), lang));
    }

    @Test
    void textMarkdownHtmlAndThePortfolioFromAListOfAdviceInBothLanguages() throws IOException {
        for (Lang lang : Lang.values()) {
            boolean zh = lang == Lang.ZH;
            List<Advice> advices = advise(lang);
            List<AdvisedCommunity> communities = AdvisedCommunity.ofAll(advices);
            Advice newGroup = advices.get(1);
            assertThat(newGroup.recommendations()).as("the new group is told to act").hasSizeGreaterThan(1);

            String text = TextReport.of(lang).render(communities);
            assertThat(text).contains("base-healthy", "client-new", "client-other")
                    .contains(zh ? "阶段:" : "Stage: ").contains(zh ? "评分:" : "Scores: ")
                    .contains(newGroup.recommendations().get(0).title()).doesNotContain("\u001b[")
                    .contains(zh ? "没有建议" : "No recommendations");
            assertThat(text.lines().filter(l -> l.equals("-".repeat(100)))).as("a line after each of several").hasSize(3);
            String one = TextReport.of(lang).top(1).color(true).render(AdvisedCommunity.of(newGroup));
            assertThat(one).contains("\u001b[1m").contains(zh ? "另有 " + (newGroup.recommendations().size() - 1) + " 条建议"
                    : "... and " + (newGroup.recommendations().size() - 1) + " more")
                    .doesNotContain(newGroup.recommendations().get(1).action());
            assertThat(TextReport.of(lang).render(List.of(AdvisedCommunity.of(newGroup))))
                    .isEqualTo(TextReport.of(lang).render(AdvisedCommunity.of(newGroup))).doesNotContain("-".repeat(100));

            String md = MarkdownReport.render(communities, lang);
            assertThat(md).startsWith(zh ? "# 社群运营建议报告\n" : "# Community advice report\n")
                    .contains(zh ? "## 社群组合(按紧迫程度排序)" : "## Portfolio, most urgent first")
                    .contains("\n## client-new\n", "\n## base-healthy\n")
                    .as("without the snapshot: named by id, no platform or members")
                    .doesNotContain(zh ? " · 平台 " : " · Platform ").doesNotContain(zh ? " · 成员 " : " · Members ")
                    .contains("(`" + newGroup.recommendations().get(0).id() + "`)");
            assertThat(MarkdownReport.render(List.of(communities.get(0)), lang)).as("one community has no portfolio")
                    .doesNotContain(zh ? "社群组合" : "Portfolio");

            String html = HtmlReport.render(communities, lang);
            assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + lang.json() + "\">")
                    .contains("id=\"c-client-new\"", "id=\"c-base-healthy\"", "id=\"portfolio\"")
                    .contains("data-id=\"" + newGroup.recommendations().get(0).id() + "\"")
                    .doesNotContain("<svg class=\"chart\"").doesNotContain(zh ? " · 平台 " : " · Platform ");

            List<Portfolio.Row> ranking = Portfolio.rank(communities);
            assertThat(ranking).extracting(Portfolio.Row::rank).containsExactly(1, 2, 3);
            assertThat(ranking.get(2).community().advice().communityId()).as("nothing to do: least urgent")
                    .isEqualTo("base-healthy");
            assertThat(ranking.get(2).startWith()).isEqualTo("-");
            assertThat(ranking.get(0).startWith()).isEqualTo(newGroup.focus().get(0));
            String table = Portfolio.render(communities, lang);
            assertThat(table).startsWith(zh ? "社群组合(按紧迫程度排序)\n" : "Portfolio, most urgent first\n").endsWith("\n\n");
            assertThat(table.lines()).hasSize(2 + 3 + 1);
        }
    }

    @Test
    void withTheSnapshotTheReportsShowNameMembersAndChartAndEscapeTheInput() throws IOException {
        for (Lang lang : Lang.values()) {
            Snapshot healthy = AdviceJson.readSnapshot(healthy());
            Snapshot odd = AdviceJson.readSnapshot(NEW_GROUP.replace("A new client group", MARKUP.replace("\"", "\\\"")));
            List<AdvisedCommunity> communities = new ArrayList<>();
            for (Snapshot s : List.of(healthy, odd)) {
                communities.add(AdvisedCommunity.of(s, ADVISOR.advise(s, lang)));
            }
            String md = MarkdownReport.render(communities, lang);
            assertThat(md).contains("## " + healthy.name())
                    .contains(lang == Lang.ZH ? " · 成员 200 · " : " · Members 200 · ")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[link\\](x)").doesNotContain(MARKUP);
            String html = HtmlReport.render(communities, lang);
            assertThat(html).contains("<svg class=\"chart\"").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain(MARKUP);
        }
        Advice advice = ADVISOR.advise(NEW_GROUP);
        assertThatThrownBy(() -> new AdvisedCommunity("x", AdviceJson.readSnapshot(healthy()), advice))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base-healthy");
        assertThatThrownBy(() -> TextReport.of(Lang.EN).top(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
