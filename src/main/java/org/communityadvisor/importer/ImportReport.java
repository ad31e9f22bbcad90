package org.communityadvisor.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How each snapshot field was obtained, and what was skipped.
 *
 * @param source  what was read (format and files)
 * @param fields  each field the importer set or could not set, in snapshot order
 * @param skipped records that are not members' messages (bots, service notices, empty records), counted by kind
 * @param notes   anything else the reader should know (a lower bound, an ignored statistics file...)
 * @param people  who is behind the numbers, when asked for ({@code --people}), else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(String source, List<Field> fields, List<Skipped> skipped, List<String> notes,
        People people) {
    public ImportReport {
        fields = List.copyOf(fields);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /** How a value was obtained. */
    public enum How {
        /** Counted from the data, or read where the data states it. */
        COUNTED("counted", "计数"),
        /** Given by the operator (an option, or the merge patch). */
        GIVEN("given", "给定"),
        /** Estimated; {@link Field#note()} says how. */
        ESTIMATED("estimated", "估计"),
        /** Not in the data and not given. */
        UNKNOWN("unknown", "未知");

        private final String id;
        private final String zh;

        How(String id, String zh) {
            this.id = id;
            this.zh = zh;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return id;
        }

        public String zh() {
            return zh;
        }
    }

    /**
     * One field.
     *
     * @param path  the snapshot path, e.g. {@code activity.messages7d}
     * @param value the value (a number, text, list...), or {@code null} when unknown
     * @param how   how it was obtained
     * @param note  where from or how estimated, in English (e.g. {@code the day of the first event})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(String path, Object value, How how, String note) {
    }

    /**
     * Records left out.
     *
     * @param what   {@code bot}, {@code service}, {@code empty}, {@code outside}, ...
     * @param count  how many
     * @param first  where the first one is (file and record), for a look
     */
    public record Skipped(String what, int count, String first) {
    }
}
