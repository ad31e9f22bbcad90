package org.communityadvisor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.communityadvisor.Profile;
import org.communityadvisor.Rules;
import org.communityadvisor.RulesException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./advisor lint}: what a consultant runs after editing a rule. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Compile and check a rules folder: DRL errors with file:line, missing metadata or texts,"
                + " duplicate ids, values that name nothing; and a profile file's threshold names. Exit 1 on any problem.",
                "编译并检查规则目录(DRL 错误及文件行号、缺失的元数据或文字、重复编号、不存在的取值)以及配置文件;有问题时退出码为 1。"})
final class LintCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR", description = "The rules folder to check (default: rules/ when present, else the bundled rules).")
    Path rules;

    @Option(names = "--profile", paramLabel = "FILE", description = "Also check this profile file.")
    Path profile;

    @Override
    public Integer call() {
        PrintWriter out = Output.stdout();
        Path dir = rules != null ? rules : Files.isDirectory(Path.of("rules")) ? Path.of("rules") : null;
        if (dir != null && !Files.isDirectory(dir)) {
            Output.stderr().println("advisor: lint: --rules " + dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder")
                    + " (name the folder holding the .drl files, e.g. --rules rules)");
            return Main.INVALID_INPUT;
        }
        int problems = 0;
        try {
            Rules base = Rules.compile(dir);
            long recs = base.all().stream().filter(r -> r.kind() == Rules.Kind.RECOMMENDATION).count();
            long stages = base.all().stream().filter(r -> r.kind() == Rules.Kind.STAGE).count();
            List<String> cases = dir == null ? List.of() : base.caseProblems(dir);
            for (String p : cases) {
                out.println(dir + "/" + p);
            }
            problems += cases.size();
            if (cases.isEmpty()) {
                out.println((dir == null ? "bundled rules" : dir.toString()) + ": " + base.drlFiles()
                        + " DRL files, " + recs + " recommendation rules, " + stages + " stage rules, version "
                        + base.version() + ": ok");
            }
        } catch (RulesException e) {
            for (String p : e.problems()) {
                String where = dir == null ? "rules" : dir.toString();
                out.println(p.startsWith("(rules): ") ? where + ": " + p.substring(9)
                        : p.startsWith(where) ? p : where + "/" + p);
            }
            problems += e.problems().size();
        }
        if (profile != null) {
            try {
                Profile p = Profile.fromFile(profile);
                out.println(profile + ": profile '" + p.name() + "': ok");
            } catch (org.communityadvisor.ProfileException e) {
                out.println(e.getMessage());
                problems++;
            }
        }
        if (problems > 0) {
            out.println(problems + " problem(s)");
        }
        out.flush();
        return problems > 0 ? 1 : 0;
    }
}
