package org.communityadvisor.importer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.communityadvisor.Lang;
import org.communityadvisor.text.Localized;
import org.communityadvisor.text.Texts;

/**
 * A sentence of the import report as a key of the text catalog and its arguments, read in the reader's language
 * when the report is shown. An argument that is itself a note (what was undone since a fact, the history's two
 * halves) is read in the same language. In JSON a note is an object: {@code text} (its English), {@code key} and
 * {@code args} (numbers as numbers, a note inside it as such an object, anything else as text), so that a
 * platform can word it in a language of its own.
 *
 * @param key  the catalog key, under {@code import.}
 * @param args the arguments: numbers, dates, ids, names, file paths (as they are), or notes
 */
public record Note(String key, List<Object> args) implements Localized {
    public Note {
        args = List.copyOf(args);
    }

    /** A note of a key and its arguments. */
    public static Note of(String key, Object... args) {
        return new Note(key, Arrays.asList(args));
    }

    /** Text the data gives as it is (a file, a record's position), the same in every language. */
    public static Note verbatim(String text) {
        return of("import.text", text);
    }

    /** Given with an option: {@code --as-of}. */
    public static Note option(String option) {
        return of("import.from.option", option);
    }

    /** Read from a field of the data: {@code group_chat.chat_id}. */
    public static Note field(String field) {
        return of("import.from.field", field);
    }

    /** The note in a language. */
    @Override
    public String text(Lang lang) {
        Texts t = Texts.of(lang);
        if (args.isEmpty()) {
            return t.get(key);
        }
        Object[] filled = new Object[args.size()];
        for (int i = 0; i < filled.length; i++) {
            Object a = args.get(i);
            filled[i] = a instanceof Localized n ? n.text(lang) : a;
        }
        return t.get(key, filled);
    }

    /** The note in English. */
    public String english() {
        return text(Lang.EN);
    }

    /** The note as the JSON report writes it: {@code {"text": ..., "key": ..., "args": [...]}}. */
    @JsonValue
    @Override
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", english());
        out.put("key", key);
        out.put("args", args.stream().map(a -> a instanceof Localized l ? l.json()
                : a instanceof Number || a instanceof Boolean ? a : String.valueOf(a)).toList());
        return out;
    }

    @Override
    public String toString() {
        return english();
    }
}
