package org.communityadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.communityadvisor.Advice;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.Fixtures;
import org.communityadvisor.Lang;
import org.communityadvisor.Profile;
import org.communityadvisor.Severity;
import org.communityadvisor.Snapshot;
import org.communityadvisor.Stage;
import org.communityadvisor.json.Json;
import org.junit.jupiter.api.Test;

/**
 * Which suppression wins when several hold one hit back, and what a suppressing hit that is itself held back
 * still does (catalog: Suppression; every matching rule is evaluated first, then suppression applies).
 * Specified precedence: another rule's suppression before the operator's acknowledgement, then by the
 * suppressing id; each held-back id is listed once; a hit held back still holds back what it supersedes.
 */
class SuppressionPrecedenceTest {
    private static final String FATE_FIRST = "Decide the group's fate first (relaunch or dissolve); this can wait until it has one.";
    private static final String ACKNOWLEDGED = "Acknowledged by the operator and put off until a later date.";
    private static final String SPAM = "Part of the spam clean-up, which already tightens entry.";

    /** The base made dormant (the rule case of activity.weekly-official held back by lifecycle.dormant). */
    private static final String DORMANT = """
            {"activity": {"messages7d": 5, "adMessages7d": 0, "officialPosts7d": 0},
             "commerce": {"promoMessages7d": 0}}""";
    /** The base's WeChat group of 200 with only an old QR code: qr-join-limit holds back qr-expired. */
    private static final String QR_PAST_LIMIT = """
            {"entry": {"channels": ["qr"], "qrCreatedOn": "2026-08-31"}}""";

    private static Advice advise(String patch, String... acknowledged) throws Exception {
        JsonNode p = Json.MAPPER.readTree(patch);
        if (acknowledged.length > 0) {
            var list = ((com.fasterxml.jackson.databind.node.ObjectNode) p).putArray("acknowledged");
            for (String id : acknowledged) {
                list.addObject().put("id", id).put("until", "2026-12-31");
            }
        }
        return Fixtures.ADVISOR.advise(Fixtures.patched(p), Lang.EN);
    }

    private static List<String> shown(Advice a) {
        return a.recommendations().stream().map(Advice.Recommendation::id).toList();
    }

    private static List<Advice.Suppression> heldBack(Advice a, String id) {
        return a.suppressed().stream().filter(s -> s.id().equals(id)).toList();
    }

    @Test
    void aRulesSuppressionWinsOverTheOperatorsAcknowledgement() throws Exception {
        Advice plain = advise(DORMANT);
        assertThat(plain.stage()).isEqualTo(Stage.DORMANT);
        assertThat(heldBack(plain, "activity.weekly-official"))
                .containsExactly(new Advice.Suppression("activity.weekly-official", "lifecycle.dormant", FATE_FIRST));

        Advice acked = advise(DORMANT, "activity.weekly-official");
        assertThat(shown(acked)).doesNotContain("activity.weekly-official");
        assertThat(heldBack(acked, "activity.weekly-official")).as("held back once, by the rule, with its reason")
                .containsExactly(new Advice.Suppression("activity.weekly-official", "lifecycle.dormant", FATE_FIRST));
    }

    @Test
    void anAcknowledgementAloneHoldsBackWithItsOwnReason() throws Exception {
        Advice plain = advise(DORMANT);
        assertThat(shown(plain)).contains("lifecycle.dormant");
        Advice acked = advise(DORMANT, "lifecycle.dormant");
        assertThat(shown(acked)).doesNotContain("lifecycle.dormant");
        assertThat(heldBack(acked, "lifecycle.dormant"))
                .containsExactly(new Advice.Suppression("lifecycle.dormant", Advice.Suppression.ACKNOWLEDGED, ACKNOWLEDGED));
    }

