package org.communityadvisor.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.communityadvisor.Barrier;
import org.communityadvisor.Category;
import org.communityadvisor.Channel;
import org.communityadvisor.Labelled;
import org.communityadvisor.Lang;
import org.communityadvisor.Level;
import org.communityadvisor.Message;
import org.communityadvisor.Origin;
import org.communityadvisor.Platform;
import org.communityadvisor.Purpose;
import org.communityadvisor.Severity;
import org.communityadvisor.Stage;
import org.communityadvisor.engine.Values;
import org.junit.jupiter.api.Test;

/**
 * The text catalog's two files agree: the same keys, the same arguments in each text, valid MessageFormat patterns;
 * every key the code uses is in both; reading it prints nothing.
 */
class TextCatalogTest {
    private static final Path DIR = Path.of("src/main/resources/org/communityadvisor/texts");
    private static final Path EN = DIR.resolve("messages.properties");
    private static final Path ZH = DIR.resolve("messages_zh.properties");
    /** A key as the code passes it to the catalog: {@code t.get("text.do")}, {@code Texts.of(lang).get("...")}. */
    private static final Pattern KEY_IN_CODE = Pattern.compile("(?:\\bt|Texts\\.of\\([^()]*\\))\\.(?:get|has)\\(\\s*\"([^\"]+)\"");
    /** A word the HTML template reads from the report's words: {@code {{ t.title }}}. */
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("[{][{%][^}]*?\\bt\\.([A-Za-z]+)");

