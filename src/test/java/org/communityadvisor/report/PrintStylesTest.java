package org.communityadvisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.communityadvisor.Advisor;
import org.communityadvisor.Lang;
import org.communityadvisor.Scenario;
import org.junit.jupiter.api.Test;

/** The client report prints: one community a page, no screen chrome, and it names the fonts Chinese needs. */
class PrintStylesTest {
    private static String report(Lang lang) throws Exception {
        Advisor advisor = Advisor.builder().build();
        List<AdvisedCommunity> list = new java.util.ArrayList<>();
        for (String f : List.of("scenarios/book-club-first-month.json", "scenarios/big-500-group.json")) {
            Scenario s = Scenario.read(Files.readString(Path.of(f)), advisor.rules());
            list.add(AdvisedCommunity.of(s.base(), advisor.advise(s.base(), lang)));
        }
        return HtmlReport.render(list, lang);
    }

    @Test
    void printStylesPutEachCommunityOnItsOwnPage() throws Exception {
        String html = report(Lang.EN);
        String print = html.substring(html.indexOf("@media print"), html.indexOf("</style>"));
        assertThat(print).contains("@page").contains("section.community + section.community, #portfolio + section.community"
                + " { break-before: page; page-break-before: always; }")
                .contains(".card, .chart-box").contains("break-inside: avoid")
                .contains(".screen-only { display: none !important; }");
        // the screen's hints are marked so print leaves them out
        assertThat(html).contains("<p class=\"meta screen-only\">").contains("<span class=\"screen-only\">");
        assertThat(html.split("<section class=\"community\"", -1)).hasSize(3);
    }

    @Test
    void theReportNamesTheFontsChineseNeeds() throws Exception {
        String html = report(Lang.ZH);
        assertThat(html).containsPattern("body \\{[^}]*\"Noto Sans CJK SC\"[^}]*\"WenQuanYi Micro Hei\", sans-serif;")
                .contains("sudo apt install fonts-noto-cjk");
        assertThat(report(Lang.EN)).contains("Chinese text needs a CJK font such as Noto Sans CJK SC");
    }
}
