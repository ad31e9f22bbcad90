package org.communityadvisor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What the command line was asked to read, expanded: files, the {@code *.json} files of folders, JSONL files
 * and standard input ({@code -}, one JSON document a line). Documents are handed out one at a time, so a
 * JSONL stream of any length is never held in memory.
 */
final class Inputs {
    /** One JSON document to advise, or the reason it could not be read. */
    record Document(String label, String text, String unreadable) {
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
                String text;
                try {
                    text = utf8(f.path());
                } catch (java.nio.charset.CharacterCodingException e) {
                    consumer.accept(new Document(f.path().toString(), null, e.getMessage()));
                    continue;
                } catch (IOException | UncheckedIOException e) {
                    consumer.accept(new Document(f.path().toString(), null, "cannot read: " + e.getMessage()));
                    continue;
                }
                consumer.accept(new Document(f.path().toString(), text, null));
            } else if (s instanceof JsonlSource j) {
                lines(j, consumer);
            }
        }
    }

    private void lines(JsonlSource j, Consumer<Document> consumer) {
        try (BufferedReader in = j.path() == null
                ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))
                : Files.newBufferedReader(j.path(), StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                n++;
                if (first && !line.isBlank()) {
                    first = false;
                    if (line.startsWith("\uFEFF")) {
                        line = line.substring(1);
                    }
                    if (line.contains("\"groupId\"") && RawExports.ofText(line).isPresent()) {
                        // the events format of import, not snapshots: one answer for the file, not one a line
                        String file = j.path() == null ? "FILE" : j.path().toString();
                        consumer.accept(new Document(j.label(), null,
                                RawExports.hint(RawExports.ofText(line).get(), file, lang)));
                        return;
                    }
                    if (line.strip().equals("{")) {
                        // one pretty-printed document (./advisor import ... | ./advisor advise -), not JSON lines
                        StringBuilder doc = new StringBuilder(line).append('\n');
                        char[] buffer = new char[8192];
                        int read;
                        while ((read = in.read(buffer)) > 0 && doc.length() <= org.communityadvisor.json.Json.MAX_DOCUMENT_CHARS) {
                            doc.append(buffer, 0, read);
                        }
                        consumer.accept(new Document(j.label(), doc.toString(), null));
                        return;
                    }
                }
                if (!line.isBlank()) {
                    consumer.accept(new Document(j.label() + ":" + n, line, null));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            String file = j.path() == null ? "FILE" : j.path().toString();
            consumer.accept(new Document(j.label(), null, org.communityadvisor.text.Texts.of(lang)
                    .get("advise.not-utf8-lines", file, file + ".utf8.jsonl")));
        } catch (IOException e) {
            consumer.accept(new Document(j.label(), null, "cannot read: " + e.getMessage()));
        }
    }

    /**
     * A file's text, or a {@link java.nio.charset.CharacterCodingException} whose message names the first byte
     * that is not UTF-8 and the command that converts the file (GBK is what Chinese Windows tools write).
     */
    private String utf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            String name = file.toString();
            String converted = name.replaceFirst("(\\.[^./\\\\]+)?$", ".utf8$1");
            throw new java.nio.charset.CharacterCodingException() {
                @Override
                public String getMessage() {
                    return org.communityadvisor.text.Texts.of(lang).get("advise.not-utf8",
                            String.valueOf(in.position()), name, converted);
                }
            };
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
