package dev.hadron.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * A terminal progress bar for {@link Trainer#fit}: epoch, batch, running loss, events per second and the
 * estimated time left, redrawn in place at most ten times a second; when the output is not a terminal
 * (a log file, a batch job) it prints one plain line per epoch instead. The end of every epoch shows the
 * training and validation losses and the metrics.
 *
 * <pre>
 * epoch  3/20 [##########..........]  60/120  loss 0.4821  52,310 ev/s  ETA 0:02
 * epoch  3/20  loss 0.4790  val_loss 0.4903  val_accuracy 0.7712  lr 0.001  2.3 s
 * </pre>
 */
public final class ProgressBar implements Callback {
    private final PrintStream out;
    private final boolean interactive;
    private long epochStart;
    private long lastDraw;
    private double lossSum;
    private long events;
    private int batches;

    /** Writes to standard error, redrawing in place when it is a terminal. */
    public ProgressBar() {
        this(System.err, isTerminal());
    }

    /** Writes to {@code out}; {@code interactive} redraws one line in place, otherwise one line per epoch. */
    public ProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    private static boolean isTerminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    @Override
    public Phase phase() {
        return Phase.DISPLAY;
    }

    @Override
    public void onEpochBegin(Trainer trainer, int epoch) {
        epochStart = System.nanoTime();
        lastDraw = 0;
        lossSum = 0;
        events = 0;
        batches = 0;
    }

    @Override
    public void onBatchEnd(Trainer trainer, int epoch, Batch batch, double loss) {
        lossSum += loss * batch.size();
        events += batch.size();
        batches++;
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        int total = trainer.trainLoader() == null ? batches : trainer.trainLoader().numBatches();
        if (now - lastDraw < 100_000_000L && batches < total) {
            return;
        }
        lastDraw = now;
        double secs = (now - epochStart) / 1e9;
        double rate = events / Math.max(secs, 1e-9);
        double eta = batches == 0 ? 0 : secs / batches * (total - batches);
        int width = 20;
        int filled = (int) Math.round(width * (double) batches / Math.max(total, 1));
        out.print(String.format(Locale.ROOT, "\repoch %s [%s%s] %s  loss %.4f  %,.0f ev/s  ETA %s ",
                epochLabel(trainer, epoch), "#".repeat(filled), ".".repeat(width - filled),
                pad(batches, total) + "/" + total, lossSum / events, rate, time(eta)));
        out.flush();
    }

    private static String pad(int v, int total) {
        return String.format(Locale.ROOT, "%" + Integer.toString(total).length() + "d", v);
    }

    private static String epochLabel(Trainer trainer, int epoch) {
        int total = trainer.epochs();
        return String.format(Locale.ROOT, "%" + Integer.toString(total).length() + "d/%d", epoch + 1, total);
    }

    private static String time(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void onEpochEnd(Trainer trainer, EpochResult r) {
        StringBuilder sb = new StringBuilder();
        if (interactive) {
            sb.append('\r');
        }
        sb.append(String.format(Locale.ROOT, "epoch %s  loss %.4f", epochLabel(trainer, r.epoch()), r.trainLoss()));
        if (!Double.isNaN(r.validLoss())) {
            sb.append(String.format(Locale.ROOT, "  val_loss %.4f", r.validLoss()));
        }
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            sb.append(String.format(Locale.ROOT, "  %s %.4f", e.getKey(), e.getValue()));
        }
        sb.append(String.format(Locale.ROOT, "  lr %.3g  %,.0f ev/s  %.1f s", r.lr(), r.events() / Math.max(r.seconds(),
                1e-9), r.seconds()));
        if (interactive) {
            sb.append(" ".repeat(10));
        }
        out.println(sb);
        out.flush();
    }
}
