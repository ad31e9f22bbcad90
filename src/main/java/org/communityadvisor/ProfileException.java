package org.communityadvisor;

/**
 * A profile that cannot be used: an unknown bundled name (with the nearest known one), an unreadable file,
 * an unknown or missing threshold. The message names the profile or file and the field, e.g.
 * {@code my.json: thresholds.minViableMember: unknown threshold; did you mean 'minViableMembers'?}.
 */
public final class ProfileException extends AdvisorException {
    private final java.util.function.Function<Lang, String> text;

    public ProfileException(String message) {
        this(message, null, null);
    }

    public ProfileException(String message, Throwable cause) {
        this(message, cause, null);
    }

    private ProfileException(String message, Throwable cause, java.util.function.Function<Lang, String> text) {
        super(message, cause);
        this.text = text;
    }

    /** A refusal with its text in the message catalog ({@code key} with {@code args}); the message is its English. */
    static ProfileException of(Throwable cause, String key, Object... args) {
        Object[] a = args.clone();
        return in(cause, lang -> org.communityadvisor.text.Texts.of(lang).get(key, a));
    }

    /** A refusal whose text is made in each language by {@code text}; the message is its English. */
    static ProfileException in(Throwable cause, java.util.function.Function<Lang, String> text) {
        return new ProfileException(text.apply(Lang.EN), cause, text);
    }

    /** The message in {@code lang} where the catalog has it, else the English message. */
    public String message(Lang lang) {
        return text == null || lang == null ? getMessage() : text.apply(lang);
    }
}
