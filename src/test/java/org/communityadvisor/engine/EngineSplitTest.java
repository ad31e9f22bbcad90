package org.communityadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.communityadvisor.Advice;
import org.communityadvisor.Category;
import org.communityadvisor.Severity;
import org.junit.jupiter.api.Test;

/** The parts of the engine, each on its own: the DRL source view, the linter's entry points, the focus. */
class EngineSplitTest {
    private static final RuleBase.Source A = new RuleBase.Source("a.drl", """
            package x;

            rule "size.one"
                @severity("low")
            when
                Community( )   // a comment
                Hit( )
            then
            end
            """);
    private static final RuleBase.Source B = new RuleBase.Source("b.drl", """
            package x;
            rule "size.one"
            when
            then
            end
            """);

    @Test
    void theSourceViewKnowsWhereEachRuleIsDeclaredAndItsText() {
        RuleSources drl = RuleSources.parse(List.of(A, B)).sources();
        assertThat(drl.files()).containsExactly(A, B);
        assertThat(drl.declaration("size.one")).isEqualTo(new RuleSources.Declaration("size.one", 1, 2));
        assertThat(drl.duplicates()).containsExactly(new RuleSources.Duplicate(
                new RuleSources.Declaration("size.one", 1, 2), new RuleSources.Declaration("size.one", 0, 3)));
        RuleInfo one = new RuleInfo("size.one", RuleInfo.Kind.RECOMMENDATION, "a.drl", 3, Map.of());
        assertThat(drl.ruleText(one)).startsWith("rule \"size.one\"\n").endsWith("then\nend\n");
        assertThat(drl.conditions(one)).isEqualTo("Community( )   // a comment\nHit( )");
        assertThat(drl.ruleText(null)).isEmpty();
        assertThat(RuleSources.lineOf(List.of(A), "a.drl", "Unable to Analyse Expression Hit( ): oops")).isEqualTo(7);
        assertThat(RuleSources.lineOf(List.of(A), "a.drl", "no expression quoted")).isEqualTo(-1);
    }

    private static final RuleBase.Source C = new RuleBase.Source("c.drl", """
            package x;

            rule "size.two"
                @severity("low")
                // members.total < 30, str[startsWith]
                @weight(5)
            when
                $c : Community( members.kols != null, id == "below 30" )
                not Community( activeRatio < thresholds.lowActiveRatio ) // after the last condition
            then
                insert(Hit.of(kcontext, Severity.LOW)); // Severity.HIGH
            end

            query "hits"
                $hit : Hit( )
            end
            """);

    private static List<String> texts(List<RuleSources.Token> tokens) {
        return tokens.stream().map(RuleSources.Token::text).toList();
    }

