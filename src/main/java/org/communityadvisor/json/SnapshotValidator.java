package org.communityadvisor.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.communityadvisor.Labelled;
import org.communityadvisor.Message;
import org.communityadvisor.Snapshot;
import org.communityadvisor.SnapshotField;
import org.communityadvisor.ValidationError;

/**
 * The contract's rules that a JSON reader alone cannot check. The generic ones — required fields, bounds,
 * string patterns and lengths, list sizes, a part larger than its whole — come from the snapshot model
 * ({@link SnapshotModel}: the records and their {@link SnapshotField} annotations), so a new field is checked
 * without a line here. The rest are written out below: date order, history order; and, against the rules an
 * advisor has loaded, the ids acknowledged ({@link #unknownIds}). Collects every error, not just the first.
 */
public final class SnapshotValidator {
    /** Most history points a snapshot may carry (two years of weeks). */
    public static final int MAX_HISTORY = 104;
    /**
     * The dates a snapshot may hold, inclusive: wide enough for any community's life, narrow enough to catch a
     * mistyped year (2206 or 0226 for 2026) before it silently makes a group decades old. The schema's date pattern says
     * the same.
     */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

    /** Whether a date is one the advisor reads ({@link #EARLIEST_DATE} to {@link #LATEST_DATE}). */
    public static boolean inDateRange(LocalDate day) {
        return !day.isBefore(EARLIEST_DATE) && !day.isAfter(LATEST_DATE);
    }

    private SnapshotValidator() {
    }

    /** Every problem with the snapshot; empty when it is valid. */
    public static List<ValidationError> validate(Snapshot s) {
        Check c = new Check(s);
        c.fields(ROOT, s, null);
        if (s.createdOn() != null && s.asOf() != null && s.asOf().isBefore(s.createdOn())) {
            c.error("asOf", Message.ASOF_BEFORE_CREATED, s.asOf(), s.createdOn());
        }
        history(s, c);
        return c.errors;
    }

    /**
     * The acknowledged ids that name no rule of a catalog (the recommendations of the rules in use: the bundled
     * ones, or a folder's); empty when every id is known.
     */
    public static List<ValidationError> unknownIds(Snapshot s, Set<String> catalog) {
        if (s.acknowledged() == null) {
            return List.of();
        }
        Check c = new Check(s);
        acknowledged(s, catalog, c);
        return c.errors;
    }

    private static void history(Snapshot s, Check c) {
        List<Snapshot.HistoryPoint> history = s.history();
        if (history == null) {
            return;
        }
        LocalDate previous = null;
        for (int i = 0; i < history.size(); i++) {
            Snapshot.HistoryPoint p = history.get(i);
            if (p == null || p.weekEnding() == null) {
                continue; // reported by the generic checks
            }
            String at = "history[" + i + "].weekEnding";
            if (previous != null && !p.weekEnding().isAfter(previous)) {
                c.error(at, Message.HISTORY_NOT_INCREASING, p.weekEnding(), previous);
            }
            if (s.asOf() != null && p.weekEnding().isAfter(s.asOf())) {
                c.error(at, Message.HISTORY_AFTER_ASOF, p.weekEnding(), s.asOf());
            }
            previous = p.weekEnding();
        }
    }

    private static void acknowledged(Snapshot s, Set<String> known, Check c) {
        for (int i = 0; i < s.acknowledged().size(); i++) {
            Snapshot.Acknowledgement a = s.acknowledged().get(i);
            if (a != null && a.id() != null && !known.contains(a.id())) {
                String nearest = Names.nearest(a.id(), known);
                String at = "acknowledged[" + i + "].id";
                if (nearest == null) {
                    c.error(at, Message.UNKNOWN_CATALOG_ID, a.id());
                } else {
                    c.error(at, Message.UNKNOWN_CATALOG_ID_DID_YOU_MEAN, a.id(), nearest);
                }
            }
        }
    }

    /**
     * One field of the model with its annotation's bounds read once (an annotation's attributes are proxy calls
     * with a map look-up each, and every snapshot is checked field by field), and its path outside lists.
     */
    private record Node(SnapshotModel.Field f, String name, String path, SnapshotModel.Kind kind, boolean required,
                        long min, int max, int constant, List<SnapshotModel.Field> partOf, String partOfPath, int maxLength,
                        int maxItems, boolean itemIsRecord, List<Node> children) {
        static List<Node> of(List<SnapshotModel.Field> fields) {
            List<Node> out = new ArrayList<>(fields.size());
            for (SnapshotModel.Field f : fields) {
                SnapshotField a = f.field();
                out.add(new Node(f, f.name(), f.path(), f.kind(), a.required(), a.min(), a.max(), a.constant(),
                        a.partOf().isEmpty() ? null : SnapshotModel.chain(a.partOf()), a.partOf(), a.maxLength(),
                        a.maxItems(), f.type().isRecord(), of(f.children())));
            }
            return List.copyOf(out);
        }

        /** The JSON path of this field: its model path, or within a list item the item's prefix and its name. */
        String at(String prefix) {
            return prefix == null ? path : prefix + name;
        }
    }

