package org.communityadvisor.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.communityadvisor.Barrier;
import org.communityadvisor.Channel;
import org.communityadvisor.Level;
import org.communityadvisor.Origin;
import org.communityadvisor.Platform;
import org.communityadvisor.Purpose;
import org.communityadvisor.Snapshot;
import org.communityadvisor.Thresholds;

/**
 * The fact the rules reason over: one snapshot, flattened, with the catalog's derived values.
 * Every property is named after the last part of its snapshot path ({@code members.total} is {@code total}),
 * and is {@code null} when the snapshot does not know it. Immutable.
 */
public final class Community {
    private final Snapshot snapshot;
    private final Thresholds thresholds;
    private final long ageDays;
    private final Integer total;
    private final Integer messages7d;
    private final Double activeRatio;
    private final Double silentShare;
    private final Double adShare;
    private final Double promoShare;
    private final Double officialShare;
    private final Double refundShare;
    private final Boolean qrOnly;
    private final Integer previousWeekMessages;
    private final Integer netJoin7d;
    private final Long qrAgeDays;
    private final Boolean eventEnded;
    private final Integer historyPoints;
    private final Integer lastWeekMessages;
    private final Double priorMessagesMean;
    private final Double membersGrowth4w;

    private static final Snapshot.Members NO_MEMBERS = new Snapshot.Members(null, null, null, null, null, null);
    private static final Snapshot.Entry NO_ENTRY = new Snapshot.Entry(null, null, null, null);
    private static final Snapshot.Activity NO_ACTIVITY =
            new Snapshot.Activity(null, null, null, null, null, null, null, null, null, null, null, null, null);
    private static final Snapshot.Operations NO_OPERATIONS =
            new Snapshot.Operations(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    private static final Snapshot.Commerce NO_COMMERCE =
            new Snapshot.Commerce(null, null, null, null, null, null, null, null, null, null, null, null);

    private final Snapshot.Members m;
    private final Snapshot.Entry e;
    private final Snapshot.Activity a;
    private final Snapshot.Operations o;
    private final Snapshot.Commerce c;

    public Community(Snapshot s, Thresholds t) {
        this.snapshot = s;
        this.thresholds = t;
        this.m = s.members() == null ? NO_MEMBERS : s.members();
        this.e = s.entry() == null ? NO_ENTRY : s.entry();
        this.a = s.activity() == null ? NO_ACTIVITY : s.activity();
        this.o = s.operations() == null ? NO_OPERATIONS : s.operations();
        this.c = s.commerce() == null ? NO_COMMERCE : s.commerce();
        this.ageDays = ChronoUnit.DAYS.between(s.createdOn(), s.asOf());
        this.total = m.total();
        this.messages7d = a.messages7d();
        this.activeRatio = ratio(a.activeMembers7d(), total);
        this.silentShare = ratio(m.silent30d(), total);
        boolean enoughMessages = messages7d != null && messages7d >= t.minMessagesForShares();
        this.adShare = enoughMessages ? ratio(a.adMessages7d(), messages7d) : null;
        this.promoShare = enoughMessages ? ratio(c.promoMessages7d(), messages7d) : null;
        this.officialShare = enoughMessages ? ratio(a.officialPosts7d(), messages7d) : null;
        this.refundShare = ratio(c.refunds30d(), c.orders30d());
        this.qrOnly = e.channels() == null ? null
                : !e.channels().isEmpty() && e.channels().stream().allMatch(ch -> ch == Channel.QR);
        this.netJoin7d = m.joined7d() == null || m.left7d() == null ? null : m.joined7d() - m.left7d();
        this.qrAgeDays = e.qrCreatedOn() == null ? null : ChronoUnit.DAYS.between(e.qrCreatedOn(), s.asOf());
        this.eventEnded = s.eventEndsOn() == null ? null : s.asOf().isAfter(s.eventEndsOn());

        List<Snapshot.HistoryPoint> h = s.history();
        this.historyPoints = h == null ? null : h.size();
        Integer last = null;
        Integer previous = null;
        Double prior = null;
        Double growth = null;
        if (h != null && h.size() >= 3) {
            // Edition 2: a decline needs two bad weeks, each against the mean of up to declineWeeks weeks
            // before those two (all of them must be known).
            last = h.get(h.size() - 1).messages();
            previous = h.get(h.size() - 2).messages();
            int from = Math.max(0, h.size() - 2 - t.declineWeeks());
            double sum = 0;
            int n = 0;
            boolean complete = true;
            for (int i = from; i < h.size() - 2; i++) {
                Integer v = h.get(i).messages();
                if (v == null) {
                    complete = false;
                    break;
                }
                sum += v;
                n++;
            }
            prior = complete && n > 0 ? sum / n : null;
        }
        if (h != null && !h.isEmpty()) {
            Snapshot.HistoryPoint lastPoint = h.get(h.size() - 1);
            // Member growth over the last four weeks: the last point against the latest point 28+ days older.
            LocalDate cutoff = lastPoint.weekEnding().minusDays(28);
            for (int i = h.size() - 2; i >= 0; i--) {
                if (!h.get(i).weekEnding().isAfter(cutoff)) {
                    Integer then = h.get(i).members();
                    if (then != null && then > 0 && lastPoint.members() != null) {
                        growth = (lastPoint.members() - then) / (double) then;
                    }
                    break;
                }
            }
        }
        this.lastWeekMessages = last;
        this.previousWeekMessages = previous;
        this.priorMessagesMean = prior;
        this.membersGrowth4w = growth;
    }

    private static Double ratio(Integer part, Integer whole) {
        return part == null || whole == null || whole == 0 ? null : part / (double) whole;
    }

    /** The profile's thresholds, so a rule compares against them within one pattern: {@code thresholds.minViableMembers}. */
    public Thresholds getThresholds() {
        return thresholds;
    }

    /** The member counts, never {@code null} (every value unknown when the snapshot has none). */
    public Snapshot.Members getMembers() {
        return m;
    }

    /** The snapshot this fact was made from. */
    public Snapshot getSnapshot() {
        return snapshot;
    }

    // ---- top level

    public String getId() {
        return snapshot.id();
    }

    public Platform getPlatform() {
        return snapshot.platform();
    }

    public Purpose getPurpose() {
        return snapshot.purpose();
    }

    public Origin getOrigin() {
        return snapshot.origin();
    }

    /**
     * Whether this group is the operator's core fan group. The one field whose absence means {@code false}
     * (edition 2): a designation the operator declares, so a snapshot that does not say is not one.
     */
    public Boolean getCoreGroup() {
        return Boolean.TRUE.equals(snapshot.coreGroup());
    }

    public Boolean getGoalDefined() {
        return snapshot.goalDefined();
    }

    public LocalDate getCreatedOn() {
        return snapshot.createdOn();
    }

    public LocalDate getAsOf() {
        return snapshot.asOf();
    }

    public LocalDate getEventEndsOn() {
        return snapshot.eventEndsOn();
    }

    // ---- members

    public Integer getTotal() {
        return total;
    }

    public Integer getJoined7d() {
        return m.joined7d();
    }

    public Integer getLeft7d() {
        return m.left7d();
    }

    public Integer getAdmins() {
        return m.admins();
    }

    public Integer getKols() {
        return m.kols();
    }

    public Integer getSilent30d() {
        return m.silent30d();
    }

    // ---- entry

    public Barrier getBarrier() {
        return e.barrier();
    }

    public Double getFee() {
        return e.fee();
    }

    public List<Channel> getChannels() {
        return e.channels();
    }

    public LocalDate getQrCreatedOn() {
        return e.qrCreatedOn();
    }

    /** Whether the group QR code is the only way in; {@code null} when channels are unknown. */
    public Boolean getQrOnly() {
        return qrOnly;
    }

    /** Whether {@code entry.channels} lists the group QR code; {@code null} when channels are unknown. */
    public Boolean getQrChannel() {
        return e.channels() == null ? null : e.channels().contains(Channel.QR);
    }

    // ---- activity

    public Integer getMessages7d() {
        return messages7d;
    }

    public Integer getActiveMembers7d() {
        return a.activeMembers7d();
    }

    public Integer getAdMessages7d() {
        return a.adMessages7d();
    }

    public Integer getOfficialPosts7d() {
        return a.officialPosts7d();
    }

    public Integer getTopics30d() {
        return a.topics30d();
    }

    public Integer getGuestShares30d() {
        return a.guestShares30d();
    }

    public Integer getLiveSessions30d() {
        return a.liveSessions30d();
    }

    public Integer getOfflineEvents90d() {
        return a.offlineEvents90d();
    }

    public Integer getCheckIns7d() {
        return a.checkIns7d();
    }

    public Integer getReviews30d() {
        return a.reviews30d();
    }

    public Boolean getDailyRitual() {
        return a.dailyRitual();
    }

    public Integer getUnansweredQuestions7d() {
        return a.unansweredQuestions7d();
    }

    public Integer getDisputes30d() {
        return a.disputes30d();
    }

    /** Guest shares plus live sessions in 30 days; {@code null} unless both are known. */
    public Integer getShares30d() {
        return a.guestShares30d() == null || a.liveSessions30d() == null
                ? null : a.guestShares30d() + a.liveSessions30d();
    }

    // ---- operations

    public Boolean getAnnouncement() {
        return o.announcement();
    }

    public Boolean getRules() {
        return o.rules();
    }

    public Boolean getMonthlyPlan() {
        return o.monthlyPlan();
    }

    public Boolean getContentCalendar() {
        return o.contentCalendar();
    }

    public Boolean getOwnerQualified() {
        return o.ownerQualified();
    }

    public Boolean getSopTemplate() {
        return o.sopTemplate();
    }

    public Boolean getOnboarding() {
        return o.onboarding();
    }

    public Boolean getIncentives() {
        return o.incentives();
    }

    public Boolean getContentArchive() {
        return o.contentArchive();
    }

    public Boolean getWarmUpCrew() {
        return o.warmUpCrew();
    }

    public Boolean getCoreGroupExists() {
        return o.coreGroupExists();
    }

    public Integer getGroupsOperated() {
        return o.groupsOperated();
    }

    public Boolean getPenaltyLadder() {
        return o.penaltyLadder();
    }

    public Boolean getFeedbackChannel() {
        return o.feedbackChannel();
    }

    // ---- commerce

    public Integer getPromoMessages7d() {
        return c.promoMessages7d();
    }

    public Integer getPromotions30d() {
        return c.promotions30d();
    }

    public Integer getOrders30d() {
        return c.orders30d();
    }

    public Integer getBuyers30d() {
        return c.buyers30d();
    }

    public Integer getRepeatBuyers90d() {
        return c.repeatBuyers90d();
    }

    public Integer getTestimonials30d() {
        return c.testimonials30d();
    }

    public Integer getGroupBuys30d() {
        return c.groupBuys30d();
    }

    public Integer getReferrals30d() {
        return c.referrals30d();
    }

    public Integer getBuyers90d() {
        return c.buyers90d();
    }

    public Integer getRefunds30d() {
        return c.refunds30d();
    }

    public Level getTicket() {
        return c.ticket();
    }

    public Level getPurchaseFrequency() {
        return c.purchaseFrequency();
    }

    // ---- history and derived values (catalog: Derived values)

    /** Number of weekly history points; {@code null} when the snapshot has no history. */
    public Integer getHistory() {
        return historyPoints;
    }

    /** {@code asOf - createdOn} in days. */
    public long getAgeDays() {
        return ageDays;
    }

    /** {@code activeMembers7d / total}. */
    public Double getActiveRatio() {
        return activeRatio;
    }

    /** {@code silent30d / total}. */
    public Double getSilentShare() {
        return silentShare;
    }

    /** {@code adMessages7d / messages7d}, only when there are enough messages to judge. */
    public Double getAdShare() {
        return adShare;
    }

    /** {@code promoMessages7d / messages7d}, only when there are enough messages to judge. */
    public Double getPromoShare() {
        return promoShare;
    }

    /** {@code officialPosts7d / messages7d}, only when there are enough messages to judge. */
    public Double getOfficialShare() {
        return officialShare;
    }

    /** {@code refunds30d / orders30d}; {@code null} without orders. */
    public Double getRefundShare() {
        return refundShare;
    }

    /** {@code joined7d - left7d}. */
    public Integer getNetJoin7d() {
        return netJoin7d;
    }

    /** {@code asOf - entry.qrCreatedOn} in days. */
    public Long getQrAgeDays() {
        return qrAgeDays;
    }

    /** {@code asOf > eventEndsOn}; {@code null} without an end date. */
    public Boolean getEventEnded() {
        return eventEnded;
    }

    /** Messages in the last history week (needs 3+ points). */
    public Integer getLastWeekMessages() {
        return lastWeekMessages;
    }

    /** Messages in the history week before the last one (needs 3+ points). */
    public Integer getPreviousWeekMessages() {
        return previousWeekMessages;
    }

    /** Mean messages of the up-to-{@code declineWeeks} weeks before the last two (needs 3+ points). */
    public Double getPriorMessagesMean() {
        return priorMessagesMean;
    }

    /** Member growth over the last four weeks of history, as a ratio. */
    public Double getMembersGrowth4w() {
        return membersGrowth4w;
    }
}
