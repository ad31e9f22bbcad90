package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;

/** The lean advice holds everything a machine needs to rebuild the full one's facts, with no text. */
class LeanAdviceTest {
    static final Advisor ADVISOR = Advisor.builder().build();

    static List<Advice> scenarioAdvices() throws Exception {
        List<Advice> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(ADVISOR.advise(org.communityadvisor.json.InputReader.read(Files.readString(f))));
            }
        }
        return out;
    }

    @Test
    void theLeanAdviceWritesTheLeanJsonOfTheFullAdviceWithoutTexts() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(f);
                Advice lean = ADVISOR.adviseLean(text);
                assertThat(AdviceJson.writeLean(lean)).as("%s", f).isEqualTo(AdviceJson.writeLean(ADVISOR.advise(text)))
                        .isEqualTo(AdviceJson.writeLean(ADVISOR.adviseLean(org.communityadvisor.json.InputReader.read(text))));
                assertThat(lean.stageReasons()).isEmpty();
                lean.recommendations().forEach(r -> assertThat(r.title()).isNull());
            }
        }
    }

    @Test
    void leanCarriesIdsRanksSeveritiesEvidenceFocusScoresGapsAndProfileButNoText() throws Exception {
        for (Advice full : scenarioAdvices()) {
            JsonNode lean = Json.MAPPER.readTree(AdviceJson.writeLean(full));
            assertThat(lean.path("communityId").asText()).isEqualTo(full.communityId());
            assertThat(lean.path("stage").asText()).isEqualTo(full.stage().json());
            assertThat(lean.path("profile").asText()).isEqualTo(full.profile().name());
            assertThat(lean.path("rulesVersion").asText()).isEqualTo(full.rulesVersion());
            assertThat(lean.path("focus").size()).isEqualTo(full.focus().size());
            assertThat(lean.path("dataGaps").size()).isEqualTo(full.dataGaps().size());
            for (int i = 0; i < full.suppressed().size(); i++) {
                assertThat(lean.path("suppressed").get(i).get(0).asText()).isEqualTo(full.suppressed().get(i).id());
                assertThat(lean.path("suppressed").get(i).get(1).asText()).isEqualTo(full.suppressed().get(i).by());
            }
            JsonNode fullScores = Json.MAPPER.valueToTree(full.scores());
            for (int k = 0; k < AdviceJson.LEAN_SCORES.size(); k++) {
                assertThat(lean.path("scores").get(k).toString()).isEqualTo(fullScores.path(AdviceJson.LEAN_SCORES.get(k))
                        .toString());
            }
            assertThat(lean.path("scoreChange").size()).isEqualTo(full.scores().change().size());
            assertThat(lean.path("suppressed").size()).isEqualTo(full.suppressed().size());
            JsonNode recs = lean.path("recommendations");
            assertThat(recs.size()).isEqualTo(full.recommendations().size());
            for (int i = 0; i < recs.size(); i++) {
                Advice.Recommendation r = full.recommendations().get(i);
                JsonNode l = recs.get(i);
                // [rank, id, severity, [evidence values]], and [cause ids] when it names likely causes
                assertThat(l.size()).isEqualTo(r.causes().isEmpty() ? 4 : 5);
                if (!r.causes().isEmpty()) {
                    List<String> causes = new ArrayList<>();
                    l.get(4).forEach(c -> causes.add(c.asText()));
                    assertThat(causes).isEqualTo(r.causes());
                }
                assertThat(l.get(0).asInt()).isEqualTo(r.rank());
                assertThat(l.get(1).asText()).isEqualTo(r.id());
                assertThat(l.get(2).asText()).isEqualTo(r.severity().json());
                // the evidence values line up with the rule's evidence names, as the rules catalog lists them
                List<String> names = ADVISOR.rules().find(r.id()).orElseThrow().evidence();
                assertThat(new ArrayList<>(r.evidence().keySet())).isEqualTo(names);
                JsonNode fullEvidence = Json.MAPPER.valueToTree(r.evidence());
                for (int k = 0; k < names.size(); k++) {
                    assertThat(l.get(3).get(k).toString()).as(r.id() + " " + names.get(k))
                            .isEqualTo(fullEvidence.get(names.get(k)).toString());
                }
                assertThat(l.get(3).size()).isEqualTo(names.size());
            }
            assertThat(lean.has("stageReasons")).isFalse();
            assertThat(lean.path("profile").isTextual()).as("the profile's name, not its thresholds").isTrue();
            assertThat(AdviceJson.writeLean(full)).doesNotContain(full.recommendations().isEmpty() ? "\u0000"
                    : full.recommendations().get(0).title());
            assertThat(AdviceJson.writeLean(full).length()).isLessThan(AdviceJson.write(full).length() / 2);
        }
    }
}
