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
                "Still open since 2026-10-20", "Resolved, verified: size.below-viable: members.total 24 → 36",
                "Resolved without effect: governance.rules: put off by the operator (disagree: the announcement");
        assertThat(en.indexOf("Since the last review")).isLessThan(en.indexOf("Start with"));
        AdvisedCommunity zhc = new AdvisedCommunity(null, now, ADVISOR.advise(now, Lang.ZH), monthLater());
        String zh = TextReport.of(Lang.ZH).render(zhc);
        assertThat(zh).contains("自上次复盘以来", "新出现:", "仍未解决,自 2026-10-20 起", "已解决,效果已验证", "不同意");
        String md = MarkdownReport.render(List.of(c), Lang.EN);
        assertThat(md.indexOf("### Since the last review")).isGreaterThan(0).isLessThan(md.indexOf("**Start with"));
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
