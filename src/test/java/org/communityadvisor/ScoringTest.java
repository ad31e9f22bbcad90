package org.communityadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;

/** The composite scores at their bounds: targets reach 100, nothing exceeds it, unknown gives null. */
class ScoringTest {
    private static Scores scores(String patch) throws Exception {
        JsonNode p = patch == null ? null : Json.MAPPER.readTree(patch);
        return Fixtures.ADVISOR.advise(Fixtures.patched(p)).scores();
    }

    @Test
    void activityIsLinearUpToItsTarget() throws Exception {
        assertThat(scores("{\"activity\": {\"activeMembers7d\": 60}}").activity()).isEqualTo(100); // 0.30 = target
        assertThat(scores("{\"activity\": {\"activeMembers7d\": 30}}").activity()).isEqualTo(50);
        assertThat(scores("{\"activity\": {\"activeMembers7d\": 200}}").activity()).isEqualTo(100); // clamped
        assertThat(scores("{\"activity\": {\"activeMembers7d\": 0, \"messages7d\": 400}}").activity()).isZero();
        assertThat(scores("{\"activity\": {\"activeMembers7d\": null}}").activity()).isNull();
    }

    @Test
    void participationGrowthConversionLoyalty() throws Exception {
        assertThat(scores("{\"members\": {\"silent30d\": 100}}").participation()).isEqualTo(100); // 1 - 0.5 = target
        assertThat(scores("{\"members\": {\"silent30d\": 200}}").participation()).isZero();
        assertThat(scores("{\"members\": {\"silent30d\": null}}").participation()).isNull();
        // No history: growth from net joins alone. +4 of 200 = 2% = target; -4 = 0; none = 50.
        assertThat(scores("{\"history\": null, \"members\": {\"joined7d\": 4, \"left7d\": 0}}").growth()).isEqualTo(100);
        assertThat(scores("{\"history\": null, \"members\": {\"joined7d\": 0, \"left7d\": 4}}").growth()).isZero();
        assertThat(scores("{\"history\": null, \"members\": {\"joined7d\": 2, \"left7d\": 2}}").growth()).isEqualTo(50);
        assertThat(scores("{\"history\": null, \"members\": {\"joined7d\": null}}").growth()).isNull();
        assertThat(scores("{\"commerce\": {\"buyers30d\": 20}}").conversion()).isEqualTo(100);
        assertThat(scores("{\"commerce\": {\"buyers30d\": null}}").conversion()).isNull();
        // Loyalty compares like with like (edition 2): repeat buyers in 90 days over buyers in 90 days.
        assertThat(scores("{\"commerce\": {\"buyers90d\": 4, \"repeatBuyers90d\": 2}}").loyalty()).isEqualTo(100);
        assertThat(scores("{\"commerce\": {\"buyers90d\": 8, \"repeatBuyers90d\": 2}}").loyalty()).isEqualTo(50);
        assertThat(scores("{\"commerce\": {\"buyers30d\": 1, \"buyers90d\": 40, \"repeatBuyers90d\": 0}}").loyalty())
                .isZero();
        assertThat(scores("{\"commerce\": {\"buyers90d\": 0, \"repeatBuyers90d\": 0}}").loyalty()).isNull();
        assertThat(scores("{\"commerce\": {\"buyers90d\": null}}").loyalty()).isNull();
        // Influence (002: 用户推荐新用户): referrals in 30 days over members; 5% of members is 100.
        assertThat(scores("{\"commerce\": {\"referrals30d\": 10}}").influence()).isEqualTo(100);
        assertThat(scores("{\"commerce\": {\"referrals30d\": 5}}").influence()).isEqualTo(50);
        assertThat(scores("{\"commerce\": {\"referrals30d\": 0}}").influence()).isZero();
        assertThat(scores("{\"commerce\": {\"referrals30d\": null}}").influence()).isNull();
    }

