package org.communityadvisor.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.communityadvisor.Snapshot;
import org.communityadvisor.ValidationError;

/**
 * The contract's rules that a JSON reader alone cannot check: required fields, ranges, a part larger than
 * its whole, date order, history order, known catalog ids. Collects every error, not just the first.
 */
public final class SnapshotValidator {
    /** Most history points a snapshot may carry (two years of weeks). */
    public static final int MAX_HISTORY = 104;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final int MAX_NAME = 200;

    private SnapshotValidator() {
    }

    /** Every problem with the snapshot; empty when it is valid. */
    public static List<ValidationError> validate(Snapshot s) {
        Check c = new Check();
        if (s.schemaVersion() == null) {
            c.missing("schemaVersion");
        } else if (s.schemaVersion() != 1) {
            c.error("schemaVersion", "unsupported schema version " + s.schemaVersion() + "; this advisor reads version 1");
        }
        if (s.id() == null) {
            c.missing("id");
        } else if (!ID.matcher(s.id()).matches()) {
            c.error("id", "must be 1-128 characters of A-Z a-z 0-9 . _ -");
        }
        if (s.name() != null && s.name().codePointCount(0, s.name().length()) > MAX_NAME) {
            c.error("name", "longer than " + MAX_NAME + " characters");
        }
        if (s.platform() == null) {
            c.missing("platform");
        }
        if (s.createdOn() == null) {
            c.missing("createdOn");
        }
        if (s.asOf() == null) {
            c.missing("asOf");
        }
        if (s.createdOn() != null && s.asOf() != null && s.asOf().isBefore(s.createdOn())) {
            c.error("asOf", "asOf " + s.asOf() + " is before createdOn " + s.createdOn());
        }
        Integer total = null;
        if (s.members() == null) {
            c.missing("members");
        } else {
            Snapshot.Members m = s.members();
            total = m.total();
            if (total == null) {
                c.missing("members.total");
            }
            c.count("members.total", total);
            c.count("members.joined7d", m.joined7d());
            c.count("members.left7d", m.left7d());
            c.part("members.admins", m.admins(), "members.total", total);
            c.part("members.kols", m.kols(), "members.total", total);
            c.part("members.silent30d", m.silent30d(), "members.total", total);
        }
        if (s.entry() != null) {
            Snapshot.Entry e = s.entry();
            if (e.fee() != null && (e.fee() < 0 || e.fee().isNaN() || e.fee().isInfinite())) {
                c.error("entry.fee", "must be a number of at least 0");
            }
            if (e.channels() != null) {
                for (int i = 0; i < e.channels().size(); i++) {
                    if (e.channels().get(i) == null) {
                        c.error("entry.channels[" + i + "]", "null is not a channel");
                    }
                }
            }
        }
        if (s.activity() != null) {
            Snapshot.Activity a = s.activity();
            c.count("activity.messages7d", a.messages7d());
            c.part("activity.activeMembers7d", a.activeMembers7d(), "members.total", total);
            c.part("activity.adMessages7d", a.adMessages7d(), "activity.messages7d", a.messages7d());
            c.count("activity.officialPosts7d", a.officialPosts7d());
            c.count("activity.topics30d", a.topics30d());
            c.count("activity.guestShares30d", a.guestShares30d());
            c.count("activity.liveSessions30d", a.liveSessions30d());
            c.count("activity.offlineEvents90d", a.offlineEvents90d());
            c.count("activity.checkIns7d", a.checkIns7d());
            c.count("activity.reviews30d", a.reviews30d());
            c.count("activity.unansweredQuestions7d", a.unansweredQuestions7d());
            c.count("activity.disputes30d", a.disputes30d());
        }
        if (s.operations() != null && s.operations().groupsOperated() != null
                && s.operations().groupsOperated() < 1) {
            c.error("operations.groupsOperated", "must be at least 1, got " + s.operations().groupsOperated());
        }
        if (s.commerce() != null) {
            Snapshot.Commerce k = s.commerce();
            Integer messages = s.activity() == null ? null : s.activity().messages7d();
            c.part("commerce.promoMessages7d", k.promoMessages7d(), "activity.messages7d", messages);
            c.count("commerce.promotions30d", k.promotions30d());
            c.count("commerce.orders30d", k.orders30d());
            c.count("commerce.buyers30d", k.buyers30d());
            c.count("commerce.buyers90d", k.buyers90d());
            c.part("commerce.repeatBuyers90d", k.repeatBuyers90d(), "commerce.buyers90d", k.buyers90d());
            c.part("commerce.refunds30d", k.refunds30d(), "commerce.orders30d", k.orders30d());
            c.count("commerce.testimonials30d", k.testimonials30d());
            c.count("commerce.groupBuys30d", k.groupBuys30d());
            c.count("commerce.referrals30d", k.referrals30d());
        }
        history(s, c);
        acknowledged(s, c);
        return c.errors;
    }

    private static void history(Snapshot s, Check c) {
        List<Snapshot.HistoryPoint> history = s.history();
        if (history == null) {
            return;
        }
        if (history.size() > MAX_HISTORY) {
            c.error("history", "has " + history.size() + " points; at most " + MAX_HISTORY + " are allowed");
        }
        LocalDate previous = null;
        for (int i = 0; i < history.size(); i++) {
            String at = "history[" + i + "]";
            Snapshot.HistoryPoint p = history.get(i);
            if (p == null) {
                c.error(at, "expected an object, got null");
                continue;
            }
            if (p.weekEnding() == null) {
                c.missing(at + ".weekEnding");
            } else {
                if (previous != null && !p.weekEnding().isAfter(previous)) {
                    c.error(at + ".weekEnding", p.weekEnding() + " does not come after the previous point's "
                            + previous + "; history must be oldest first, strictly increasing");
                }
                if (s.asOf() != null && p.weekEnding().isAfter(s.asOf())) {
                    c.error(at + ".weekEnding", p.weekEnding() + " is after asOf " + s.asOf());
                }
                previous = p.weekEnding();
            }
            c.count(at + ".members", p.members());
            c.count(at + ".messages", p.messages());
            c.count(at + ".activeMembers", p.activeMembers());
        }
    }

    private static void acknowledged(Snapshot s, Check c) {
        if (s.acknowledged() == null) {
            return;
        }
        Set<String> known = SnapshotSchema.catalogIds();
        for (int i = 0; i < s.acknowledged().size(); i++) {
            String at = "acknowledged[" + i + "]";
            Snapshot.Acknowledgement a = s.acknowledged().get(i);
            if (a == null) {
                c.error(at, "expected an object, got null");
                continue;
            }
            if (a.id() == null) {
                c.missing(at + ".id");
            } else if (!known.contains(a.id())) {
                String nearest = Names.nearest(a.id(), known);
                c.error(at + ".id", "unknown catalog id '" + a.id() + "'"
                        + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
            }
            if (a.until() == null) {
                c.missing(at + ".until");
            }
        }
    }

    private static final class Check {
        final List<ValidationError> errors = new ArrayList<>();

        void error(String path, String reason) {
            errors.add(new ValidationError(path, reason));
        }

        void missing(String path) {
            error(path, "required field is missing");
        }

        void count(String path, Integer value) {
            if (value != null && value < 0) {
                error(path, "a count cannot be negative, got " + value);
            }
        }

        void part(String path, Integer part, String wholePath, Integer whole) {
            count(path, part);
            if (part != null && whole != null && whole >= 0 && part > whole) {
                error(path, part + " is larger than its whole " + wholePath + " = " + whole);
            }
        }
    }
}
