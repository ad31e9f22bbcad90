package org.communityadvisor;

import org.communityadvisor.text.Texts;

/**
 * A value with a name for readers: its JSON value in English texts, a Chinese word in Chinese ones
 * (沉寂期, 无门槛, 高), so a sentence never mixes languages. Ids and JSON keep the JSON value. The names are in
 * the text catalog under {@link #textKey()}.
 */
public interface Labelled {
    /** The value as written in JSON. */
    String json();

    /** The key of the value's name in the text catalog: its type and JSON value, {@code severity.high}. */
    String textKey();

    /** The value in Chinese. */
    default String zh() {
        return label(Lang.ZH);
    }

    /** The value as a reader of the language reads it. */
    default String label(Lang lang) {
        return Texts.of(lang).get(textKey());
    }
}
