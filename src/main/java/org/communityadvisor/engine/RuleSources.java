package org.communityadvisor.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.runtime.CommonToken;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DRLFactory;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.lang.DRL6Lexer;
import org.drools.drl.parser.lang.DRLLexer;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The DRL source view of a rules folder: its files as written, where each rule is declared (file and line), a
 * rule's text from {@code rule "name"} to {@code end} and its conditions. Drools' own DRL parser reads the files
 * ({@link #parse}: the descriptors the compiler builds its rules from, with the tokens of their text for the
 * {@link Linter}); rules loaded precompiled keep the {@link Span}s found when they were compiled, so a start
 * parses no DRL. Compiling is {@link RuleBase}'s job, judging the text the {@link Linter}'s. Immutable and
 * thread-safe.
 */
public final class RuleSources {
    /** Where a rule is declared: the index of its file in {@link #files()} and the line of its {@code rule} keyword. */
    record Declaration(String rule, int file, int line) implements Serializable {
    }

    /**
     * Where a rule's text is: its declaration, the line of its {@code end}, and the offsets in its file of its
     * conditions as they are shown (from {@code conditionsStart} to before {@code conditionsEnd}; both -1 when it
     * has none). Kept with precompiled rules.
     */
    record Span(Declaration at, int endLine, int conditionsStart, int conditionsEnd) implements Serializable {
    }

    /** A rule declared a second time ({@code at}) after an earlier declaration ({@code previous}). */
    record Duplicate(Declaration at, Declaration previous) {
    }

    /** What a token of DRL is, as far as the checks care. */
    enum Kind {
        NAME, NUMBER, STRING, SYMBOL
    }

    /** One token of DRL as Drools' lexer reads it (comments and blanks are none): its file line and offset. */
    record Token(Kind kind, String text, int line, int start) {
        boolean is(String s) {
            return kind != Kind.STRING && text.equals(s);
        }
    }

    /** A pattern of a rule's conditions: its fact type as written and its tokens, binding and source included. */
    record PatternText(String type, List<Token> tokens) {
    }

    /**
     * A rule or query as the parser reads it: the line of each annotation (by name, the first if repeated), the
     * tokens of its conditions, its patterns (nested ones too: in {@code not}, {@code exists}, {@code accumulate}
     * ...) and the tokens of its consequence (after {@code then}, before {@code end}; none for a query).
     */
    record RuleText(String name, boolean query, int file, int line, Map<String, Integer> annotations,
            List<Token> conditions, List<PatternText> patterns, List<Token> consequence) {
    }

    /**
     * Parsed DRL files: the source view, every rule and query in the order of the files and their lines, and what
     * the parser refused ({@code file:line: message}).
     */
    record Parsed(RuleSources sources, List<RuleText> rules, List<String> errors) {
        /** The rules and queries of one file, in their order. */
        List<RuleText> inFile(int file) {
            return rules.stream().filter(r -> r.file() == file).toList();
        }

        /** The rule declared in a file at a line, or {@code null}. */
        RuleText at(String file, int line) {
            return rules.stream().filter(r -> !r.query() && r.line() == line && sources.path(r.file()).equals(file))
                    .findFirst().orElse(null);
        }
    }

    private final List<RuleBase.Source> files;
    private final List<Span> spans;
    /** Every rule's declaration by name; a name declared twice maps to its last declaration. */
    private final Map<String, Declaration> declared = new HashMap<>();
    /** Every rule's span by its file and line. */
    private final Map<String, Span> byLine = new HashMap<>();
    /** Names declared more than once, in the order of the files and lines. */
    private final List<Duplicate> duplicates = new ArrayList<>();

    /** The source view of files whose rules are at the spans given (in the order of the files and lines). */
    RuleSources(List<RuleBase.Source> files, List<Span> spans) {
        this.files = List.copyOf(files);
        this.spans = List.copyOf(spans);
        for (Span s : this.spans) {
            Declaration d = s.at();
            Declaration previous = declared.put(d.rule(), d);
            if (previous != null) {
                duplicates.add(new Duplicate(d, previous));
            }
            byLine.put(path(d.file()) + ":" + d.line(), s);
        }
    }

    /** Reads DRL files with Drools' parser: the source view and what the checks read. */
    static Parsed parse(List<RuleBase.Source> files) {
        List<Span> spans = new ArrayList<>();
        List<RuleText> rules = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String path = files.get(i).path();
            String text = files.get(i).text();
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, text);
            } catch (DroolsParserException e) {
                errors.add(path + ":?: " + e.getMessage());
                continue;
            }
            for (DroolsError error : parser.getErrors()) {
                int[] lines = error.getLines();
                errors.add(path + ":" + (lines == null || lines.length == 0 || lines[0] < 1 ? "?" : lines[0]) + ": "
                        + error.getMessage().replaceAll("\\s+", " ").trim());
            }
            if (pkg == null) {
                continue;
            }
            List<Token> tokens = tokens(text);
            for (RuleDescr rule : pkg.getRules()) {
                rules.add(read(i, tokens, rule));
                if (!rule.isQuery()) {
                    spans.add(span(i, text, rule));
                }
            }
        }
        return new Parsed(new RuleSources(files, spans), List.copyOf(rules), List.copyOf(errors));
    }

    /** Every token of a DRL text as Drools' lexer reads it, blanks and comments left out. */
    private static List<Token> tokens(String text) {
        // The DRL6 lexer whatever the language level: its token types are the ones read below.
        DRLLexer lexer = DRLFactory.buildLexer(text, LanguageLevelOption.DRL6);
        List<Token> out = new ArrayList<>();
        for (org.antlr.runtime.Token t = lexer.nextToken(); t.getType() != org.antlr.runtime.Token.EOF;
                t = lexer.nextToken()) {
            if (t.getChannel() == org.antlr.runtime.Token.HIDDEN_CHANNEL) {
                continue;
            }
            Kind kind = switch (t.getType()) {
                case DRL6Lexer.ID, DRL6Lexer.NULL, DRL6Lexer.BOOL -> Kind.NAME;
                case DRL6Lexer.DECIMAL, DRL6Lexer.FLOAT, DRL6Lexer.HEX -> Kind.NUMBER;
                case DRL6Lexer.STRING -> Kind.STRING;
                default -> Kind.SYMBOL;
            };
            out.add(new Token(kind, t.getText(), t.getLine(), ((CommonToken) t).getStartIndex()));
        }
        return out;
    }

    /** The tokens that start from {@code from} to {@code to} (offsets, both included). */
    private static List<Token> between(List<Token> tokens, int from, int to) {
        return tokens.stream().filter(t -> t.start() >= from && t.start() <= to).toList();
    }

    /** The first token {@code word} outside parentheses, or -1. */
    private static int indexOf(List<Token> tokens, String word) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
            if (depth == 0 && t.kind() == Kind.NAME && t.is(word)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a descriptor has a place in the text (the parser gives none to an empty condition). */
    private static boolean located(BaseDescr d) {
        return d != null && d.getStartCharacter() >= 0 && d.getEndCharacter() >= d.getStartCharacter();
    }

    private static boolean hasConditions(RuleDescr rule) {
        AndDescr lhs = rule.getLhs();
        return lhs != null && !lhs.getDescrs().isEmpty() && located(lhs);
    }

    private static RuleText read(int file, List<Token> all, RuleDescr rule) {
        List<Token> tokens = between(all, rule.getStartCharacter(), rule.getEndCharacter());
        boolean conditions = hasConditions(rule);
        int lhsStart = conditions ? rule.getLhs().getStartCharacter() : -1;
        int lhsEnd = conditions ? rule.getLhs().getEndCharacter() : -1;
        int when = indexOf(tokens, "when");
        // The header (annotations, attributes) ends at "when", or where the conditions start.
        int header = when >= 0 ? when : conditions ? (int) tokens.stream().filter(t -> t.start() < lhsStart).count()
                : tokens.size();
        Map<String, Integer> annotations = new LinkedHashMap<>();
        for (int i = 0; i + 1 < header; i++) {
            if (tokens.get(i).is("@") && tokens.get(i + 1).kind() == Kind.NAME) {
                annotations.putIfAbsent(tokens.get(i + 1).text(), tokens.get(i).line());
            }
        }
        List<PatternText> patterns = new ArrayList<>();
        if (conditions) {
            patterns(rule.getLhs(), all, patterns);
        }
        List<Token> consequence = List.of();
        if (!rule.isQuery()) {
            int after = conditions ? lhsEnd : when >= 0 ? tokens.get(when).start() : -1;
            List<Token> rest = tokens.stream().filter(t -> t.start() > after).toList();
            int then = indexOf(rest, "then");
            int end = rest.isEmpty() || !rest.get(rest.size() - 1).is("end") ? rest.size() : rest.size() - 1;
            consequence = then < 0 || then >= end ? List.of() : rest.subList(then + 1, end);
        }
        return new RuleText(rule.getName(), rule.isQuery(), file, rule.getLine(), Map.copyOf(annotations),
                conditions ? between(all, lhsStart, lhsEnd) : List.of(), List.copyOf(patterns),
                List.copyOf(consequence));
    }

    /** The patterns of a condition, nested ones too, in the order written. */
    private static void patterns(BaseDescr d, List<Token> all, List<PatternText> out) {
        if (d instanceof PatternDescr p) {
            if (located(p)) {
                out.add(new PatternText(p.getObjectType(), between(all, p.getStartCharacter(), p.getEndCharacter())));
            }
            if (p.getSource() instanceof ConditionalElementDescr source) {
                source.getDescrs().forEach(c -> patterns((BaseDescr) c, all, out));
            }
        } else if (d instanceof ConditionalElementDescr ce) {
            ce.getDescrs().forEach(c -> patterns((BaseDescr) c, all, out));
        }
    }

    /**
     * Where a rule's text is. Its conditions as shown are the lines of its conditions' descriptor, from the
     * start of its first line to the end of its last (a comment after the last condition included), or only the
     * descriptor's own text where {@code when} or {@code then} shares its line.
     */
    private static Span span(int file, String text, RuleDescr rule) {
        Declaration at = new Declaration(rule.getName(), file, rule.getLine());
        int endLine = lineAt(text, Math.min(rule.getEndCharacter(), text.length()));
        if (!hasConditions(rule)) {
            return new Span(at, endLine, -1, -1);
        }
        int start = rule.getLhs().getStartCharacter();
        int end = Math.min(rule.getLhs().getEndCharacter() + 1, text.length());
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        if (text.substring(lineStart, start).isBlank()) {
            start = lineStart;
        }
        int lineEnd = text.indexOf('\n', end) < 0 ? text.length() : text.indexOf('\n', end);
        String rest = text.substring(end, lineEnd).strip();
        if (rest.isEmpty() || rest.startsWith("//")) {
            end = lineEnd;
        }
        return new Span(at, endLine, start, end);
    }

    /** The spans of every rule, in the order of the files and lines: what precompiled rules keep. */
    List<Span> spans() {
        return spans;
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
        Span s = r == null ? null : byLine.get(r.file() + ":" + r.line());
        if (s == null) {
            return "";
        }
        String[] lines = files.get(s.at().file()).text().split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = s.at().line() - 1; i < Math.min(s.endLine(), lines.length); i++) {
            out.append(lines[i]).append('\n');
        }
        return out.toString();
    }

    /** The conditions of a rule as written (between {@code when} and {@code then}), one per line. */
    public String conditions(RuleInfo r) {
        Span s = r == null ? null : byLine.get(r.file() + ":" + r.line());
        if (s == null || s.conditionsStart() < 0) {
            return "";
        }
        return files.get(s.at().file()).text().substring(s.conditionsStart(), s.conditionsEnd()).lines()
                .map(String::strip).filter(l -> !l.isEmpty()).collect(java.util.stream.Collectors.joining("\n"));
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
