package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real headless browser (Debian's chromium; {@code .ci/run} installs it): it loads
 * without script errors, shows every recommendation, and input that looks like markup shows as text; its weekly
 * charts are drawn, with their tick labels and dates (issue 14).
 */
class HtmlReportIT {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    /** The browser window, and so the screenshot, in CSS pixels (device scale 1). */
    static final int WIDTH = 1200;
    static final int HEIGHT = 2000;

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

        chromium(dir, "--dump-dom", report);
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

    @Test
    void theWeeklyChartsHaveAxesTickLabelsDatesAndAreDrawn(@TempDir Path dir) throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || Files.isExecutable(Path.of(CHROMIUM)), "chromium is not installed; the browser test is skipped");
        assertThat(Path.of(CHROMIUM)).as("CI must have chromium (.ci/run installs it)").isExecutable();

        // One community with ten weeks of history: members 392 to 401, messages 1950 to 1100, active 150 to 45.
        Path report = dir.resolve("report.html");
        CliIT.Run run = CliIT.advisor(null, "advise", "scenarios/declining-discord.json", "--format", "html",
                "--out", report.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        // A copy of the report that also writes where its charts are laid out, for the screenshot below.
        Path measured = dir.resolve("measured.html");
        Files.writeString(measured, Files.readString(report).replace("</body>", "<script>var r = document"
                + ".querySelector('.charts').getBoundingClientRect(); document.documentElement.setAttribute("
                + "'data-charts', [r.left, r.top, r.right, r.bottom].map(Math.round).join(' '));</script></body>"));

        chromium(dir, "--dump-dom", measured);
        String dom = Files.readString(dir.resolve("dom.html"));
        assertThat(dom).contains("data-ready=\"1\"");
        assertThat(count(dom, "<svg class=\"chart\"")).as("one chart per series").isEqualTo(3);
        assertThat(Files.readString(dir.resolve("chromium.log"))).as("no script errors").doesNotContain("Uncaught");
        List<String> yTicks = texts(dom, "tick y-tick");
        List<String> xTicks = texts(dom, "tick x-tick");
        assertThat(yTicks).as("three round axes from zero")
                .containsSubsequence("0", "200", "400", "600")
                .containsSubsequence("0", "500", "1,000", "1,500", "2,000")
                .containsSubsequence("0", "50", "100", "150");
        assertThat(count(dom, "class=\"tick y-tick\"")).isBetween(9, 15);
        assertThat(xTicks).as("the first and the last week under each chart").contains("2026-08-30", "11-01");
        assertThat(xTicks.stream().filter("2026-08-30"::equals).count()).isEqualTo(3);
        assertThat(dom).contains("<title>2026-08-30: 392</title>").contains("<title>2026-11-01: 401</title>")
                .contains("<title>2026-11-01: 1,100</title>").contains("<title>2026-11-01: 45</title>")
                .contains(">Week ending</text>");
        assertThat(count(dom, "<circle class=\"point\"")).isEqualTo(30);

        Matcher at = Pattern.compile("data-charts=\"(-?\\d+) (-?\\d+) (-?\\d+) (-?\\d+)\"").matcher(dom);
        assertThat(at.find()).as("the page measured its charts").isTrue();
        int left = Integer.parseInt(at.group(1));
        int top = Integer.parseInt(at.group(2));
        int right = Integer.parseInt(at.group(3));
        int bottom = Integer.parseInt(at.group(4));
        assertThat(right - left).as("the charts' width").isGreaterThan(600);
        assertThat(bottom - top).as("the charts' height").isGreaterThan(100);
        assertThat(bottom).as("the charts are in the screenshot").isLessThan(HEIGHT);

        chromium(dir, "--screenshot=" + dir.resolve("shot.png"), measured);
        BufferedImage shot = ImageIO.read(dir.resolve("shot.png").toFile());
        assertThat(shot.getWidth()).isEqualTo(WIDTH);
        int[] blue = {0x15, 0x65, 0xc0};
        int[] orange = {0xef, 0x6c, 0x00};
        int[] green = {0x2e, 0x7d, 0x32};
        int blues = 0;
        int oranges = 0;
        int greens = 0;
        int ink = 0;
        int painted = 0;
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < right; x++) {
                int rgb = shot.getRGB(x, y);
                int[] c = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
                blues += near(c, blue) ? 1 : 0;
                oranges += near(c, orange) ? 1 : 0;
                greens += near(c, green) ? 1 : 0;
                ink += c[0] < 140 && c[1] < 140 && c[2] < 160 && !near(c, blue) && !near(c, green) ? 1 : 0;
                painted += c[0] + c[1] + c[2] < 3 * 235 ? 1 : 0;
            }
        }
        assertThat(blues).as("the members line and its markers").isGreaterThan(150);
        assertThat(oranges).as("the messages line and its markers").isGreaterThan(150);
        assertThat(greens).as("the active members line and its markers").isGreaterThan(150);
        assertThat(ink).as("tick labels, dates and captions").isGreaterThan(150);
        assertThat(painted).as("the chart region is not blank").isGreaterThan((right - left) * (bottom - top) / 50);
    }

    /** Runs headless chromium on a page with one output option; its stdout goes to dom.html, its log to chromium.log. */
    private static void chromium(Path dir, String output, Path page) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Process p = new ProcessBuilder(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + WIDTH + "," + HEIGHT,
                output, page.toUri().toString())
                .redirectOutput(dir.resolve("dom.html").toFile()).redirectError(dir.resolve("chromium.log").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    }

    private static boolean near(int[] c, int[] target) {
        return Math.abs(c[0] - target[0]) + Math.abs(c[1] - target[1]) + Math.abs(c[2] - target[2]) < 90;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** The text of each element with this class, in order. */
    private static List<String> texts(String dom, String cssClass) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"" + Pattern.quote(cssClass) + "\"[^>]*>([^<]*)<").matcher(dom);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
