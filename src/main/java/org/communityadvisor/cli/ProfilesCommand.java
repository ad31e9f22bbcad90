package org.communityadvisor.cli;

import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.communityadvisor.Profile;
import org.communityadvisor.Thresholds;
import org.communityadvisor.report.internal.TerminalText;
import picocli.CommandLine.Command;

/** {@code ./advisor profiles}: the bundled profiles and how each differs from the default. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = {"List the bundled threshold profiles (use one with --profile NAME).", "列出内置的阈值配置。"})
final class ProfilesCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        PrintWriter out = Output.stdout();
        Profile base = Profile.bundled(Profile.DEFAULT);
        for (Profile p : Profile.bundled()) {
            out.println(p.name());
            TerminalText.wrap(out, "    ", p.description());
            List<String> platforms = java.util.Arrays.stream(org.communityadvisor.Platform.values())
                    .filter(pl -> Profile.forPlatform(pl).name().equals(p.name())).map(pl -> pl.json()).toList();
            if (!platforms.isEmpty()) {
                TerminalText.wrap(out, "    used without --profile for platforms: ", String.join(", ", platforms));
            }
            List<String> changed = new ArrayList<>();
            for (RecordComponent c : Thresholds.class.getRecordComponents()) {
                Object mine = c.getAccessor().invoke(p.thresholds());
                Object theirs = c.getAccessor().invoke(base.thresholds());
                if (!Objects.equals(mine, theirs)) {
                    changed.add(c.getName() + " " + theirs + " -> " + mine);
                }
            }
            if (p.name().equals(Profile.DEFAULT)) {
                TerminalText.wrap(out, "    thresholds: ", String.join(", ", Profile.thresholdNames().stream()
                        .map(n -> n + "=" + value(p.thresholds(), n)).toList()));
            } else {
                TerminalText.wrap(out, "    differs from default: ", changed.isEmpty() ? "nothing" : String.join(", ", changed));
            }
            out.println();
        }
        out.flush();
        return 0;
    }

    private static Object value(Thresholds t, String name) {
        try {
            return Thresholds.class.getMethod(name).invoke(t);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
