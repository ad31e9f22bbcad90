package org.communityadvisor.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The files the fuzz targets hand to path-based readers: one temporary folder per thread, reused for every input
 * (so millions of inputs do not make millions of files), removed when the JVM exits.
 */
final class TempFiles {
    private static final ThreadLocal<Path> DIR = ThreadLocal.withInitial(TempFiles::newDir);

    private TempFiles() {
    }

    private static Path newDir() {
        try {
            Path dir = Files.createTempDirectory("ca-fuzz-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path in this thread's folder (relative names may hold folders; nothing is created). */
    static Path file(String name) {
        return DIR.get().resolve(name);
    }

    /** A fresh, empty folder of this thread's, emptied of what the previous input left. */
    static Path emptyDir(String name) {
        Path dir = DIR.get().resolve(name);
        delete(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, byte[] data) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