    @Test
    void bothLanguagesHoldTheSameKeysEachOnce() throws IOException {
        Map<String, String> en = read(EN);
        Map<String, String> zh = read(ZH);
        assertThat(new TreeSet<>(zh.keySet())).as("keys of %s missing in %s", EN, ZH).containsAll(en.keySet());
        assertThat(new TreeSet<>(en.keySet())).as("keys of %s missing in %s", ZH, EN).containsAll(zh.keySet());
        for (Path file : List.of(EN, ZH)) {
            List<String> keys = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.substring(0, l.indexOf('='))).toList();
            assertThat(keys).as(file + ": a key written twice (the second would silently win)").doesNotHaveDuplicates();
        }
    }

    @Test
    void eachTextHasTheArgumentsOfTheOtherLanguage() throws IOException {
        Map<String, String> en = read(EN);
        Map<String, String> zh = read(ZH);
        List<String> problems = new ArrayList<>();
        for (String key : en.keySet()) {
            if (!zh.containsKey(key)) {
                continue; // the test above names it
            }
            Map<Integer, Boolean> e = arguments(en.get(key));
            Map<Integer, Boolean> z = arguments(zh.get(key));
            // An argument that only chooses a plural form may be absent where the language has none (Chinese).
            Set<Integer> needed = new TreeSet<>(e.keySet());
            needed.addAll(z.keySet());
            for (int i : needed) {
                boolean inEn = e.containsKey(i);
                boolean inZh = z.containsKey(i);
                if (inEn != inZh && !(inEn ? e.get(i) : z.get(i))) {
                    problems.add(key + ": {" + i + "} is in the " + (inEn ? "English" : "Chinese") + " text only");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTextIsAMessageFormatPatternWithItsQuotesDoubled() throws IOException {
        for (Path file : List.of(EN, ZH)) {
            read(file).forEach((key, value) -> {
                // a single ' starts a quoted part in MessageFormat and disappears: write ''
                assertThat(value.replace("''", "")).as(file.getFileName() + ": " + key).doesNotContain("'");
                assertThat(new MessageFormat(value).toPattern()).as(key).isNotNull();
            });
        }
    }

    /** A catalog key of the importer as the code writes it, whole: {@code "import.wechat.person"}. */
    private static final Pattern IMPORT_KEY_IN_CODE = Pattern.compile("\"(import\\.[a-z0-9.-]*[a-z0-9])\"");

    /**
     * Every importer text the code names (a refusal's reason, a note, a word of the template) is in both files, in
     * Chinese too: an importer's sentence never falls back to English or to a missing-text error.
     */
    @Test
    void everyImporterKeyTheCodeNamesHasAnEnglishAndAChineseText() throws IOException {
        Map<String, String> en = read(EN);
        Map<String, String> zh = read(ZH);
        Set<String> named = new TreeSet<>();
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT_KEY_IN_CODE.matcher(Files.readString(f));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).as("the importer's keys the code names").hasSizeGreaterThan(150);
        List<String> missing = new ArrayList<>();
        for (String key : named) {
            if (!en.containsKey(key) || en.get(key).isBlank()) {
                missing.add(key + " (English)");
            }
            if (!zh.containsKey(key) || zh.get(key).isBlank()) {
                missing.add(key + " (Chinese)");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyTheCodeUsesIsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path f : sources) {
            Matcher m = KEY_IN_CODE.matcher(Files.readString(f));
            while (m.find()) {
                // a prefix the code completes with a value ("text.tag." + severity) is checked below, value by value;
                // the reports read their words from Labels, the catalog's report. keys without the prefix
                if (!m.group(1).endsWith(".")) {
                    used.add(m.group(1).contains(".") ? m.group(1) : "report." + m.group(1));
                }
            }
        }
        Matcher m = KEY_IN_TEMPLATE.matcher(Files.readString(Path.of("src/main/resources/org/communityadvisor/templates/report.html.peb")));
        while (m.find()) {
            used.add("report." + m.group(1));
        }
        assertThat(used).as("keys found in the code").hasSizeGreaterThan(100).contains("report.title", "text.do",
                "import.people.none", "report.chartMembers");
        // keys the code builds from a value
        for (Class<?> type : List.of(Stage.class, Severity.class, Category.class, Platform.class, Channel.class,
                Barrier.class, Level.class, Origin.class, Purpose.class)) {
            for (Object c : type.getEnumConstants()) {
                used.add(((Labelled) c).textKey());
            }
        }
        for (Message msg : Message.values()) {
            used.add(msg.key());
        }
        for (Severity s : Severity.values()) {
            used.add("text.tag." + s.json());
        }
        for (String score : List.of("overall", "activity", "participation", "growth", "conversion", "loyalty", "influence")) {
            used.add("score." + score);
        }
        Map<String, String> en = read(EN);
        Map<String, String> zh = read(ZH);
        assertThat(en.keySet()).as(EN.toString()).containsAll(used);
        assertThat(zh.keySet()).as(ZH.toString()).containsAll(used);
    }

    @Test
    void textsAreFilledAsBeforeTheCatalog() {
        Texts en = Texts.of(Lang.EN);
        // plain placeholders: String.valueOf, no digit grouping, even beside a plural choice of the same argument
        assertThat(en.get("import.people.candidate", "ann", 1, 1234, 2))
                .isEqualTo("ann: 1 reply received, 1234 messages on 2 days");
        assertThat(Texts.of(Lang.ZH).get("import.people.candidate", "ann", 1, 1234, 2))
                .isEqualTo("ann:被回复 1 次,发言 1234 条,活跃 2 天");
        assertThat(en.get("report.chartHint")).isEqualTo("Hover over a dot for that week's value");
        assertThat(en.get("text.do")).isEqualTo("Do:     ");
        assertThat(Texts.of(null)).isSameAs(en);
        assertThat(Severity.HIGH.label(Lang.ZH)).isEqualTo("高");
        assertThat(Stage.POST_EVENT.label(Lang.EN)).isEqualTo("post-event");
        assertThat(Texts.of(Lang.ZH).section("report.")).containsEntry("title", "社群运营建议报告");
    }

    @Test
    void theRulesEnglishCountNounsTakeTheSingularForOne() {
        Values.Template t = Values.Template.of("{members.total} members and {members.admins} admins, {x} questions");
        assertThat(t.fill(Map.of("members.total", 1, "members.admins", 2, "x", 1.0), Lang.EN))
                .isEqualTo("1 member and 2 admins, 1 question");
        assertThat(t.fill(Map.of("members.total", 0, "members.admins", 1, "x", 3), Lang.EN))
                .isEqualTo("0 members and 1 admin, 3 questions");
        assertThat(Values.Template.of("{a} guest shares, {b} live sessions in 30 days, {c} people joined").fill(
                Map.of("a", 1, "b", 1, "c", 1), Lang.EN)).isEqualTo("1 guest share, 1 live session in 30 days, 1 person joined");
        assertThat(Values.Template.of("{a} guest shares").fill(Map.of("a", 2), Lang.EN)).isEqualTo("2 guest shares");
        for (String key : read(EN).keySet().stream().filter(k -> k.startsWith("noun.")).toList()) {
            String plural = key.substring("noun.".length());
            assertThat(Texts.of(Lang.EN).get(key, 2)).as(key).isEqualTo(plural);
            assertThat(Texts.of(Lang.EN).get(key, 1)).as(key).isNotEqualTo(plural);
        }
    }

    @Test
    void theCatalogPrintsNothing() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream p = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(p);
            System.setErr(p);
            for (Lang lang : Lang.values()) {
                Texts t = Texts.of(lang);
                for (String key : read(EN).keySet()) {
                    assertThat(t.get(key, 1, 2, 3, 4, 5, 6, 7)).isNotNull();
                }
                assertThatThrownBy(() -> t.get("no.such.key")).isInstanceOf(MissingResourceException.class)
                        .hasMessageContaining("no.such.key");
                assertThatThrownBy(() -> t.get("no.such.key", 1)).isInstanceOf(MissingResourceException.class);
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** The file's keys and values in file order, read as the ResourceBundle reads them (UTF-8). */
    private static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }

    /**
     * The arguments a pattern uses at its top level, each with whether it is used only as a plural choice
     * ({@code {0,choice,...}}) and never shown itself. Quotes ({@code ''}, {@code 'x'}) are skipped.
     */
    static Map<Integer, Boolean> arguments(String pattern) {
        Map<Integer, Boolean> out = new LinkedHashMap<>();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                if (depth == 0) {
                    int end = i + 1;
                    while (end < pattern.length() && pattern.charAt(end) != ',' && pattern.charAt(end) != '}') {
                        end++;
                    }
                    int arg = Integer.parseInt(pattern.substring(i + 1, end).trim());
                    boolean choice = pattern.startsWith("choice", end + 1) || pattern.startsWith(" choice", end + 1);
                    out.merge(arg, choice, Boolean::logicalAnd);
                }
                depth++;
            } else if (!quoted && c == '}') {
                depth--;
            }
        }
        return out;
    }
}
