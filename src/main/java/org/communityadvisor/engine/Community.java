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
 * The fact the rules reason over: one snapshot, with the catalog's derived values and the profile's thresholds.
 * A rule names a snapshot value by its path, as its evidence shows it ({@code members.total},
 * {@code activity.messages7d}): the groups are never {@code null}, a value the snapshot does not know is.
 * Derived values ({@code activeRatio} ...) and top-level fields ({@code platform}) are properties of their own.
 * Immutable.
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

    private static final Snapshot.Members NO_MEMBERS = Snapshot.Members.builder().build();
    private static final Snapshot.Entry NO_ENTRY = Snapshot.Entry.builder().build();
    private static final Snapshot.Activity NO_ACTIVITY = Snapshot.Activity.builder().build();
    private static final Snapshot.Operations NO_OPERATIONS = Snapshot.Operations.builder().build();
    private static final Snapshot.Commerce NO_COMMERCE = Snapshot.Commerce.builder().build();

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
            // A decline needs two bad weeks, each against the mean of up to declineWeeks weeks
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

    // ---- the snapshot's groups, never null (every value unknown when the snapshot has none): rules and evidence
    //      name a value by its snapshot path, members.total, activity.messages7d ...

    public Snapshot.Members getMembers() {
        return m;
    }

    public Snapshot.Entry getEntry() {
        return e;
    }

    public Snapshot.Activity getActivity() {
        return a;
    }

    public Snapshot.Operations getOperations() {
        return o;
    }

    public Snapshot.Commerce getCommerce() {
        return c;
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
     * Whether this group is the operator's core fan group. The one field whose absence means {@code false}:
     * a designation the operator declares, so a snapshot that does not say is not one.
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







    // ---- entry





    /** Whether the group QR code is the only way in; {@code null} when channels are unknown. */
    public Boolean getQrOnly() {
        return qrOnly;
    }

    /** Whether {@code entry.channels} lists the group QR code; {@code null} when channels are unknown. */
    public Boolean getQrChannel() {
        return e.channels() == null ? null : e.channels().contains(Channel.QR);
    }

    // ---- activity














    /** Guest shares plus live sessions in 30 days; {@code null} unless both are known. */
    public Integer getShares30d() {
        return a.guestShares30d() == null || a.liveSessions30d() == null
                ? null : a.guestShares30d() + a.liveSessions30d();
    }

    // ---- operations















    // ---- commerce













    // ---- history and derived values (catalog: Derived values)

    /** Number of weekly history points; {@code null} when the snapshot has no history. */
    public Integer getHistory() {
        return historyPoints;
    }

    /** Weekly points given, for texts: a snapshot without history has none (0), not an unknown number. */
    public Integer getHistoryWeeks() {
        return historyPoints == null ? 0 : historyPoints;
    }

    /** {@code asOf - createdOn} in days. */
    public long getAgeDays() {
        return ageDays;
    }

    /** {@code activeMembers7d / total}. */
    public Double getActiveRatio() {
        return activeRatio;
    }

    /**
     * The low-activity line: {@code lowActiveRatio}, or {@code lowActiveRatioLarge} from {@code largeGroupMembers}
     * members (in a large community most members read: 90-9-1). A share of members posting in 7 days below it is
     * low activity.
     */
    public double getLowActiveLine() {
        return total != null && total >= thresholds.largeGroupMembers() ? thresholds.lowActiveRatioLarge()
                : thresholds.lowActiveRatio();
    }

    /**
     * Whether the group serves buyers: its purpose is {@code sales} or {@code support}, or it had buyers or orders in
     * the last 30 days. A group that does is never dissolved after its event: it becomes a service group.
     */
    public boolean getServesBuyers() {
        Purpose p = snapshot.purpose();
        return p == Purpose.SALES || p == Purpose.SUPPORT || (c.buyers30d() != null && c.buyers30d() > 0)
                || (c.orders30d() != null && c.orders30d() > 0);
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
