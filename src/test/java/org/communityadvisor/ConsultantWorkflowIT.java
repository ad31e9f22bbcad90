package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A consultant's day through ./advisor: check, compare, portfolio, reports, lint. */
class ConsultantWorkflowIT {
    static final String SCENARIO = """
            {
              "description": "A client's group of 120 with no rules yet. 一个还没有群规的客户群。",
              "snapshot": {"schemaVersion": 1, "id": "client", "platform": "wechat", "createdOn": "2026-09-01",
                "asOf": "2026-10-20", "members": {"total": 120, "admins": 0},
                "activity": {"messages7d": 240, "activeMembers7d": 30},
                "operations": {"rules": false, "announcement": true}},
              "expect": {"stage": "mature", "include": ["governance.rules", "structure.admins"],
                         "order": [["structure.admins", "governance.rules"]]},
              "variants": {
                "with-rules": {"description": "What if rules were published?", "patch": {"operations": {"rules": true}},
                               "expect": {"exclude": ["governance.rules"]}},
                "two-admins": {"patch": {"members": {"admins": 2}}, "expect": {"exclude": ["structure.admins"]}}
              }
            }
            """;

    @Test
    void checkPassesAndFailsWithTheDifference(@TempDir Path dir) throws Exception {
        Path file = CliIT.write(dir, "client.json", SCENARIO);
        CliIT.Run pass = CliIT.advisor(null, "check", file.toString());
        assertThat(pass.exit()).as(pass.out() + pass.err()).isZero();
        assertThat(pass.out()).contains("with-rules").contains("PASS").contains("3 passed, 0 failed");

        Path wrong = CliIT.write(dir, "wrong.json", SCENARIO.replace("\"expect\": {\"exclude\": [\"structure.admins\"]}",
                "\"expect\": {\"include\": [\"structure.admins\"]}"));
        CliIT.Run fail = CliIT.advisor(null, "check", wrong.toString(), "--format", "json");
        assertThat(fail.exit()).as("two admins for 120 members are enough, so the expectation fails").isEqualTo(1);
        JsonNode rows = Json.MAPPER.readTree(fail.out());
        assertThat(rows.toString()).contains("\"variant\":\"two-admins\"").contains("\"result\":\"FAIL\"")
                .contains("missing structure.admins");

        Path broken = CliIT.write(dir, "broken.json", SCENARIO.replace("\"governance.rules\", \"structure.admins\"]",
                "\"governance.rule\"]"));
        CliIT.Run invalid = CliIT.advisor(null, "check", broken.toString());
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.out()).contains("expect.include[0]: unknown catalog id 'governance.rule'; did you mean 'governance.rules'?");
    }

    @Test
    void compareShowsWhatEachVariantChanges(@TempDir Path dir) throws Exception {
        Path file = CliIT.write(dir, "client.json", SCENARIO);
        CliIT.Run text = CliIT.advisor(null, "compare", file.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("variant with-rules").contains("- governance.rules");
        CliIT.Run json = CliIT.advisor(null, "compare", file.toString(), "--format", "json");
        JsonNode diff = Json.MAPPER.readTree(json.out());
        assertThat(diff.get(0).path("variant").asText()).isEqualTo("with-rules");
        assertThat(diff.get(0).path("removed").get(0).path("id").asText()).isEqualTo("governance.rules");
        assertThat(diff.get(1).path("removed").toString()).contains("structure.admins");
    }

    @Test
    void theBundledScenariosFormAPortfolioAndReports(@TempDir Path dir) throws Exception {
        CliIT.Run portfolio = CliIT.advisor(null, "advise", "scenarios", "--portfolio");
        assertThat(portfolio.exit()).as(portfolio.err()).isZero();
        String table = portfolio.out().substring(0, portfolio.out().indexOf("\n\n"));
        assertThat(table).startsWith("Portfolio, most urgent first");
        assertThat(table.lines().skip(2).findFirst().orElse("")).as("a critical community first")
                .containsAnyOf("post-event", "dormant");
        long scenarios;
        try (var files = Files.list(Path.of("scenarios"))) {
            scenarios = files.filter(f -> f.toString().endsWith(".json")).count();
        }
        assertThat(table.lines().count()).as("a title, a header and a line a scenario").isEqualTo(scenarios + 2);
        assertThat(table.lines().skip(1).findFirst().orElse("")).contains("start with");

        Path md = dir.resolve("report.md");
        CliIT.Run markdown = CliIT.advisor(null, "advise", "scenarios", "--format", "md", "--lang", "zh", "--out", md.toString());
        assertThat(markdown.exit()).as(markdown.err()).isZero();
        assertThat(Files.readString(md)).startsWith("# 社群运营建议报告").contains("## 社群组合").contains("好书共读书友会");
    }

    @Test
    void lintNamesTheFileAndLineOfABrokenRule(@TempDir Path dir) throws Exception {
        CliIT.Run ok = CliIT.advisor(null, "lint", "--rules", "rules");
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("ok");

        Path rules = Fixtures.copyOfTheRules(dir);
        Path size = rules.resolve("size.over-manageable/rule.drl");
        String text = Files.readString(size);
        assertThat(text).contains("members.total >= thresholds.maxManageableMembers )");
        Files.writeString(size, text.replace("members.total >= thresholds.maxManageableMembers )", "total >= )"));
        CliIT.Run broken = CliIT.advisor(null, "lint", "--rules", rules.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).containsPattern("size\\.over-manageable/rule\\.drl:\\d+: ").doesNotContain("\tat ");
        Files.writeString(size, text);
        Path zh = rules.resolve("size.below-viable/zh.properties");
        String texts = Files.readString(zh);
        assertThat(texts).contains("title = 人数太少,还不成群\n");
        Files.writeString(zh, texts.replace("title = 人数太少,还不成群\n", ""));
        CliIT.Run noTitle = CliIT.advisor(null, "lint", "--rules", rules.toString());
        assertThat(noTitle.exit()).isEqualTo(1);
        assertThat(noTitle.out()).contains("size.below-viable/zh.properties: 'title' is missing: rule \"size.below-viable\""
                + " needs its title in Chinese");
        Files.writeString(zh, texts);
        Path cases = rules.resolve("size.below-viable/cases.json");
        String caseText = Files.readString(cases);
        Files.delete(cases);
        CliIT.Run noCases = CliIT.advisor(null, "lint", "--rules", rules.toString());
        assertThat(noCases.exit()).isEqualTo(1);
        assertThat(noCases.out()).contains("size.below-viable/cases.json: missing: rule \"size.below-viable\" needs a case");
        Files.writeString(cases, caseText);
        Files.delete(rules.resolve("results.drl"));
        CliIT.Run noQueries = CliIT.advisor(null, "lint", "--rules", rules.toString());
        assertThat(noQueries.exit()).isEqualTo(1);
        assertThat(noQueries.out()).contains(rules + ": no query \"hits\": keep results.drl in the rules folder");
    }
}
