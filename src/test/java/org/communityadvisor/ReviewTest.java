package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.communityadvisor.json.InputReader;
import org.communityadvisor.report.AdvisedCommunity;
import org.communityadvisor.report.MarkdownReport;
import org.communityadvisor.report.Portfolio;
import org.communityadvisor.report.TextReport;
import org.junit.jupiter.api.Test;

/**
 * A review of one community a month apart (src/test/resources/review/book-club: the book-club scenario's snapshot
 * on 2026-10-20; a month later 36 members, a month plan, the official posts no longer counted, more ads, the rules
 * advice acknowledged with "disagree"; another month later the month plan gone again and official posts back).
 */
class ReviewTest {
    private static final Path DIR = Path.of("src/test/resources/review/book-club");
    private static final Advisor ADVISOR = Fixtures.ADVISOR;

    private static Snapshot snapshot(String day) throws Exception {
        return InputReader.read(Files.readString(DIR.resolve(day + ".json")));
    }

    private static Review monthLater() throws Exception {
        return ADVISOR.review(snapshot("2026-10-20"), snapshot("2026-11-20"));
    }

    private static Review.Item item(Review r, String id) {
        return r.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void aRecommendationThatFiresOnlyNowIsNew() throws Exception {
        Review r = monthLater();
        assertThat(item(r, "governance.spam").status()).isEqualTo(Review.Status.NEW);
        assertThat(item(r, "governance.spam").firstSeen()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(r.since()).isEqualTo(LocalDate.of(2026, 10, 20));
    }

    @Test
    void oneThatFiredBothTimesIsStillOpenSinceItsFirstDate() throws Exception {
        Review r = monthLater();
        assertThat(item(r, "operations.content-calendar").status()).isEqualTo(Review.Status.OPEN);
        assertThat(item(r, "operations.content-calendar").firstSeen()).isEqualTo(LocalDate.of(2026, 10, 20));
        // over the series, the date is the first one it was seen, two reviews back
        List<Review> series = ADVISOR.review(List.of(snapshot("2026-12-20"), snapshot("2026-10-20"), snapshot("2026-11-20")));
        assertThat(series).hasSize(2);
        assertThat(item(series.get(1), "operations.content-calendar").firstSeen()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(item(series.get(1), "governance.spam").firstSeen()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void aResolvedOneWhoseFigureCrossedItsThresholdIsVerified() throws Exception {
        Review.Item i = item(monthLater(), "size.below-viable");
        assertThat(i.status()).isEqualTo(Review.Status.RESOLVED);
        assertThat(i.outcome()).isEqualTo(Review.Outcome.VERIFIED);
        assertThat(i.moves()).contains(new Review.Move("members.total", 24L, 36L, 30L));
    }

    @Test
    void aResolvedOneWhoseDataBecameUnknownOrWasAcknowledgedIsWithoutEffect() throws Exception {
        Review r = monthLater();
        Review.Item unknown = item(r, "activity.weekly-official");
        assertThat(unknown.status()).isEqualTo(Review.Status.RESOLVED);
        assertThat(unknown.outcome()).isEqualTo(Review.Outcome.WITHOUT_EFFECT);
        assertThat(unknown.cause()).isEqualTo(Review.Cause.UNKNOWN);
        Review.Item acked = item(r, "governance.rules");
        assertThat(acked.outcome()).isEqualTo(Review.Outcome.WITHOUT_EFFECT);
        assertThat(acked.cause()).isEqualTo(Review.Cause.ACKNOWLEDGED);
        assertThat(acked.reason()).isEqualTo(AckReason.DISAGREE);
        assertThat(acked.note()).contains("already says what is forbidden");
    }

    @Test
    void oneResolvedEarlierThatFiresAgainIsBack() throws Exception {
        List<Review> series = ADVISOR.review(List.of(snapshot("2026-10-20"), snapshot("2026-11-20"), snapshot("2026-12-20")));
        assertThat(item(series.get(0), "operations.monthly-plan").status()).isEqualTo(Review.Status.RESOLVED);
        assertThat(item(series.get(1), "operations.monthly-plan").status()).isEqualTo(Review.Status.BACK);
        // a pair alone knows no earlier resolution: the same change reads as new
        Review pair = ADVISOR.review(snapshot("2026-11-20"), snapshot("2026-12-20"));
        assertThat(item(pair, "operations.monthly-plan").status()).isEqualTo(Review.Status.NEW);
    }

    @Test
    void scoreChangesAreListed() throws Exception {
        assertThat(monthLater().scores()).contains(new Review.ScoreChange("operations", 43, 57, 14));
    }

    @Test
    void theReportsShowTheReviewFirstInBothLanguages() throws Exception {
        Snapshot now = snapshot("2026-11-20");
        AdvisedCommunity c = new AdvisedCommunity(null, now, ADVISOR.advise(now), monthLater());
        String en = TextReport.of(Lang.EN).render(c);
        assertThat(en).contains("Since the last review (2026-10-20 to 2026-11-20)", "New: Stop the ads and spam",
                "Still open since 2026-10-20",
                "Resolved, verified: Too few members to be a group yet (size.below-viable): members.total 24 → 36",
                "Resolved without effect: Publish the announcement and the group rules (governance.rules): put\n"
                        + "    off by the operator (disagree: the announcement");
        assertThat(en.indexOf("Since the last review")).isLessThan(en.indexOf("Start with"));
        AdvisedCommunity zhc = new AdvisedCommunity(null, now, ADVISOR.advise(now, Lang.ZH), monthLater());
        String zh = TextReport.of(Lang.ZH).render(zhc);
        assertThat(zh).contains("自上次复盘以来", "新出现:", "仍未解决,自 2026-10-20 起", "已解决,效果已验证", "不同意");
        String md = MarkdownReport.render(List.of(c), Lang.EN);
        assertThat(md.indexOf("### Since the last review")).isGreaterThan(0).isLessThan(md.indexOf("**Start with"));
    }

    @Test
    void aResolvedItemIsShownWithItsTitleInEveryReportAndBothLanguages() throws Exception {
        Snapshot now = snapshot("2026-11-20");
        Review en = monthLater();
        assertThat(item(en, "size.below-viable").title()).isEqualTo("Too few members to be a group yet");
        assertThat(org.communityadvisor.json.Json.MAPPER.valueToTree(en).path("items").toString())
                .contains("\"id\":\"size.below-viable\",\"status\":\"resolved\",\"title\":\"Too few members");
        AdvisedCommunity c = new AdvisedCommunity(null, now, ADVISOR.advise(now), en);
        String title = "Too few members to be a group yet (size.below-viable)";
        assertThat(TextReport.of(Lang.EN).render(c)).contains("Resolved, verified: " + title);
        assertThat(MarkdownReport.render(List.of(c), Lang.EN)).contains("Resolved, verified: " + title);
        assertThat(org.communityadvisor.report.HtmlReport.render(List.of(c), Lang.EN)).contains("Resolved, verified: " + title);

        Advisor zhAdvisor = Advisor.builder().lang(Lang.ZH).build();
        Review zh = zhAdvisor.review(snapshot("2026-10-20"), now);
        AdvisedCommunity z = new AdvisedCommunity(null, now, zhAdvisor.advise(now), zh);
        String zhTitle = "人数太少,还不成群 (size.below-viable)";
        assertThat(TextReport.of(Lang.ZH).render(z)).contains("已解决,效果已验证:" + zhTitle);
        assertThat(MarkdownReport.render(List.of(z), Lang.ZH)).contains("已解决,效果已验证:" + zhTitle);
        assertThat(org.communityadvisor.report.HtmlReport.render(List.of(z), Lang.ZH)).contains("已解决,效果已验证:" + zhTitle);

        // from a saved advice JSON in English, a Chinese review takes the catalog's Chinese title
        com.fasterxml.jackson.databind.JsonNode saved = org.communityadvisor.json.Json.MAPPER.valueToTree(
                ADVISOR.advise(snapshot("2026-10-20")));
        Review fromSaved = Review.of(saved, zhAdvisor.advise(now), now, zhAdvisor.catalogTitles(Lang.ZH));
        assertThat(item(fromSaved, "size.below-viable").title()).isEqualTo("人数太少,还不成群");
        // without the catalog, the earlier advice's own title
        assertThat(item(Review.of(saved, zhAdvisor.advise(now), now), "size.below-viable").title())
                .isEqualTo("Too few members to be a group yet");
    }

    /** The book-club in November and in December, each reviewed against October. */
    private static List<AdvisedCommunity> reviewedPortfolio(Lang lang) throws Exception {
        Advisor advisor = Advisor.builder().lang(lang).build();
        List<AdvisedCommunity> out = new java.util.ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode october = org.communityadvisor.json.Json.MAPPER.valueToTree(
                advisor.advise(snapshot("2026-10-20")));
        for (String day : List.of("2026-11-20", "2026-12-20")) {
            Snapshot s = snapshot(day);
            Advice a = advisor.advise(s);
            out.add(new AdvisedCommunity(day, s, a, Review.of(october, a, s, advisor.catalogTitles(lang))));
        }
        return out;
    }

    @Test
    void thePortfolioCountsEachReviewFirstInTextAndMarkdown() throws Exception {
        List<AdvisedCommunity> en = reviewedPortfolio(Lang.EN);
        Portfolio.ReviewSummary nov = Portfolio.summary("book-club", en.get(0).review());
        assertThat(nov).isEqualTo(new Portfolio.ReviewSummary("book-club", LocalDate.of(2026, 10, 20),
                LocalDate.of(2026, 11, 20), 5, 5, LocalDate.of(2026, 10, 20), 2, 2, 0,
                new Review.ScoreChange("overall", 89, 91, 2)));
        String text = Portfolio.render(en, Lang.EN);
        String novLine = "book-club (2026-10-20 to 2026-11-20): new 5, still open 5 since 2026-10-20, resolved 4"
                + " (2 verified, 2 without effect), back 0, overall 89 → 91 (+2)";
        assertThat(text).contains("Since the last review:", novLine,
                "book-club (2026-10-20 to 2026-12-20): new 5, still open 6 since 2026-10-20, resolved 3"
                        + " (2 verified, 1 without effect), back 0, overall unchanged");
        assertThat(text.indexOf(novLine)).as("the review before the ranking").isLessThan(text.indexOf("start with"));
        String zh = Portfolio.render(reviewedPortfolio(Lang.ZH), Lang.ZH);
        assertThat(zh).contains("自上次复盘以来:", "book-club(2026-10-20 至 2026-11-20):新出现 5 项,仍未解决 5 项(最早自"
                + " 2026-10-20 起),已解决 4 项(效果已验证 2,未见效果 2),又出现 0 项;综合评分 89 → 91 (+2)");

        String md = MarkdownReport.render(en, Lang.EN);
        String row = "| `book-club` | 2026-10-20 → 2026-11-20 | 5 | 5 since 2026-10-20 | 2 | 2 | 0 | 89 → 91 (+2) |";
        assertThat(md).contains("### Since the last review\n\n| Community | Period | New | Still open |", row,
                "| `book-club` | 2026-10-20 → 2026-12-20 | 5 | 6 since 2026-10-20 | 2 | 1 | 0 | unchanged |");
        assertThat(md.indexOf(row)).isGreaterThan(md.indexOf("## Portfolio")).isLessThan(md.indexOf("| # |"));
        assertThat(MarkdownReport.render(reviewedPortfolio(Lang.ZH), Lang.ZH)).contains("### 自上次复盘以来",
                "| `book-club` | 2026-10-20 → 2026-11-20 | 5 | 5 项(最早自 2026-10-20 起) | 2 | 2 | 0 | 89 → 91 (+2) |");
        // without reviews, no summary
        assertThat(MarkdownReport.render(en.stream().map(c -> new AdvisedCommunity(c.label(), c.snapshot(),
                c.advice())).toList(), Lang.EN)).doesNotContain("Since the last review");
    }

    @Test
    void markdownAndHtmlListARuleThatSeveralCommunitiesDisagreeWith() {
        List<AdvisedCommunity> cs = disagreeing();
        String md = MarkdownReport.render(cs, Lang.EN);
        assertThat(md).contains("### Rules the operators disagree with (a rule you may want to change)\n\n"
                + "- governance.rules: disagreed in 2 communities (c0, c1)\n");
        assertThat(md.indexOf("### Rules the operators disagree")).isGreaterThan(md.indexOf("| # |"))
                .isLessThan(md.indexOf("\n## ", md.indexOf("| # |")));
        assertThat(MarkdownReport.render(cs, Lang.ZH)).contains("### 运营者不同意的规则(可考虑修改)",
                "- governance.rules:2 个社群不同意(c0, c1)");
        String html = org.communityadvisor.report.HtmlReport.render(cs, Lang.EN);
        assertThat(html).contains("<li data-id=\"governance.rules\">governance.rules: disagreed in 2 communities (c0, c1)</li>");
        assertThat(html.indexOf("class=\"disagree\"")).isGreaterThan(html.indexOf("id=\"portfolio\""))
                .isLessThan(html.indexOf("<section class=\"community\""));
        assertThat(org.communityadvisor.report.HtmlReport.render(cs, Lang.ZH)).contains("运营者不同意的规则(可考虑修改)",
                "governance.rules:2 个社群不同意(c0, c1)");
        assertThat(org.communityadvisor.report.HtmlReport.render(cs.subList(2, 3), Lang.EN)).doesNotContain("class=\"disagree\"");
    }

    /** Three communities: c0 and c1 disagree with governance.rules, c2 puts it off for later. */
    private static List<AdvisedCommunity> disagreeing() {
        List<AdvisedCommunity> cs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String reason = i < 2 ? "disagree" : "later";
            String json = Fixtures.patched(Json.read("{\"id\": \"c" + i + "\", \"acknowledged\": [{\"id\": \"governance.rules\","
                    + " \"until\": \"2026-12-31\", \"reason\": \"" + reason + "\"}, {\"id\": \"operations.monthly-plan\","
                    + " \"until\": \"2026-12-31\", \"reason\": \"" + (i == 0 ? "disagree" : "later") + "\"}]}"));
            Snapshot s = InputReader.read(json);
            cs.add(AdvisedCommunity.of(s, ADVISOR.advise(s)));
        }
        return cs;
    }

    @Test
    void anUnknownReasonIsRefusedWithItsPathAndTheNearestName() {
        String json = Fixtures.patched(Json.read("{\"acknowledged\": [{\"id\": \"governance.rules\", \"until\": \"2026-12-31\","
                + " \"reason\": \"disagre\"}]}"));
        assertThatThrownBy(() -> ADVISOR.advise(json))
                .isInstanceOfSatisfying(InvalidSnapshotException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).path()).isEqualTo("acknowledged[0].reason");
                    assertThat(e.errors().get(0).reason(Lang.EN)).contains("'disagre'", "did you mean 'disagree'");
                    assertThat(e.errors().get(0).reason(Lang.ZH)).contains("是不是 'disagree'");
                });
        String good = Fixtures.patched(Json.read("{\"acknowledged\": [{\"id\": \"governance.rules\", \"until\": \"2026-12-31\","
                + " \"reason\": \"not-applicable\", \"note\": \"one rule is enough\"}], \"operations\": {\"rules\": false}}"));
        Advice a = ADVISOR.advise(good);
        assertThat(a.suppressed()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo("governance.rules");
            assertThat(s.ackReason()).isEqualTo(AckReason.NOT_APPLICABLE);
            assertThat(s.note()).isEqualTo("one rule is enough");
        });
    }

