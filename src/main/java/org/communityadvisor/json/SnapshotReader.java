package org.communityadvisor.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.communityadvisor.InvalidSnapshotException;
import org.communityadvisor.Message;
import org.communityadvisor.Snapshot;
import org.communityadvisor.ValidationError;

/**
 * Reads a snapshot from JSON text strictly and validates it: every error names its JSON path.
 * Thread-safe and stateless.
 */
public final class SnapshotReader {
    private static final ObjectReader READER = Json.MAPPER.readerFor(Snapshot.class);

    private SnapshotReader() {
    }

    /** Parses and validates JSON text; throws {@link InvalidSnapshotException} naming every path at fault. */
    public static Snapshot read(String json) {
        json = Json.withoutBom(json);
        Json.checkSize(json);
        Snapshot snapshot;
        try {
            snapshot = READER.readValue(json);
        } catch (StreamReadException e) {
            if (!(e instanceof InputCoercionException)) {
                throw new InvalidSnapshotException(List.of(describe(e, "")));
            }
            // a number too large for its field: the document is well-formed, so name every field at fault
            throw new InvalidSnapshotException(allErrors(treeOrNull(json), "", e));
        } catch (IOException e) {
            // a field of the wrong kind: name every one of them, not only the first Jackson met
            throw new InvalidSnapshotException(allErrors(treeOrNull(json), "", e));
        }
        return validated(snapshot, "");
    }

    /** The document as a tree, or {@code null} when it is beyond the tree reader's limits (depth). */
    private static JsonNode treeOrNull(String json) {
        try {
            return tree(json);
        } catch (InvalidSnapshotException e) {
            return null;
        }
    }

    /** Every field of a document at fault (unknown, wrong kind, out of range), or the one binding error. */
    private static List<ValidationError> allErrors(JsonNode root, String prefix, IOException first) {
        List<ValidationError> errors = new ArrayList<>();
        if (root != null && root.isObject()) {
            check(root, SnapshotModel.root(), prefix, errors);
        }
        return errors.isEmpty() ? List.of(describe(first, prefix)) : errors;
    }

    private static void check(JsonNode object, List<SnapshotModel.Field> fields, String prefix,
            List<ValidationError> errors) {
        java.util.Map<String, SnapshotModel.Field> byName = new java.util.LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        object.fields().forEachRemaining(e -> {
            SnapshotModel.Field f = byName.get(e.getKey());
            String path = prefix + e.getKey();
            if (f == null) {
                errors.add(ValidationError.of(path, unknownField(e.getKey(), byName.keySet())));
            } else if (!e.getValue().isNull()) {
                checkValue(e.getValue(), f, f.kind(), path, errors);
            }
        });
    }

