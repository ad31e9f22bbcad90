package org.communityadvisor;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One community at one date, exactly as the contract's snapshot (schema version 1).
 * Every field other than the required ones may be {@code null}, which means <em>unknown</em>.
 * Instances are immutable. Build one with named setters, {@code Snapshot.builder().id("g1")...build()} (and
 * {@link #toBuilder()} for what-ifs), or read JSON with {@link AdviceJson#readSnapshot(String)};
 * {@link Advisor#advise(Snapshot)} validates Java-built snapshots exactly as JSON input is validated.
 *
 * <pre>{@code
 * Snapshot s = Snapshot.builder().id("book-club").platform(Platform.WECHAT)
 *         .createdOn(LocalDate.parse("2026-10-01")).asOf(LocalDate.parse("2026-10-20"))
 *         .members(Snapshot.Members.builder().total(24).joined7d(3).build())
 *         .build();
 * Snapshot bigger = s.toBuilder().members(s.members().toBuilder().total(60).build()).build();
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RecordBuilder
@RecordBuilder.Options(addStaticBuilder = false, addClassRetainedGenerated = false)
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

    /** A builder with named setters; {@code schemaVersion} is preset to 1, everything else starts unknown. */
    public static SnapshotBuilder builder() {
        return SnapshotBuilder.builder().schemaVersion(1);
    }

    /** A builder holding this snapshot's values, to change some of them (a what-if). */
    public SnapshotBuilder toBuilder() {
        return SnapshotBuilder.builder(this);
    }

    /** Member counts 成员. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RecordBuilder
    @RecordBuilder.Options(addStaticBuilder = false, addClassRetainedGenerated = false)
    public record Members(Integer total, Integer joined7d, Integer left7d, Integer admins, Integer kols,
                          Integer silent30d) {
        /** A builder with named setters; every value starts unknown. */
        public static SnapshotMembersBuilder builder() {
            return SnapshotMembersBuilder.builder();
        }

        /** A builder holding these values, to change some of them. */
        public SnapshotMembersBuilder toBuilder() {
            return SnapshotMembersBuilder.builder(this);
        }
    }

    /** Entry barrier and channels 准入门槛. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RecordBuilder
    @RecordBuilder.Options(addStaticBuilder = false, addClassRetainedGenerated = false)
    public record Entry(Barrier barrier, Double fee, List<Channel> channels, LocalDate qrCreatedOn) {
        /** A builder with named setters; every value starts unknown. */
        public static SnapshotEntryBuilder builder() {
            return SnapshotEntryBuilder.builder();
        }

        /** A builder holding these values, to change some of them. */
        public SnapshotEntryBuilder toBuilder() {
            return SnapshotEntryBuilder.builder(this);
        }
        public Entry {
            channels = frozen(channels);
        }
    }

    /** What happened in the group recently. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RecordBuilder
    @RecordBuilder.Options(addStaticBuilder = false, addClassRetainedGenerated = false)
    public record Activity(Integer messages7d, Integer activeMembers7d, Integer adMessages7d,
                           Integer officialPosts7d, Integer topics30d, Integer guestShares30d,
                           Integer liveSessions30d, Integer offlineEvents90d, Integer checkIns7d,
                           Integer reviews30d, Boolean dailyRitual, Integer unansweredQuestions7d,
                           Integer disputes30d) {
        /** A builder with named setters; every value starts unknown. */
        public static SnapshotActivityBuilder builder() {
            return SnapshotActivityBuilder.builder();
        }

        /** A builder holding these values, to change some of them. */
        public SnapshotActivityBuilder toBuilder() {
            return SnapshotActivityBuilder.builder(this);
        }
    }

    /** What the operator has in place. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RecordBuilder
    @RecordBuilder.Options(addStaticBuilder = false, addClassRetainedGenerated = false)
    public record Operations(Boolean announcement, Boolean rules, Boolean monthlyPlan, Boolean contentCalendar,
                             Boolean ownerQualified, Boolean sopTemplate, Boolean onboarding,
                             Boolean incentives, Boolean contentArchive, Boolean warmUpCrew,
                             Boolean coreGroupExists, Integer groupsOperated, Boolean penaltyLadder,
                             Boolean feedbackChannel) {
        /** A builder with named setters; every value starts unknown. */
        public static SnapshotOperationsBuilder builder() {
            return SnapshotOperationsBuilder.builder();
        }

        /** A builder holding these values, to change some of them. */
        public SnapshotOperationsBuilder toBuilder() {
            return SnapshotOperationsBuilder.builder(this);
        }
    }

    /** Selling in the group. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RecordBuilder
    @RecordBuilder.Options(addStaticBuilder = false, addClassRetainedGenerated = false)
    public record Commerce(Integer promoMessages7d, Integer promotions30d, Integer orders30d, Integer buyers30d,
                           Integer repeatBuyers90d, Integer testimonials30d, Integer groupBuys30d,
                           Integer referrals30d, Level ticket, Level purchaseFrequency, Integer buyers90d,
                           Integer refunds30d) {
        /** A builder with named setters; every value starts unknown. */
        public static SnapshotCommerceBuilder builder() {
            return SnapshotCommerceBuilder.builder();
        }

        /** A builder holding these values, to change some of them. */
        public SnapshotCommerceBuilder toBuilder() {
            return SnapshotCommerceBuilder.builder(this);
        }
    }

    /** One weekly point of history, oldest first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RecordBuilder
    @RecordBuilder.Options(addStaticBuilder = false, addClassRetainedGenerated = false)
    public record HistoryPoint(LocalDate weekEnding, Integer members, Integer messages, Integer activeMembers) {
        /** A builder with named setters; every value starts unknown. */
        public static SnapshotHistoryPointBuilder builder() {
            return SnapshotHistoryPointBuilder.builder();
        }

        /** A builder holding these values, to change some of them. */
        public SnapshotHistoryPointBuilder toBuilder() {
            return SnapshotHistoryPointBuilder.builder(this);
        }
    }

    /** Advice the operator has seen and put off until a date. */
    @RecordBuilder
    @RecordBuilder.Options(addStaticBuilder = false, addClassRetainedGenerated = false)
    public record Acknowledgement(String id, LocalDate until) {
        /** A builder with named setters; every value starts unknown. */
        public static SnapshotAcknowledgementBuilder builder() {
            return SnapshotAcknowledgementBuilder.builder();
        }

        /** A builder holding these values, to change some of them. */
        public SnapshotAcknowledgementBuilder toBuilder() {
            return SnapshotAcknowledgementBuilder.builder(this);
        }
    }

    private static <T> List<T> frozen(List<T> list) {
        // Nulls inside are kept so the validator can name them; the list itself cannot change.
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
