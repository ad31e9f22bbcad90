package org.communityadvisor.report;

import java.util.Map;
import org.communityadvisor.Lang;
import org.communityadvisor.Scores;
import org.communityadvisor.text.Texts;

/** The fixed words of the Markdown and HTML reports, in either language: the catalog's {@code report.} keys. */
final class Labels {
    private static final Map<Lang, Map<String, String>> BY_LANG = byLang();

    private Labels() {
    }

    /** The words by their name in the templates ({@code title} is the catalog's {@code report.title}). */
    static Map<String, String> of(Lang lang) {
        return BY_LANG.get(lang == null ? Lang.EN : lang);
    }

    /** Each score with its name, overall first; {@code null} for an unknown score. */
    static Object[][] scores(Scores s, Lang lang) {
        Texts t = Texts.of(lang);
        return new Object[][] {
            {t.get("report.score.overall"), s.overall()}, {t.get("report.score.activity"), s.activity()},
            {t.get("report.score.participation"), s.participation()}, {t.get("report.score.growth"), s.growth()},
            {t.get("report.score.conversion"), s.conversion()}, {t.get("report.score.loyalty"), s.loyalty()},
            {t.get("report.score.influence"), s.influence()},
            {t.get("report.score.operations"), s.operations()}};
    }

    private static Map<Lang, Map<String, String>> byLang() {
        Map<Lang, Map<String, String>> out = new java.util.EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            out.put(l, Texts.of(l).section("report."));
        }
        return out;
    }
}
