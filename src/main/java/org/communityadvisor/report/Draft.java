package org.communityadvisor.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.communityadvisor.Barrier;
import org.communityadvisor.Lang;
import org.communityadvisor.Platform;
import org.communityadvisor.Snapshot;
import org.communityadvisor.text.Texts;

/**
 * Documents ready to send, prefilled from a snapshot (name, goal, admins, fee, peak hour, platform) and written
 * from Pebble templates ({@code templates/draft/KIND.LANG.peb}); what the snapshot does not know is a marked blank,
 * {@code 【待填:…】} or {@code [TO FILL: …]}. For platforms other than WeChat, WeCom and QQ the texts name no
 * feature those apps alone have (official accounts, red packets, QR codes, Moments). Needs the optional Pebble
 * engine. Thread-safe.
 */
public final class Draft {
    /** What to draft. */
    public enum Kind {
        /** the group announcement in six parts, and the rules with rewards and a penalty ladder */
        ANNOUNCEMENT,
        /** the month's plan in five parts, as a table */
        MONTH_PLAN,
        /** the run sheet of a live share: preview, opening, guest, questions and answers, gifts */
        LIVE_SHARE,
        /** the welcome message and the newcomer guide */
        WELCOME;

        /** As typed on the command line: {@code month-plan}. */
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The chat apps whose own features (red packets, QR codes, official accounts) a draft may name. */
    private static final Set<Platform> CHINESE_APPS = Set.of(Platform.WECHAT, Platform.WECOM, Platform.QQ);

    private Draft() {
    }

    /** The document of this kind for this snapshot, in this language; lines end with {@code \n}. */
    public static String render(Kind kind, Snapshot s, Lang lang) {
        return PlanReport.Templates.render(PlanReport.Templates.PLANS + "draft/", kind.json() + "." + lang.json() + ".peb",
                false, model(s, lang));
    }

    private static Map<String, Object> model(Snapshot s, Lang lang) {
        Texts t = Texts.of(lang);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", known(s.name(), "name", lang));
        m.put("goal", known(Boolean.TRUE.equals(s.goalDefined()) || s.goal() != null ? s.goal() : null, "goal", lang));
        m.put("purpose", s.purpose() == null ? blank("purpose", lang) : s.purpose().label(lang));
        m.put("platform", s.platform() == null ? blank("platform", lang) : s.platform().label(lang));
        m.put("cn", s.platform() != null && CHINESE_APPS.contains(s.platform()));
        Integer admins = s.members() == null ? null : s.members().admins();
        m.put("admins", admins == null ? blank("admins", lang) : admins.toString());
        m.put("adminNames", blank("admin-names", lang));
        Integer members = s.members() == null ? null : s.members().total();
        m.put("members", members == null ? blank("members", lang) : members.toString());
        Snapshot.Entry e = s.entry();
        String fee;
        if (e == null || e.barrier() == null) {
            fee = blank("fee", lang);
        } else if (e.barrier() == Barrier.PAID) {
            fee = e.fee() == null ? blank("fee", lang) : t.get("draft.fee-paid", org.communityadvisor.Evidence.display(e.fee(), lang),
                    e.feePeriodDays() == null ? blank("fee-period", lang) : e.feePeriodDays().toString());
        } else {
            fee = t.get("draft.fee-free");
        }
        m.put("fee", fee);
        Integer peak = s.activity() == null ? null : s.activity().peakHour();
        m.put("hour", peak == null ? blank("hour", lang) : String.format(Locale.ROOT, "%02d:00", peak));
        m.put("asOf", s.asOf() == null ? blank("date", lang) : s.asOf().toString());
        return m;
    }

    private static String known(String value, String what, Lang lang) {
        return value == null || value.isBlank() ? blank(what, lang) : value.strip();
    }

    /** A marked blank: {@code 【待填:群名】}. */
    private static String blank(String what, Lang lang) {
        Texts t = Texts.of(lang);
        return t.get("draft.blank", t.get("draft.what." + what));
    }
}
