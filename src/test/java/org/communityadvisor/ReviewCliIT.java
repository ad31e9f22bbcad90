package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advise --since} and {@code review DIR} through ./advisor, and the review in the HTML report in Chromium. */
class ReviewCliIT {
    private static final String DIR = "src/test/resources/review/book-club";

    @Test
    void sinceTakesASnapshotOrASavedAdviceAndTheJsonCarriesTheReview(@TempDir Path tmp) throws Exception {
        CliIT.Run fromSnapshot = CliIT.advisor(null, "advise", DIR + "/2026-11-20.json", "--since", DIR + "/2026-10-20.json",
                "--format", "json");
        assertThat(fromSnapshot.exit()).as(fromSnapshot.err()).isZero();
        JsonNode review = Json.MAPPER.readTree(fromSnapshot.out()).path("review");
        assertThat(review.path("since").asText()).isEqualTo("2026-10-20");
        assertThat(review.path("items").toString()).contains("\"id\":\"size.below-viable\",\"status\":\"resolved\"",
                "\"outcome\":\"verified\"");

        // the saved advice of November, review included, is the base of December's: the month plan is back
        Path saved = tmp.resolve("november.json");
        Files.writeString(saved, fromSnapshot.out());
        CliIT.Run fromAdvice = CliIT.advisor(null, "advise", DIR + "/2026-12-20.json", "--since", saved.toString(),
                "--format", "json");
        assertThat(fromAdvice.exit()).as(fromAdvice.err()).isZero();
        assertThat(Json.MAPPER.readTree(fromAdvice.out()).path("review").path("items").toString())
                .contains("\"id\":\"operations.monthly-plan\",\"status\":\"back\"");

        CliIT.Run other = CliIT.advisor(null, "advise", "scenarios/big-500-group.json", "--since", saved.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("is of 'book-club', not of");
    }

    @Test
    void reviewOfAFolderComparesEachSnapshotWithTheOneBefore() throws Exception {
        CliIT.Run run = CliIT.advisor(null, "review", DIR, "--lang", "zh");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("好书共读书友会:3 个快照,2026-10-20 至 2026-12-20", "2026-10-20 至 2026-11-20",
                "2026-11-20 至 2026-12-20", "又出现,此前已解决(1 项):\n    - 制定一个月度运营方案 (operations.monthly-plan)",
                "已解决,效果已验证(2 项):", "仍未解决:10 项,最早自 2026-10-20 起");
    }

    @Test
    void reviewTextIsOneShortBlockAStepWithTheOpenItemsCounted() throws Exception {
        CliIT.Run run = CliIT.advisor(null, "review", DIR);
        assertThat(run.exit()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).contains("好书共读书友会: 3 snapshots, 2026-10-20 to 2026-12-20");
        int first = out.indexOf("\n2026-10-20 to 2026-11-20");
        int second = out.indexOf("\n2026-11-20 to 2026-12-20");
        assertThat(first).as("one block a step, in order").isPositive().isLessThan(second);
        String nov = out.substring(first, second);
        // new and resolved first, each by title and id; the open ones counted, not listed
        assertThat(nov).contains("  New (5):\n    - Stop the ads and spam (governance.spam)\n",
                "  Resolved, verified (2):\n    - Write a one-month operation plan (operations.monthly-plan):"
                        + " operations.monthlyPlan no → yes\n    - Too few members to be a group yet (size.below-viable):"
                        + " members.total 24 → 36\n",
                "  Resolved without effect (2):\n    - Hold an official interaction every week (activity.weekly-official)",
                "  Still open: 5, the oldest since 2026-10-20\n", "  Scores: overall 89 → 91 (+2), operations 43 → 57 (+14)\n",
                "  Stage: mature\n");
        assertThat(nov.indexOf("New (5)")).isLessThan(nov.indexOf("Resolved, verified")).isLessThan(nov.indexOf("Still open"));
        assertThat(nov).as("no open item listed one by one").doesNotContain("growth.qr-expired", "Still open since");
        String dec = out.substring(second);
        assertThat(dec).contains("  Back, resolved earlier and firing again (1):\n    - Write a one-month operation plan"
                + " (operations.monthly-plan)\n", "  Still open: 10, the oldest since 2026-10-20\n",
                "Now (2026-12-20), start with:\n  1. Stop the ads and spam  (governance.spam)",
                "The full advice of the last snapshot:\n  ./advisor advise " + DIR + "/2026-12-20.json\n");
        assertThat(dec).doesNotContain("New (");
        assertThat(out).as("a review, not the advice in full").doesNotContain("Do:", "Source:");
        assertThat(out.lines().count()).as("short").isLessThan(50);
    }

    @Test
    void thePortfolioPageCountsTheReviewsFirstAndListsDisagreedRulesInABrowser(@TempDir Path dir) throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || Files.isExecutable(Path.of(HtmlReportIT.CHROMIUM)), "chromium is not installed; the browser test is skipped");
        // November and December of the book-club, each against October; and two communities disagreeing with a rule
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of(DIR, "2026-11-20.json"), in.resolve("2026-11-20.json"));
        Files.copy(Path.of(DIR, "2026-12-20.json"), in.resolve("2026-12-20.json"));
        Path report = dir.resolve("report.html");
        CliIT.Run run = CliIT.advisor(null, "advise", in.toString(), "--since", DIR + "/2026-10-20.json", "--portfolio",
                "--format", "html", "--out", report.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String dom = chromium(dir, report);
        int summary = dom.indexOf("class=\"review-summary\"");
        assertThat(summary).as("the review counts inside the portfolio, before the ranking")
                .isGreaterThan(dom.indexOf("id=\"portfolio\"")).isLessThan(dom.indexOf("class=\"ranking\""));
        assertThat(dom.replaceAll("\\s+", " ")).contains("<th>Period</th><th>New</th><th>Still open</th>",
                "<td>2026-10-20 → 2026-11-20</td><td class=\"num\">5</td><td>5 since 2026-10-20</td>"
                        + " <td class=\"num\">2</td><td class=\"num\">2</td><td class=\"num\">0</td><td>89 → 91 (+2)</td>",
                "<td>2026-10-20 → 2026-12-20</td><td class=\"num\">5</td><td>6 since 2026-10-20</td>"
                        + " <td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">0</td><td>unchanged</td>");

        Path others = Files.createDirectories(dir.resolve("others"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(others.resolve("c" + i + ".json"), Fixtures.patched(Json.MAPPER.readTree("{\"id\": \"c" + i
                    + "\", \"acknowledged\": [{\"id\": \"governance.rules\", \"until\": \"2026-12-31\", \"reason\": \""
                    + (i < 2 ? "disagree" : "later") + "\"}]}")));
        }
        Path zh = dir.resolve("zh.html");
        run = CliIT.advisor(null, "advise", others.toString(), "--portfolio", "--format", "html", "--lang", "zh",
                "--out", zh.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        dom = chromium(dir, zh);
        assertThat(dom).doesNotContain("class=\"review-summary\"")
                .contains("<h3>运营者不同意的规则(可考虑修改)</h3>",
                        "<li data-id=\"governance.rules\">governance.rules:2 个社群不同意(c0, c1)</li>");
        assertThat(dom.indexOf("class=\"disagree\"")).isGreaterThan(dom.indexOf("class=\"ranking\""))
                .isLessThan(dom.indexOf("<section class=\"community\""));
    }

    /** The page as headless Chromium leaves it, after checking that its script ran without errors. */
    private static String chromium(Path dir, Path page) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Process p = new ProcessBuilder(HtmlReportIT.CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=2000", "--dump-dom", page.toUri().toString())
                .redirectOutput(dir.resolve("dom.html").toFile()).redirectError(dir.resolve("chromium.log").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        String dom = Files.readString(dir.resolve("dom.html"));
        assertThat(dom).as("the page's own script ran").contains("data-ready=\"1\"");
        assertThat(Files.readString(dir.resolve("chromium.log"))).doesNotContain("Uncaught");
        return dom;
    }

    @Test
    void theReviewShowsFirstInTheHtmlReportInABrowser(@TempDir Path dir) throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || Files.isExecutable(Path.of(HtmlReportIT.CHROMIUM)), "chromium is not installed; the browser test is skipped");
        Path report = dir.resolve("report.html");
        CliIT.Run run = CliIT.advisor(null, "advise", DIR + "/2026-11-20.json", "--since", DIR + "/2026-10-20.json",
                "--format", "html", "--out", report.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Process p = new ProcessBuilder(HtmlReportIT.CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=2000", "--dump-dom", report.toUri().toString())
                .redirectOutput(dir.resolve("dom.html").toFile()).redirectError(dir.resolve("chromium.log").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        String dom = Files.readString(dir.resolve("dom.html"));
        assertThat(dom).as("the page's own script ran").contains("data-ready=\"1\"");
        assertThat(Files.readString(dir.resolve("chromium.log"))).doesNotContain("Uncaught");
        int review = dom.indexOf("class=\"review\"");
        assertThat(review).as("a review block").isPositive().isLessThan(dom.indexOf("class=\"focus\""));
        assertThat(dom).contains("class=\"review-new\"", "class=\"review-open\"", "class=\"review-verified\"",
                "class=\"review-without-effect\"");
        assertThat(dom).contains("Resolved, verified: Too few members to be a group yet (size.below-viable):"
                + " members.total 24 → 36");
        assertThat(dom).as("the acknowledgement's reason and note in the held-back list")
                .contains("(disagree: the announcement already says what is forbidden)");
    }
}
