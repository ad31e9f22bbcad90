package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real headless browser (Debian's chromium; {@code .ci/run} installs it): it loads
 * without script errors, shows every recommendation, and input that looks like markup shows as text.
 */
class HtmlReportIT {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    @Test
    void aPortfolioReportRendersSafelyInABrowser(@TempDir Path dir) throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || Files.isExecutable(Path.of(CHROMIUM)), "chromium is not installed; the browser test is skipped");
        assertThat(Path.of(CHROMIUM)).as("CI must have chromium (.ci/run installs it)").isExecutable();

        Path communities = Files.createDirectories(dir.resolve("portfolio"));
        List<String> expectedIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ObjectNode patch = (ObjectNode) Json.MAPPER.readTree("{\"activity\": {\"officialPosts7d\": " + (i % 3)
                    + ", \"topics30d\": " + (i % 2) + ", \"messages7d\": " + (i == 9 ? 3 : 400)
                    + ", \"adMessages7d\": 0}, \"commerce\": {\"promoMessages7d\": 0}}");
            patch.put("id", "community-" + i).put("name", i == 0 ? XSS : "社群 " + i);
            Files.writeString(communities.resolve("c" + i + ".json"), Fixtures.patched(patch));
        }
        Path report = dir.resolve("report.html");
        CliIT.Run run = CliIT.advisor(null, "advise", communities.toString(), "--format", "html", "--out", report.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        CliIT.Run json = CliIT.advisor(null, "advise", communities.toString(), "--format", "jsonl");
        for (String line : json.out().lines().toList()) {
            for (JsonNode r : Json.MAPPER.readTree(line).path("recommendations")) {
                expectedIds.add(Json.MAPPER.readTree(line).path("communityId").asText() + "/" + r.path("id").asText());
            }
        }
        assertThat(expectedIds).isNotEmpty();

        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Process p = new ProcessBuilder(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
                "--dump-dom", report.toUri().toString())
                .redirectOutput(dir.resolve("dom.html").toFile()).redirectError(dir.resolve("chromium.log").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        String dom = Files.readString(dir.resolve("dom.html"));
        String log = Files.readString(dir.resolve("chromium.log"));

        assertThat(dom).as("the page's own script ran").contains("data-ready=\"1\"");
        assertThat(log).as("no script errors").doesNotContain("Uncaught").doesNotContain("SyntaxError");
        assertThat(dom).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(XSS)
                .doesNotContain("<img src=\"x\"");
        for (int i = 0; i < 10; i++) {
            assertThat(dom).contains("id=\"c-community-" + i + "\"");
        }
        for (String id : expectedIds) {
            String community = id.substring(0, id.indexOf('/'));
            String rule = id.substring(id.indexOf('/') + 1);
            int section = dom.indexOf("id=\"c-" + community + "\"");
            int next = dom.indexOf("<section class=\"community\"", section + 1);
            String part = dom.substring(section, next < 0 ? dom.length() : next);
            assertThat(part).as(id).contains("data-id=\"" + rule + "\"");
        }
        assertThat(dom).contains("id=\"portfolio\"");
    }
}
