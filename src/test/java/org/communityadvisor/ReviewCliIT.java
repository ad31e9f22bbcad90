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
        assertThat(run.out()).contains("自上次复盘以来(2026-10-20 至 2026-11-20)", "自上次复盘以来(2026-11-20 至 2026-12-20)",
                "又出现(此前已解决):");
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
        assertThat(dom).contains("Resolved, verified: size.below-viable: members.total 24 → 36");
        assertThat(dom).as("the acknowledgement's reason and note in the held-back list")
                .contains("(disagree: the announcement already says what is forbidden)");
    }
}
