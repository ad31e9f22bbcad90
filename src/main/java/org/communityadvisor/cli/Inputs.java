package org.communityadvisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    private final org.communityadvisor.Lang lang;

    private sealed interface Source permits FileSource, JsonlSource, Missing {
    }

    private record FileSource(Path path) implements Source {
    }

    private record JsonlSource(String label, Path path) implements Source {
    }

    private record Missing(String label, String reason) implements Source {
    }

    Inputs(List<String> args, InputStream stdin) {
        this(args, stdin, org.communityadvisor.Lang.EN);
    }

    /** The inputs named, their refusals (not UTF-8, an export rather than a snapshot) in {@code lang}. */
    Inputs(List<String> args, InputStream stdin, org.communityadvisor.Lang lang) {
        this.stdin = stdin;
        this.lang = lang;
        for (String arg : args) {
            if (arg.equals("-")) {
                sources.add(new JsonlSource("<stdin>", null));
                continue;
            }
            Path p = Path.of(arg);
            java.util.Optional<RawExports.Kind> export = Files.isDirectory(p) ? RawExports.ofFolder(p)
                    : Files.isRegularFile(p) ? RawExports.ofBinary(p) : java.util.Optional.empty();
            if (export.isPresent()) {
                sources.add(new Missing(arg, RawExports.hint(export.get(), arg, lang)));
            } else if (Files.isDirectory(p)) {
                java.util.Map<Path, String> unreadable = new java.util.TreeMap<>();
                try {
                    ScenarioFiles.jsonBelow(p, unreadable).forEach(f -> sources.add(new FileSource(f)));
                } catch (IOException | UncheckedIOException e) {
                    sources.add(new Missing(arg, "cannot list the folder: " + e.getMessage()));
                }
                // a subfolder that cannot be read is a refusal of that path; the files that can be read are advised
                unreadable.forEach((f, reason) -> sources.add(new Missing(f.toString(), "cannot read: " + reason)));
            } else if (!Files.exists(p)) {
                sources.add(new Missing(arg, "no such file or folder"));
            } else if (!Files.isRegularFile(p)) {
                // a pipe: advise <(...), a FIFO, /dev/stdin; one document or JSON lines, read as they come
                sources.add(new JsonlSource(arg, p));
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

    /** How many documents there are, or -1 when a JSONL file or standard input makes it unknown until read. */
    int size() {
        return sources.stream().anyMatch(s -> s instanceof JsonlSource) ? -1 : sources.size();
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
    private Document file(Path path) {
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
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        if (decoder.decode(in, out, true).isError()) {
            // name the first byte that is not UTF-8 and the command that converts the file (GBK is what Chinese
            // Windows tools write)
            String converted = label.replaceFirst("(\\.[^./\\\\]+)?$", ".utf8$1");
            return new Document(label, null, org.communityadvisor.text.Texts.of(lang).get("advise.not-utf8",
                    String.valueOf(in.position()), label, converted));
        }
        decoder.flush(out);
        return new Document(label, out.flip().toString(), null);
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
                if (first && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (first && text.contains("\"groupId\"") && RawExports.ofText(text).isPresent()) {
                    // the events format of import, not snapshots: one answer for the file, not one a line
                    String file = j.path() == null ? "FILE" : j.path().toString();
                    consumer.accept(new Document(j.label(), null,
                            RawExports.hint(RawExports.ofText(text).get(), file, lang)));
                    return;
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
