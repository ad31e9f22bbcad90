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
            return "a value is too large" + at;
        }
        if (e instanceof JsonParseException) {
            return "not valid JSON" + at;
        }
        return "unexpected content" + at;
    }

    static String at(JsonLocation l) {
        if (l == null || l.getLineNr() < 0) {
            return "";
        }
        return " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }
}
