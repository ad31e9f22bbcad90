package org.communityadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.communityadvisor.Advisor;
import org.communityadvisor.Lang;
import org.communityadvisor.Profile;
import org.communityadvisor.ProfileException;
import org.communityadvisor.RulesException;
import picocli.CommandLine.Option;

/** The options every command that runs the rules shares: language, rules folder, profile. */
final class EngineOptions {
    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of the texts (default: ${DEFAULT-VALUE}).")
    Lang lang = Lang.EN;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Load the DRL files of this folder instead of the bundled rules (only from paths you name).")
    Path rules;

    @Option(names = "--profile", paramLabel = "FILE|NAME",
            description = "Thresholds for every input: a profile JSON file, or the name of a bundled profile "
                    + "(default: each snapshot by its platform's bundled profile, else 'default'; see ./advisor profiles).")
    String profile;

    /** Builds the advisor, or reports why it cannot and returns {@code null}. */
    Advisor advisor(PrintWriter err) {
        Profile p;
        try {
            p = profile == null ? null
                    : Files.isRegularFile(Path.of(profile)) ? Profile.fromFile(Path.of(profile))
                    : Profile.bundled(profile);
        } catch (ProfileException e) {
            if (!Files.exists(Path.of(profile))
                    && (profile.contains("/") || profile.contains("\\") || profile.endsWith(".json"))) {
                // a path, not a name: say the file is missing rather than that no profile has that name
                err.println(org.communityadvisor.text.Texts.of(lang).get("profile.no-file", profile,
                        String.join(", ", Profile.bundled().stream().map(Profile::name).toList())));
                return null;
            }
            err.println("advisor: profile: " + e.message(lang));
            return null;
        }
        try {
            return Advisor.builder().rulesDirectory(rules).profile(p).lang(lang).build();
        } catch (RulesException e) {
            err.println(rules == null ? org.communityadvisor.text.Texts.of(lang).get("rules.unusable.bundled")
                    : org.communityadvisor.text.Texts.of(lang).get("rules.unusable.folder", rules));
            e.problems().forEach(problem -> err.println("  " + problem));
            return null;
        }
    }
}