    @Test
    void thePortfolioListsARuleThatSeveralCommunitiesDisagreeWith() {
        List<AdvisedCommunity> cs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String reason = i < 2 ? "disagree" : "later";
            String json = Fixtures.patched(Json.read("{\"id\": \"c" + i + "\", \"acknowledged\": [{\"id\": \"governance.rules\","
                    + " \"until\": \"2026-12-31\", \"reason\": \"" + reason + "\"}, {\"id\": \"operations.monthly-plan\","
                    + " \"until\": \"2026-12-31\", \"reason\": \"" + (i == 0 ? "disagree" : "later") + "\"}]}"));
            Snapshot s = InputReader.read(json);
            cs.add(AdvisedCommunity.of(s, ADVISOR.advise(s)));
        }
        assertThat(Portfolio.disagreed(cs)).containsOnlyKeys("governance.rules");
        assertThat(Portfolio.disagreed(cs).get("governance.rules")).containsExactly("c0", "c1");
        assertThat(Portfolio.render(cs, Lang.EN)).contains("Rules the operators disagree with",
                "governance.rules: disagreed in 2 communities (c0, c1)");
        assertThat(Portfolio.render(cs, Lang.ZH)).contains("运营者不同意的规则", "governance.rules:2 个社群不同意(c0, c1)");
    }

    /** JSON text to a tree. */
    private static final class Json {
        static com.fasterxml.jackson.databind.JsonNode read(String s) {
            try {
                return org.communityadvisor.json.Json.MAPPER.readTree(s);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
