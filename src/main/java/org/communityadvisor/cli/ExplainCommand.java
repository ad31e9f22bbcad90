package org.communityadvisor.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.communityadvisor.Advisor;
import org.communityadvisor.Rules;
import org.communityadvisor.report.internal.TerminalText;
import org.communityadvisor.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./advisor explain ID}: one rule in full, with the DRL file and line it lives in. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Show one rule in full: metadata, texts, thresholds, source, and its DRL with file and line.",
                "完整展示一条规则:元数据、文字、阈值、出处,以及它所在的 DRL 文件和行号。"})
final class ExplainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "A rule id, e.g. size.below-viable (or a stage rule, e.g. stage.launch).")
    String id;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = Output.stderr();
        Advisor advisor = engine.advisor(err);
        if (advisor == null) {
            return Main.INVALID_INPUT;
        }
        Rules.Rule r = advisor.rules().find(id).orElse(null);
        if (r == null) {
            Texts texts = Texts.of(engine.lang);
            err.println(advisor.rules().nearest(id).map(n -> texts.get("explain.no-rule-nearest", id, n))
                    .orElseGet(() -> texts.get("explain.no-rule", id)));
            return Main.INVALID_INPUT;
        }
        RuleCatalog catalog = new RuleCatalog(advisor.rules(), advisor.profile(), engine.lang);
        Texts t = Texts.of(engine.lang);
        PrintWriter out = Output.stdout();
        out.println(r.id() + "  (rules/" + r.file() + ":" + r.line() + ")");
        if (r.kind() == Rules.Kind.RECOMMENDATION) {
            out.println(t.get("explain.weight", catalog.category(r.category().toString()), catalog.severities(r), r.weight()));
            TerminalText.wrap(out, t.get("explain.title"), r.title(engine.lang));
            TerminalText.wrap(out, t.get("explain.when"), catalog.trigger(r));
            TerminalText.wrap(out, t.get("explain.action"), r.action(engine.lang));
            TerminalText.wrap(out, t.get("explain.why"), r.why(engine.lang));
            Map<String, Object> th = catalog.thresholds(r);
            if (!th.isEmpty()) {
                TerminalText.wrap(out, t.get("explain.limits"), th.toString().replaceAll("[{}]", ""));
            }
        }
        if (r.document() != null) {
            // Verbatim, as the rule file holds it (the OCR's glosses included): this is the rule's own text.
            TerminalText.wrap(out, t.get("explain.source"), r.document() + " 「" + r.quote() + "」");
        }
        out.println();
        out.print(r.drl());
        int slash = r.file().lastIndexOf('/');
        if (slash > 0) {
            out.println();
            out.println(t.get("explain.files", "rules/" + r.file().substring(0, slash)));
        }
        out.flush();
        return 0;
    }
}
