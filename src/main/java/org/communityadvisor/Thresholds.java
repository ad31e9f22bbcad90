package org.communityadvisor;

/**
 * Every number the rules compare against. Rules read them from the {@code Community} fact
 * ({@code thresholds.minViableMembers}); no rule holds a literal threshold. Values come from a named
 * {@link Profile}. Each threshold's default, range and meaning are declared once, in {@code rules/thresholds.json}
 * ({@link ThresholdDeclaration}); this record carries the values, a component a declaration in the same order.
 */
public record Thresholds(
        /* 000: 少于30人不成群 */ int minViableMembers,
        /* 000: 超出80人就开始热闹 */ int livelyMembers,
        /* 000: 超出500人又乱糟糟的不好管 */ int maxManageableMembers,
        double approachingCapRatio,
        /* 001: 群二维码只有100人才能扫描进群 */ int qrJoinLimit,
        /* 001: 只有7天的有效期 */ int qrValidityDays,
        /* 004: 最开始的一个月是最艰难的 */ int safePeriodDays,
        /* 000: 长则六个月 */ int lifecycleMaxDays,
        /* 000: 短的甚至只需要一周 */ int dormantMinAgeDays,
        int dormantMaxMessages7d,
        double dormantActiveRatio,
        double declineRatio,
        /* how many weeks before the last one the decline compares against */ int declineWeeks,
        double growthRatio4w,
        /* growth stage when net joins in 7 days reach this share of members */ double growthNetJoinRatio7d,
        double lowActiveRatio,
        double silentRatio,
        double spamRatio,
        double spamCriticalRatio,
        double promoRatio,
        int membersPerAdmin,
        double netLossRatio7d,
        /* shares of messages (ads, promotion) need at least this many messages in 7 days */ int minMessagesForShares,
        /* measurement.history: a group older than this should keep weekly history */ int historyMinAgeDays,
        /* measurement.history: fewer weekly points than this is not yet a history */ int minHistoryPoints,
        /* growth.fission-campaign: net joins below this share of members in 7 days */ double fissionNetJoinRatio7d,
        /* conversion.intimacy: fewer official posts than this in 7 days */ int intimacyMinOfficialPosts7d,
        /* operations.replicate-sop: an operator running this many groups needs a template */ int replicateMinGroups,
        /* activity.members-talk: official posts as a share of all messages */ double operatorShareRatio,
        /* conversion.after-sales: refunds as a share of orders */ double refundRatio,
        /* conversion.after-sales: too few orders to judge refunds below this */ int minOrdersForRefunds,
        // Scores (seed 002: 综合评估). A sub-score reaches 100 at its target; see docs/SCORES.md.
        /* activity 100 when this share of members posts in 7 days */ double scoreActiveTarget,
        /* participation 100 when this share of members posted in 30 days */ double scoreParticipationTarget,
        /* growth 100 at this weekly net growth, 50 at none, 0 at its negative */ double scoreGrowthTarget7d,
        /* conversion 100 when this share of members bought in 30 days */ double scoreConversionTarget,
        /* loyalty 100 when this share of 90-day buyers bought again in 90 days */ double scoreLoyaltyTarget,
        /* influence 100 when this share of members invited others in 30 days */ double scoreInfluenceTarget,
        double scoreWeightActivity,
        double scoreWeightParticipation,
        double scoreWeightGrowth,
        double scoreWeightConversion,
        double scoreWeightLoyalty,
        double scoreWeightInfluence) {
}
