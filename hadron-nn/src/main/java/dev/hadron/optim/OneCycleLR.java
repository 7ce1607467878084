package dev.hadron.optim;

/**
 * The one-cycle policy (Smith and Topin, 2018), as {@code torch.optim.lr_scheduler.OneCycleLR} with cosine
 * annealing and two phases: from {@code maxLr / divFactor} up to {@code maxLr} over the first
 * {@code pctStart} of {@code totalSteps}, then down to {@code maxLr / divFactor / finalDivFactor}. Step it
 * once per batch. Momentum is not cycled (PyTorch cycles it by default).
 */
public final class OneCycleLR extends LRScheduler {
    private final double maxLr;
    private final int totalSteps;
    private final double pctStart;
    private final double divFactor;
    private final double finalDivFactor;

    /** PyTorch's defaults: pctStart 0.3, divFactor 25, finalDivFactor 1e4. */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps) {
        this(optimizer, maxLr, totalSteps, 0.3, 25, 1e4);
    }

    /** Full control. */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps, double pctStart, double divFactor,
                      double finalDivFactor) {
        super(optimizer);
        if (!(maxLr > 0) || totalSteps < 2 || !(pctStart > 0 && pctStart < 1) || !(divFactor > 0)
                || !(finalDivFactor > 0)) {
            throw new IllegalArgumentException("OneCycleLR: need maxLr > 0, totalSteps >= 2, 0 < pctStart < 1 and positive"
                    + " div factors; got " + maxLr + ", " + totalSteps + ", " + pctStart + ", " + divFactor + ", "
                    + finalDivFactor);
        }
        this.maxLr = maxLr;
        this.totalSteps = totalSteps;
        this.pctStart = pctStart;
        this.divFactor = divFactor;
        this.finalDivFactor = finalDivFactor;
        init();
    }

    private static double cos(double start, double end, double pct) {
        return end + (start - end) / 2 * (Math.cos(Math.PI * pct) + 1);
    }

    @Override
    public double lrAt(int group, double baseLr, int epoch) {
        if (epoch > totalSteps) {
            throw new IllegalStateException("OneCycleLR: tried to step " + epoch + " times; the schedule has " + totalSteps
                    + " total steps");
        }
        double initial = maxLr / divFactor;
        double min = initial / finalDivFactor;
        double end1 = pctStart * totalSteps - 1;
        double end2 = totalSteps - 1;
        if (epoch <= end1) {
            return cos(initial, maxLr, epoch / end1);
        }
        return cos(maxLr, min, (epoch - end1) / (end2 - end1));
    }
}
