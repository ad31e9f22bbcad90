package org.communityadvisor;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityadvisor.text.Localized;
import org.communityadvisor.text.Texts;

/**
 * An importer refused its input: the file is not the named format, a record is malformed, or the data lacks a
 * required snapshot field that no option supplied. {@link #file()} and {@link #position()} name the record (a
 * line, an index or a JSON path) so the input can be fixed; {@link #reason()} says what is wrong. The reason is a
 * text of the message catalog ({@link #key()} with {@link #args()}), so {@link #message(Lang)} says it in English
 * or Chinese; a position {@code line 12}, {@code row 5} or {@code row 5 column C} is worded in that language too.
 */
public final class ImportException extends AdvisorException {
    private final String file;
    private final String position;
    private final String reason;
    private final String key;
    private final Object[] args;

    /**
     * A refusal with an English reason only: {@link #message(Lang)} is then English in every language.
     *
     * @deprecated give the reason as a catalog key and its arguments: {@link #of(String, String, String, Object...)}
     */
    @Deprecated
    public ImportException(String file, String position, String reason) {
        super(where(file, position) + reason, null);
        this.file = file;
        this.position = position;
        this.reason = reason;
        this.key = null;
        this.args = new Object[0];
    }

    /**
     * A refusal with a text of the message catalog too ({@code key} with {@code args}), for {@link #message(Lang)};
     * {@code reason} is its English.
     *
     * @deprecated the English is the catalog's: {@link #of(String, String, String, Object...)}
     */
    @Deprecated
    public ImportException(String file, String position, String reason, String key, Object... args) {
        super(where(file, position) + reason, null);
        this.file = file;
        this.position = position;
        this.reason = reason;
        this.key = key;
        this.args = args.clone();
    }

    /**
     * A refusal whose reason is the text of {@code key} in the message catalog with {@code args} (numbers, names,
     * paths as they are; a {@link Localized} phrase is read in the same language).
     *
     * @param file     the file at fault as given, or empty
     * @param position where in it ({@code line 12}, {@code row 5 column C}, {@code messages[17]}), or empty
     * @param key      the catalog key of the reason, under {@code import.}
     * @param args     its arguments
     */
    public static ImportException of(String file, String position, String key, Object... args) {
        return new ImportException(file, position, render(Lang.EN, key, args), key, args);
    }

    /** The message in {@code lang}: file, position and the reason's text in that language where it has one. */
    public String message(Lang lang) {
        if (key == null || lang == null) {
            return getMessage();
        }
        return where(file, position(lang)) + render(lang, key, args);
    }

    /** The reason in {@code lang} (English where the refusal has no catalog key). */
    public String reason(Lang lang) {
        return key == null || lang == null ? reason : render(lang, key, args);
    }

    /** The catalog key of the reason, or {@code null} for a refusal made with an English reason only. */
    public String key() {
        return key;
    }

    /**
     * The reason's arguments, as a JSON report writes them: numbers as numbers, a phrase of the catalog inside the
     * reason as an object of its {@code text}, {@code key} and {@code args}, anything else as text.
     */
    public List<Object> args() {
        return Arrays.stream(args).map(a -> a instanceof Localized l ? l.json()
                : a instanceof Number || a instanceof Boolean ? a : String.valueOf(a)).toList();
    }

    /**
     * Where in the file, worded in {@code lang}: {@code line 12}, {@code row 5} and {@code row 5 column C} in it are
     * the catalog's ({@code 第 12 行}); anything else (a JSON path, a field name) is as given.
     */
    public String position(Lang lang) {
        String p = position();
        if (lang == null || lang == Lang.EN) {
            return p;
        }
        Texts t = Texts.of(lang);
        return POSITION.matcher(p).replaceAll(m -> Matcher.quoteReplacement(m.group(3) != null
                ? t.get("import.position.row-column", m.group(2), m.group(3))
                : t.get(m.group(1).equals("line") ? "import.position.line" : "import.position.row", m.group(2))));
    }

    /** {@code line 12}, {@code row 5}, {@code row 5 column C}, as the importers write them into a position. */
    private static final Pattern POSITION = Pattern.compile("\\b(line|row) (\\d+)(?: column ([A-Z]{1,3})\\b)?");

    private static String render(Lang lang, String key, Object[] args) {
        Object[] filled = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            filled[i] = args[i] instanceof Localized l ? l.text(lang) : args[i];
        }
        return Texts.of(lang).get(key, filled);
    }

    private static String where(String file, String position) {
        StringBuilder b = new StringBuilder();
        if (file != null && !file.isEmpty()) {
            b.append(file);
        }
        if (position != null && !position.isEmpty()) {
            b.append(b.length() == 0 ? "" : " ").append(position);
        }
        return b.length() == 0 ? "" : b + ": ";
    }

    /** The file at fault (as given), or empty when the problem is not in one file. */
    public String file() {
        return file == null ? "" : file;
    }

    /** Where in the file: {@code line 12}, {@code row 5}, {@code messages[17]}, or empty. */
    public String position() {
        return position == null ? "" : position;
    }

    /** What is wrong, in English. */
    public String reason() {
        return reason;
    }
}
