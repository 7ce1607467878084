package dev.hadron.optim;

/**
 * Cosine annealing (Loshchilov and Hutter, 2017) from the initial learning rate to {@code etaMin} over
 * {@code tMax} steps, as {@code torch.optim.lr_scheduler.CosineAnnealingLR} (closed form):
 * {@code lr = etaMin + (initial - etaMin) (1 + cos(pi step / tMax)) / 2}.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private final int tMax;
    private final double etaMin;

    /** Anneals over {@code tMax} steps to {@code etaMin}. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        if (tMax < 1 || !(etaMin >= 0)) {
            throw new IllegalArgumentException("CosineAnnealingLR: need tMax >= 1 and etaMin >= 0, got " + tMax + ", "
                    + etaMin);
        }
        this.tMax = tMax;
        this.etaMin = etaMin;
        init();
    }

    @Override
    public double lrAt(int group, double baseLr, int epoch) {
        return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
    }
}
