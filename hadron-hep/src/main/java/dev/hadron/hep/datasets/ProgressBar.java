package dev.hadron.hep.datasets;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Download progress. On a terminal ({@code redraw} true) it is one line redrawn in place with carriage
 * returns, at most every 200 ms:
 * {@code top-tagging/train.h5   42% |##########              | 512.0/1219.5 MB  35.2 MB/s  ETA 0:20}.
 * Elsewhere (a log file, a CI job, a pipe) it prints plain lines instead: one at every tenth of the total,
 * or every 10 s when the total is unknown, and one at the end. Silent when the stream is null.
 */
final class ProgressBar {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long PLAIN_UNKNOWN_TOTAL_NANOS = 10_000_000_000L;

    private final PrintStream out;
    private final boolean redraw;
    private final String label;
    private final long total;
    private final long start;
    private long lastDraw;
    private int lastTenth;
    private long done;

    ProgressBar(PrintStream out, boolean redraw, String label, long total) {
        this.out = out;
        this.redraw = redraw;
        this.label = label;
        this.total = total;
        this.start = System.nanoTime();
        this.lastDraw = start;
    }

    void advance(long bytes) {
        done += bytes;
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (redraw) {
            if (now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                out.print("\r" + line(now));
                out.flush();
            }
        } else if (total > 0) {
            int tenth = (int) Math.min(10, done * 10 / total);
            if (tenth > lastTenth && tenth < 10) {
                lastTenth = tenth;
                out.println(line(now));
            }
        } else if (now - lastDraw >= PLAIN_UNKNOWN_TOTAL_NANOS) {
            lastDraw = now;
            out.println(line(now));
        }
    }

    void finish() {
        if (out != null) {
            out.print((redraw ? "\r" : "") + line(System.nanoTime()) + "\n");
            out.flush();
        }
    }

    String line(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = done / seconds;
        StringBuilder b = new StringBuilder(label).append("  ");
        if (total > 0) {
            int pct = (int) Math.min(100, done * 100 / total);
            b.append(String.format(Locale.ROOT, "%3d%% ", pct));
            if (redraw) {
                int filled = (int) Math.min(WIDTH, done * WIDTH / total);
                b.append('|').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("| ");
            }
            b.append(mb(done)).append('/').append(mb(total)).append(" MB");
        } else {
            b.append(mb(done)).append(" MB");
        }
        b.append(String.format(Locale.ROOT, "  %.1f MB/s", rate / 1e6));
        if (total > 0 && done < total && rate > 0) {
            long eta = (long) ((total - done) / rate);
            b.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
        }
        return b.toString();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
