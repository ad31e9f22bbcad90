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
    static final String NOT_UTF8 = "is not UTF-8 text";

    private Problems() {
    }

    static String of(JacksonException e) {
        String at = at(e.getLocation());
        if (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
            return "the JSON ends too early" + at + " (a truncated file?)";
        }
        if (e instanceof StreamConstraintsException) {
            return tooLarge(String.valueOf(e.getOriginalMessage())) + at;
        }
        if (e instanceof JsonParseException) {
            return "not valid JSON" + at;
        }
        return "unexpected content" + at;
    }

    private static final java.util.regex.Pattern MAXIMUM = java.util.regex.Pattern.compile("maximum allowed \\((\\d+)");

    /** Which of the reader's limits was reached, and its value. */
    private static String tooLarge(String message) {
        java.util.regex.Matcher m = MAXIMUM.matcher(message);
        String max = m.find() ? m.group(1) : null;
        if (max == null) {
            return "a value is too large";
        }
        if (message.startsWith("Document length")) {
            return "the file is over " + max + " bytes, the most read of one JSON document: not read further";
        }
        if (message.startsWith("Number value length")) {
            return "a number has over " + max + " digits, the most read";
        }
        if (message.startsWith("String value length")) {
            return "a text is over " + max + " characters, the most read";
        }
        if (message.contains("nesting depth")) {
            return "nested over " + max + " levels deep, the most read";
        }
        return "a value is too large (at most " + max + ")";
    }

    static String at(JsonLocation l) {
        if (l == null || l.getLineNr() < 0) {
            return "";
        }
        return " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }
}
