package org.communityadvisor.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.communityadvisor.ImportException;
import org.communityadvisor.io.BoundedLines;

/** Opening the files an importer reads: UTF-8 with or without a byte-order mark, {@code -} for standard input. */
final class Sources {
    /** Exports hold long messages and big arrays: wider limits than a snapshot's, still bounded. */
    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(10_000_000).maxNestingDepth(64).maxNumberLength(64).build())
            .build();
    static final ObjectMapper MAPPER = new ObjectMapper(JSON);
    /** Largest JSON file an importer reads whole into a tree (a Slack day file, a WeCom answer), in bytes. */
    static final long MAX_TREE_BYTES = 64L << 20;
    /** For files read whole: the same limits and {@link #MAX_TREE_BYTES}, checked while parsing. */
    static final ObjectMapper TREE = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(10_000_000).maxNestingDepth(64).maxNumberLength(64)
                    .maxDocumentLength(MAX_TREE_BYTES).build())
            .build());

    private Sources() {
    }

    /** Standard input's marker on the command line. */
    static boolean isStdin(Path p) {
        return p.toString().equals("-");
    }

    /** The file's bytes as a stream, with a leading UTF-8 byte-order mark removed. */
    static InputStream open(Path p) throws IOException {
        InputStream raw;
        if (isStdin(p)) {
            raw = System.in;
        } else {
            if (Files.isDirectory(p)) {
                throw ImportException.of(p.toString(), "", "import.file.is-folder");
            }
            try {
                raw = Files.newInputStream(p);
            } catch (NoSuchFileException e) {
                throw ImportException.of(p.toString(), "", "import.file.missing");
            }
        }
        return withoutBom(raw);
    }

    static InputStream withoutBom(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 3);
        byte[] head = new byte[3];
        int n = in.readNBytes(head, 0, 3);
        if (!(n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            in.unread(head, 0, n);
        }
        return in;
    }

    static BufferedReader reader(Path p) throws IOException {
        return new BufferedReader(new InputStreamReader(open(p), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)));
    }

    /** Longest line of a JSONL export (one event, one group's facts), in bytes: checked while reading. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /** The file's lines, each at most {@link #MAX_LINE_BYTES}; close the stream with {@link #open}'s. */
    static BoundedLines lines(InputStream in) {
        return new BoundedLines(in, MAX_LINE_BYTES);
    }

    /** The line's text; a line over the limit or not UTF-8 refuses the file, naming the line and the limit. */
    static String text(Path file, BoundedLines.Line line) {
        if (line.tooLong()) {
            throw ImportException.of(file.toString(), "line " + line.number(), "import.limit.line",
                    MAX_LINE_BYTES);
        }
        if (line.notUtf8()) {
            throw ImportContext.malformed(file, "line " + line.number(), Problems.NOT_UTF8);
        }
        return line.text();
    }

    static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
