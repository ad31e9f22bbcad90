package org.communityadvisor.importer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Set;
import org.communityadvisor.Lang;
import org.communityadvisor.importer.derive.Accumulation;
import org.communityadvisor.text.Texts;

/**
 * How each snapshot field was obtained, and what was skipped. Every sentence of it is a {@link Note} (a key of
 * the text catalog and its arguments), read in the reader's language where the report is shown; in JSON each is
 * an object of its English {@code text}, its {@code key} and its {@code args} ({@link Note#json()}).
 *
 * @param source  what was read (format and files)
 * @param fields  each field the importer set or could not set, in snapshot order
 * @param skipped records that are not members' messages (bots, service notices, empty records), counted by kind
 * @param notes   anything else the reader should know (a lower bound, an ignored statistics file...)
 * @param people  who is behind the numbers, when asked for ({@code --people}), else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(String source, List<Field> fields, List<Skipped> skipped, List<Note> notes,
        People people) {
    public ImportReport {
        fields = List.copyOf(fields);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /** The notes in a language. */
    public List<String> notes(Lang lang) {
        return notes.stream().map(n -> n.text(lang)).toList();
    }

    /** How a value was obtained. */
    public enum How {
        /** Counted from the data, or read where the data states it. */
        COUNTED("counted"),
        /** Given by the operator (an option, or the merge patch). */
        GIVEN("given"),
        /** Estimated; {@link Field#note()} says how. */
        ESTIMATED("estimated"),
        /** Not in the data and not given. */
        UNKNOWN("unknown");

        private final String id;

        How(String id) {
            this.id = id;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return id;
        }

        /** The catalog key of its word ({@code import.how.counted}). */
        public String key() {
            return "import.how." + id;
        }

        /** Its word in a language. */
        public String text(Lang lang) {
            return Texts.of(lang).get(key());
        }
    }

    /**
     * One field.
     *
     * @param path  the snapshot path, e.g. {@code activity.messages7d}
     * @param value the value (a number, text, list...), or {@code null} when unknown
     * @param how   how it was obtained
     * @param note  where from or how estimated (e.g. {@code the day of the first event}), or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"path", "value", "how", "note"})
    public record Field(String path, @JsonIgnore Object value, How how, Note note) {
        /** The value as JSON writes it: a value the report words (a history's span) as its English text. */
        @JsonProperty("value")
        Object jsonValue() {
            return value instanceof Note n ? n.english() : value;
        }

        /** The value as the report shows it in a language ({@code null} when unknown). */
        public String value(Lang lang) {
            return value == null ? null : value instanceof Note n ? n.text(lang) : String.valueOf(value);
        }

        /** The note in a language, or {@code null}. */
        public String note(Lang lang) {
            return note == null ? null : note.text(lang);
        }
    }

    /**
     * Records left out.
     *
     * @param what   {@code bot}, {@code service}, {@code empty}, {@code no sender}, {@code after asOf}, or the
     *               kind of event an events file names
     * @param count  how many
     * @param first  where the first one is (file and record), for a look, or {@code null}
     */
    @JsonPropertyOrder({"what", "count", "text", "first"})
    public record Skipped(String what, int count, Note first) {
        /** The count and kind as JSON writes them: {@link #counted()}. */
        @JsonProperty("text")
        Note jsonText() {
            return counted();
        }

        /** The kinds the catalog words ({@code import.skip.bot}...); another kind is shown as it is. */
        private static final Set<String> KINDS = Set.of("bot", "service", "empty", "no sender", "after asOf", "pin",
                "duplicate", "unreadable notice", "other");

        /** The count and kind as the catalog words them ({@code 3 bot}, {@code 3 条机器人消息}). */
        @JsonIgnore
        public Note counted() {
            if (what.equals(EventLog.OUT_OF_RANGE)) {
                return Note.of("import.skip.out-of-range", count, Accumulation.EARLIEST_YEAR,
                        Accumulation.LATEST_YEAR);
            }
            return KINDS.contains(what) ? Note.of("import.skip." + what.replace(' ', '-'), count)
                    : Note.of("import.skip.kind", count, what);
        }
    }
}
