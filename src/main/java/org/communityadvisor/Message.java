package org.communityadvisor;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityadvisor.text.Texts;

/**
 * The messages the advisor says about its input (validation reasons) and the few the command line prints about
 * a run; their texts, in English and Chinese, are in the text catalog under {@link #key()}
 * ({@code org/communityadvisor/texts/messages*.properties}). A template's placeholders are {@code {0}},
 * {@code {1}}, ...; both languages of an entry use the same ones (a test checks it). An argument
 * that is itself a {@link Message} (or a {@link Text}) is rendered in the same language; anything else is
 * shown as {@link String#valueOf(Object)} (no number grouping, dates as yyyy-MM-dd).
 *
 * <p>To add a message: add an entry here, its texts to both properties files, and create the error with it
 * ({@link ValidationError#of(String, Message, Object...)}); never build a reason by concatenating English.
 */
public enum Message {
    // --- reading the JSON document ---
    DOCUMENT_TOO_LARGE,
    DOCUMENT_OVER_LIMIT,
    NOT_UTF8,
    EMPTY_INPUT,
    NOT_VALID_JSON,
    NOT_VALID_JSON_AT,
    DUPLICATE_FIELD,
    /** Jackson's own wording of a mapping failure the reader does not know better. */
    CANNOT_MAP,
    UNREADABLE,
    NUMBER_OUT_OF_RANGE,
    NUMBER_OUT_OF_RANGE_FOR_INTEGER,
    TEXT_TOO_LONG,
    COMMENTS_NOT_ALLOWED,
    UNKNOWN_FIELD_DID_YOU_MEAN,
    UNKNOWN_FIELD,
    UNKNOWN_VALUE,
    UNKNOWN_VALUE_DID_YOU_MEAN,
    NOT_A_DATE,
    /** {0} is one of the TYPE_ entries. */
    EXPECTED,
    EXPECTED_GOT,
    EXPECTED_FOUND_NOTHING,
    TYPE_INTEGER,
    TYPE_NUMBER,
    TYPE_BOOLEAN,
    TYPE_STRING,
    TYPE_DATE,
    TYPE_ONE_OF,
    TYPE_ARRAY,
    TYPE_OBJECT,
    TYPE_OTHER,
    EXPECTED_SNAPSHOT_OBJECT,
    EXPECTED_OBJECT_GOT_NULL,

    // --- the snapshot's contract ---
    REQUIRED_FIELD_MISSING,
    UNSUPPORTED_SCHEMA_VERSION,
    COUNT_NEGATIVE,
    AT_LEAST,
    AT_MOST,
    PART_LARGER_THAN_WHOLE,
    NUMBER_AT_LEAST,
    /** {0} is a pattern in words: a PATTERN_ entry, or the model's own English words when the catalog has none. */
    MUST_BE,
    MUST_MATCH,
    PATTERN_ID,
    LONGER_THAN,
    TOO_MANY_POINTS,
    NULL_NOT_ALLOWED,
    DATE_OUT_OF_RANGE,
    ASOF_BEFORE_CREATED,
    HISTORY_NOT_INCREASING,
    HISTORY_AFTER_ASOF,
    UNKNOWN_CATALOG_ID,
    UNKNOWN_CATALOG_ID_DID_YOU_MEAN,

    // --- scenario files ---
    SCENARIO_NOT_OBJECT,
    EXPECTED_NAMED_VARIANTS,
    EXPECTED_VARIANT_PATCH,
    EXPECTED_ID_PAIR,
    EXPECTED_ID_ARRAY,
    UNKNOWN_STAGE,

    // --- the command line ---
    NO_SUCH_FILE,
    CANNOT_READ,
    CANNOT_LIST_FOLDER,
    /** An input the command line could not read, in words the catalog does not hold. */
    UNREADABLE_INPUT,
    TOP_NEGATIVE,
    BATCH_SUMMARY;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** A placeholder between quotes in a template: a value from the input. */
    private static final Pattern QUOTED = Pattern.compile("''\\{(\\d+)}''");
    /** The most characters of a quoted value a message shows. */
    static final int MAX_QUOTED = 80;

    /** The entry's key in the text catalog: {@code message.document-too-large}. */
    private final String key = "message." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');

    /** A message with its arguments, to be rendered later in either language. Immutable. */
    public record Text(Message message, List<Object> args) {
        public Text {
            java.util.Objects.requireNonNull(message, "message");
            args = freeze(args);
        }

        public static Text of(Message message, Object... args) {
            return new Text(message, java.util.Arrays.asList(args));
        }

        public String render(Lang lang) {
            return message.render(lang, args);
        }
    }

    /** The entry's key in the text catalog ({@code messages.properties}): {@code message.} and its name in lower case. */
    public String key() {
        return key;
    }

    /** The template in the given language, placeholders unfilled: a {@link java.text.MessageFormat} pattern. */
    public String template(Lang lang) {
        return Texts.of(lang).pattern(key);
    }

    /** The placeholder numbers the template of the given language uses. */
    public Set<Integer> placeholders(Lang lang) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template(lang));
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    /** The text in the given language with the arguments filled in. */
    public String render(Lang lang, List<?> args) {
        if (args.isEmpty()) {
            return Texts.of(lang).get(key);
        }
        Object[] values = new Object[args.size()];
        Set<Integer> quoted = new TreeSet<>();
        Matcher q = QUOTED.matcher(template(lang));
        while (q.find()) {
            quoted.add(Integer.parseInt(q.group(1)));
        }
        for (int i = 0; i < values.length; i++) {
            String v = arg(args.get(i), lang);
            // a value quoted from the input ('{0}') is cut: error output does not grow with the input
            values[i] = quoted.contains(i) && v.codePointCount(0, v.length()) > MAX_QUOTED
                    ? v.substring(0, v.offsetByCodePoints(0, MAX_QUOTED)) + "\u2026" : v;
        }
        return Texts.of(lang).get(key, values);
    }

    /** The text in the given language with the arguments filled in. */
    public String render(Lang lang, Object... args) {
        return render(lang, java.util.Arrays.asList(args));
    }

    /**
     * The catalog entry without placeholders whose English is exactly these words, for phrases that come from
     * elsewhere in English (a field's {@code patternInWords} in the snapshot model, a reason the command line's
     * input listing gives). Exact match only; empty when the catalog does not hold the phrase.
     */
    public static Optional<Message> phrase(String english) {
        for (Message m : values()) {
            if (m.placeholders(Lang.EN).isEmpty() && Texts.of(Lang.EN).get(m.key).equals(english)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static String arg(Object arg, Lang lang) {
        if (arg instanceof Message m) {
            return m.render(lang, List.of());
        }
        if (arg instanceof Text t) {
            return t.render(lang);
        }
        return String.valueOf(arg);
    }

    /** An immutable copy of the arguments; {@code null} arguments become the text "null". */
    static List<Object> freeze(List<?> args) {
        if (args == null) {
            return List.of();
        }
        return args.stream().map(a -> a == null ? (Object) "null" : a).toList();
    }
}
