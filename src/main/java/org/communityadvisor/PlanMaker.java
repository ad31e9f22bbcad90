package org.communityadvisor;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an advice into a {@link Plan}. What a plan needs beyond the advice is declared here once: who owns each
 * category, which recommendations' actions contain others', and which moves recur on which weekday.
 */
final class PlanMaker {
    /** Who carries out a category's advice: the owner decides, admins run the routines. */
    private static final Map<Category, Plan.Role> OWNER_OF = new EnumMap<>(Map.of(
            Category.LIFECYCLE, Plan.Role.OWNER, Category.SIZE, Plan.Role.OWNER,
            Category.ENTRY, Plan.Role.ADMIN, Category.GOVERNANCE, Plan.Role.OWNER,
            Category.STRUCTURE, Plan.Role.OWNER, Category.ACTIVITY, Plan.Role.ADMIN,
            Category.OPERATIONS, Plan.Role.ADMIN, Category.GROWTH, Plan.Role.ADMIN,
            Category.CONVERSION, Plan.Role.OWNER, Category.MEASUREMENT, Plan.Role.ADMIN));

    /** Recommendations that members' voices carry better than an admin's: the opinion leaders (KOLs) own them. */
    private static final Set<String> KOL_LED = Set.of("activity.guest-share", "activity.member-output",
            "activity.members-talk", "activity.referral-prompt");

    /**
     * A recommendation whose action contains others': the announcement's six parts and rules hold the positioning
     * and the penalty ladder; the month plan in five parts holds the topics, the shares with their guests and the
     * opinion leaders to find; the daily and weekly schedule holds the weekly official interaction.
     */
    private static final Map<String, List<String>> CONTAINS = Map.of(
            "governance.rules", List.of("governance.define-goal", "governance.penalty-ladder"),
            "operations.monthly-plan", List.of("activity.scheduled-topics", "activity.guest-share",
                    "structure.opinion-leader"),
            "operations.content-calendar", List.of("activity.weekly-official"));

    /** Recommendations that recur: what their slots are and on which weekday they fall. */
    private static final Map<String, Plan.Kind> RECURS = Map.of(
            "activity.weekly-official", Plan.Kind.OFFICIAL_INTERACTION,
            "activity.guest-share", Plan.Kind.LIVE_SHARE,
            "activity.review", Plan.Kind.REVIEW,
            "activity.scheduled-topics", Plan.Kind.TOPIC,
            "operations.content-calendar", Plan.Kind.TOPIC,
            "activity.check-in", Plan.Kind.CHECK_IN,
            "activity.daily-ritual", Plan.Kind.CHECK_IN);
    private static final Map<Plan.Kind, DayOfWeek> DAY = new EnumMap<>(Map.of(
            Plan.Kind.CHECK_IN, DayOfWeek.MONDAY, Plan.Kind.TOPIC, DayOfWeek.TUESDAY,
            Plan.Kind.OFFICIAL_INTERACTION, DayOfWeek.WEDNESDAY, Plan.Kind.LIVE_SHARE, DayOfWeek.SATURDAY,
            Plan.Kind.REVIEW, DayOfWeek.SUNDAY));

    private PlanMaker() {
    }

    static Plan plan(Snapshot snapshot, Advice advice) {
        Integer peak = snapshot.activity() == null ? null : snapshot.activity().peakHour();
        // What carries what: the rules' own suppressions first, then the declared containments.
        Map<String, String> carrier = new LinkedHashMap<>();
        Set<String> fired = new LinkedHashSet<>(advice.ids());
        for (Advice.Recommendation r : advice.recommendations()) {
            for (String inner : CONTAINS.getOrDefault(r.id(), List.of())) {
                if (fired.contains(inner) && !carrier.containsKey(r.id())) {
                    carrier.putIfAbsent(inner, r.id());
                }
            }
        }
        Map<String, List<Advice.Recommendation>> groups = new LinkedHashMap<>();
        for (Advice.Recommendation r : advice.recommendations()) {
            String lead = carrier.getOrDefault(r.id(), r.id());
            groups.computeIfAbsent(lead, k -> new ArrayList<>());
            groups.get(lead).add(r);
        }
        // The lead of each group first in its list.
        List<List<Advice.Recommendation>> ordered = new ArrayList<>();
        for (Map.Entry<String, List<Advice.Recommendation>> g : groups.entrySet()) {
            List<Advice.Recommendation> list = new ArrayList<>(g.getValue());
            list.sort((a, b) -> a.id().equals(g.getKey()) ? -1 : b.id().equals(g.getKey()) ? 1
                    : Integer.compare(a.rank(), b.rank()));
            ordered.add(list);
        }
        // This week first (the focus and critical items), then this month in rank order while the near moves
        // number fewer than the cap, the rest later.
        Map<List<Advice.Recommendation>, Plan.Horizon> when = new java.util.IdentityHashMap<>();
        int near = 0;
        for (List<Advice.Recommendation> group : ordered) {
            if (thisWeek(advice, group)) {
                when.put(group, Plan.Horizon.THIS_WEEK);
                near++;
            }
        }
        for (List<Advice.Recommendation> group : ordered) {
            if (!when.containsKey(group)) {
                when.put(group, near < Plan.MAX_NEAR ? Plan.Horizon.THIS_MONTH : Plan.Horizon.LATER);
                near++;
            }
        }
        List<Plan.Move> moves = new ArrayList<>();
        for (Plan.Horizon h : Plan.Horizon.values()) {
            for (List<Advice.Recommendation> group : ordered) {
                if (when.get(group) == h) {
                    moves.add(move(h, group, snapshot, advice, peak));
                }
            }
        }
        Map<String, Advice.Suppression> held = new LinkedHashMap<>();
        advice.suppressed().forEach(s -> held.put(s.id(), s));
        List<Plan.Move> withHeld = new ArrayList<>();
        for (Plan.Move m : moves) {
            List<String> carries = new ArrayList<>(m.carries());
            for (Advice.Suppression s : held.values()) {
                if (s.heldBy() == Advice.Suppression.HeldBy.RULE && carries.contains(s.by()) && !carries.contains(s.id())) {
                    carries.add(s.id());
                }
            }
            withHeld.add(new Plan.Move(m.horizon(), m.owner(), m.title(), m.action(), carries, m.watch(), m.slots()));
        }
        return new Plan(advice.communityId(), snapshot.name(), advice.asOf(), peak, withHeld);
    }