    private static void checkValue(JsonNode v, SnapshotModel.Field f, SnapshotModel.Kind kind, String path,
            List<ValidationError> errors) {
        switch (kind) {
            case INTEGER -> {
                if (v.isIntegralNumber() && !v.canConvertToInt()) {
                    errors.add(ValidationError.of(path, Message.NUMBER_OUT_OF_RANGE_FOR_INTEGER));
                } else if (!v.isIntegralNumber()) {
                    errors.add(ValidationError.of(path, Message.EXPECTED_GOT, expected(Integer.class), shown(v)));
                }
            }
            case NUMBER -> {
                if (!v.isNumber()) {
                    errors.add(ValidationError.of(path, Message.EXPECTED_GOT, expected(Double.class), shown(v)));
                }
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    errors.add(ValidationError.of(path, Message.EXPECTED_GOT, expected(Boolean.class), shown(v)));
                }
            }
            case STRING -> {
                if (!v.isTextual()) {
                    errors.add(ValidationError.of(path, Message.EXPECTED_GOT, expected(String.class), shown(v)));
                } else if (v.asText().length() > Json.MAX_STRING) {
                    errors.add(ValidationError.of(path, Message.TEXT_TOO_LONG, v.asText().length(), Json.MAX_STRING));
                }
            }
            case DATE -> {
                if (!v.isTextual()) {
                    errors.add(ValidationError.of(path, Message.EXPECTED_GOT, expected(LocalDate.class), shown(v)));
                } else if (!isDate(v.asText())) {
                    errors.add(ValidationError.of(path, Message.NOT_A_DATE, v.asText()));
                }
            }
            case ENUM -> {
                Class<?> type = f.type();
                boolean known = v.isTextual() && Arrays.stream(type.getEnumConstants())
                        .anyMatch(c -> c.toString().equals(v.asText()));
                if (!known) {
                    List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
                    String nearest = v.isTextual() ? Names.nearest(v.asText(), allowed) : null;
                    errors.add(nearest != null
                            ? ValidationError.of(path, Message.UNKNOWN_VALUE_DID_YOU_MEAN, v.asText(), nearest,
                                    String.join(", ", allowed))
                            : ValidationError.of(path, Message.UNKNOWN_VALUE, v.isTextual() ? v.asText() : shown(v),
                                    String.join(", ", allowed)));
                }
            }
            case OBJECT -> {
                if (!v.isObject()) {
                    errors.add(ValidationError.of(path, Message.EXPECTED_GOT, expected(Object.class), shown(v)));
                } else {
                    check(v, f.children(), path + ".", errors);
                }
            }
            case ARRAY -> {
                if (!v.isArray()) {
                    errors.add(ValidationError.of(path, Message.EXPECTED_GOT, expected(List.class), shown(v)));
                    return;
                }
                for (int i = 0; i < v.size(); i++) {
                    JsonNode item = v.get(i);
                    String at = path + "[" + i + "]";
                    if (!f.children().isEmpty()) {
                        if (!item.isObject()) {
                            errors.add(ValidationError.of(at, Message.EXPECTED_GOT, expected(Object.class), shown(item)));
                        } else {
                            check(item, f.children(), at + ".", errors);
                        }
                    } else if (f.type().isEnum()) {
                        checkValue(item, f, SnapshotModel.Kind.ENUM, at, errors);
                    } else if (f.type() == String.class) {
                        checkValue(item, f, SnapshotModel.Kind.STRING, at, errors);
                    }
                }
            }
            default -> {
            }
        }
    }

    private static boolean isDate(String text) {
        try {
            return text.length() == 10 && LocalDate.parse(text) != null;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** What was found instead: a short scalar as written, else its kind ("an object") in the reader's language. */
    private static Object shown(JsonNode v) {
        if (v.isObject()) {
            return Message.Text.of(Message.TYPE_OBJECT);
        }
        if (v.isArray()) {
            return Message.Text.of(Message.TYPE_ARRAY);
        }
        String text = v.toString();
        return text.length() > 40 ? text.substring(0, 39) + "…" : text;
    }

    /**
     * Parses a whole JSON document into a tree, within the size, depth and string limits; errors name the
     * path and reason like every other input error.
     */
    public static JsonNode tree(String text) {
        text = Json.withoutBom(text);
        Json.checkSize(text);
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new InvalidSnapshotException(List.of(describe(e, "")));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidSnapshotException(List.of(ValidationError.of("(root)", Message.EMPTY_INPUT)));
        }
        return root;
    }

    /** Reads a snapshot held in a larger document (e.g. a scenario's {@code snapshot}); paths get the prefix. */
    public static Snapshot read(JsonNode node, String pathPrefix) {
        if (node == null || !node.isObject()) {
            throw new InvalidSnapshotException(List.of(ValidationError.of(
                    pathPrefix.isEmpty() ? "(root)" : pathPrefix, Message.EXPECTED_SNAPSHOT_OBJECT)));
        }
        String prefix = pathPrefix.isEmpty() ? "" : pathPrefix + ".";
        Snapshot snapshot;
        try {
            snapshot = READER.readValue(node);
        } catch (IOException e) {
            throw new InvalidSnapshotException(allErrors(node, prefix, e));
        }
        return validated(snapshot, prefix);
    }

    private static Snapshot validated(Snapshot snapshot, String prefix) {
        if (snapshot == null) {
            throw new InvalidSnapshotException(List.of(ValidationError.of("(root)", Message.EXPECTED_OBJECT_GOT_NULL)));
        }
        List<ValidationError> errors = SnapshotValidator.validate(snapshot);
        if (!errors.isEmpty()) {
            if (!prefix.isEmpty()) {
                errors = errors.stream().map(e -> e.at(prefix + e.path())).toList();
            }
            throw new InvalidSnapshotException(errors);
        }
        return snapshot;
    }

    /** Turns a Jackson failure into a path and a reason a consultant can act on. */
    static ValidationError describe(IOException e, String prefix) {
        if (e instanceof UnrecognizedPropertyException u) {
            return ValidationError.of(prefix + path(u), unknownField(u.getPropertyName(), u.getKnownPropertyIds()));
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            String value = String.valueOf(f.getValue());
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
                return ValidationError.of(prefix + path(f), Message.UNKNOWN_VALUE, value, allowed);
            }
            if (target == LocalDate.class) {
                return ValidationError.of(prefix + path(f), Message.NOT_A_DATE, value);
            }
            return ValidationError.of(prefix + path(f), Message.EXPECTED_GOT, expected(target), value);
        }
        if (e instanceof MismatchedInputException m) {
            boolean nothing = m.getMessage() != null && m.getMessage().contains("No content");
            return ValidationError.of(prefix + path(m), nothing ? Message.EXPECTED_FOUND_NOTHING : Message.EXPECTED,
                    expected(m.getTargetType()));
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof InputCoercionException c) {
            return ValidationError.of(prefix + path(m), Message.NUMBER_OUT_OF_RANGE, c.getOriginalMessage());
        }
        if (e instanceof InputCoercionException c) {
            return ValidationError.of(prefix + parserPath(c), Message.NUMBER_OUT_OF_RANGE_FOR_INTEGER);
        }
        if (e instanceof JsonMappingException m) {
            return ValidationError.of(prefix + path(m), Message.CANNOT_MAP, firstLine(m.getOriginalMessage()));
        }
        if (e instanceof StreamReadException s) {
            String message = firstLine(((JsonProcessingException) s).getOriginalMessage());
            if (message.contains("ALLOW_COMMENTS") || message.contains("ALLOW_YAML_COMMENTS")) {
                return ValidationError.of(prefix + parserPath(s), Message.COMMENTS_NOT_ALLOWED,
                        s.getLocation() == null ? 0 : s.getLocation().getLineNr(),
                        s.getLocation() == null ? 0 : s.getLocation().getColumnNr());
            }
            if (message.startsWith("Duplicate field")) {
                return ValidationError.of(prefix + parserPath(s), Message.DUPLICATE_FIELD, message.substring(16));
            }
            return s.getLocation() == null ? ValidationError.of(prefix + parserPath(s), Message.NOT_VALID_JSON, message)
                    : ValidationError.of(prefix + parserPath(s), Message.NOT_VALID_JSON_AT, message,
                    s.getLocation().getLineNr(), s.getLocation().getColumnNr());
        }
        return ValidationError.of(prefix.isEmpty() ? "(root)" : prefix, Message.UNREADABLE, firstLine(e.getMessage()));
    }

    /** "unknown field", with the nearest known name or else all of them. */
    static Message.Text unknownField(String name, Collection<?> known) {
        List<String> names = known == null ? List.of() : known.stream().map(String::valueOf).sorted().toList();
        String nearest = Names.nearest(name, names);
        return nearest != null ? Message.Text.of(Message.UNKNOWN_FIELD_DID_YOU_MEAN, name, nearest)
                : Message.Text.of(Message.UNKNOWN_FIELD, name, String.join(", ", names));
    }

    /** The kind of value a type expects, as a catalog text (rendered inside "expected ..."). */
    private static Message.Text expected(Class<?> type) {
        if (type == null) {
            return Message.Text.of(Message.TYPE_OTHER);
        }
        if (type == Integer.class || type == int.class || type == Long.class) {
            return Message.Text.of(Message.TYPE_INTEGER);
        }
        if (type == Double.class || type == double.class) {
            return Message.Text.of(Message.TYPE_NUMBER);
        }
        if (type == Boolean.class || type == boolean.class) {
            return Message.Text.of(Message.TYPE_BOOLEAN);
        }
        if (type == String.class) {
            return Message.Text.of(Message.TYPE_STRING);
        }
        if (type == LocalDate.class) {
            return Message.Text.of(Message.TYPE_DATE);
        }
        if (type.isEnum()) {
            return Message.Text.of(Message.TYPE_ONE_OF, Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")));
        }
        if (Collection.class.isAssignableFrom(type)) {
            return Message.Text.of(Message.TYPE_ARRAY);
        }
        return Message.Text.of(Message.TYPE_OBJECT);
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "(root)" : out.toString();
    }

    private static String parserPath(StreamReadException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null) {
            return "(root)";
        }
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext ctx = parser.getParsingContext(); ctx != null && !ctx.inRoot(); ctx = ctx.getParent()) {
            if (ctx.inObject() && ctx.getCurrentName() != null) {
                parts.add(0, "." + ctx.getCurrentName());
            } else if (ctx.inArray()) {
                parts.add(0, "[" + Math.max(0, ctx.getCurrentIndex()) + "]");
            }
        }
        String joined = String.join("", parts);
        joined = joined.startsWith(".") ? joined.substring(1) : joined;
        return joined.isEmpty() ? "(root)" : joined;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
