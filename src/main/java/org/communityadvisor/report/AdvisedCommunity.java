package org.communityadvisor.report;

import java.util.List;
import java.util.Objects;
import org.communityadvisor.Advice;
import org.communityadvisor.Snapshot;

/**
 * One advised community, as the reports take it: its advice, and where known the snapshot it was advised on
 * (for its name, members, platform and weekly chart) and a label (where it came from: a file name, a row id).
 * Immutable.
 *
 * <pre>{@code
 * List<AdvisedCommunity> communities = AdvisedCommunity.ofAll(List.of(advisor.advise(json)));
 * String md = MarkdownReport.render(List.of(AdvisedCommunity.of(snapshot, advisor.advise(snapshot))), Lang.EN);
 * }</pre>
 *
 * @param label    where the community came from, shown after its heading in the text report; {@code null}
 *                 for none
 * @param snapshot the snapshot that was advised; {@code null} when it is not at hand: the reports then name the
 *                 community by its id and leave out what needs the snapshot (members, platform, weekly chart)
 * @param advice   the advice (required)
 * @param review   what changed since an earlier advice of the same community, shown first; {@code null} for none
 */
public record AdvisedCommunity(String label, Snapshot snapshot, Advice advice, org.communityadvisor.Review review) {
    /** A community advised with no earlier review to compare with. */
    public AdvisedCommunity(String label, Snapshot snapshot, Advice advice) {
        this(label, snapshot, advice, null);
    }

    public AdvisedCommunity {
        Objects.requireNonNull(advice, "advice");
        if (snapshot != null && !Objects.equals(snapshot.id(), advice.communityId())) {
            throw new IllegalArgumentException("the snapshot of '" + snapshot.id()
                    + "' does not belong to the advice for '" + advice.communityId() + "'");
        }
    }

    /** An advice alone: the reports name the community by its id and leave out what needs the snapshot. */
    public static AdvisedCommunity of(Advice advice) {
        return new AdvisedCommunity(null, null, advice);
    }

    /** An advice with the snapshot it was advised on. */
    public static AdvisedCommunity of(Snapshot snapshot, Advice advice) {
        return new AdvisedCommunity(null, snapshot, advice);
    }

    /** Advices alone, in the same order. */
    public static List<AdvisedCommunity> ofAll(List<Advice> advices) {
        return advices.stream().map(AdvisedCommunity::of).toList();
    }

    /** The community's name from the snapshot, else its id. */
    String name() {
        return snapshot == null || snapshot.name() == null ? advice.communityId() : snapshot.name();
    }
}
