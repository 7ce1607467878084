package dev.hadron.tensor;

/**
 * An explicit, seeded, splittable source of random numbers. There is no global random state in
 * Hadron: every random operation takes a {@code Generator}. The same seed gives the same numbers on
 * every machine and JDK.
 *
 * <p>The algorithm is SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014): a 64-bit counter advanced by an odd increment ("gamma") and a
 * bijective mixing function. {@link #split()} derives an independent generator with its own seed and
 * gamma, so parallel or nested code can each take a stream without coordinating, as JAX's
 * {@code random.split} does.
 *
 * <p>A generator is not thread-safe; split one per thread.
 */
public final class Generator {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;
    private final long gamma;
    private double spareGaussian;
    private boolean hasSpare;

    /** A generator seeded with {@code seed}. */
    public Generator(long seed) {
        this(mix64(seed), GOLDEN_GAMMA);
    }

    private Generator(long state, long gamma) {
        this.state = state;
        this.gamma = gamma;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int n = Long.bitCount(z ^ (z >>> 1));
        return n < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }

    /** A uniformly distributed 64-bit value. */
    public long nextLong() {
        state += gamma;
        return mix64(state);
    }

    /** Uniform on {0, ..., bound - 1} without modulo bias. */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long limit = Long.remainderUnsigned(-bound, bound);
        while (true) {
            long r = nextLong();
            if (Long.compareUnsigned(r, limit) >= 0 || limit == 0) {
                return Long.remainderUnsigned(r, bound);
            }
        }
    }

    /** Uniform on {0, ..., bound - 1}. */
    public int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Marsaglia's polar method). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * f;
        hasSpare = true;
        return u * f;
    }

    /** An independent generator; this one advances. */
    public Generator split() {
        return new Generator(nextLong(), mixGamma(nextLong()));
    }

    /** {@code n} independent generators; this one advances. */
    public Generator[] split(int n) {
        Generator[] g = new Generator[n];
        for (int i = 0; i < n; i++) {
            g[i] = split();
        }
        return g;
    }
}