    @Test
    void drlIsReadAsDroolsParsesIt() {
        RuleSources.Parsed parsed = RuleSources.parse(List.of(C));
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rules()).extracting(RuleSources.RuleText::name).containsExactly("size.two", "hits");
        RuleSources.RuleText two = parsed.at("c.drl", 3);
        assertThat(two.annotations()).isEqualTo(Map.of("severity", 4, "weight", 6));
        assertThat(two.patterns()).extracting(RuleSources.PatternText::type).containsExactly("Community", "Community");
        // Comments are no tokens; a string is one token.
        assertThat(texts(two.conditions())).contains("\"below 30\"").doesNotContain("30", "str", "after");
        assertThat(two.conditions()).filteredOn(t -> t.text().equals("not")).singleElement()
                .extracting(RuleSources.Token::line).isEqualTo(9);
        assertThat(texts(two.consequence())).containsExactly("insert", "(", "Hit", ".", "of", "(", "kcontext", ",",
                "Severity", ".", "LOW", ")", ")", ";");
        RuleSources.RuleText hits = parsed.rules().get(1);
        assertThat(hits.query()).isTrue();
        assertThat(hits.consequence()).isEmpty();
        assertThat(texts(hits.conditions())).containsExactly("$hit", ":", "Hit", "(", ")");
        // A query is no rule: the source view declares the rule only, and shows its conditions as written.
        RuleSources drl = parsed.sources();
        assertThat(drl.spans()).extracting(s -> s.at().rule()).containsExactly("size.two");
        RuleInfo info = new RuleInfo("size.two", RuleInfo.Kind.RECOMMENDATION, "c.drl", 3, Map.of());
        assertThat(drl.conditions(info)).isEqualTo("$c : Community( members.kols != null, id == \"below 30\" )\n"
                + "not Community( activeRatio < thresholds.lowActiveRatio ) // after the last condition");
        assertThat(drl.ruleText(info)).startsWith("rule \"size.two\"\n").endsWith("// Severity.HIGH\nend\n")
                .doesNotContain("query");
    }

    /**
     * The checks read the parser's descriptors and tokens: a number or {@code str[} in a comment or a string is
     * none, a literal where a consequence chooses its severity is one, and a pattern inside {@code not} is checked
     * for guards like any other.
     */
    @Test
    void theChecksReadTokensNotText() {
        List<RuleBase.Source> sources = new ArrayList<>();
        for (RuleBase.Source s : RuleBase.bundledSources()) {
            String text = switch (s.path()) {
                case "size.below-viable/rule.drl" -> s.text()
                        .replace("Community( members.total < thresholds.minViableMembers, coreGroup == false )",
                                "// fewer than 30; never str[startsWith] here\n    Community( members.total"
                                        + " < thresholds.minViableMembers, coreGroup == false, id != \"x < 30\" )");
                case "size.over-manageable/rule.drl" -> s.text()
                        .replace("    Community( thresholds.maxManageableMembers != null, members.total >= thresholds.maxManageableMembers )\n",
                                "    Community( thresholds.maxManageableMembers != null, members.total >= thresholds.maxManageableMembers )\n"
                                        + "    not Community( members.kols > thresholds.livelyMembers )\n");
                case "growth.net-loss/rule.drl" -> s.text()
                        .replace("-$net >= $total * $t.netLossRatio7d() ?", "-$net >= 12 ?");
                case "suppress.fate-first/rule.drl" -> s.text()
                        .replace("id.startsWith(\"activity.\")", "id str[startsWith] \"activity.\"");
                default -> s.text();
            };
            sources.add(new RuleBase.Source(s.path(), text));
        }
        assertThat(sources).isNotEqualTo(RuleBase.bundledSources());
        assertThatThrownBy(() -> RuleBase.compile(sources)).isInstanceOf(RuleBaseException.class)
                .satisfies(e -> assertThat(((RuleBaseException) e).problems()).containsExactlyInAnyOrder(
                        "suppress.fate-first/rule.drl:"
                                + line(sources, "suppress.fate-first/rule.drl", "str[startsWith] \"activity")
                                + ": the str[...] operator fails in Drools 10.2 once the constraint is compiled to"
                                + " bytecode (after 20 evaluations); write id.startsWith(\"...\") instead",
                        "growth.net-loss/rule.drl:" + line(sources, "growth.net-loss/rule.drl", "-$net >= 12")
                                + ": the number 12 is a literal threshold: put it in the profile and compare with"
                                + " thresholds.<name> (README: the knowledge base)",
                        "size.over-manageable/rule.drl:" + line(sources, "size.over-manageable/rule.drl",
                                "not Community( members.kols") + ": rule"
                                + " \"size.over-manageable\": members.kols may be unknown: write members.kols != null"
                                + " before comparing it, in the same pattern (or members.kols == null || ... where"
                                + " unknown must match)"));
    }

    /** The line (from 1) of the first line of a file that contains a text. */
    private static int line(List<RuleBase.Source> sources, String file, String what) {
        String[] lines = sources.stream().filter(s -> s.path().equals(file)).findFirst().orElseThrow().text()
                .split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(what)) {
                return i + 1;
            }
        }
        throw new AssertionError(what + " not in " + file);
    }

    @Test
    void theRuleBaseShowsItsSourcesThroughTheView() {
        RuleBase rules = org.communityadvisor.Fixtures.RULE_BASE;
        RuleInfo r = rules.rule("size.below-viable");
        assertThat(rules.sources()).isEqualTo(rules.drl().files());
        assertThat(rules.ruleText(r.name())).isEqualTo(rules.drl().ruleText(r)).startsWith("rule \"size.below-viable\"");
        assertThat(rules.conditions(r.name())).isEqualTo(rules.drl().conditions(r)).isNotEmpty();
        assertThat(rules.ruleText("no.such-rule")).isEmpty();
        assertThat(rules.conditions("no.such-rule")).isEmpty();
    }

    @Test
    void rulesOutsideTheCatalogCompileOnlyThroughTheirOwnEntryPoint() {
        List<RuleBase.Source> sources = new ArrayList<>();
        for (RuleBase.Source s : RuleBase.bundledSources()) {
            sources.add(s.path().equals("size.below-viable/rule.drl") ? new RuleBase.Source(s.path(),
                    s.text().replace("rule \"size.below-viable\"", "rule \"size.below-viable~2\"")) : s);
        }
        assertThatThrownBy(() -> RuleBase.compile(sources)).isInstanceOf(RuleBaseException.class)
                .satisfies(e -> assertThat(((RuleBaseException) e).problems())
                        .contains("size.below-viable/rule.drl:8: rule \"size.below-viable~2\": a rule lives in the folder"
                                + " named by its id: move it to size.below-viable~2/rule.drl, with its texts (en.properties,"
                                + " zh.properties) and cases (cases.json) beside it"));
        assertThat(RuleBase.compileOutsideCatalog(sources).rules()).containsKey("size.below-viable~2");
    }

    @Test
    void everyRecommendationOfARuleBaseHasACategory() {
        assertThat(Linter.categories(org.communityadvisor.Fixtures.RULE_BASE.rules().values())).isEmpty();
        RuleInfo odd = new RuleInfo("odd.one", RuleInfo.Kind.RECOMMENDATION, "a.drl", 3, Map.of());
        assertThat(Linter.categories(List.of(odd))).singleElement().asString()
                .startsWith("rules/a.drl:3: odd.one: the id's prefix is not a category (");
    }

    @Test
    void theFocusTakesSeverityBeforeVarietyAndSkipsMeasurementAndWaitingSymptoms() {
        // variety within one severity
        List<Advice.Recommendation> ranked = List.of(rec(1, "size.a", Category.SIZE, Severity.LOW),
                rec(2, "size.b", Category.SIZE, Severity.LOW), rec(3, "entry.a", Category.ENTRY, Severity.LOW),
                rec(4, "growth.a", Category.GROWTH, Severity.LOW), rec(5, "activity.a", Category.ACTIVITY, Severity.LOW));
        assertThat(AdviceAssembler.focus(ranked)).containsExactly("size.a", "entry.a", "growth.a");
        assertThat(AdviceAssembler.focus(List.of())).isEmpty();
        // a second HIGH of one category beats a MEDIUM of another; measurement never enters; LOW waits for MEDIUM
        assertThat(AdviceAssembler.focus(List.of(rec(1, "governance.a", Category.GOVERNANCE, Severity.HIGH),
                rec(2, "governance.b", Category.GOVERNANCE, Severity.HIGH),
                rec(3, "measurement.history", Category.MEASUREMENT, Severity.MEDIUM),
                rec(4, "activity.a", Category.ACTIVITY, Severity.MEDIUM),
                rec(5, "entry.a", Category.ENTRY, Severity.LOW))))
                .containsExactly("governance.a", "governance.b", "activity.a");
        // a symptom waits for its cause, even one ranked after it
        assertThat(AdviceAssembler.focus(List.of(
                new Advice.Recommendation(1, "growth.net-loss", Category.GROWTH, Severity.HIGH, "t", "a", "w",
                        List.of("governance.spam"), Map.of(), null),
                rec(2, "activity.a", Category.ACTIVITY, Severity.HIGH),
                rec(3, "governance.spam", Category.GOVERNANCE, Severity.MEDIUM))))
                .containsExactly("activity.a", "governance.spam", "growth.net-loss");
        // only measurement: no focus
        assertThat(AdviceAssembler.focus(List.of(rec(1, "measurement.history", Category.MEASUREMENT, Severity.HIGH))))
                .isEmpty();
    }

    private static Advice.Recommendation rec(int rank, String id, Category category, Severity severity) {
        return new Advice.Recommendation(rank, id, category, severity, "t", "a", "w", Map.of(), null);
    }
}
