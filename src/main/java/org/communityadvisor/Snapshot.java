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
        @SnapshotField(value = "Version of this snapshot format; always 1.", required = true, constant = 1)
        Integer schemaVersion,
        @SnapshotField(value = "Stable id of the community, used in every output (communityId): 1-128 characters of A-Z a-z 0-9 . _ -.", required = true, pattern = "[A-Za-z0-9._-]{1,128}", patternInWords = "1-128 characters of A-Z a-z 0-9 . _ -")
        String id,
        @SnapshotField(value = "Display name, any Unicode, at most 200 characters, e.g. 好书共读书友会.", maxLength = 200)
        String name,
        @SnapshotField(value = "Where the group lives (000: 微信、QQ群、论坛、微博、线下).", required = true)
        Platform platform,
        @SnapshotField("The group's type (001): sharing = 分享型, sales = 销售导向, enablement = 赋能型; support = 客服; campaign = 拉新活动群 (003); learning = 学习型 (001, 004).")
        Purpose purpose,
        @SnapshotField("Why the group was founded (004): business = 业务需求成立 (a business need), event = 事件驱动成立 (event-driven).")
        Origin origin,
        @SnapshotField("This group is the operator's core fan group 核心粉丝群 (000). The one field whose absence means false: a designation the operator declares.")
        Boolean coreGroup,
        @SnapshotField("The group has an explicit goal / positioning (000: 90%的群没有明确目的).")
        Boolean goalDefined,
        @SnapshotField("The goal text.")
        String goal,
        @SnapshotField(value = "The date the group was created.", required = true)
        LocalDate createdOn,
        @SnapshotField(value = "The snapshot's date; on or after createdOn. Every window (7d, 30d, 90d) ends on it.", required = true)
        LocalDate asOf,
        @SnapshotField("The date the event ends, for origin = event (after it the group is post-event).")
        LocalDate eventEndsOn,
        @SnapshotField(value = "Member counts 成员.", required = true)
        Members members,
        @SnapshotField("How people get in 准入门槛.")
        Entry entry,
        @SnapshotField("What happened in the group recently.")
        Activity activity,
        @SnapshotField("What the operator has in place.")
        Operations operations,
        @SnapshotField("Selling in the group.")
        Commerce commerce,
        @SnapshotField(value = "Weekly points, oldest first, at most 104 (two years); weekEnding strictly increasing and on or before asOf.", maxItems = 104, item = "One weekly point.")
        List<HistoryPoint> history,
        @SnapshotField(value = "Advice the operator has seen and put off: a catalog id held back (suppressed by 'acknowledged') while asOf <= until.", item = "One acknowledged recommendation.")
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
    public record Members(
            @SnapshotField(value = "Current members.", required = true)
            Integer total,
            @SnapshotField("Members who joined in the last 7 days.")
            Integer joined7d,
            @SnapshotField("Members who left in the last 7 days.")
            Integer left7d,
            @SnapshotField(value = "Admins 管理员; at most members.total.", partOf = "members.total")
            Integer admins,
            @SnapshotField(value = "Opinion leaders / KOL / 头羊 inside the group; at most members.total.", partOf = "members.total")
            Integer kols,
            @SnapshotField(value = "Members who posted nothing in the last 30 days (关注者 + 屏蔽者, 001); at most members.total.", partOf = "members.total")
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
    public record Entry(
            @SnapshotField("Entry barrier 准入门槛 (000, 001): none, approval, referral, task or paid.")
            Barrier barrier,
            @SnapshotField("Entry fee, with barrier = paid (000: 200 / 1200 元 tiers); a number of at least 0.")
            Double fee,
            @SnapshotField(value = "How people join (001: 群二维码 = qr, 活码 = livecode).", item = "One join channel.")
            List<Channel> channels,
            @SnapshotField("When the current group QR code was made (001: valid 7 days).")
            LocalDate qrCreatedOn,
            @SnapshotField(value = "Days one paid membership period lasts (002: 會員續費率), with barrier = paid; at least 1.", min = 1)
            Integer feePeriodDays) {
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
    public record Activity(
            @SnapshotField("Messages in the last 7 days.")
            Integer messages7d,
            @SnapshotField(value = "Members who posted in the last 7 days; at most members.total.", partOf = "members.total")
            Integer activeMembers7d,
            @SnapshotField(value = "Ads / spam / 刷屏 messages in the last 7 days; at most activity.messages7d.", partOf = "activity.messages7d")
            Integer adMessages7d,
            @SnapshotField("Official interactions 官方发言互动 in the last 7 days (004).")
            Integer officialPosts7d,
            @SnapshotField("Scheduled topic discussions 定时话题讨论 in the last 30 days (000).")
            Integer topics30d,
            @SnapshotField("Guest shares 嘉宾分享 in the last 30 days (000, 004).")
            Integer guestShares30d,
            @SnapshotField("Live sharing sessions 线上直播分享 in the last 30 days (004).")
            Integer liveSessions30d,
            @SnapshotField("Offline events 线下活动 in the last 90 days (000, 001, 004).")
            Integer offlineEvents90d,
            @SnapshotField("Check-ins 打卡 in the last 7 days (001).")
            Integer checkIns7d,
            @SnapshotField("Post-activity reviews 复盘 in the last 30 days (001).")
            Integer reviews30d,
            @SnapshotField("A fixed-time daily ritual (000: 6:20 voice message).")
            Boolean dailyRitual,
            @SnapshotField("Members' questions in the last 7 days with no answer within 24 hours (001: 解答使用者的疑惑).")
            Integer unansweredQuestions7d,
            @SnapshotField("Quarrels or reported conflicts in the last 30 days (000: 一言不和,變成爭吵).")
            Integer disputes30d,
            @SnapshotField("Members' outputs posted in the last 7 days: homework, notes, works (001: 輸出 ... 讀書筆記, 成品作業分享).")
            Integer memberOutputs7d,
            @SnapshotField(value = "The hour of the day (0-23, in the group's time zone) with the most posting members over 30 days (002: 活躍時間).", max = 23)
            Integer peakHour) {
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
    public record Operations(
            @SnapshotField("An official announcement 群公告 (004).")
            Boolean announcement,
            @SnapshotField("Group rules with rewards and penalties 群规 (001, 004).")
            Boolean rules,
            @SnapshotField("A month operation plan 月度运营方案 (004).")
            Boolean monthlyPlan,
            @SnapshotField("A content schedule 内容规划表 SOP (001, 004).")
            Boolean contentCalendar,
            @SnapshotField("The owner 群主 meets 004's criteria (user-operation experience, sales ability, event planning, social energy).")
            Boolean ownerQualified,
            @SnapshotField("A reusable group-setup template 流程模板化 (001).")
            Boolean sopTemplate,
            @SnapshotField("A newcomer guide 新手引导 (002).")
            Boolean onboarding,
            @SnapshotField("Points / levels / badges 积分体系 (001, 002).")
            Boolean incentives,
            @SnapshotField("Content summaries 沉淀 / 内容汇总 (000, 004).")
            Boolean contentArchive,
            @SnapshotField("People assigned to keep discussions going 安排好人做互动 (004).")
            Boolean warmUpCrew,
            @SnapshotField("The operator already has a core fan group 核心粉丝群 (000).")
            Boolean coreGroupExists,
            @SnapshotField(value = "How many groups the operator runs; at least 1.", min = 1)
            Integer groupsOperated,
            @SnapshotField("The rules define graduated penalties (003: 禁言 1 天、7 天、15 天).")
            Boolean penaltyLadder,
            @SnapshotField("Members' suggestions are collected and answered (000: 提出提議和要求).")
            Boolean feedbackChannel,
            @SnapshotField("The group has its own culture: tag figures, in-jokes, its own stickers (001: 社群文化培養).")
            Boolean groupCulture,
            @SnapshotField("A paid membership's renewal is planned: the next period's offer, an early-renewal offer (002: 會員續費率).")
            Boolean renewalPlan,
            @SnapshotField("A crisis plan is in place: monitoring, a spokesperson, reply scripts, an escalation path (002: 輿情監測、危機公關).")
            Boolean crisisPlan,
            @SnapshotField("Enablement materials are ready for the resellers and shop staff the group serves: tools, courses, materials (001: 賦能型社群).")
            Boolean materialsKit) {
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
    public record Commerce(
            @SnapshotField(value = "Selling / promotion posts in the last 7 days; at most activity.messages7d.", partOf = "activity.messages7d")
            Integer promoMessages7d,
            @SnapshotField("Discount campaigns 优惠刺激 in the last 30 days (003).")
            Integer promotions30d,
            @SnapshotField("Orders in the last 30 days.")
            Integer orders30d,
            @SnapshotField("Distinct buyers in the last 30 days.")
            Integer buyers30d,
            @SnapshotField(value = "Buyers who bought again in the last 90 days.", partOf = "commerce.buyers90d")
            Integer repeatBuyers90d,
            @SnapshotField("Customer testimonials 客户见证 in the last 30 days (001).")
            Integer testimonials30d,
            @SnapshotField("Group buys / flash sales 拼团 秒杀 in the last 30 days (001, 004).")
            Integer groupBuys30d,
            @SnapshotField("Members who invited others in the last 30 days.")
            Integer referrals30d,
            @SnapshotField("Average order value 客单价 (003): low or high.")
            Level ticket,
            @SnapshotField("Purchase frequency 频次 (003): low or high.")
            Level purchaseFrequency,
            @SnapshotField("Buyers in the last 90 days (the loyalty score's base); at least commerce.repeatBuyers90d.")
            Integer buyers90d,
            @SnapshotField(value = "Orders refunded or returned in the last 30 days (004: 优质的售后); at most commerce.orders30d.", partOf = "commerce.orders30d")
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
    public record HistoryPoint(
            @SnapshotField(value = "Last day of the week this point describes; on or before asOf and after the previous point's.", required = true)
            LocalDate weekEnding,
            @SnapshotField("Members at the end of that week.")
            Integer members,
            @SnapshotField("Messages during that week.")
            Integer messages,
            @SnapshotField("Members who posted during that week.")
            Integer activeMembers) {
        /** A builder with named setters; every value starts unknown. */
        public static SnapshotHistoryPointBuilder builder() {
            return SnapshotHistoryPointBuilder.builder();
        }

        /** A builder holding these values, to change some of them. */
        public SnapshotHistoryPointBuilder toBuilder() {
            return SnapshotHistoryPointBuilder.builder(this);
        }
    }

    /** Advice the operator has seen and put off until a date, and optionally why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RecordBuilder
    @RecordBuilder.Options(addStaticBuilder = false, addClassRetainedGenerated = false)
    public record Acknowledgement(
            @SnapshotField(value = "A recommendation id from the guidance catalog; an unknown id is invalid.", required = true)
            String id,
            @SnapshotField(value = "The recommendation stays held back while asOf is on or before this date.", required = true)
            LocalDate until,
            @SnapshotField("Why it was put off: later (not now), disagree (the advice is wrong here), not-applicable (it does not apply to this community).")
            AckReason reason,
            @SnapshotField("The operator's words on why, shown with the advice and the review.")
            String note) {
        /** An acknowledgement with no reason given. */
        public Acknowledgement(String id, LocalDate until) {
            this(id, until, null, null);
        }

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
