package org.communityadvisor.text;

import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.communityadvisor.Lang;

/**
 * The text catalog: every sentence and word the advisor shows people, outside the rules' own texts, in
 * {@code org/communityadvisor/texts/messages.properties} (English) and {@code messages_zh.properties} (Chinese,
 * UTF-8). Each value is a {@link MessageFormat} pattern: {@code {0}}, {@code {1}} ... are the arguments, a single
 * quote is written {@code ''}, and plurals use a choice format ({@code {0,choice,1#member|1<members}}).
 *
 * <p>An argument with a plain placeholder ({@code {0}}) is shown as {@link String#valueOf(Object)}: no number
 * grouping, dates as yyyy-MM-dd. Inside a choice format write words only ({@code {0} {0,choice,1#day|1<days}}):
 * a placeholder there would be formatted as MessageFormat does, digits grouped. Both languages are read
 * once, when this class loads; {@link #get} is then a map lookup (and, with arguments, one format). Instances are
 * immutable and thread-safe. Nothing here prints: a key the catalog does not hold is a
 * {@link MissingResourceException} (a test checks that every key the code uses is in both files).
 */
public final class Texts {
    /** The catalog's base name for {@link ResourceBundle#getBundle(String)}. */
    public static final String BUNDLE = "org.communityadvisor.texts.messages";

    private static final Texts[] BY_LANG = load();

    private final Lang lang;
    /** Each key's text when it is used without arguments (the pattern formatted once). */
    private final Map<String, String> plain;
    /** Each key's pattern as the file writes it. */
    private final Map<String, String> patterns;
    /** Each key's parsed pattern; cloned before use, as a MessageFormat is not thread-safe. */
    private final Map<String, MessageFormat> formats;

    private Texts(Lang lang, ResourceBundle bundle) {
        this.lang = lang;
        Locale locale = locale(lang);
        Map<String, String> p = new HashMap<>();
        Map<String, String> raw = new HashMap<>();
        Map<String, MessageFormat> f = new HashMap<>();
        for (String key : Collections.list(bundle.getKeys())) {
            String pattern = bundle.getString(key);
            MessageFormat format = new MessageFormat(pattern, locale);
            Format[] byElement = format.getFormats();
            for (int i = 0; i < byElement.length; i++) {
                if (byElement[i] == null) {
                    format.setFormat(i, PlainFormat.INSTANCE);
                }
            }
            raw.put(key, pattern);
            f.put(key, format);
            p.put(key, format.format(new Object[0]));
        }
        this.plain = Map.copyOf(p);
        this.patterns = Map.copyOf(raw);
        this.formats = Map.copyOf(f);
    }

    /** The catalog of a language; {@code null} reads English. */
    public static Texts of(Lang lang) {
        return BY_LANG[(lang == null ? Lang.EN : lang).ordinal()];
    }

    /** The language of this catalog. */
    public Lang lang() {
        return lang;
    }

    /** The text of a key without arguments. */
    public String get(String key) {
        String s = plain.get(key);
        if (s == null) {
            throw missing(key);
        }
        return s;
    }

    /** The text of a key with its arguments filled in. */
    public String get(String key, Object... args) {
        if (args == null || args.length == 0) {
            return get(key);
        }
        MessageFormat format = formats.get(key);
        if (format == null) {
            throw missing(key);
        }
        return ((MessageFormat) format.clone()).format(args);
    }

    /** The pattern of a key as the catalog writes it, arguments unfilled. */
    public String pattern(String key) {
        String s = patterns.get(key);
        if (s == null) {
            throw missing(key);
        }
        return s;
    }

    /** Whether the catalog holds the key (in this language or, failing that, in English). */
    public boolean has(String key) {
        return plain.containsKey(key);
    }

    /**
     * Every key starting with {@code prefix}, without the prefix, and its text without arguments: the words of a
     * template that reads them by name ({@code report.title} is {@code title} under the prefix {@code report.}).
     */
    public Map<String, String> section(String prefix) {
        Map<String, String> out = new TreeMap<>();
        plain.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** The locale a language's texts are read and formatted in. */
    public static Locale locale(Lang lang) {
        return switch (lang) {
            case EN -> Locale.ROOT;
            case ZH -> Locale.CHINESE;
        };
    }

    /**
     * A plain placeholder's format: {@link String#valueOf(Object)}, where MessageFormat would group a number's
     * digits (1,048,576) and write a date in the locale's way. Stateless.
     */
    private static final class PlainFormat extends Format {
        static final PlainFormat INSTANCE = new PlainFormat();

        @Override
        public StringBuffer format(Object obj, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(obj);
        }

        @Override
        public Object parseObject(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("the text catalog formats only");
        }
    }

    private MissingResourceException missing(String key) {
        return new MissingResourceException("no text '" + key + "' in the " + lang + " catalog", BUNDLE, key);
    }

    private static Texts[] load() {
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        Texts[] out = new Texts[Lang.values().length];
        for (Lang l : Lang.values()) {
            out[l.ordinal()] = new Texts(l, ResourceBundle.getBundle(BUNDLE, locale(l), Texts.class.getClassLoader(), control));
        }
        return out;
    }
}
