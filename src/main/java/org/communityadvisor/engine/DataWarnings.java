package org.communityadvisor.engine;

import java.util.ArrayList;
import java.util.List;
import org.communityadvisor.Advice;
import org.communityadvisor.Lang;
import org.communityadvisor.Snapshot;
import org.communityadvisor.Thresholds;

/**
 * Values that look wrong for the community: more members than its platform allows in one group
 * ({@code groupCap}), and a history with two or more zero-message weeks between active weeks (the export may have
 * gaps). A warning is shown after the stage and never stops the advice.
 */
final class DataWarnings {
    private DataWarnings() {
    }

    /** The warnings, their reasons in the language, rendered by {@code texts}; with {@code lang} null, no reasons. */
    static List<Advice.DataWarning> of(Community c, Thresholds t, Lang lang, AdviceAssembler.Renderer texts) {
        List<Advice.DataWarning> out = null;
        Integer total = c.getMembers().total();
        if (t.groupCap() != null && total != null && total > t.groupCap()) {
            out = new ArrayList<>(2);
            out.add(new Advice.DataWarning("members.total", lang == null ? null : texts.catalog(lang,
                    "warning.group-cap", total, texts.catalog(lang, c.getPlatform().textKey()), t.groupCap())));
        }
        int gaps = zeroWeeksBetweenActive(c.getSnapshot().history());
        if (gaps >= 2) {
            if (out == null) {
                out = new ArrayList<>(1);
            }
            out.add(new Advice.DataWarning("history", lang == null ? null
                    : texts.catalog(lang, "warning.history-gaps", gaps)));
        }
        return out == null ? List.of() : out;
    }

    /**
     * Weeks with no message that lie between weeks with messages (a quiet stretch at the end is a trend, not a gap);
     * 0 without history.
     */
    static int zeroWeeksBetweenActive(List<Snapshot.HistoryPoint> h) {
        if (h == null || h.size() < 3) {
            return 0;
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < h.size(); i++) {
            Integer m = h.get(i).messages();
            if (m != null && m > 0) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        int zeros = 0;
        for (int i = first + 1; first >= 0 && i < last; i++) {
            Integer m = h.get(i).messages();
            if (m != null && m == 0) {
                zeros++;
            }
        }
        return zeros;
    }
}
