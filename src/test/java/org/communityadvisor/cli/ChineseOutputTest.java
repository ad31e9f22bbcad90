package org.communityadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.communityadvisor.Advice;
import org.communityadvisor.Fixtures;
import org.communityadvisor.Lang;
import org.communityadvisor.Platform;
import org.communityadvisor.Profile;
import org.communityadvisor.Scenario;
import org.communityadvisor.json.SnapshotSchema;
import org.communityadvisor.report.AdvisedCommunity;
import org.communityadvisor.report.HtmlReport;
import org.communityadvisor.report.MarkdownReport;
import org.communityadvisor.report.TextReport;
import org.junit.jupiter.api.Test;

/**
 * With {@code --lang zh} a client reads Chinese: no English word in the text, Markdown and rules documents
 * but ids, field names, threshold names, file names and platform brands (edition 2, issue 9).
 */
class ChineseOutputTest {
    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");

    /** Every name that may stay as it is: ids, categories, paths and their last parts, thresholds, profiles. */
    private static Set<String> allowed(List<AdvisedCommunity> entries) {
        Set<String> out = new TreeSet<>(Comparator.comparing(String::length).reversed().thenComparing(s -> s));
        Fixtures.ADVISOR.rules().all().forEach(r -> {
            out.add(r.id());
            if (r.category() != null) {
                out.add(r.category().toString());
            }
            if (r.document() != null) {
                out.add(r.document());
            }
            out.addAll(r.evidence());
        });
        out.addAll(SnapshotSchema.paths());
        out.addAll(Profile.thresholdNames());
        Profile.bundled().forEach(p -> out.add(p.name()));
        for (Platform p : Platform.values()) {
            out.add(p.zh()); // brands without a Chinese name: QQ, Discord, Slack
        }
        out.add("acknowledged");
        // the places other platforms' advice names, which have no Chinese name, and the trade's own acronym
        out.addAll(java.util.List.of("Reddit", "YouTube", "SOP"));
        for (AdvisedCommunity e : entries) {
            out.add(e.advice().communityId());
            out.add(e.advice().rulesVersion());
            if (e.snapshot().name() != null) {
                out.add(e.snapshot().name()); // the client's own words
            }
        }
        return out;
    }

    private static List<String> latinWords(String text, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        // The source passages are quoted as the source writes them (it says "app" and "sop" here and there);
        // Markdown's <sub> is markup.
        text = text.replaceAll("「[^」]*」", " ").replace("<sub>", " ").replace("</sub>", " ")
                .replaceAll("\\]\\(#[^)]*\\)", "] ").replaceAll("rules/[a-z.-]+/rule\\.drl:\\d+", " "); // links, file:line
        for (String name : allowed) { // longest first
            text = text.replace(name, " ");
        }
        Matcher m = LATIN.matcher(text);
        while (m.find()) {
            String word = m.group().replaceAll("[.\\-]+$", "");
            if (!allowed.contains(word) && !word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }

    private static List<AdvisedCommunity> scenarios() throws Exception {
        List<AdvisedCommunity> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Scenario s = Scenario.read(Files.readString(f));
                entries.add(new AdvisedCommunity(f.toString(), s.base(), Fixtures.ADVISOR.advise(s.base(), Lang.ZH)));
            }
        }
        return entries;
    }

    @Test
    void theTextOfEveryBundledScenarioIsChinese() throws Exception {
        List<AdvisedCommunity> entries = scenarios();
        Set<String> allowed = allowed(entries);
        TextReport renderer = TextReport.of(Lang.ZH);
        for (AdvisedCommunity e : entries) {
            String text = renderer.render(AdvisedCommunity.of(e.advice()));
            assertThat(text).contains("阶段:" + e.advice().stage().zh());
            assertThat(latinWords(text, allowed)).as(e.label() + " in Chinese:\n" + text).isEmpty();
        }
    }

    @Test
    void theMarkdownReportAndTheRulesDocumentAreChinese() throws Exception {
        List<AdvisedCommunity> entries = scenarios();
        Set<String> allowed = allowed(entries);
        String md = MarkdownReport.render(entries, Lang.ZH);
        assertThat(latinWords(md, allowed)).as("the Markdown report in Chinese").isEmpty();
        String rules = new RuleCatalog(Fixtures.ADVISOR.rules(), Fixtures.ADVISOR.profile(), Lang.ZH).markdown();
        List<String> words = latinWords(rules, allowed);
        // The document names the command that regenerates it.
        words.removeAll(List.of("advisor", "rules", "format", "md", "lang", "zh"));
        assertThat(words).as("docs/RULES.zh.md").isEmpty();
    }

    @Test
    void quotesAreShownWithoutTheOcrsPinyinGlossesWhileTheAdviceKeepsThemVerbatim() throws Exception {
        assertThat(org.communityadvisor.engine.Values.readableQuote("不出六個(gè)月,大家慢慢不再講話"))
                .isEqualTo("不出六個月,大家慢慢不再講話");
        assertThat(org.communityadvisor.engine.Values.readableQuote("流程(1)模板化")).isEqualTo("流程(1)模板化");
        Pattern gloss = Pattern.compile("\\p{IsHan}[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]");
        List<AdvisedCommunity> entries = scenarios();
        boolean verbatimGloss = entries.stream().flatMap(e -> e.advice().recommendations().stream())
                .anyMatch(r -> gloss.matcher(r.source().quote()).find());
        assertThat(verbatimGloss).as("some bundled scenario quotes a passage with a gloss, kept in source.quote").isTrue();
        for (Lang lang : Lang.values()) {
            TextReport renderer = TextReport.of(lang);
            for (AdvisedCommunity e : entries) {
                assertThat(gloss.matcher(renderer.render(AdvisedCommunity.of(e.advice()))).find()).as(e.label()).isFalse();
            }
            assertThat(gloss.matcher(MarkdownReport.render(entries, lang)).find()).isFalse();
            assertThat(gloss.matcher(HtmlReport.render(entries, lang)).find()).isFalse();
        }
    }

    @Test
    void severitiesStagesAndEnumValuesReadInChinese() throws Exception {
        Advice advice = Fixtures.ADVISOR.advise(Fixtures.patched(org.communityadvisor.json.Json.MAPPER.readTree(
                "{\"entry\": {\"barrier\": \"none\"}, \"coreGroup\": true}")), Lang.ZH);
        Advice.Recommendation admission = advice.recommendations().stream()
                .filter(r -> r.id().equals("entry.core-admission")).findFirst().orElseThrow();
        String text = TextReport.of(Lang.ZH).render(AdvisedCommunity.of(advice));
        assertThat(text).contains("[高]").doesNotContain("[HIGH]").doesNotContain("none");
        assertThat(admission.evidence()).containsEntry("entry.barrier", org.communityadvisor.Barrier.NONE);
        assertThat(text).contains("进群门槛:无门槛").doesNotContain("entry.barrier");
    }
}
