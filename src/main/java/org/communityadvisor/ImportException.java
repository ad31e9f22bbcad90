package org.communityadvisor;

/**
 * An importer refused its input: the file is not the named format, a record is malformed, or the data lacks a
 * required snapshot field that no option supplied. {@link #file()} and {@link #position()} name the record (a
 * line, an index or a JSON path) so the input can be fixed; {@link #reason()} says what is wrong.
 */
public final class ImportException extends AdvisorException {
    private final String file;
    private final String position;
    private final String reason;
    private final String key;
    private final Object[] args;

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
     */
    public ImportException(String file, String position, String reason, String key, Object... args) {
        super(where(file, position) + reason, null);
        this.file = file;
        this.position = position;
        this.reason = reason;
        this.key = key;
        this.args = args.clone();
    }

    /** The message in {@code lang}: file, position and the reason's text in that language where it has one. */
    public String message(Lang lang) {
        if (key == null || lang == null) {
            return getMessage();
        }
        return where(file, position) + org.communityadvisor.text.Texts.of(lang).get(key, args);
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
