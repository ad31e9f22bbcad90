package org.communityadvisor;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One reason a snapshot was refused: where, and a {@link Message catalog entry} with its arguments, so the
 * reason can be shown in either language ({@link #reason(Lang)}). Immutable.
 *
 * @param path    the JSON path of the offending value, e.g. {@code members.total} or {@code history[2].weekEnding};
 *                {@code (root)} for the document itself
 * @param message what is wrong, as a catalog entry
 * @param args    the entry's arguments ({@code {0}}, {@code {1}}, ...), immutable
 */
public record ValidationError(String path, Message message, List<Object> args) {
    public ValidationError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        args = Message.freeze(args);
    }

    /** An error at the path, worded by the catalog entry with these arguments. */
    public static ValidationError of(String path, Message message, Object... args) {
        return new ValidationError(path, message, Arrays.asList(args));
    }

    /** An error at the path, worded by the catalog text. */
    public static ValidationError of(String path, Message.Text text) {
        return new ValidationError(path, text.message(), text.args());
    }

    /** The same error at another path (e.g. with a prefix when the snapshot sits inside a larger document). */
    public ValidationError at(String otherPath) {
        return new ValidationError(otherPath, message, args);
    }

    /** What is wrong, in plain English. */
    public String reason() {
        return reason(Lang.EN);
    }

    /** What is wrong, in the given language. */
    public String reason(Lang lang) {
        return message.render(lang, args);
    }

    @Override
    public String toString() {
        return path + ": " + reason();
    }
}
