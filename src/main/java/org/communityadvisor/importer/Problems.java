package org.communityadvisor.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/** A parser's failure in words a consultant can act on: where, and what, never the library's own wording. */
final class Problems {
    /**
     * Jackson reads a stream that starts with zero bytes as UTF-32 and fails on it with a
     * {@link java.io.CharConversionException} (an I/O error, not a parse error): to the user, the file is not UTF-8.
     */
        static final Note NOT_UTF8 = Note.of("import.not-utf8");

    private Problems() {
    }

        static Note of(JacksonException e) {
        Object at = at(e.getLocation());
        if (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
            return Note.of("import.json.truncated", at);
        }
        if (e instanceof StreamConstraintsException) {
            return Note.of("import.json.too-large", tooLarge(String.valueOf(e.getOriginalMessage())), at);
        }
        if (e instanceof JsonParseException) {
            return Note.of("import.json.invalid", at);
        }
        return Note.of("import.json.unexpected", at);
    }

    private static final java.util.regex.Pattern MAXIMUM = java.util.regex.Pattern.compile("maximum allowed \\((\\d+)");

    /** Which of the reader's limits was reached, and its value. */
        private static Note tooLarge(String message) {
        java.util.regex.Matcher m = MAXIMUM.matcher(message);
        String max = m.find() ? m.group(1) : null;
        if (max == null) {
            return Note.of("import.json.value-too-large");
        }
        if (message.startsWith("Document length")) {
            return Note.of("import.json.document-too-large", max);
        }
        if (message.startsWith("Number value length")) {
            return Note.of("import.json.number-too-long", max);
        }
        if (message.startsWith("String value length")) {
            return Note.of("import.json.text-too-long", max);
        }
        if (message.contains("nesting depth")) {
            return Note.of("import.json.too-deep", max);
        }
        return Note.of("import.json.value-over", max);
    }

    /** Where a parser stopped ({@code  at line 3, column 7}, with its leading space), or an empty text. */
    static Object at(JsonLocation l) {
        if (l == null || l.getLineNr() < 0) {
            return "";
        }
        return Note.of("import.json.at", l.getLineNr(), l.getColumnNr());
    }
}
