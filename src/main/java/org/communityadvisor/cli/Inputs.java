package org.communityadvisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.communityadvisor.Message;
import org.communityadvisor.ValidationError;
import org.communityadvisor.io.BoundedLines;
import org.communityadvisor.json.Json;

/**
 * What the command line was asked to read, expanded: files, the {@code *.json} files of folders, JSONL files
 * and standard input ({@code -}, one JSON document a line). Documents are handed out one at a time, so a
 * JSONL stream of any length is never held in memory.
 */
final class Inputs {
    /** One JSON document to advise, or the reason it could not be read. */
    record Document(String label, String text, String unreadable, ValidationError refused) {
        Document(String label, String text, String unreadable) {
            this(label, text, unreadable, null);
        }

        /** A document refused for a limit or its encoding, before it was held. */
        static Document refused(String label, Message message, Object... args) {
            return new Document(label, null, null, ValidationError.of("(file)", message, args));
        }
    }

    private final List<Source> sources = new ArrayList<>();
    private final InputStream stdin;

    private sealed interface Source permits FileSource, JsonlSource, Missing {
    }

    private record FileSource(Path path) implements Source {
    }

    private record JsonlSource(String label, Path path) implements Source {
    }

    private record Missing(String label, String reason) implements Source {
    }

    Inputs(List<String> args, InputStream stdin) {
        this.stdin = stdin;
        for (String arg : args) {
            if (arg.equals("-")) {
                sources.add(new JsonlSource("<stdin>", null));
                continue;
            }
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                try {
                    ScenarioFiles.jsonBelow(p).forEach(f -> sources.add(new FileSource(f)));
                } catch (IOException e) {
                    sources.add(new Missing(arg, "cannot list the folder: " + e.getMessage()));
                }
            } else if (!Files.isRegularFile(p)) {
                sources.add(new Missing(arg, "no such file or folder"));
            } else if (arg.endsWith(".jsonl")) {
                sources.add(new JsonlSource(arg, p));
            } else {
                sources.add(new FileSource(p));
            }
        }
    }

    /** True when the inputs are exactly one JSON document (so {@code --format json} prints one object). */
    boolean single() {
        return sources.size() == 1 && sources.get(0) instanceof FileSource;
    }

    /** Hands every document to the consumer, in order. */
    void forEach(Consumer<Document> consumer) {
        for (Source s : sources) {
            if (s instanceof Missing m) {
                consumer.accept(new Document(m.label(), null, m.reason()));
            } else if (s instanceof FileSource f) {
                consumer.accept(file(f.path()));
            } else if (s instanceof JsonlSource j) {
                lines(j, consumer);
            }
        }
    }

    /** One JSON file, read only up to the limit: a bigger file is refused without being held. */
    private static Document file(Path path) {
        String label = path.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = BoundedLines.readAtMost(in, Json.MAX_DOCUMENT_BYTES);
        } catch (IOException | UncheckedIOException e) {
            return new Document(label, null, "cannot read: " + e.getMessage());
        }
        if (bytes == null) {
            return Document.refused(label, Message.DOCUMENT_OVER_LIMIT, Json.MAX_DOCUMENT_BYTES);
        }
        try {
            return new Document(label, BoundedLines.decode(bytes), null);
        } catch (CharacterCodingException e) {
            return Document.refused(label, Message.NOT_UTF8);
        }
    }

    /**
     * JSON lines: each line at most {@link Json#MAX_DOCUMENT_BYTES}; a longer line, or one that is not UTF-8,
     * is refused alone and the lines after it are read (files and standard input alike).
     */
    private void lines(JsonlSource j, Consumer<Document> consumer) {
        try (InputStream in = j.path() == null ? stdin : Files.newInputStream(j.path())) {
            BoundedLines lines = new BoundedLines(in, Json.MAX_DOCUMENT_BYTES);
            BoundedLines.Line line;
            boolean first = true;
            while ((line = lines.next()) != null) {
                String label = j.label() + ":" + line.number();
                if (line.tooLong()) {
                    consumer.accept(Document.refused(label, Message.DOCUMENT_OVER_LIMIT, Json.MAX_DOCUMENT_BYTES));
                    first = false;
                    continue;
                }
                if (line.notUtf8()) {
                    consumer.accept(Document.refused(label, Message.NOT_UTF8));
                    first = false;
                    continue;
                }
                String text = line.text();
                if (text.isBlank()) {
                    continue;
                }
                if (first && text.strip().equals("{")) {
                    // one pretty-printed document (./advisor import ... | ./advisor advise -), not JSON lines
                    pretty(j, text, lines, consumer);
                    return;
                }
                first = false;
                consumer.accept(new Document(label, text, null));
            }
        } catch (IOException | UncheckedIOException e) {
            consumer.accept(new Document(j.label(), null, "cannot read: " + e.getMessage()));
        }
    }

    /** The rest of a stream that starts with a lone {: one document, bounded as a file is. */
    private static void pretty(JsonlSource j, String head, BoundedLines lines, Consumer<Document> consumer)
            throws IOException {
        StringBuilder doc = new StringBuilder(head).append('\n');
        long bytes = head.length();
        boolean bad = false;
        BoundedLines.Line line;
        while ((line = lines.next()) != null) {
            if (line.tooLong() || (bytes += line.ok() ? line.text().length() + 1 : 0) > Json.MAX_DOCUMENT_BYTES) {
                consumer.accept(Document.refused(j.label(), Message.DOCUMENT_OVER_LIMIT, Json.MAX_DOCUMENT_BYTES));
                return;
            }
            if (line.notUtf8()) {
                bad = true;
            } else if (!bad) {
                doc.append(line.text()).append('\n');
            }
        }
        consumer.accept(bad ? Document.refused(j.label(), Message.NOT_UTF8) : new Document(j.label(), doc.toString(), null));
    }
}
