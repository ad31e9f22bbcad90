package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.communityadvisor.json.Json;
import org.communityadvisor.report.PlanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan's HTML page in headless Chromium: every horizon and move shown, the input's markup inert. */
class PlanHtmlIT {
    @Test
    void thePlanPageRendersSafelyInABrowser(@TempDir Path dir) throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || Files.isExecutable(Path.of(HtmlReportIT.CHROMIUM)), "chromium is not installed; skipped");
        JsonNode root = Json.MAPPER.readTree(Files.readString(Path.of("scenarios/book-club-first-month.json")));
        ObjectNode snapshot = (ObjectNode) root.get("snapshot");
        snapshot.put("name", HtmlReportIT.XSS);
        ((ObjectNode) snapshot.get("activity")).put("peakHour", 19);
        Plan plan = Fixtures.ADVISOR.plan(AdviceJson.readSnapshot(snapshot.toString()), Lang.ZH);
        Path page = dir.resolve("plan.html");
        Files.writeString(page, PlanReport.render(plan, Lang.ZH, PlanReport.Format.HTML));
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Process p = new ProcessBuilder(HtmlReportIT.CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
                "--dump-dom", page.toUri().toString())
                .redirectOutput(dir.resolve("dom.html").toFile()).redirectError(dir.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        String dom = Files.readString(dir.resolve("dom.html"));
        assertThat(dom).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HtmlReportIT.XSS)
                .doesNotContain("<img src=\"x\"");
        assertThat(dom).contains("<h2>本周</h2>", "<h2>本月</h2>", "<h2>以后</h2>", "19:00 · 周末线上分享");
        int moves = dom.split("class=\"move\"", -1).length - 1;
        assertThat(moves).isEqualTo(plan.moves().size());
    }
}
