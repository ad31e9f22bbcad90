package org.communityadvisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityadvisor.Evidence;
import org.junit.jupiter.api.Test;

/**
 * Each rule's {@code quote} in zh.properties, the quote a Chinese client report shows, is its verbatim
 * {@code @quote} without the OCR's glosses, converted to simplified characters (ICU4J's "Hant-Hans", a test-only
 * dependency) and with the OCR's 旳 read as 的. Run with {@code -Dquotes.write=true} (tools/zh-quotes.sh) it writes
 * those keys instead, for every rule folder; a second run changes nothing.
 */
class ZhQuotesTest {
    static final Path RULES = Path.of("rules");
    private static final Pattern QUOTE = Pattern.compile("@quote\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");
    private static final Pattern QUOTE_LINE = Pattern.compile("(?m)^quote\\s*[=:].*(?:\\R|$)");
    /** The OCR's misreadings a practitioner would never print, read as meant. */
    private static final Map<String, String> OCR = Map.of("旳", "的");

    /** The quote a Chinese reader sees for this verbatim quote. */
    static String simplified(String verbatim) {
        String s = Transliterator.getInstance("Hant-Hans").transliterate(Evidence.readableQuote(verbatim));
        for (Map.Entry<String, String> e : OCR.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }

    /** Every rule folder's verbatim @quote, by folder. */
    static Map<Path, String> quotes() throws IOException {
        Map<Path, String> out = new TreeMap<>();
        try (var dirs = Files.list(RULES)) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve("rule.drl"))).toList()) {
                Matcher m = QUOTE.matcher(Files.readString(dir.resolve("rule.drl")));
                if (m.find()) {
                    out.put(dir, m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
        }
        return out;
    }

    /** zh.properties with its quote key set to this value (replaced where it stands, else appended). */
    static String withQuote(String properties, String quote) {
        String line = "quote = " + quote.replace("\\", "\\\\") + "\n";
        Matcher m = QUOTE_LINE.matcher(properties);
        if (m.find()) {
            return properties.substring(0, m.start()) + line + properties.substring(m.end());
        }
        return properties + (properties.isEmpty() || properties.endsWith("\n") ? "" : "\n") + line;
    }

    /** Writes every rule folder's quote key; returns the folders it changed. */
    static List<Path> write() throws IOException {
        List<Path> changed = new ArrayList<>();
        for (Map.Entry<Path, String> e : quotes().entrySet()) {
            Path zh = e.getKey().resolve("zh.properties");
            String before = Files.exists(zh) ? Files.readString(zh, StandardCharsets.UTF_8) : "";
            String after = withQuote(before, simplified(e.getValue()));
            if (!after.equals(before)) {
                Files.writeString(zh, after, StandardCharsets.UTF_8);
                changed.add(e.getKey());
            }
        }
        return changed;
    }

    /** {@code tools/zh-quotes.sh}: writes the keys (from the project folder). */
    public static void main(String[] args) throws IOException {
        List<Path> changed = write();
        System.out.println("zh quotes: " + changed.size() + " rule folder(s) written" + (changed.isEmpty() ? "" : ": " + changed));
    }

    @Test
    void everyRulesChineseQuoteIsItsVerbatimQuoteSimplifiedWithoutGlosses() throws IOException {
        if (Boolean.getBoolean("quotes.write")) {
            main(new String[0]);
        }
        Map<Path, String> quotes = quotes();
        assertThat(quotes).hasSizeGreaterThan(40);
        for (Map.Entry<Path, String> e : quotes.entrySet()) {
            java.util.Properties p = new java.util.Properties();
            try (var r = Files.newBufferedReader(e.getKey().resolve("zh.properties"), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            String expected = simplified(e.getValue());
            assertThat(p.getProperty("quote")).as(e.getKey() + "/zh.properties quote (run tools/zh-quotes.sh)")
                    .isEqualTo(expected);
            assertThat(ShownQuotes.matches(expected, Evidence.readableQuote(e.getValue())))
                    .as(e.getKey() + ": the report shows it only while it matches the verbatim quote").isTrue();
        }
    }

    @Test
    void theGeneratorReplacesTheKeyWhereItStandsAndAppendsItOtherwise() {
        assertThat(withQuote("title = a\n", "简")).isEqualTo("title = a\nquote = 简\n");
        assertThat(withQuote("title = a", "简")).isEqualTo("title = a\nquote = 简\n");
        assertThat(withQuote("title = a\nquote = 繁\nwhy = b\n", "简")).isEqualTo("title = a\nquote = 简\nwhy = b\n");
        assertThat(simplified("出現(xiàn)了這個問題,短旳")).isEqualTo("出现了这个问题,短的");
    }
}
