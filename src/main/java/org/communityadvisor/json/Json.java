package org.communityadvisor.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The project's one strict JSON configuration: no coercion, no duplicate keys, ISO dates only. */
public final class Json {
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    /** Largest JSON document (one snapshot, scenario or JSONL line) the advisor reads, in characters. */
    public static final int MAX_DOCUMENT_CHARS = 1 << 20;
    /**
     * Largest JSON document or JSONL line read from a file or a stream, in bytes (room for {@link
     * #MAX_DOCUMENT_CHARS} characters of any script): checked while reading, so a bigger input is never held.
     */
    public static final int MAX_DOCUMENT_BYTES = 4 << 20;
    /** Deepest nesting of JSON objects and arrays accepted (a snapshot needs 4). */
    public static final int MAX_DEPTH = 32;
    /** Longest JSON string accepted (a goal or a name is far shorter). */
    public static final int MAX_STRING = 20_000;

    /** Shared, thread-safe mapper (configured once, never changed afterwards). */
    public static final ObjectMapper MAPPER = create();

    private Json() {
    }

    /**
     * The text without a leading UTF-8 byte-order mark (Windows editors and WPS write one); everything else
     * that is not JSON is still refused by the parser.
     */
    public static String withoutBom(String text) {
        return text != null && !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** Refuses a document over {@link #MAX_DOCUMENT_CHARS} before any parsing. */
    public static void checkSize(String text) {
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new org.communityadvisor.InvalidSnapshotException(java.util.List.of(org.communityadvisor.ValidationError.of(
                    "(root)", org.communityadvisor.Message.DOCUMENT_TOO_LARGE, text.length(), MAX_DOCUMENT_CHARS)));
        }
    }

    /** Dates as ISO {@code yyyy-MM-dd}, read strictly (a real calendar day, nothing else). */
    public static SimpleModule datesModule() {
        SimpleModule dates = new SimpleModule("community-advisor-iso-dates");
        dates.addDeserializer(LocalDate.class, new StrictDateDeserializer());
        dates.addSerializer(LocalDate.class, new JsonSerializer<>() {
            @Override
            public void serialize(LocalDate value, com.fasterxml.jackson.core.JsonGenerator gen,
                                  SerializerProvider serializers) throws IOException {
                gen.writeString(ISO_DATE.format(value));
            }
        });
        return dates;
    }

    private static ObjectMapper create() {
        SimpleModule dates = datesModule();
        com.fasterxml.jackson.core.JsonFactory factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_DOCUMENT_CHARS).maxNumberLength(40).build())
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(dates)
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum, LogicalType.DateTime}) {
            for (CoercionInputShape shape : CoercionInputShape.values()) {
                mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        // Integers may still be read where a decimal number (entry.fee) is expected.
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        return mapper;
    }

    /**
     * {@code yyyy-MM-dd} read digit by digit (the formatter is several times slower and dates are in every
     * snapshot); {@code null} when the text is not plainly that shape, so the formatter decides and words the error.
     */
    static LocalDate fastDate(String t) {
        if (t.charAt(4) != '-' || t.charAt(7) != '-') {
            return null;
        }
        int y = digits(t, 0, 4);
        int m = digits(t, 5, 7);
        int d = digits(t, 8, 10);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > 28 && d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(y, m, d);
    }

    private static int digits(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Accepts only a JSON string holding a real calendar date as yyyy-MM-dd. */
    private static final class StrictDateDeserializer extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            if (text.length() == 10) {
                LocalDate fast = fastDate(text);
                if (fast != null) {
                    return fast;
                }
                try {
                    return LocalDate.parse(text, ISO_DATE);
                } catch (DateTimeParseException e) {
                    // fall through to the format error below
                }
            }
            throw ctxt.weirdStringException(text, LocalDate.class, "not a date");
        }
    }
}