    private static final List<Node> ROOT = Node.of(SnapshotModel.root());

    /**
     * The generic checks, walking the snapshot along its model. A path is written out only for an error: outside
     * lists a field's path is its model path ({@code prefix} null); inside a list item it is the item's prefix
     * ({@code history[2].}) and the field's name.
     */
    private static final class Check {
        final List<ValidationError> errors = new ArrayList<>();
        final Snapshot snapshot;

        Check(Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        void error(String path, Message message, Object... args) {
            errors.add(ValidationError.of(path, message, args));
        }

        void fields(List<Node> fields, Object record, String prefix) {
            for (Node n : fields) {
                Object value = n.f.get(record);
                if (value == null) {
                    if (n.required) {
                        error(n.at(prefix), Message.REQUIRED_FIELD_MISSING);
                    }
                } else if (n.kind != SnapshotModel.Kind.BOOLEAN && n.kind != SnapshotModel.Kind.ENUM) {
                    field(n, value, prefix); // booleans and enum values are checked by the reader's types
                }
            }
        }

        void field(Node n, Object value, String prefix) {
            SnapshotModel.Field f = n.f;
            switch (n.kind) {
                case INTEGER -> {
                    int v = (Integer) value;
                    if (n.constant != Integer.MIN_VALUE) {
                        if (v != n.constant) {
                            error(n.at(prefix), Message.UNSUPPORTED_SCHEMA_VERSION, v, n.constant);
                        }
                    } else if (v < n.min) {
                        if (n.min == 0) {
                            error(n.at(prefix), Message.COUNT_NEGATIVE, v);
                        } else {
                            error(n.at(prefix), Message.AT_LEAST, n.min, v);
                        }
                    } else if (v > n.max) {
                        error(n.at(prefix), Message.AT_MOST, n.max, v);
                    } else if (n.partOf != null) {
                        Object whole = valueAt(n.partOf);
                        if (whole instanceof Integer w && w >= 0 && v > w) {
                            error(n.at(prefix), Message.PART_LARGER_THAN_WHOLE, v, n.partOfPath, w);
                        }
                    }
                }
                case NUMBER -> {
                    double v = (Double) value;
                    if (Double.isNaN(v) || Double.isInfinite(v) || v < n.min) {
                        error(n.at(prefix), Message.NUMBER_AT_LEAST, n.min);
                    }
                }
                case STRING -> {
                    String v = (String) value;
                    if (!f.matches(v)) {
                        SnapshotField a = f.field();
                        if (a.patternInWords().isEmpty()) {
                            error(n.at(prefix), Message.MUST_MATCH, a.pattern());
                        } else {
                            // the model words the pattern in English; the catalog holds the Chinese of known phrases
                            error(n.at(prefix), Message.MUST_BE, Message.phrase(a.patternInWords()).<Object>map(m -> m)
                                    .orElse(a.patternInWords()));
                        }
                    }
                    if (n.maxLength > 0 && v.length() > n.maxLength && v.codePointCount(0, v.length()) > n.maxLength) {
                        error(n.at(prefix), Message.LONGER_THAN, n.maxLength);
                    } else if (n.maxLength == 0 && v.length() > Json.MAX_STRING
                            && v.codePointCount(0, v.length()) > Json.MAX_STRING) {
                        error(n.at(prefix), Message.TEXT_TOO_LONG, v.codePointCount(0, v.length()), Json.MAX_STRING);
                    }
                }
                case DATE -> {
                    LocalDate v = (LocalDate) value;
                    if (!inDateRange(v)) {
                        error(n.at(prefix), Message.DATE_OUT_OF_RANGE, v, EARLIEST_DATE, LATEST_DATE);
                    }
                }
                case OBJECT -> fields(n.children, value, prefix == null ? null : prefix + n.name + ".");
                case ARRAY -> {
                    List<?> list = (List<?>) value;
                    if (n.maxItems > 0 && list.size() > n.maxItems) {
                        error(n.at(prefix), Message.TOO_MANY_POINTS, list.size(), n.maxItems);
                    }
                    for (int i = 0; i < list.size(); i++) {
                        Object item = list.get(i);
                        if (item == null) {
                            String itemAt = n.at(prefix) + "[" + i + "]";
                            if (n.itemIsRecord) {
                                error(itemAt, Message.EXPECTED_OBJECT_GOT_NULL);
                            } else {
                                error(itemAt, Message.NULL_NOT_ALLOWED, Arrays.stream(f.type().getEnumConstants())
                                        .map(e -> ((Labelled) e).json()).collect(Collectors.joining(", ")));
                            }
                        } else if (n.itemIsRecord) {
                            fields(n.children, item, n.at(prefix) + "[" + i + "].");
                        }
                    }
                }
                default -> {
                    // booleans and enum values are checked by the reader's types
                }
            }
        }

        /** The value along a chain of object fields from the snapshot ({@code members.total}); {@code null} when unknown. */
        Object valueAt(List<SnapshotModel.Field> chain) {
            Object record = snapshot;
            for (SnapshotModel.Field f : chain) {
                if (record == null) {
                    return null;
                }
                record = f.get(record);
            }
            return record;
        }
    }
}
