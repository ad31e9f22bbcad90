package org.communityadvisor.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.communityadvisor.Evidence;

/**
 * A rule's quote as a Chinese client report shows it: simplified, without the OCR's glosses, prepared ahead in the
 * bundled rule's {@code zh.properties} ({@code quote}, written by {@code tools/zh-quotes.sh}), so the advisor
 * needs no conversion library at run time. The prepared quote is shown only while it still matches the advice's
 * verbatim quote character for character outside the Chinese script (same length, same punctuation and digits);
 * otherwise (rules of one's own, a changed quote) the verbatim quote is shown without its glosses.
 */
final class ShownQuotes {
    private static final String RULES = "/org/communityadvisor/rules/";
    private static final ConcurrentHashMap<String, Optional<String>> PREPARED = new ConcurrentHashMap<>();

    private ShownQuotes() {
    }

    /** The simplified quote for this rule's verbatim quote, or {@code null} when none is prepared or it is stale. */
    static String simplified(String ruleId, String verbatim) {
        if (ruleId == null || verbatim == null || ruleId.contains("/") || ruleId.contains("..")) {
            return null;
        }
        String prepared = PREPARED.computeIfAbsent(ruleId, ShownQuotes::load).orElse(null);
        return prepared != null && matches(prepared, Evidence.readableQuote(verbatim)) ? prepared : null;
    }

    /** Whether a converted text is the same text: same length, the same characters wherever either is not Han. */
    static boolean matches(String simplified, String traditional) {
        if (simplified.length() != traditional.length()) {
            return false;
        }
        for (int i = 0; i < simplified.length(); i++) {
            char a = simplified.charAt(i);
            char b = traditional.charAt(i);
            boolean hanA = Character.UnicodeScript.of(a) == Character.UnicodeScript.HAN;
            boolean hanB = Character.UnicodeScript.of(b) == Character.UnicodeScript.HAN;
            if (hanA != hanB || (!hanA && a != b)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> load(String ruleId) {
        try (InputStream in = ShownQuotes.class.getResourceAsStream(RULES + ruleId + "/zh.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            String q = p.getProperty("quote");
            return q == null || q.isBlank() ? Optional.empty() : Optional.of(q.strip());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
