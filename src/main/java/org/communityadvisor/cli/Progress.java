package org.communityadvisor.cli;

import java.io.PrintWriter;

/**
 * A progress line on standard error while a batch runs, only when a person is watching a terminal
 * (never when output is piped or redirected, never on standard output).
 */
final class Progress {
    private static final Progress NONE = new Progress(null);
    private final PrintWriter err;
    private int done;
    private long lastDraw;
    private boolean drawn;

    private Progress(PrintWriter err) {
        this.err = err;
    }

    static Progress start(PrintWriter err) {
        boolean terminal = System.console() != null && System.getenv("ADVISOR_NO_PROGRESS") == null;
        return terminal ? new Progress(Output.rawStderr()) : NONE;
    }

    void step(String label) {
        if (err == null) {
            return;
        }
        done++;
        long now = System.nanoTime();
        if (now - lastDraw > 100_000_000L) {
            lastDraw = now;
            String name = org.communityadvisor.report.internal.TerminalText.inert(
                    label.length() > 50 ? "..." + label.substring(label.length() - 47) : label);
            int bar = done % 20;
            err.print("\r[" + "#".repeat(bar) + " ".repeat(20 - bar) + "] " + done + "  " + name + "\u001b[K");
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
