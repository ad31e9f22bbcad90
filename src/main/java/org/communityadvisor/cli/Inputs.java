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

    /** Hands every document to the consumer, in order. */
    void forEach(Consumer<Document> consumer) {
        for (Source s : sources) {
            if (s instanceof Missing m) {
                consumer.accept(new Document(m.label(), null, m.reason()));
            } else if (s instanceof FileSource f) {
                String text;
                try {
                    text = Files.readString(f.path(), StandardCharsets.UTF_8);
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
        } catch (IOException e) {
            consumer.accept(new Document(j.label(), null, "cannot read: " + e.getMessage()));
        }
    }
}
