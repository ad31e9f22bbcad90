package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through the real entry point, {@code ./advisor}, as a consultant runs it. */
class CliIT {
    record Run(int exit, String out, String err) {
    }

    static Run advisor(String stdin, String... args) throws IOException, InterruptedException {
        return program(stdin, "./advisor", args);
    }

    /** A program of the project (./advisor, tools/bench/run) with these arguments and standard input. */
    static Run program(String stdin, String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Path out = Files.createTempFile("advisor-out", ".txt");
        Path err = Files.createTempFile("advisor-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("advisor finished").isTrue();
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static String launchGroup() {
        try {
            return Fixtures.patched(Json.MAPPER.readTree("{\"id\": \"launch-group\", \"createdOn\": \"2026-09-20\","
                    + " \"history\": null, \"activity\": {\"officialPosts7d\": 0, \"topics30d\": 0}}"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Figures of several runs are quoted as median and spread: the benchmark prints both for every figure with a target. */
    @Test
    void benchWithSeveralRunsShowsEachFiguresMedianAndSpread() throws Exception {
        Run run = program(null, "tools/bench/run", "--only", "lean", "--runs", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("=== run 1 of 3 ===").contains("=== run 3 of 3 ===")
                .contains("Targets, median of 3 runs [min-max]:");
        // the generated snapshots are the same every run, so the spread of the lean size is nil
        assertThat(run.out()).containsPattern("lean advice, typical \\(median\\) size +(\\d+) bytes \\[\\1 bytes - \\1 bytes]");
        assertThat(run.out()).doesNotContainPattern("(?i)issue|edition");
        Run help = program(null, "tools/bench/run", "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).contains("--runs", "--only", "--seconds", "--cold-runs", "--batch", "--batch-heap",
                "--stdin-batch").doesNotContainPattern("(?i)issue|edition");
    }

    /** The benchmark lives in tools/bench: the product's command line and jar hold none of it. */
    @Test
    void explainNamesTheNearestRuleOfAMisspeltIdInTheReadersLanguage() throws Exception {
        Run run = advisor(null, "explain", "suppress.trust-frist");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("advisor: no rule 'suppress.trust-frist'; did you mean 'suppress.trust-first'?");
        Run zh = advisor(null, "explain", "governance.spamm", "--lang", "zh");
        assertThat(zh.exit()).isEqualTo(2);
        assertThat(zh.err()).contains("没有规则 'governance.spamm';是不是 'governance.spam'?");
        Run none = advisor(null, "explain", "nothing-like-it");
        assertThat(none.err()).contains("advisor: no rule 'nothing-like-it'").doesNotContain("did you mean");
        Run found = advisor(null, "explain", "suppress.trust-first");
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(found.out()).startsWith("suppress.trust-first  (rules/");
    }

    @Test
    void theProductHasNoBenchCommand() throws Exception {
        Run run = advisor(null, "bench");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("advisor: 'bench' is not a command of the advisor");
        Run help = advisor(null, "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).doesNotContain("bench");
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile("target/community-advisor.jar")) {
            assertThat(jar.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.toLowerCase().contains("bench")))
                    .isEmpty();
            assertThat(jar.getEntry("org/communityadvisor/cli/Main.class")).isNotNull();
        }
    }

    @Test
    void textShowsStageAndRankedExplainedAdvice(@TempDir Path dir) throws Exception {
        Path file = write(dir, "launch.json", launchGroup());
        Run run = advisor(null, "advise", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Stage: launch").contains(" 1. [").contains("Do:").contains("Why:")
                .contains("Data:").contains("Source:");
        // Focus opens the advice: what to do first, before the stage and the full list.
        assertThat(run.out().indexOf("Start with:")).isPositive().isLessThan(run.out().indexOf("Stage: "));
    }

    @Test
    void aQuietGroupInItsFirstMonthIsLaunchingNotDormant(@TempDir Path dir) throws Exception {
        // Edition 2: a 10-day-old group of 45 members with 4 messages a week gets 004's first-month recipe.
        Path file = write(dir, "quiet.json", Fixtures.patched(Json.MAPPER.readTree("{\"id\": \"quiet-launch\","
                + " \"createdOn\": \"2026-09-20\", \"history\": null, \"members\": {\"total\": 45, \"silent30d\": 30,"
                + " \"admins\": 1}, \"activity\": {\"messages7d\": 4, \"activeMembers7d\": 3, \"adMessages7d\": 0},"
                + " \"commerce\": {\"promoMessages7d\": 0}}")));
        Run run = advisor(null, "advise", file.toString(), "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode advice = Json.MAPPER.readTree(run.out());
        assertThat(advice.path("stage").asText()).isEqualTo("launch");
        assertThat(advice.path("recommendations").findValuesAsText("id")).contains("lifecycle.quiet-launch")
                .doesNotContain("lifecycle.dormant");
        assertThat(advice.path("suppressed").findValuesAsText("id")).isEmpty();
    }

    @Test
    void topLimitsThePrintedRecommendationsAndSaysHowManyMore() throws Exception {
        String file = "scenarios/sales-group-460.json";
        Run all = advisor(null, "advise", file, "--format", "json");
        int count = Json.MAPPER.readTree(all.out()).path("recommendations").size();
        assertThat(count).isGreaterThan(2);
        Run run = advisor(null, "advise", file, "--top", "2");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains(" 1. [").contains(" 2. [").doesNotContain(" 3. [")
                .contains("and " + (count - 2) + " more");
        Run zh = advisor(null, "advise", file, "--top", "1", "--lang", "zh");
        assertThat(zh.out()).contains("另有 " + (count - 1) + " 条建议").contains("阶段:平台期").contains("先做这几件:");
        Run bad = advisor(null, "advise", file, "--top", "-1");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--top");
    }

    @Test
    void aMixedBatchIsJudgedEachByItsPlatformsProfileUnlessOneIsNamed(@TempDir Path dir) throws Exception {
        // A WeChat group of 150 joining by QR code: today's WeChat admits joiners up to 200, so no QR limit.
        String wechat = Fixtures.patched(Json.MAPPER.readTree("{\"id\": \"wechat-150\", \"members\": {\"total\": 150,"
                + " \"silent30d\": 60}, \"activity\": {\"activeMembers7d\": 50}, \"entry\": {\"channels\": [\"qr\"]}}"));
        String discord = Fixtures.patched(Json.MAPPER.readTree("{\"id\": \"discord-600\", \"platform\": \"discord\","
                + " \"members\": {\"total\": 600, \"admins\": 6}}"));
        Path batch = write(dir, "mixed.jsonl", wechat + "\n" + discord + "\n");
        Run run = advisor(null, "advise", batch.toString(), "--format", "jsonl");
        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> advices = run.out().lines().map(l -> {
            try {
                return Json.MAPPER.readTree(l);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(advices).extracting(a -> a.path("profile").path("name").asText()).containsExactly("wechat", "discord");
        assertThat(advices.get(0).path("recommendations").findValuesAsText("id")).doesNotContain("growth.qr-join-limit");
        assertThat(advices.get(1).path("recommendations").findValuesAsText("id")).doesNotContain("size.over-manageable");
        Run forced = advisor(null, "advise", batch.toString(), "--format", "jsonl", "--profile", "default");
        assertThat(forced.out().lines().map(l -> l.contains("\"name\":\"default\"")).toList()).containsExactly(true, true);
        assertThat(forced.out().lines().findFirst().orElseThrow()).contains("growth.qr-join-limit");
        Run text = advisor(null, "advise", batch.toString());
        assertThat(text.out()).contains("profile wechat").contains("profile discord");
    }

    @Test
    void jsonOnOneInputIsOneContractObject(@TempDir Path dir) throws Exception {
        Path file = write(dir, "launch.json", launchGroup());
        Run run = advisor(null, "advise", file.toString(), "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode advice = Json.MAPPER.readTree(run.out());
        assertThat(advice.isObject()).isTrue();
        assertThat(advice.path("communityId").asText()).isEqualTo("launch-group");
        assertThat(advice.path("stage").asText()).isEqualTo("launch");
        assertThat(advice.has("stageReasons") && advice.has("suppressed") && advice.has("scores")
                && advice.has("dataGaps") && advice.has("rulesVersion")).isTrue();
        int rank = 1;
        for (JsonNode r : advice.path("recommendations")) {
            assertThat(r.path("rank").asInt()).isEqualTo(rank++);
            assertThat(r.path("source").path("quote").asText()).isNotBlank();
            assertThat(r.path("evidence").isObject()).isTrue();
        }
        assertThat(rank).isGreaterThan(1);
    }

    @Test
    void invalidInputIsReportedWithItsPathAndTheGoodOnesAreStillAdvised(@TempDir Path dir) throws Exception {
        Path good = write(dir, "a-good.json", launchGroup());
        Path bad = write(dir, "b-bad.json", Fixtures.patched(Json.MAPPER.readTree("{\"members\": {\"totl\": 3}}")));
        Path worse = write(dir, "c-worse.json", "{ not json");
        Run run = advisor(null, "advise", good.toString(), bad.toString(), worse.toString(), "--format", "jsonl");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ": members.totl: unknown field 'totl'; did you mean 'total'?")
                .contains(worse + ": ").contains("not valid JSON").contains("1 advised, 2 refused")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out().lines().toList()).hasSize(1)
                .allSatisfy(line -> assertThat(Json.MAPPER.readTree(line).path("communityId").asText())
                        .isEqualTo("launch-group"));
    }

    @Test
    void jsonlOnStandardInputNamesTheBadLine() throws Exception {
        String good = Json.MAPPER.readTree(launchGroup()).toString();
        String stdin = good + "\n{\"schemaVersion\": 1}\n" + good.replace("launch-group", "second") + "\n";
        Run run = advisor(stdin, "advise", "-", "--format", "jsonl");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("<stdin>:2: id: required field is missing");
        assertThat(run.out().lines().map(l -> {
            try {
                return Json.MAPPER.readTree(l).path("communityId").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList()).containsExactly("launch-group", "second");
    }

    @Test
    void outIsWrittenWholeAndChineseWorks(@TempDir Path dir) throws Exception {
        Path file = write(dir, "launch.json", launchGroup());
        Path report = dir.resolve("reports/launch.txt");
        Run run = advisor(null, "advise", file.toString(), "--lang", "zh", "--out", report.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(report)).contains("阶段:启动期").contains("做法:");
        try (var files = Files.list(report.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("launch.txt");
        }
    }

    @Test
    void aProfileFileChangesTheThresholds(@TempDir Path dir) throws Exception {
        Path file = write(dir, "launch.json", launchGroup());
        Path profile = write(dir, "big.json",
                "{\"name\": \"big-groups\", \"extends\": \"default\", \"thresholds\": {\"minViableMembers\": 250}}");
        Run run = advisor(null, "advise", file.toString(), "--format", "json", "--profile", profile.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode advice = Json.MAPPER.readTree(run.out());
        assertThat(advice.path("profile").path("name").asText()).isEqualTo("big-groups");
        assertThat(advice.toString()).contains("\"id\":\"size.below-viable\"").contains("\"minViableMembers\":250");

        Path typo = write(dir, "typo.json", "{\"extends\": \"default\", \"thresholds\": {\"minViableMember\": 5}}");
        Run refused = advisor(null, "advise", file.toString(), "--profile", typo.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("thresholds.minViableMember: unknown threshold; did you mean 'minViableMembers'?");

        Path share = write(dir, "share.json", "{\"thresholds\": {\"spamRatio\": 5}}");
        Run zh = advisor(null, "advise", file.toString(), "--profile", share.toString(), "--lang", "zh");
        assertThat(zh.exit()).isEqualTo(2);
        assertThat(zh.err()).contains(share + ":thresholds.spamRatio:5 超出范围:应在 0 到 1 之间(例如 0.1 表示 10%)");
        Run zhTypo = advisor(null, "advise", file.toString(), "--profile", typo.toString(), "--lang", "zh");
        assertThat(zhTypo.err()).contains("thresholds.minViableMember:未知阈值;是不是 'minViableMembers'?");
    }

    @Test
    void aBrokenRulesFolderIsRefusedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path rules = Fixtures.copyOfTheRules(dir);
        Path size = rules.resolve("size.over-manageable/rule.drl");
        assertThat(Files.readString(size)).contains("members.total >= thresholds.maxManageableMembers )");
        Files.writeString(size, Files.readString(size).replace("members.total >= thresholds.maxManageableMembers )",
                "total >= thresholds.maxManageableMember )"));
        Path file = write(dir, "launch.json", launchGroup());
        Run run = advisor(null, "advise", file.toString(), "--rules", rules.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).containsPattern("size\\.over-manageable/rule\\.drl:\\d+: ").doesNotContain("\tat ");

        Run unchanged = advisor(null, "advise", file.toString(), "--rules", "rules", "--format", "json");
        assertThat(unchanged.exit()).as(unchanged.err()).isZero();
    }

    @Test
    void anInterruptedBatchKeepsEveryCompletedAdvice(@TempDir Path dir) throws Exception {
        String line = Json.MAPPER.readTree(launchGroup()).toString();
        Path input = dir.resolve("many.jsonl");
        try (var w = Files.newBufferedWriter(input)) {
            for (int i = 0; i < 50_000; i++) {
                w.write(line.replace("launch-group", "g" + i));
                w.write('\n');
            }
        }
        Path out = dir.resolve("out/advice.jsonl");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "the previous advice\n");
        Process p = new ProcessBuilder("./advisor", "advise", input.toString(), "--format", "jsonl", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && tempSize(out.getParent()) < 20_000) {
            Thread.sleep(50);
        }
        p.destroy(); // SIGTERM, as a shell's kill or a closing terminal sends
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(out)).as("the previous file is untouched").isEqualTo("the previous advice\n");
        Path partial = dir.resolve("out/advice.jsonl.partial");
        assertThat(partial).as("the completed records were kept beside it").exists();
        List<String> lines = Files.readAllLines(partial);
        assertThat(lines).isNotEmpty().hasSizeLessThan(50_000);
        for (String l : lines) {
            assertThat(Json.MAPPER.readTree(l).path("communityId").asText()).startsWith("g");
        }
        try (var files = Files.list(out.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("advice.jsonl", "advice.jsonl.partial");
        }
        assertThat(Files.readString(dir.resolve("log.txt"))).contains("interrupted", partial.toString());
    }

    @Test
    void anInterruptedWholeDocumentLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        String line = Json.MAPPER.readTree(launchGroup()).toString();
        Path input = dir.resolve("many.jsonl");
        try (var w = Files.newBufferedWriter(input)) {
            for (int i = 0; i < 50_000; i++) {
                w.write(line.replace("launch-group", "g" + i));
                w.write('\n');
            }
        }
        Path out = dir.resolve("out/advice.json");
        Files.createDirectories(out.getParent());
        Process p = new ProcessBuilder("./advisor", "advise", input.toString(), "--format", "json", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && tempSize(out.getParent()) < 20_000) {
            Thread.sleep(50);
        }
        p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (var files = Files.list(out.getParent())) {
            assertThat(files.toList()).as("no hidden temporary file, no half document").isEmpty();
        }
    }

    @Test
    void writeErrorsAreErrorsAndTargetsKeepTheirPermissions(@TempDir Path dir) throws Exception {
        String scenario = "scenarios/book-club-first-month.json";
        ProcessBuilder full = new ProcessBuilder("./advisor", "advise", scenario, "scenario" + "s/book-club-first-month.json")
                .redirectOutput(new java.io.File("/dev/full")).redirectError(dir.resolve("err.txt").toFile());
        Process p = full.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("a full disk is not success").isEqualTo(2);
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("cannot write standard output").doesNotContain("\tat ");

        Path kept = write(dir, "private.json", "old");
        Files.setPosixFilePermissions(kept, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Run run = advisor(null, "advise", scenario, "--format", "json", "--out", kept.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(kept)).contains("\"communityId\"");

        Path notAFolder = write(dir, "plain", "x");
        Run nowhere = advisor(null, "advise", scenario, "--out", notAFolder.resolve("x.json").toString());
        assertThat(nowhere.exit()).isEqualTo(2);
        assertThat(nowhere.err()).contains("--out " + notAFolder.resolve("x.json"), "cannot write there")
                .doesNotContain("internal error");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).allSatisfy(n -> assertThat(n).doesNotEndWith(".tmp"));
        }
    }

    @Test
    void serveRefusesTokenFilesOthersCanWriteAndShortTokens(@TempDir Path dir) throws Exception {
        Path token = write(dir, "token", "0123456789abcdef0123");
        for (String perms : List.of("rw-rw-r--", "rw----rw-")) {
            Files.setPosixFilePermissions(token, java.nio.file.attribute.PosixFilePermissions.fromString(perms));
            Run run = advisor(null, "serve", "--port", "0", "--rules", dir.resolve("no-rules").toString(),
                    "--admin-token-file", token.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains(token + " can be written by others (" + perms + ")", "chmod 600");
        }
        Path shortToken = write(dir, "short", "abc123");
        Run run = advisor(null, "serve", "--port", "0", "--rules", dir.resolve("no-rules").toString(),
                "--admin-token-file", shortToken.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("has 6 characters; at least 16");
    }

    @Test
    void processSubstitutionAndFifosAreRead() throws Exception {
        Run run = program(null, "bash", "-c", "./advisor advise --format jsonl <(cat scenarios/book-club-first-month.json)");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Json.MAPPER.readTree(run.out().lines().findFirst().orElseThrow()).path("communityId").asText())
                .isEqualTo("book-club");
        assertThat(run.err()).doesNotContain("no such file");
    }

    private static long tempSize(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    @Test
    void badCommandLinesExitTwo() throws Exception {
        Run run = advisor(null, "advise", "nowhere.json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nowhere.json: no such file or folder");
        Run option = advisor(null, "advise", "--format", "yaml", "x.json");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("--format");
    }
}
