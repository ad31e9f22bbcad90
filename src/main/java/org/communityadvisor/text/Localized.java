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
}
