package org.communityadvisor.report.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Text laid out for a terminal: wrapped to 100 columns, a Chinese character counted two columns wide.
 * Internal to the advisor (the text report and the command line); not part of the API.
 */
public final class TerminalText {
    /** The width text is wrapped to. */
    public static final int WIDTH = 100;

    private TerminalText() {
    }

    /**
     * Whether a character from the input must not reach a reader as it is: C0 controls but line feed and tab,
     * DEL, C1 controls (a terminal obeys them: clearing the screen, opening an OSC 8 link) and the bidirectional
     * embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069 (they reorder what follows them).
     */
    public static boolean unsafe(int ch) {
        return ch < 0x20 && ch != '\n' && ch != '\t' || ch >= 0x7F && ch <= 0x9F
                || ch >= 0x202A && ch <= 0x202E || ch >= 0x2066 && ch <= 0x2069;
    }

    /** Text made harmless for a terminal, Markdown or HTML: every {@linkplain #unsafe unsafe} character shown as its code (a backslash, u and four hex digits). */
    public static String inert(String s) {
        return inert(s, false);
    }

    /**
     * Like {@link #inert(String)}, but with {@code keepColour} the text's own colour codes (ESC [ digits m)
     * stay: for the coloured text report, whose values pass through {@link #inert(String)} first.
     */
    public static String inert(String s, boolean keepColour) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!unsafe(ch)) {
                out.append(ch);
            } else if (keepColour && ch == 0x1B && colourCodeAt(s, i)) {
                out.append(ch);
            } else {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) ch));
            }
        }
        return out.toString();
    }

    private static boolean colourCodeAt(String s, int esc) {
        int j = esc + 1;
        if (j >= s.length() || s.charAt(j) != '[') {
            return false;
        }
        for (j++; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == 'm') {
                return true;
            }
            if (!(c >= '0' && c <= '9' || c == ';')) {
                return false;
            }
        }
        return false;
    }

    /** A value quoted in a message, cut to {@code max} characters with an ellipsis, made {@linkplain #inert inert}. */
    public static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        String shown = s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max)) + "\u2026";
        return inert(shown);
    }

    /** A writer that makes everything written through it {@linkplain #inert inert}: for messages on standard error. */
    public static java.io.Writer inert(java.io.Writer out) {
        return new java.io.FilterWriter(out) {
            @Override
            public void write(int c) throws java.io.IOException {
                out.write(unsafe(c) ? String.format(java.util.Locale.ROOT, "\\u%04X", c) : String.valueOf((char) c));
            }

            @Override
            public void write(char[] buf, int off, int len) throws java.io.IOException {
                out.write(inert(new String(buf, off, len)));
            }

            @Override
            public void write(String str, int off, int len) throws java.io.IOException {
                out.write(inert(str.substring(off, off + len)));
            }
        };
    }

    /** Prints text after a prefix, wrapped to the width, continuation lines indented under the text. */
    public static void wrap(PrintWriter out, String prefix, String text) {
        lines(prefix, text).forEach(out::println);
    }

    /** Appends text after a prefix, wrapped to the width, each line ended by {@code \n}. */
    public static void wrap(StringBuilder out, String prefix, String text) {
        lines(prefix, text).forEach(line -> out.append(line).append('\n'));
    }

    private static List<String> lines(String prefix, String text) {
        List<String> lines = new ArrayList<>();
        int indent = width(prefix);
        StringBuilder line = new StringBuilder(prefix);
        int col = indent;
        for (String word : tokens(text)) {
            int w = width(word);
            if (col + w > WIDTH && col > indent) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder(" ".repeat(indent));
                col = indent;
                if (word.equals(" ")) {
                    continue;
                }
            }
            line.append(word);
            col += w;
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }

    private static final String CLOSING = "\u300d\u300f),.;:!?\u3002\u3001\u300b\u3009\u3011\u201d\u2019\uff09\uff0c\uff1b\uff1a\uff01\uff1f";
    private static final String OPENING = "\u300c\u300e(\u300a\u3008\u3010\u201c\u2018\uff08";

    /** Words and spaces for Latin text; single characters for CJK, which may break anywhere. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (CLOSING.indexOf(cp) >= 0 && word.length() == 0 && !out.isEmpty() && !out.get(out.size() - 1).equals(" ")) {
                // closing punctuation never starts a line (a lone 」 or ,): it stays with what it closes
                out.set(out.size() - 1, out.get(out.size() - 1) + new String(Character.toChars(cp)));
            } else if (cp == ' ' || wide(cp)) {
                if (word.length() > 0) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                String token = new String(Character.toChars(cp));
                if (!out.isEmpty() && OPENING.indexOf(out.get(out.size() - 1).codePointBefore(
                        out.get(out.size() - 1).length())) >= 0 && out.get(out.size() - 1).length() <= 2 && cp != ' ') {
                    // opening punctuation never ends a line: it goes with what it opens
                    out.set(out.size() - 1, out.get(out.size() - 1) + token);
                } else {
                    out.add(token);
                }
            } else {
                word.appendCodePoint(cp);
            }
        });
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    /** Columns the text takes in a terminal. */
    public static int width(String s) {
        return s.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
    }

    /** The text and spaces up to a display width, at least one space. */
    public static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - width(s)));
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
