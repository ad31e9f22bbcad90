package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One community at one date, exactly as the contract's snapshot (schema version 1).
 * Every field other than the required ones may be {@code null}, which means <em>unknown</em>.
 * Instances are immutable; use {@link org.communityadvisor.json.SnapshotReader} to read and validate JSON,
 * or {@link Advisor#advise(Snapshot)} which validates Java-built snapshots the same way.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Snapshot(
        Integer schemaVersion,
        String id,
        String name,
        Platform platform,
        Purpose purpose,
        Origin origin,
        Boolean coreGroup,
        Boolean goalDefined,
        String goal,
        LocalDate createdOn,
        LocalDate asOf,
        LocalDate eventEndsOn,
        Members members,
        Entry entry,
        Activity activity,
        Operations operations,
        Commerce commerce,
        List<HistoryPoint> history,
        List<Acknowledgement> acknowledged) {

    public Snapshot {
        history = frozen(history);
        acknowledged = frozen(acknowledged);
    }

    /** Member counts 成员. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Members(Integer total, Integer joined7d, Integer left7d, Integer admins, Integer kols,
                          Integer silent30d) {
    }

    /** Entry barrier and channels 准入门槛. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Barrier barrier, Double fee, List<Channel> channels, LocalDate qrCreatedOn) {
        public Entry {
            channels = frozen(channels);
        }
    }

    /** What happened in the group recently. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Activity(Integer messages7d, Integer activeMembers7d, Integer adMessages7d,
                           Integer officialPosts7d, Integer topics30d, Integer guestShares30d,
                           Integer liveSessions30d, Integer offlineEvents90d, Integer checkIns7d,
                           Integer reviews30d, Boolean dailyRitual, Integer unansweredQuestions7d,
                           Integer disputes30d) {
    }

    /** What the operator has in place. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Operations(Boolean announcement, Boolean rules, Boolean monthlyPlan, Boolean contentCalendar,
                             Boolean ownerQualified, Boolean sopTemplate, Boolean onboarding,
                             Boolean incentives, Boolean contentArchive, Boolean warmUpCrew,
                             Boolean coreGroupExists, Integer groupsOperated, Boolean penaltyLadder,
                             Boolean feedbackChannel) {
    }

    /** Selling in the group. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Commerce(Integer promoMessages7d, Integer promotions30d, Integer orders30d, Integer buyers30d,
                           Integer repeatBuyers90d, Integer testimonials30d, Integer groupBuys30d,
                           Integer referrals30d, Level ticket, Level purchaseFrequency, Integer buyers90d,
                           Integer refunds30d) {
    }

    /** One weekly point of history, oldest first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryPoint(LocalDate weekEnding, Integer members, Integer messages, Integer activeMembers) {
    }

    /** Advice the operator has seen and put off until a date. */
    public record Acknowledgement(String id, LocalDate until) {
    }

    private static <T> List<T> frozen(List<T> list) {
        // Nulls inside are kept so the validator can name them; the list itself cannot change.
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
