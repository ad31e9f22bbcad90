package org.communityadvisor.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.communityadvisor.Scores;
import org.communityadvisor.Snapshot;
import org.communityadvisor.Thresholds;

/**
 * The composite evaluation of seed 002 (综合评估: 参与度, 活跃度, 转化率, 客户忠诚度 and growth).
 * Curves are linear up to a target taken from the profile (see docs/SCORES.md):
 * <ul>
 * <li>activity = 100 x activeRatio / scoreActiveTarget</li>
 * <li>participation = 100 x (1 - silentShare) / scoreParticipationTarget</li>
 * <li>growth = 50 + 50 x weeklyGrowth / scoreGrowthTarget7d, where weeklyGrowth is the mean of the known
 *     netJoin7d / total and a quarter of the 4-week member growth</li>
 * <li>conversion = 100 x buyers30d / total / scoreConversionTarget</li>
 * <li>loyalty = 100 x repeatBuyers90d / buyers90d / scoreLoyaltyTarget (unknown without 90-day buyers;
 *     compares like with like)</li>
 * <li>influence = 100 x referrals30d / total / scoreInfluenceTarget (002: 用户推荐新用户)</li>
 * <li>operations = 100 x the share of the known basics in place: goalDefined, operations.announcement, rules,
 *     monthlyPlan, contentCalendar, onboarding, ownerQualified (for a core group only goalDefined and
 *     ownerQualified: 000 群的規矩沒有太多條條框框); unknown when none is known</li>
 * </ul>
 * Each is clamped to 0-100 and rounded; unknown inputs give {@code null}; overall is the mean of the known
 * sub-scores weighted by the profile's scoreWeight* values; a {@code sales} group weighs conversion and
 * loyalty at least as much as activity.
 */
public final class Scoring {
    private Scoring() {
    }

    public static Scores score(Community c, Thresholds t) {
        Integer activity = c.getActiveRatio() == null ? null : up(c.getActiveRatio(), t.scoreActiveTarget());
        Integer participation = c.getSilentShare() == null ? null
                : up(1 - c.getSilentShare(), t.scoreParticipationTarget());
        Integer growth = growth(weeklyGrowth(c), t);
        Integer conversion = c.getCommerce().buyers30d() == null || c.getMembers().total() == null || c.getMembers().total() == 0 ? null
                : up(c.getCommerce().buyers30d() / (double) c.getMembers().total(), t.scoreConversionTarget());
        Integer loyalty = c.getCommerce().repeatBuyers90d() == null || c.getCommerce().buyers90d() == null || c.getCommerce().buyers90d() == 0 ? null
                : up(c.getCommerce().repeatBuyers90d() / (double) c.getCommerce().buyers90d(), t.scoreLoyaltyTarget());
        Integer influence = c.getCommerce().referrals30d() == null || c.getMembers().total() == null || c.getMembers().total() == 0 ? null
                : up(c.getCommerce().referrals30d() / (double) c.getMembers().total(), t.scoreInfluenceTarget());

        Integer operations = operations(c);

        // A sales group weighs conversion and loyalty at least as much as activity (catalog: Scores).
        boolean sales = c.getPurpose() == org.communityadvisor.Purpose.SALES;
        double wConversion = sales ? Math.max(t.scoreWeightConversion(), t.scoreWeightActivity()) : t.scoreWeightConversion();
        double wLoyalty = sales ? Math.max(t.scoreWeightLoyalty(), t.scoreWeightActivity()) : t.scoreWeightLoyalty();
        double sum = 0;
        double weights = 0;
        double[][] parts = {
            {activity == null ? -1 : activity, t.scoreWeightActivity()},
            {participation == null ? -1 : participation, t.scoreWeightParticipation()},
            {growth == null ? -1 : growth, t.scoreWeightGrowth()},
            {conversion == null ? -1 : conversion, wConversion},
            {loyalty == null ? -1 : loyalty, wLoyalty},
            {influence == null ? -1 : influence, t.scoreWeightInfluence()},
            {operations == null ? -1 : operations, t.scoreWeightOperations()}};
        for (double[] p : parts) {
            if (p[0] >= 0 && p[1] > 0) {
                sum += p[0] * p[1];
                weights += p[1];
            }
        }
        Integer overall = weights == 0 ? null : (int) Math.round(sum / weights);
        return new Scores(overall, activity, participation, growth, conversion, loyalty, influence, operations, change(c, t, activity, growth));
    }

    /** The share of the known basics in place, 0-100; {@code null} when none is known. */
    static Integer operations(Community c) {
        org.communityadvisor.Snapshot.Operations o = c.getOperations();
        Boolean[] basics = Boolean.TRUE.equals(c.getCoreGroup())
                ? new Boolean[] {c.getGoalDefined(), o.ownerQualified()}
                : new Boolean[] {c.getGoalDefined(), o.announcement(), o.rules(), o.monthlyPlan(), o.contentCalendar(),
                        o.onboarding(), o.ownerQualified()};
        int known = 0;
        int inPlace = 0;
        for (Boolean b : basics) {
            if (b != null) {
                known++;
                if (b) {
                    inPlace++;
                }
            }
        }
        return known == 0 ? null : clamp(100.0 * inPlace / known);
    }

    /** Linear from 0 at 0 to 100 at the target, clamped. */
    static int up(double value, double target) {
        return clamp(100 * value / target);
    }

    static Integer growth(Double weekly, Thresholds t) {
        return weekly == null ? null : clamp(50 + 50 * weekly / t.scoreGrowthTarget7d());
    }

    private static Double weeklyGrowth(Community c) {
        Double joins = c.getNetJoin7d() == null || c.getMembers().total() == null || c.getMembers().total() == 0 ? null
                : c.getNetJoin7d() / (double) c.getMembers().total();
        Double trend = c.getMembersGrowth4w() == null ? null : c.getMembersGrowth4w() / 4;
        if (joins == null) {
            return trend;
        }
        return trend == null ? joins : (joins + trend) / 2;
    }

    /**
     * Changes against four weeks earlier from history: activity from the history point 28+ days before the
     * last one (activeMembers / members), growth from the four weeks that ended then.
     */
    private static Map<String, Integer> change(Community c, Thresholds t, Integer activity, Integer growth) {
        List<Snapshot.HistoryPoint> h = c.getSnapshot().history();
        Map<String, Integer> out = new TreeMap<>();
        if (h == null || h.size() < 2) {
            return out;
        }
        int then = pointBefore(h, h.size() - 1);
        if (then < 0) {
            return out;
        }
        Snapshot.HistoryPoint p = h.get(then);
        if (activity != null && p.activeMembers() != null && p.members() != null && p.members() > 0) {
            out.put("activity", activity - up(p.activeMembers() / (double) p.members(), t.scoreActiveTarget()));
        }
        int before = pointBefore(h, then);
        if (growth != null && before >= 0 && p.members() != null && h.get(before).members() != null
                && h.get(before).members() > 0) {
            double g = (p.members() - h.get(before).members()) / (double) h.get(before).members() / 4;
            out.put("growth", growth - growth(g, t));
        }
        return out;
    }

    /** The latest point at least 28 days before point i, or -1. */
    private static int pointBefore(List<Snapshot.HistoryPoint> h, int i) {
        LocalDate cutoff = h.get(i).weekEnding().minusDays(28);
        for (int j = i - 1; j >= 0; j--) {
            if (!h.get(j).weekEnding().isAfter(cutoff)) {
                return j;
            }
        }
        return -1;
    }

    private static int clamp(double v) {
        return (int) Math.round(Math.max(0, Math.min(100, v)));
    }
}
