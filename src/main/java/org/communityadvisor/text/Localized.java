package org.communityadvisor.text;

import org.communityadvisor.Lang;

/**
 * Internal: a phrase of the text catalog that is an argument of another (the reason inside a refusal, a note inside
 * a note), read in the language of the sentence that holds it.
 */
@FunctionalInterface
public interface Localized {
    /** The phrase in a language. */
    String text(Lang lang);

    /** The phrase as a JSON report writes it beside its sentence: its English text, or more where it has it. */
    default Object json() {
        return text(Lang.EN);
    }
}
