package org.communityadvisor;

/** The book club's snapshot for tests in other packages. */
public final class PlanTestAccess {
    private PlanTestAccess() {
    }

    public static Snapshot bookClub(Integer peakHour) throws Exception {
        return PlanTest.bookClub(peakHour);
    }
}
