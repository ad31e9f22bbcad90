package org.communityadvisor.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRL source view of a rules folder: its files as written, where each rule is declared (file and line),
 * a rule's text from {@code rule "name"} to {@code end} and its conditions. Reads text only; compiling is
 * {@link RuleBase}'s job, judging the text the {@link Linter}'s. Immutable and thread-safe.
 */
public final class RuleSources {
    private static final Pattern RULE_DECL = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

    /** Where a rule is declared: the index of its file in {@link #files()} and the line of its name. */
    record Declaration(String rule, int file, int line) {
    }

    /** A rule declared a second time ({@code at}) after an earlier declaration ({@code previous}). */
    record Duplicate(Declaration at, Declaration previous) {
    }

    private final List<RuleBase.Source> files;
    /** Every rule's declaration by name; a name declared twice maps to its last declaration. */
    private final Map<String, Declaration> declared = new HashMap<>();
    /** Names declared more than once, in the order of the files and lines. */
    private final List<Duplicate> duplicates = new ArrayList<>();

    RuleSources(List<RuleBase.Source> files) {
        this.files = List.copyOf(files);
        for (int i = 0; i < this.files.size(); i++) {
            String text = this.files.get(i).text();
            Matcher m = RULE_DECL.matcher(text);
            while (m.find()) {
                Declaration d = new Declaration(m.group(1), i, lineAt(text, m.start(1)));
                Declaration previous = declared.put(d.rule(), d);
                if (previous != null) {
                    duplicates.add(new Duplicate(d, previous));
                }
            }
        }
    }

    /** The DRL files, sorted by path. */
    public List<RuleBase.Source> files() {
        return files;
    }

    /** Where a rule is declared, or {@code null} when no file declares it. */
    Declaration declaration(String rule) {
        return declared.get(rule);
    }

    /** The rule names declared more than once. */
    List<Duplicate> duplicates() {
        return duplicates;
    }

    /** The path of a file by its index. */
    String path(int file) {
        return files.get(file).path();
    }

    /** The rule as written in its DRL file, from {@code rule "name"} to {@code end}; empty when unknown. */
    public String ruleText(RuleInfo r) {
        if (r == null || r.line() < 1) {
            return "";
        }
        String[] lines = files.stream().filter(s -> s.path().equals(r.file())).findFirst()
                .map(s -> s.text().split("\n", -1)).orElse(new String[0]);
        StringBuilder out = new StringBuilder();
        for (int i = r.line() - 1; i < lines.length; i++) {
            out.append(lines[i]).append('\n');
            if (lines[i].trim().equals("end")) {
                break;
            }
        }
        return out.toString();
    }

    /** The conditions of a rule as written (between {@code when} and {@code then}), one per line. */
    public String conditions(RuleInfo r) {
        String text = ruleText(r);
        int when = text.indexOf("\nwhen");
        int then = text.indexOf("\nthen");
        if (when < 0 || then < when) {
            return "";
        }
        return text.substring(when + 5, then).lines().map(String::strip).filter(l -> !l.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** Drools does not give a line for some errors; find the expression it quotes in the file. */
    static int lineOf(List<RuleBase.Source> sources, String file, String message) {
        Matcher m = Pattern.compile("Expression (.+?):").matcher(message);
        if (!m.find()) {
            return -1;
        }
        for (RuleBase.Source s : sources) {
            int at = s.path().equals(file) ? s.text().indexOf(m.group(1)) : -1;
            if (at >= 0) {
                return lineAt(s.text(), at);
            }
        }
        return -1;
    }

    /** The line (from 1) of an offset into a text. */
    static int lineAt(String text, int offset) {
        return 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }
}
