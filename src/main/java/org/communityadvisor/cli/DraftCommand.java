package org.communityadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.communityadvisor.AdviceJson;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Lang;
import org.communityadvisor.Snapshot;
import org.communityadvisor.ValidationError;
import org.communityadvisor.report.Draft;
import org.communityadvisor.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./advisor draft KIND FILE}: a document ready to send, prefilled from a snapshot. */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = {"Write a document ready to send, prefilled from a snapshot (name, goal, admins, fee, peak hour, "
                + "platform), with [TO FILL: ...] blanks for what it does not know. KIND: announcement (six parts, "
                + "rules with rewards and a penalty ladder), month-plan (five parts as a table), live-share (run sheet: "
                + "preview, opening, guest, Q&A, gifts), welcome (welcome message and newcomer guide).",
                "按快照预填一份可直接发出的文档(群名、目标、管理员、费用、高峰时段、平台),不知道的内容标为【待填:…】。"
                        + "KIND:announcement(六部分群公告,含奖励与阶梯处罚的群规)、month-plan(五部分月度方案表)、"
                        + "live-share(线上分享流程单)、welcome(欢迎语与新手指南)。"})
final class DraftCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND", description = "announcement, month-plan, live-share or welcome.")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE|-", description = "A snapshot or scenario file, or - for one on standard input.")
    String input;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of the document (default: ${DEFAULT-VALUE}).")
    Lang lang = Lang.EN;

    @Option(names = "--out", paramLabel = "PATH", description = "Write to this file (whole, or not at all) instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = Output.stderr();
        Draft.Kind k = List.of(Draft.Kind.values()).stream().filter(v -> v.json().equals(kind)).findFirst().orElse(null);
        if (k == null) {
            err.println(Texts.of(lang).get("draft.not-a-kind", kind));
            return Main.INVALID_INPUT;
        }
        Snapshot[] read = {null};
        int[] refused = {0};
        new Inputs(List.of(input), System.in).forEach(doc -> {
            if (read[0] != null || refused[0] > 0) {
                return;
            }
            if (doc.unreadable() != null) {
                err.println(doc.label() + ": " + doc.unreadable());
                refused[0]++;
                return;
            }
            try {
                read[0] = AdviceJson.readInput(doc.text());
            } catch (InvalidSnapshotException e) {
                for (ValidationError v : e.errors()) {
                    err.println(doc.label() + ": " + (v.path().equals("(file)") ? "" : v.path() + ": ") + v.reason(lang));
                }
                refused[0]++;
            }
        });
        if (read[0] == null) {
            return Main.INVALID_INPUT;
        }
        try (Output output = Output.open(out)) {
            output.writer().print(Draft.render(k, read[0], lang));
            output.writer().flush();
            output.commit();
        }
        return 0;
    }
}
