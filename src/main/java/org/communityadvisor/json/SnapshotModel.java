package org.communityadvisor.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communityadvisor.Snapshot;
import org.communityadvisor.SnapshotField;

/**
 * The snapshot model, read once from its single description: the {@link Snapshot} records and their
 * {@link SnapshotField} annotations. The JSON Schema, the validator's generic checks and the set of paths
 * rules and evidence may name all come from here.
 */
public final class SnapshotModel {
    /** What kind of JSON value a field holds. */
    public enum Kind { INTEGER, NUMBER, BOOLEAN, STRING, DATE, ENUM, OBJECT, ARRAY }

    /**
     * One field.
     *
     * @param path      dotted path ({@code members.total}; list items as {@code history[].members})
     * @param component the record component
     * @param kind      its JSON kind
     * @param type      the Java type (for arrays and objects: of the element / record)
     * @param field     its description and bounds
     * @param children  the fields of an object, or of an array's object items
     */
    public record Field(String path, RecordComponent component, Kind kind, Class<?> type, SnapshotField field,
                        List<Field> children, java.util.function.Function<Object, Object> getter,
                        java.util.regex.Pattern pattern) {
        Field(String path, RecordComponent component, Kind kind, Class<?> type, SnapshotField field,
              List<Field> children) {
            this(path, component, kind, type, field, children, Getters.of(component.getAccessor()),
                    field.pattern().isEmpty() ? null : java.util.regex.Pattern.compile(field.pattern()));
        }

        /** The value of this field in its record (the record holding it, not the snapshot). */
        public Object get(Object record) {
            return getter.apply(record);
        }

        /** Whether a string matches the field's pattern (compiled once); true when it has none. */
        public boolean matches(String value) {
            return pattern == null || pattern.matcher(value).matches();
        }

        public String name() {
            return component.getName();
        }
    }

    private static final List<Field> ROOT = fields(Snapshot.class, "");
    private static final Map<String, Field> BY_PATH = index();
    private static final Map<String, List<Field>> CHAINS = chains();

    private SnapshotModel() {
    }

    /** The snapshot's top-level fields, in declaration order, each with its children. */
    public static List<Field> root() {
        return ROOT;
    }

    /** Every field by path, depth first (objects' fields as {@code members.total}, items' as {@code history[].members}). */
    public static Map<String, Field> byPath() {
        return BY_PATH;
    }

    /** The paths a rule's evidence or a data gap may name: objects' fields, not list items. */
    public static Set<String> paths() {
        Set<String> out = new LinkedHashSet<>();
        for (String p : BY_PATH.keySet()) {
            if (!p.contains("[]")) {
                out.add(p);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The fields from the snapshot down to a path of objects ({@code members.total}: members, total). */
    public static List<Field> chain(String path) {
        return CHAINS.get(path);
    }

    private static Map<String, List<Field>> chains() {
        Map<String, List<Field>> out = new LinkedHashMap<>();
        for (String path : BY_PATH.keySet()) {
            if (path.contains("[]")) {
                continue;
            }
            List<Field> chain = new ArrayList<>();
            String prefix = "";
            for (String part : path.split("\\.")) {
                chain.add(BY_PATH.get(prefix + part));
                prefix = prefix + part + ".";
            }
            out.put(path, List.copyOf(chain));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Field> index() {
        Map<String, Field> out = new LinkedHashMap<>();
        add(ROOT, out);
        return Collections.unmodifiableMap(out);
    }

    private static void add(List<Field> fields, Map<String, Field> out) {
        for (Field f : fields) {
            out.put(f.path(), f);
            add(f.children(), out);
        }
    }

    private static List<Field> fields(Class<?> record, String prefix) {
        List<Field> out = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            SnapshotField field = c.getAnnotation(SnapshotField.class);
            if (field == null) {
                throw new IllegalStateException(record.getName() + "." + c.getName()
                        + " has no @SnapshotField: describe every field of the snapshot");
            }
            String path = prefix + c.getName();
            Class<?> type = c.getType();
            Kind kind;
            List<Field> children = List.of();
            if (List.class.isAssignableFrom(type)) {
                kind = Kind.ARRAY;
                Type element = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                type = (Class<?>) element;
                if (type.isRecord()) {
                    children = fields(type, path + "[].");
                }
            } else if (type.isRecord()) {
                kind = Kind.OBJECT;
                children = fields(type, path + ".");
            } else {
                kind = kind(type);
            }
            out.add(new Field(path, c, kind, type, field, List.copyOf(children)));
        }
        return List.copyOf(out);
    }

    static Kind kind(Class<?> type) {
        if (type == Integer.class) {
            return Kind.INTEGER;
        }
        if (type == Double.class) {
            return Kind.NUMBER;
        }
        if (type == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type == String.class) {
            return Kind.STRING;
        }
        if (type == LocalDate.class) {
            return Kind.DATE;
        }
        if (type.isEnum()) {
            return Kind.ENUM;
        }
        throw new IllegalStateException("the snapshot model has no JSON kind for " + type.getName());
    }
}
