package org.communityadvisor;

/**
 * A value with a name for readers: its JSON value in English texts, a Chinese word in Chinese ones
 * (沉寂期, 无门槛, 高), so a sentence never mixes languages. Ids and JSON keep the JSON value.
 */
public interface Labelled {
    /** The value as written in JSON. */
    String json();

    /** The value in Chinese. */
    String zh();

    /** The value as a reader of the language reads it. */
    default String label(Lang lang) {
        return lang == Lang.ZH ? zh() : json();
    }
}
