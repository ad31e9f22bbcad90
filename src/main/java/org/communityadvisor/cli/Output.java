package org.communityadvisor.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command writes: standard output, or a file written whole. A file is first written beside its
 * target under a temporary name and renamed into place at the end, so it is never left half-written.
 */
final class Output implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final PrintWriter writer;
    private boolean committed;

    private Output(Path target, Path temp, PrintWriter writer) {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
    }

    static Output open(Path target) throws IOException {
        if (target == null) {
            return new Output(null, null, stdout());
        }
        Path temp = tempBeside(target);
        return new Output(target, temp, new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(temp, java.nio.file.StandardOpenOption.WRITE),
                        StandardCharsets.UTF_8))));
    }

    /** A target that cannot be written: a folder, say. The command line reports it as a usage error (exit 2). */
    static final class BadTarget extends RuntimeException {
        BadTarget(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A new, empty file beside the target, to be renamed onto it. Created like any file the user makes (the
     * umask decides its permissions; {@code createTempFile} would make it readable by its owner only, and the
     * rename would keep that), under a name no other run uses.
     */
    static Path tempBeside(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new BadTarget("--out " + target + ": is a folder; name a file (e.g. " + target.resolve("report.html")
                    + ")");
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(random.nextLong(), 36)
                    + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** Standard output as UTF-8 whatever the platform's default. */
    static PrintWriter stdout() {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8)), false);
    }

    /** Standard error as UTF-8, flushed on every line. */
    static PrintWriter stderr() {
        return new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    }

    PrintWriter writer() {
        return writer;
    }

    /**
     * For line-by-line output (JSONL, text): if the process is interrupted (Ctrl-C, SIGTERM), keep every
     * record written so far: flush, and put the file in place. Each record is written whole, under the
     * writer's lock, so the file never ends in half a record. Whole-document formats do not call this.
     */
    Thread keepCompletedRecordsOnInterrupt() {
        Thread hook = new Thread(() -> {
            synchronized (this) {
                if (committed) {
                    return;
                }
                try {
                    commit();
                } catch (IOException e) {
                    // nothing more can be done while the process is going down
                }
            }
        }, "advisor-keep-completed-records");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Finishes the output: the file appears under its name, whole. */
    synchronized void commit() throws IOException {
        if (committed) {
            return;
        }
        writer.flush();
        if (target != null) {
            writer.close();
            if (writer.checkError()) {
                throw new IOException("could not write " + temp);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
    }

    @Override
    public synchronized void close() throws IOException {
        writer.flush();
        if (target != null && !committed) {
            writer.close();
            Files.deleteIfExists(temp);
        }
    }
}
