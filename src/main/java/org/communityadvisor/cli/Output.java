package org.communityadvisor.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.communityadvisor.Lang;
import org.communityadvisor.text.Texts;

/**
 * Where a command writes: standard output, or a file written whole. A file is first written beside its
 * target under a temporary name and renamed into place at the end, so it is never left half-written; the
 * target's permissions are kept. A write that fails (a full disk, a closed pipe) is an error at the end, never
 * a success. Interrupted (Ctrl-C, SIGTERM), the target is left as it was and the temporary file removed; line
 * formats that {@linkplain #keepCompletedRecordsOnInterrupt() keep completed records} put them in
 * {@code TARGET.partial} instead, and say so.
 */
final class Output implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final PrintWriter writer;
    private final Recording stream;
    /** Between the writer and the stream: records written as bytes ({@link #record}) and the writer's chars meet here. */
    private final java.io.BufferedOutputStream bytes;
    private final Lang lang;
    private final Thread cleanup;
    private boolean committed;
    private volatile boolean keepPartial;

    private Output(Path target, Path temp, Recording stream, Lang lang) {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
        this.bytes = new java.io.BufferedOutputStream(stream, 1 << 16);
        // The writer's flush hands its chars to the byte buffer without a system call: only flush() (and commit,
        // close, an interruption) pushes them out, so a record written as bytes never overtakes the writer's text.
        OutputStream toBuffer = new FilterOutputStream(bytes) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                bytes.write(b, off, len);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        this.writer = new PrintWriter(new BufferedWriter(new OutputStreamWriter(toBuffer, StandardCharsets.UTF_8)), false);
        this.lang = lang;
        if (target != null) {
            cleanup = new Thread(this::interrupted, "advisor-output-on-interrupt");
            Runtime.getRuntime().addShutdownHook(cleanup);
        } else {
            cleanup = null;
        }
    }

    static Output open(Path target) throws IOException {
        return open(target, Lang.EN);
    }

    static Output open(Path target, Lang lang) throws IOException {
        if (target == null) {
            return new Output(null, null, new Recording(new FileOutputStream(FileDescriptor.out)), lang);
        }
        Path temp = tempBeside(target, lang);
        try {
            return new Output(target, temp, new Recording(Files.newOutputStream(temp,
                    java.nio.file.StandardOpenOption.WRITE)), lang);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new BadTarget(Texts.of(lang).get("output.cannot-write-there", target, reason(e)));
        }
    }

    /** A target that cannot be written: a folder, say. The command line reports it as a usage error (exit 2). */
    static final class BadTarget extends RuntimeException {
        BadTarget(String message) {
            super(message, null, false, false);
        }
    }

    /** Remembers the first write error, which {@link PrintWriter} would swallow. */
    private static final class Recording extends FilterOutputStream {
        volatile IOException failure;

        Recording(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }

    static Path tempBeside(Path target) throws IOException {
        return tempBeside(target, Lang.EN);
    }

    /**
     * A new, empty file beside the target, to be renamed onto it. Created like any file the user makes (the
     * umask decides its permissions; {@code createTempFile} would make it readable by its owner only, and the
     * rename would keep that), under a name no other run uses. A target that cannot be written is a
     * {@link BadTarget} naming it.
     */
    static Path tempBeside(Path target, Lang lang) throws IOException {
        Texts t = Texts.of(lang);
        if (Files.isDirectory(target)) {
            throw new BadTarget(t.get("output.is-a-folder", target, target.resolve("report.html")));
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new BadTarget(t.get("output.cannot-write-there", target, t.get("output.read-only")));
        }
        try {
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
        } catch (IOException e) {
            throw new BadTarget(t.get("output.cannot-write-there", target, reason(e)));
        }
    }

    /** Why an operation on a file failed, without repeating its name. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** Standard output as UTF-8 whatever the platform's default. */
    static PrintWriter stdout() {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8)), false);
    }

    /**
     * Standard error as UTF-8, flushed on every line; control characters and bidirectional overrides in what is
     * written (a file name, a value quoted from the input) are shown as their codes, never obeyed by the terminal.
     */
    static PrintWriter stderr() {
        return new PrintWriter(org.communityadvisor.report.internal.TerminalText.inert(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8)), true);
    }

    /** Standard error as it is: for the progress line's own terminal codes only. */
    static PrintWriter rawStderr() {
        return new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    }

    PrintWriter writer() {
        return writer;
    }

    /** Pushes what was written out to the terminal, the pipe or the file. */
    synchronized void flush() {
        writer.flush();
        try {
            bytes.flush();
        } catch (IOException e) {
            // recorded by the stream: commit() reports it
        }
    }

    /**
     * One record already encoded as UTF-8 (a JSON line as Jackson wrote it), and a line break: written whole, after
     * everything the writer holds, with no second encoding.
     */
    synchronized void record(byte[] utf8) {
        writer.flush();
        try {
            bytes.write(utf8);
            bytes.write('\n');
        } catch (IOException e) {
            // recorded by the stream: commit() reports it
        }
    }

    /** Flushes the writer into the byte buffer, and that to the stream; the stream remembers a failure. */
    private void flushAll() {
        writer.flush();
        try {
            bytes.flush();
        } catch (IOException e) {
            // recorded by the stream
        }
    }

    /**
     * For line-by-line output (JSONL, text): if the process is interrupted (Ctrl-C, SIGTERM), keep every
     * record written so far: on standard output, flushed; for a file, in {@code TARGET.partial} (the target
     * itself untouched), with a word on standard error. Each record is written whole, under the writer's lock,
     * so the file never ends in half a record. Whole-document formats do not call this: interrupted, they leave
     * nothing.
     */
    Thread keepCompletedRecordsOnInterrupt() {
        keepPartial = true;
        if (cleanup != null) {
            return cleanup;
        }
        Thread hook = new Thread(this::interrupted, "advisor-keep-completed-records");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** The process is going down before {@link #commit()}. */
    private synchronized void interrupted() {
        if (committed) {
            return;
        }
        committed = true;
        flushAll();
        if (target == null) {
            return;
        }
        closeStream();
        try {
            if (keepPartial && stream.failure == null) {
                Path partial = target.resolveSibling(target.getFileName() + ".partial");
                keepPermissions(target, temp);
                Files.move(temp, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                stderr().println("advisor: " + Texts.of(lang).get("output.interrupted-partial", partial, target));
            } else {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            // nothing more can be done while the process is going down
        }
    }

    /** Closes the file being written (the writer's own close stops at the byte buffer). */
    private void closeStream() {
        writer.close();
        try {
            bytes.close();
        } catch (IOException e) {
            // recorded by the stream
        }
    }

    private static void keepPermissions(Path from, Path to) {
        try {
            if (Files.exists(from)) {
                Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system, or not ours to change: the umask's permissions stay
        }
    }

    /** Finishes the output: the file appears under its name, whole; a write that failed is a {@link BadTarget}. */
    synchronized void commit() throws IOException {
        if (committed) {
            return;
        }
        flushAll();
        if (target != null) {
            closeStream();
        }
        if (writer.checkError() || stream.failure != null) {
            committed = true;
            if (target != null) {
                Files.deleteIfExists(temp);
            }
            Texts t = Texts.of(lang);
            String reason = stream.failure == null ? "I/O error" : stream.failure.getMessage();
            throw new BadTarget(t.get("output.write-failed",
                    target == null ? t.get("output.standard-output") : target, reason));
        }
        if (target != null) {
            keepPermissions(target, temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
    }

    @Override
    public synchronized void close() throws IOException {
        flushAll();
        if (target != null && !committed) {
            committed = true;
            closeStream();
            Files.deleteIfExists(temp);
        }
        if (cleanup != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or has run
            }
        }
    }
}
