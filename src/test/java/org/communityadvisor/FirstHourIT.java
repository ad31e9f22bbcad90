package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityadvisor.CliIT.advisor;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.communityadvisor.CliIT.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newcomer's mistakes: each answered with exit 2 and how to fix it, never a stack trace or a bare exit. */
class FirstHourIT {
    private static final String IMPORT = "src/test/resources/import/";

    @Test
    void checkOnAFolderWithoutScenariosIsAMistake(@TempDir Path dir) throws Exception {
        Run run = advisor(null, "check", dir.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no scenario files (*.json) in " + dir);
    }

    @Test
    void aFileNotInUtf8NamesTheByteAndTheConversion(@TempDir Path dir) throws Exception {
        Path gbk = dir.resolve("group.json");
        Files.write(gbk, "{\"name\": \"好书共读\"}".getBytes(Charset.forName("GBK")));
        Run run = advisor(null, "advise", gbk.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(gbk + ": not UTF-8 at byte 10;")
                .contains("iconv -f GBK -t UTF-8 " + gbk + " > " + dir.resolve("group.utf8.json"));
        assertThat(advisor(null, "advise", gbk.toString(), "--lang", "zh").err()).contains("第 10 字节起不是 UTF-8");
    }

    @Test
    void aRawExportGivenToAdviseNamesItsImport() throws Exception {
        Map<String, String> exports = Map.of(
                IMPORT + "telegram/result.json", "a Telegram export, not a snapshot: turn it into one with ./advisor import telegram " + IMPORT + "telegram/result.json --members N | ./advisor advise -",
                IMPORT + "discord/general.json", "a Discord (DiscordChatExporter) export",
                IMPORT + "slack/acme", "a Slack export, not a snapshot: turn it into one with ./advisor import slack " + IMPORT + "slack/acme |",
                IMPORT + "wechat/book-club-export.csv", "./advisor import wechat " + IMPORT + "wechat/book-club-export.csv --members N |",
                IMPORT + "qq/group.txt", "a QQ (message manager .txt) export, not a snapshot: turn it into one with ./advisor import qq " + IMPORT + "qq/group.txt --members N |",
                IMPORT + "wecom/group", "./advisor import wecom " + IMPORT + "wecom/group |",
                IMPORT + "events/group.jsonl", "./advisor import events " + IMPORT + "events/group.jsonl --groups GROUPS.jsonl |");
        for (Map.Entry<String, String> e : exports.entrySet()) {
            Run run = advisor(null, "advise", e.getKey());
            assertThat(run.exit()).as(e.getKey()).isEqualTo(2);
            assertThat(run.err()).as(e.getKey()).contains(e.getKey() + ": this looks like ").contains(e.getValue())
                    .doesNotContain("unknown field").contains("1 refused");
        }
    }

    @Test
    void typosGetTheNearestName() throws Exception {
        Run command = advisor(null, "advse", "scenarios/");
        assertThat(command.exit()).isEqualTo(2);
        assertThat(command.err()).startsWith("advisor: 'advse' is not a command of the advisor")
                .doesNotContain("Unmatched arguments").contains("Did you mean: advisor advise");
        Run option = advisor(null, "advise", "scenarios/", "--formt", "json");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option: '--formt'").contains("--format");
        Run profile = advisor(null, "advise", "scenarios/big-500-group.json", "--profile", "wechatt");
        assertThat(profile.exit()).isEqualTo(2);
        assertThat(profile.err()).contains("did you mean 'wechat'?");
    }

    @Test
    void aMissingProfileFileIsNoSuchFile() throws Exception {
        Run run = advisor(null, "advise", "scenarios/big-500-group.json", "--profile", "profiles/my-client.json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("profiles/my-client.json: no such file").contains("default, discord");
    }

    @Test
    void compareOnAFolderSaysToNameAFile() throws Exception {
        Run run = advisor(null, "compare", "scenarios/");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is a folder; compare takes one scenario file (./advisor compare scenarios/")
                .contains("./advisor check scenarios").doesNotContain("internal error");
    }

    /** A copy of ./advisor in a tree with no jar yet (so it must build), on a PATH of the system's tools minus some. */
    private static Run script(Path dir, String pom, String... without) throws IOException, InterruptedException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createDirectories(tree.resolve("src/main"));
        Files.copy(Path.of("advisor"), tree.resolve("advisor"));
        if (pom != null) {
            Files.writeString(tree.resolve("pom.xml"), pom);
        }
        // the tools the script itself uses, linked into a PATH of their own, minus those left out
        Path bin = Files.createDirectories(dir.resolve("bin"));
        List<String> left = List.of(without);
        for (String tool : List.of("bash", "env", "dirname", "find", "mkdir", "flock", "uname", "sed", "head", "tail",
                "grep", "rm", "cat", "mktemp", "java", "javac", "mvn")) {
            String found = System.getenv("PATH") == null ? null : java.util.Arrays.stream(System.getenv("PATH")
                    .split(java.io.File.pathSeparator)).map(d -> Path.of(d, tool)).filter(Files::isExecutable)
                    .map(Path::toString).findFirst().orElse(null);
            if (found != null && !left.contains(tool)) {
                Files.createSymbolicLink(bin.resolve(tool), Path.of(found));
            }
        }
        ProcessBuilder pb = new ProcessBuilder(tree.resolve("advisor").toString(), "--version");
        if (without.length > 0) {
            pb.environment().put("PATH", bin.toString());
        }
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void withoutMavenTheScriptSaysWhatToInstall(@TempDir Path dir) throws Exception {
        Run run = script(dir, null, "mvn");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("building needs Maven (mvn), and there is no mvn on the PATH")
                .contains("sudo apt-get install -y maven").contains("brew install maven").contains("WSL");
    }

    @Test
    void withoutJavaTheScriptSaysWhatToInstall(@TempDir Path dir) throws Exception {
        Run run = script(dir, null, "java", "javac");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("needs Java 17 or newer").contains("sudo apt-get install -y openjdk-17-jdk")
                .contains("brew install openjdk@17");
    }

    @Test
    void aFailedBuildShowsWhy(@TempDir Path dir) throws Exception {
        Run run = script(dir, "<project>broken"); // on the whole PATH: Maven runs, and fails
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Non-readable POM").contains("advisor: build failed (full log: ");
    }
}