    @Test
    void aSalesGroupWeighsConversionAndLoyaltyAtLeastAsMuchAsActivity() throws Exception {
        String only = "\"history\": null, \"goalDefined\": null, \"operations\": null, \"members\": {\"joined7d\": null, \"silent30d\": null},"
                + " \"activity\": {\"activeMembers7d\": 30}, \"commerce\": {\"buyers30d\": 20, \"buyers90d\": null,"
                + " \"referrals30d\": null}";
        // activity 50, conversion 100: weights 3 and 1.5 for sharing, 3 and 3 for sales.
        assertThat(scores("{" + only + "}").overall()).isEqualTo(Math.round((50 * 3 + 100 * 1.5f) / 4.5f));
        assertThat(scores("{\"purpose\": \"sales\", " + only + "}").overall()).isEqualTo(75);
    }

    @Test
    void overallIsTheWeightedMeanOfKnownSubScores() throws Exception {
        Scores s = scores("{\"commerce\": null, \"history\": null, \"goalDefined\": null, \"operations\": null, \"members\": {\"joined7d\": null,"
                + " \"silent30d\": 100}, \"activity\": {\"activeMembers7d\": 30}}");
        // activity 50 (weight 3), participation 100 (weight 2); the rest unknown.
        assertThat(s.conversion()).isNull();
        assertThat(s.growth()).isNull();
        assertThat(s.overall()).isEqualTo(Math.round((50 * 3 + 100 * 2) / 5f));
        Scores none = scores("{\"commerce\": null, \"history\": null, \"goalDefined\": null, \"operations\": null, \"members\": {\"joined7d\": null, "
                + "\"silent30d\": null}, \"activity\": {\"activeMembers7d\": null}}");
        assertThat(none.overall()).isNull();
    }

    @Test
    void operationsIsTheShareOfTheKnownBasicsInPlaceAndWeighsOnOverall() throws Exception {
        assertThat(scores(null).operations()).isEqualTo(100);
        // Three of the seven basics missing: 4 / 7 = 57, and the group cannot score 100 overall.
        Scores missing = scores("{\"operations\": {\"announcement\": false, \"rules\": false, \"monthlyPlan\": false},"
                + " \"activity\": {\"activeMembers7d\": 200}, \"members\": {\"silent30d\": 0}}");
        assertThat(missing.operations()).isEqualTo(57);
        assertThat(missing.activity()).isEqualTo(100);
        assertThat(missing.overall()).isLessThan(100);
        // Only the known basics count: two known, one in place.
        assertThat(scores("{\"goalDefined\": false, \"operations\": {\"announcement\": null, \"rules\": null,"
                + " \"monthlyPlan\": null, \"contentCalendar\": null, \"onboarding\": null}}").operations()).isEqualTo(50);
        // A core group needs only a goal and a qualified owner (000: few rules).
        assertThat(scores("{\"coreGroup\": true, \"members\": {\"total\": 15, \"silent30d\": 0, \"joined7d\": 0,"
                + " \"left7d\": 0, \"admins\": 1, \"kols\": 1}, \"activity\": {\"activeMembers7d\": 10},"
                + " \"operations\": {\"announcement\": false, \"rules\": false, \"monthlyPlan\": false}}").operations())
                .isEqualTo(100);
        assertThat(scores("{\"goalDefined\": null, \"operations\": null}").operations()).isNull();
    }

    @Test
    void changeAgainstFourWeeksEarlierNeedsHistory() throws Exception {
        // Base: last point 2026-09-27 (60/200 active), 4 weeks earlier 2026-08-30 (61/192 = 0.318 -> 100).
        assertThat(scores(null).change()).containsEntry("activity", 0);
        assertThat(scores("{\"activity\": {\"activeMembers7d\": 30}}").change()).containsEntry("activity", -50);
        assertThat(scores("{\"history\": null}").change()).isEmpty();
    }
}