    /** This week: the focus and every critical item; a week-sized move never waits. */
    private static boolean thisWeek(Advice advice, List<Advice.Recommendation> group) {
        return group.stream().anyMatch(r -> advice.focus().contains(r.id()) || r.severity() == Severity.CRITICAL);
    }

    private static Plan.Move move(Plan.Horizon h, List<Advice.Recommendation> group, Snapshot snapshot, Advice advice,
            Integer peak) {
        Advice.Recommendation lead = group.get(0);
        Plan.Role role = KOL_LED.contains(lead.id()) ? Plan.Role.KOL
                : OWNER_OF.getOrDefault(lead.category(), Plan.Role.ADMIN);
        List<Plan.Watch> watch = new ArrayList<>();
        for (Advice.Recommendation r : group) {
            Plan.Watch w = watch(r);
            if (w != null) {
                watch.add(w);
            }
        }
        List<Plan.Slot> slots = new ArrayList<>();
        Set<Plan.Kind> kinds = new LinkedHashSet<>();
        for (Advice.Recommendation r : group) {
            Plan.Kind k = RECURS.get(r.id());
            if (k != null) {
                kinds.add(k);
            }
        }
        // A review of the live shares the group already holds: the share on Saturday, its review on Sunday.
        Integer live = snapshot.activity() == null ? null : snapshot.activity().liveSessions30d();
        if (kinds.contains(Plan.Kind.REVIEW) && live != null && live > 0) {
            kinds.add(Plan.Kind.LIVE_SHARE);
        }
        for (Plan.Kind k : kinds) {
            LocalDate d = advice.asOf().with(TemporalAdjusters.next(DAY.get(k)));
            for (; !d.isAfter(advice.asOf().plusDays(Plan.DAYS)); d = d.plusWeeks(1)) {
                slots.add(new Plan.Slot(d, peak, k));
            }
        }
        slots.sort(java.util.Comparator.comparing(Plan.Slot::date));
        return new Plan.Move(h, role, lead.title(), lead.action(), group.stream().map(Advice.Recommendation::id).toList(),
                watch, slots);
    }

    /**
     * The figure that shows a recommendation worked: a figure against the threshold that fired it (members.total
     * to reach minViableMembers), else the missing practice the rule names (operations.rules to become true), else
     * a count the rule found at zero.
     */
    static Plan.Watch watch(Advice.Recommendation r) {
        List<Map.Entry<String, Object>> ev = new ArrayList<>(r.evidence().entrySet());
        // The last figure and threshold pair: a rule's first pairs are often its gates (the group's age).
        for (int i = ev.size() - 1; i >= 1; i--) {
            Map.Entry<String, Object> t = ev.get(i);
            if (isThreshold(t.getKey()) && t.getValue() instanceof Number limit) {
                for (int j = i - 1; j >= 0; j--) {
                    Map.Entry<String, Object> f = ev.get(j);
                    if (f.getValue() instanceof Number value && !isThreshold(f.getKey())) {
                        Plan.Op op = value.doubleValue() > limit.doubleValue() ? Plan.Op.AT_MOST : Plan.Op.AT_LEAST;
                        return new Plan.Watch(f.getKey(), value, op, limit, t.getKey());
                    }
                }
            }
        }
        List<String> words = words(r.id());
        Map.Entry<String, Object> falseOne = null;
        Map.Entry<String, Object> zero = null;
        for (Map.Entry<String, Object> e : ev) {
            boolean named = words.stream().anyMatch(w -> leaf(e.getKey()).contains(w));
            if (Boolean.FALSE.equals(e.getValue()) && e.getKey().contains(".")) {
                if (named || falseOne == null) {
                    falseOne = named ? Map.entry(e.getKey(), "named") : e;
                }
            }
            if (e.getValue() instanceof Number n && n.doubleValue() == 0 && e.getKey().contains(".")) {
                if (named || zero == null || !"named".equals(String.valueOf(zero.getValue()))) {
                    zero = named ? Map.entry(e.getKey(), "named") : Map.entry(e.getKey(), "any");
                }
            }
        }
        if (falseOne != null) {
            return new Plan.Watch(falseOne.getKey(), false, Plan.Op.IS, true, null);
        }
        if (zero != null) {
            return new Plan.Watch(zero.getKey(), r.evidence().get(zero.getKey()), Plan.Op.AT_LEAST, 1, null);
        }
        return null;
    }

    private static boolean isThreshold(String name) {
        return !name.contains(".") && (ThresholdDeclaration.named(name) != null || name.endsWith("Line"));
    }

    /** The words of a rule's name ({@code weekly-official}: weekly, official), lower case, four letters or more. */
    private static List<String> words(String id) {
        String name = id.substring(id.indexOf('.') + 1);
        List<String> out = new ArrayList<>();
        for (String w : name.split("-")) {
            if (w.length() >= 4) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        out.add(name.replace("-", "").toLowerCase(Locale.ROOT));
        return out;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
