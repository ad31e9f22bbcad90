package org.communityadvisor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./advisor}: the consultants' command line. */
@Command(name = "advisor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Community Advisor: lifecycle stage and ranked, explained advice for online communities.",
                "社群顾问:判断社群所处阶段,给出排序并附理由的运营建议。"},
        subcommands = {AdviseCommand.class, ReviewCommand.class, PlanCommand.class, DraftCommand.class, ImportCommand.class, CheckCommand.class, CompareCommand.class, LintCommand.class, RulesCommand.class, ExplainCommand.class, ProfilesCommand.class, SchemaCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code for invalid input (a snapshot, a profile, a rules folder, or the command line itself). */
    public static final int INVALID_INPUT = 2;
    /** Exit code for an internal error. */
    public static final int INTERNAL_ERROR = 1;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (no {@code System.exit}, for tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setErr(Output.stderr()); // what it says quotes the command line: made inert like every message
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof Output.BadTarget bad) {
                commandLine.getErr().println("advisor: " + bad.getMessage());
                return INVALID_INPUT;
            }
            commandLine.getErr().println("advisor: internal error: " + e);
            return INTERNAL_ERROR;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            CommandLine c = e.getCommandLine();
            // enum values as they are typed (text, json, zh), not as Java names them (TEXT, JSON, ZH)
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("expected one of \\[([A-Z0-9_, ]+)\\]")
                    .matcher(String.valueOf(e.getMessage()));
            String message = m.find() ? m.replaceFirst("expected one of " + m.group(1).toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-')).replace(" (case-insensitive)", "") : e.getMessage();
            if (e instanceof CommandLine.UnmatchedArgumentException u && c.getParent() == null
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
                // a mistyped command: say so, rather than picocli's "Unmatched arguments from index 0"
                String env = String.valueOf(System.getenv("LANG"));
                message = org.communityadvisor.text.Texts.of(env.startsWith("zh") ? org.communityadvisor.Lang.ZH
                        : org.communityadvisor.Lang.EN).get("advise.unknown-command", u.getUnmatched().get(0));
            }
            c.getErr().println("advisor: " + message);
            // a typo in a command or option: picocli's nearest names ("Did you mean: advise?")
            CommandLine.UnmatchedArgumentException.printSuggestions(e, c.getErr());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return INVALID_INPUT;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Community Advisor " + (v == null ? "(development build)" : v)};
        }
    }
}
