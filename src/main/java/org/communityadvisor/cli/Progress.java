package org.communityadvisor.cli;

import java.io.PrintWriter;

/**
 * A progress line on standard error while a batch runs, only when a person is watching a terminal
 * (never when output is piped or redirected, never on standard output).
 */
final class Progress {
    private static final Progress NONE = new Progress(null, 0);
    private final PrintWriter err;
    private final int total;
    private int done;
    private long lastDraw;
    private boolean drawn;

    private Progress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    /**
     * A progress line for {@code total} documents ({@code total <= 0}: unknown, a stream, so only the count
     * is shown), or none when no one is watching.
     */
    static Progress start(PrintWriter err, int total) {
        boolean terminal = System.console() != null && System.getenv("ADVISOR_NO_PROGRESS") == null;
        return terminal ? new Progress(Output.rawStderr(), total) : NONE;
    }

    /** The line drawn after {@code done} of {@code total} documents: the bar is the true fraction done. */
    static String line(int done, int total, String label) {
        String name = label.length() > 50 ? "..." + label.substring(label.length() - 47) : label;
        if (total <= 0) {
            return done + "  " + name;
        }
        int bar = (int) Math.min(20, (long) done * 20 / total);
        return "[" + "#".repeat(bar) + " ".repeat(20 - bar) + "] " + done + "/" + total + "  " + name;
    }

    void step(String label) {
        if (err == null) {
            return;
        }
        done++;
        long now = System.nanoTime();
        if (now - lastDraw > 100_000_000L) {
            lastDraw = now;
            err.print("\r" + org.communityadvisor.report.internal.TerminalText.inert(line(done, total, label)) + "\u001b[K");
            err.flush();
            drawn = true;
        }
    }

    void clear() {
        if (err != null && drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }
}
