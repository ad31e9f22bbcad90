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
                        .contains("size.below-viable/rule.drl:6: rule \"size.below-viable~2\": a rule lives in the folder"
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
    void theFocusIsTheFirstOfEachCategoryAtMostThree() {
        List<Advice.Recommendation> ranked = List.of(rec(1, "size.a", Category.SIZE), rec(2, "size.b", Category.SIZE),
                rec(3, "entry.a", Category.ENTRY), rec(4, "growth.a", Category.GROWTH),
                rec(5, "activity.a", Category.ACTIVITY));
        assertThat(AdviceAssembler.focus(ranked)).containsExactly("size.a", "entry.a", "growth.a");
        assertThat(AdviceAssembler.focus(List.of())).isEmpty();
    }

    private static Advice.Recommendation rec(int rank, String id, Category category) {
        return new Advice.Recommendation(rank, id, category, Severity.LOW, "t", "a", "w", Map.of(), null);
    }
}