    @Test
    void aHeldBackHitStillHoldsBackWhatItSupersedes() throws Exception {
        // The operator put off the fate decision: the dormant group's activity advice still waits for it.
        Advice fate = advise(DORMANT, "lifecycle.dormant");
        assertThat(shown(fate)).doesNotContain("lifecycle.dormant", "activity.weekly-official");
        assertThat(heldBack(fate, "activity.weekly-official"))
                .containsExactly(new Advice.Suppression("activity.weekly-official", "lifecycle.dormant", FATE_FIRST));

        // The same for the QR pair: qr-join-limit put off, a fresh code still admits nobody.
        Advice plain = advise(QR_PAST_LIMIT);
        assertThat(shown(plain)).contains("growth.qr-join-limit").doesNotContain("growth.qr-expired");
        Advice qr = advise(QR_PAST_LIMIT, "growth.qr-join-limit");
        assertThat(shown(qr)).doesNotContain("growth.qr-join-limit", "growth.qr-expired");
        assertThat(qr.suppressed()).extracting(Advice.Suppression::id, Advice.Suppression::by)
                .contains(org.assertj.core.groups.Tuple.tuple("growth.qr-join-limit", "acknowledged"),
                        org.assertj.core.groups.Tuple.tuple("growth.qr-expired", "growth.qr-join-limit"));

        // Both acknowledged: qr-expired is still held back by the rule, not by the acknowledgement.
        Advice both = advise(QR_PAST_LIMIT, "growth.qr-expired", "growth.qr-join-limit");
        assertThat(heldBack(both, "growth.qr-expired")).extracting(Advice.Suppression::by)
                .containsExactly("growth.qr-join-limit");
        assertThat(heldBack(both, "growth.qr-join-limit")).extracting(Advice.Suppression::by)
                .containsExactly("acknowledged");
    }

    /**
     * The assembler on its own, fed suppressions in every order: two rules and an acknowledgement hold one hit
     * back; the first suppressing id wins, whatever order the rules fired in.
     */
    @Test
    void amongSeveralRulesTheFirstSuppressingIdWinsInAnyFiringOrder() {
        RuleBase rules = Fixtures.RULE_BASE;
        AdviceAssembler assembler = new AdviceAssembler(rules);
        Snapshot snapshot = AdviceJson.readSnapshot(Fixtures.patched(null));
        Profile profile = Profile.forPlatform(snapshot.platform());
        Community community = new Community(snapshot, profile.thresholds());
        List<Hit> hits = List.of(new Hit("entry.raise-barrier", Severity.MEDIUM),
                new Hit("governance.spam", Severity.HIGH), new Hit("lifecycle.dormant", Severity.CRITICAL));
        List<Suppressed> all = List.of(
                new Suppressed("entry.raise-barrier", Suppressed.ACKNOWLEDGED, "suppress.acknowledged"),
                new Suppressed("entry.raise-barrier", "lifecycle.dormant", "suppress.fate-first"),
                new Suppressed("entry.raise-barrier", "governance.spam", "suppress.spam-over-barrier"));
        for (List<Suppressed> order : permutations(all)) {
            Advice a = assembler.assemble(snapshot, Lang.EN, profile, community,
                    new Session.Fired(new StageFact(Stage.MATURE, "stage.mature"), hits, order));
            assertThat(a.suppressed()).as("fired in the order %s", order)
                    .containsExactly(new Advice.Suppression("entry.raise-barrier", "governance.spam", SPAM));
            assertThat(a.recommendations()).extracting(Advice.Recommendation::id)
                    .containsExactly("lifecycle.dormant", "governance.spam");
        }
        // Without the two rules, the acknowledgement holds it back.
        Advice acked = assembler.assemble(snapshot, Lang.EN, profile, community,
                new Session.Fired(new StageFact(Stage.MATURE, "stage.mature"), hits, List.of(all.get(0))));
        assertThat(acked.suppressed()).containsExactly(
                new Advice.Suppression("entry.raise-barrier", Advice.Suppression.ACKNOWLEDGED, ACKNOWLEDGED));
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> one = new ArrayList<>();
                one.add(first);
                one.addAll(tail);
                out.add(Collections.unmodifiableList(one));
            }
        }
        return out;
    }
}
