package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.communityadvisor.json.Json;
import org.communityadvisor.json.SnapshotSchema;

/**
 * Property-based fuzzing of JSON text -> advice (jqwik). Inputs are the healthy base and the bundled rule
 * cases, mutated: fields removed, replaced with values of every JSON type (huge, negative, fractional,
 * strings, nested), arrays shuffled, text truncated. Whatever comes in, only the documented validation error
 * may escape, and every advice satisfies the contract. Tries per property: 1000 in CI
 * (src/test/resources/junit-platform.properties); {@code mvn test -Dtest=FuzzTest -Djqwik.tries.default=N}
 * runs longer (see docs/RELIABILITY.md).
 */
public class FuzzTest {
    private static final List<String> SEEDS = Fixtures.caseInputs();

    @Property
    void mutatedSnapshotsGiveAdviceOrAValidationError(@ForAll("mutated") String json) {
        Advice advice;
        try {
            advice = Fixtures.ADVISOR.advise(json);
            net.jqwik.api.statistics.Statistics.collect("advised");
        } catch (InvalidSnapshotException e) {
            net.jqwik.api.statistics.Statistics.collect("refused");
            assertThat(e.errors()).isNotEmpty().allSatisfy(v -> {
                assertThat(v.path()).isNotBlank();
                assertThat(v.reason()).isNotBlank();
            });
            return;
        }
        satisfiesTheContract(advice);
    }

    @Property
    void arbitraryTextNeverEscapesAsAnythingButAValidationError(@ForAll("garbage") String text) {
        try {
            satisfiesTheContract(Fixtures.ADVISOR.advise(text));
        } catch (InvalidSnapshotException e) {
            assertThat(e.errors()).isNotEmpty();
        }
    }

    public static void satisfiesTheContract(Advice advice) {
        List<Advice.Recommendation> recs = advice.recommendations();
        for (int i = 0; i < recs.size(); i++) {
            Advice.Recommendation r = recs.get(i);
            assertThat(r.rank()).isEqualTo(i + 1);
            assertThat(SnapshotSchema.catalogIds()).contains(r.id());
            assertThat(r.title()).isNotBlank();
            assertThat(r.source().quote()).isNotBlank();
            if (i > 0) {
                assertThat(recs.get(i - 1).severity().compareTo(r.severity())).isLessThanOrEqualTo(0);
            }
        }
        advice.suppressed().forEach(s -> assertThat(SnapshotSchema.catalogIds()).contains(s.id()));
        assertThat(advice.stage()).isNotNull();
        assertThat(advice.stageReasons()).isNotEmpty();
        for (Integer score : new Integer[] {advice.scores().overall(), advice.scores().activity(),
                advice.scores().participation(), advice.scores().growth(), advice.scores().conversion(),
                advice.scores().loyalty()}) {
            if (score != null) {
                assertThat(score).isBetween(0, 100);
            }
        }
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> seed = Arbitraries.of(SEEDS);
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, VALUES.length + 5);
        return Combinators.combine(seed, picks, kind.list().ofSize(4)).as((s, p, k) -> mutate(s, p, k));
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of(SEEDS).flatMap(s -> Arbitraries.integers().between(0, s.length()).map(n -> s.substring(0, n))),
                Arbitraries.strings().withChars("{}[]\":,0123456789-.eEtruefalsn ").ofMaxLength(300));
    }

    private static final JsonNode[] VALUES = {
        JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.numberNode(-1),
        JsonNodeFactory.instance.numberNode(0), JsonNodeFactory.instance.numberNode(2_147_483_647),
        JsonNodeFactory.instance.numberNode(9_999_999_999L), JsonNodeFactory.instance.numberNode(0.5),
        JsonNodeFactory.instance.textNode("x"), JsonNodeFactory.instance.textNode("2026-02-30"),
        JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.objectNode(),
        JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.textNode("<script>alert(1)</script>"),
        JsonNodeFactory.instance.numberNode(1), JsonNodeFactory.instance.numberNode(29),
        JsonNodeFactory.instance.numberNode(80), JsonNodeFactory.instance.numberNode(500)};

    private static String mutate(String json, List<Integer> picks, List<Integer> kinds) {
        try {
            JsonNode root = Json.MAPPER.readTree(json);
            for (int i = 0; i < picks.size(); i++) {
                List<Map.Entry<ObjectNode, String>> fields = new ArrayList<>();
                collect(root, fields);
                Map.Entry<ObjectNode, String> target = fields.get(picks.get(i) % fields.size());
                int k = kinds.get(i % kinds.size());
                if (k >= VALUES.length) {
                    target.getKey().remove(target.getValue());
                } else {
                    target.getKey().set(target.getValue(), VALUES[k % VALUES.length]);
                }
            }
            return Json.MAPPER.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(JsonNode node, List<Map.Entry<ObjectNode, String>> out) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                out.add(Map.entry(o, name));
                collect(o.get(name), out);
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(n -> collect(n, out));
        }
    }
}
