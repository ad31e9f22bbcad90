package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.communityadvisor.CliIT.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edges a newcomer meets first (issue 14), through ./advisor. */
class EdgesIT {
    @Test
    void outFilesGetTheUsualPermissionsNotOwnerOnly(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.html");
        Run run = CliIT.advisor(null, "advise", "scenarios/big-500-group.json", "--format", "html", "--out",
                report.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        Path usual = Files.createFile(dir.resolve("made-by-hand.txt"));
        // the JVM runs under the same umask as the advisor it started
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(usual)));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html",
                    "made-by-hand.txt");
        }
    }

    @Test
    void outNamingAFolderIsAUsageErrorNamingIt(@TempDir Path dir) throws Exception {
        Run run = CliIT.advisor(null, "advise", "scenarios/big-500-group.json", "--out", dir.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--out " + dir).contains("is a folder").doesNotContain("internal error");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void filesFromWindowsEditorsWithAByteOrderMarkAndCrlfAreRead(@TempDir Path dir) throws Exception {
        String scenario = Files.readString(Path.of("scenarios/big-500-group.json")).replace("\n", "\r\n");
        Path json = dir.resolve("from-wps.json");
        Files.write(json, ("\uFEFF" + scenario).getBytes(StandardCharsets.UTF_8));
        Run one = CliIT.advisor(null, "advise", json.toString());
        assertThat(one.exit()).as(one.err()).isEqualTo(0);
        assertThat(one.out()).contains("city-parents-500");
        Run check = CliIT.advisor(null, "check", json.toString());
        assertThat(check.exit()).as(check.err() + check.out()).isEqualTo(0);
        String line = Files.readString(Path.of("src/test/resources/snapshots/valid/minimal.json")).replaceAll("\\s*\\n\\s*", " ");
        Path jsonl = dir.resolve("batch.jsonl");
        Files.write(jsonl, ("\uFEFF" + line + "\r\n" + line + "\r\n").getBytes(StandardCharsets.UTF_8));
        Run batch = CliIT.advisor(null, "advise", jsonl.toString(), "--format", "jsonl");
        assertThat(batch.exit()).as(batch.err()).isEqualTo(0);
        assertThat(batch.out().lines()).hasSize(2);
        Path notJson = dir.resolve("not.json");
        Files.write(notJson, "\uFEFFid: g1\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(CliIT.advisor(null, "advise", notJson.toString()).exit()).isEqualTo(2);
    }

    @Test
    void lintRefusesALiteralThresholdAsTheReadmeSays(@TempDir Path dir) throws Exception {
        Path rules = Fixtures.copyOfTheRules(dir);
        Path size = rules.resolve("size.below-viable/rule.drl");
        Files.writeString(size, Files.readString(size).replace("members.total < thresholds.minViableMembers",
                "members.total < 30"));
        Run run = CliIT.advisor(null, "lint", "--rules", rules.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("size.below-viable/rule.drl:").contains("the number 30 is a literal threshold");
        assertThat(CliIT.advisor(null, "lint").exit()).isEqualTo(0);
    }

    @Test
    void messagesNameWhatToFixOnceAndInTheWordsUsersType(@TempDir Path dir) throws Exception {
        Run lint = CliIT.advisor(null, "lint", "--rules", "nosuch");
        assertThat(lint.exit()).isEqualTo(2);
        assertThat(lint.err()).contains("--rules nosuch: no such folder").doesNotContain("nosuch/nosuch");
        Run format = CliIT.advisor(null, "advise", "x.json", "--format", "TEXTX");
        assertThat(format.err()).contains("expected one of text, json, jsonl, md, html").doesNotContain("TEXT,");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"snapshot\": {\"schemaVersion\": 1}}");
        Run check = CliIT.advisor(null, "check", bad.toString());
        assertThat(check.exit()).isEqualTo(2);
        String all = check.out() + check.err();
        assertThat(all.split("snapshot.id: required field is missing", -1)).hasSize(2);
        Run missing = CliIT.advisor(null, "check", dir.resolve("nowhere").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere: no such file or folder");
    }
}
