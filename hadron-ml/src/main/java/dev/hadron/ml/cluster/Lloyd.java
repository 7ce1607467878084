package dev.hadron.ml.cluster;

import dev.hadron.tensor.Generator;

import java.util.stream.IntStream;

/**
 * The k-means algorithms behind {@link KMeans}, following scikit-learn's choices step by step:
 * greedy k-means++ seeding (Arthur and Vassilvitskii 2007, with {@code 2 + ln k} candidates per
 * centre, each draw proportional to weight times squared distance), Lloyd iterations that stop when
 * the labels no longer change or the summed squared centre shift is at most the tolerance, empty
 * clusters re-seeded with the points farthest from their centres, and a last assignment step so
 * that labels and centres agree. The distance passes run in parallel over fixed chunks of events.
 */
final class Lloyd {
    /** Events per parallel task (fixed, so that results do not depend on the number of threads). */
    private static final int CHUNK = 4096;

    final double[] centers;
    final int[] labels;
    final double inertia;
    final int iterations;

    private Lloyd(double[] centers, int[] labels, double inertia, int iterations) {
        this.centers = centers;
        this.labels = labels;
        this.inertia = inertia;
        this.iterations = iterations;
    }

    /** Greedy k-means++ seeding. */
    static double[] kmeansPlusPlus(double[] x, double[] w, int n, int f, int k, Generator gen) {
        double[] centers = new double[k * f];
        int trials = 2 + (int) Math.log(k);
        int first = sample(w, null, gen);
        System.arraycopy(x, first * f, centers, 0, f);
        double[] closest = new double[n];
        double potential = 0;
        for (int i = 0; i < n; i++) {
            closest[i] = dist(x, i * f, centers, 0, f);
            potential += w[i] * closest[i];
        }
        double[] candidateDist = new double[n];
        double[] bestDist = new double[n];
        for (int c = 1; c < k; c++) {
            int best = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                int cand = potential > 0 ? sample(w, closest, gen) : sample(w, null, gen);
                double pot = candidatePotential(x, w, n, f, cand, closest, candidateDist);
                if (pot < bestPotential) {
                    bestPotential = pot;
                    best = cand;
                    System.arraycopy(candidateDist, 0, bestDist, 0, n);
                }
            }
            System.arraycopy(x, best * f, centers, c * f, f);
            System.arraycopy(bestDist, 0, closest, 0, n);
            potential = bestPotential;
        }
        return centers;
    }

    /**
     * Fills {@code candidateDist} with each event's squared distance to its nearest centre once
     * {@code cand} is added, and returns the weighted sum: in parallel over fixed chunks, whose partial
     * sums are added in chunk order (the same result for any number of threads).
     */
    private static double candidatePotential(double[] x, double[] w, int n, int f, int cand, double[] closest,
                                             double[] candidateDist) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] partial = new double[chunks];
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(ch -> {
            double pot = 0;
            for (int i = ch * CHUNK, end = Math.min(n, (ch + 1) * CHUNK); i < end; i++) {
                candidateDist[i] = Math.min(closest[i], dist(x, i * f, x, cand * f, f));
                pot += w[i] * candidateDist[i];
            }
            partial[ch] = pot;
        });
        double pot = 0;
        for (double p : partial) {
            pot += p;
        }
        return pot;
    }

    /** k distinct events drawn with probability proportional to weight (scikit-learn's "random" init). */
    static double[] randomRows(double[] x, double[] w, int n, int f, int k, Generator gen) {
        double[] remaining = w.clone();
        double[] centers = new double[k * f];
        for (int c = 0; c < k; c++) {
            int i = sample(remaining, null, gen);
            remaining[i] = 0;
            System.arraycopy(x, i * f, centers, c * f, f);
        }
        return centers;
    }

    /** An index drawn with probability proportional to {@code w[i] * (d == null ? 1 : d[i])}. */
    private static int sample(double[] w, double[] d, Generator gen) {
        double total = 0;
        int last = -1;
        for (int i = 0; i < w.length; i++) {
            double p = d == null ? w[i] : w[i] * d[i];
            if (p > 0) {
                total += p;
                last = i;
            }
        }
        if (last < 0) {
            return gen.nextInt(w.length);
        }
        double u = gen.nextDouble() * total;
        double acc = 0;
        for (int i = 0; i < w.length; i++) {
            double p = d == null ? w[i] : w[i] * d[i];
            if (p > 0) {
                acc += p;
                if (u < acc) {
                    return i;
                }
            }
        }
        return last;
    }

    /** Lloyd iterations from the given centres (copied). */
    static Lloyd run(double[] x, double[] w, int n, int f, int k, double[] init, int maxIter, double tol) {
        double[] centers = init.clone();
        double[] next = new double[k * f];
        double[] clusterWeight = new double[k];
        int[] labels = new int[n];
        int[] previous = new int[n];
        java.util.Arrays.fill(previous, -1);
        boolean strict = false;
        int iter = 0;
        while (iter < maxIter) {
            iter++;
            assign(x, n, f, k, centers, labels);
            java.util.Arrays.fill(next, 0);
            java.util.Arrays.fill(clusterWeight, 0);
            for (int i = 0; i < n; i++) {
                int c = labels[i];
                clusterWeight[c] += w[i];
                for (int j = 0; j < f; j++) {
                    next[c * f + j] += w[i] * x[i * f + j];
                }
            }
            relocateEmpty(x, w, n, f, k, centers, labels, next, clusterWeight);
            double shift = 0;
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < f; j++) {
                    double v = clusterWeight[c] > 0 ? next[c * f + j] / clusterWeight[c] : centers[c * f + j];
                    double d = v - centers[c * f + j];
                    shift += d * d;
                    next[c * f + j] = v;
                }
            }
            double[] swap = centers;
            centers = next;
            next = swap;
            if (java.util.Arrays.equals(labels, previous)) {
                strict = true;
                break;
            }
            if (shift <= tol) {
                break;
            }
            System.arraycopy(labels, 0, previous, 0, n);
        }
        if (!strict) {
            assign(x, n, f, k, centers, labels);
        }
        return new Lloyd(centers, labels, inertia(x, w, n, f, centers, labels), iter);
    }

    /** Moves the centres of empty clusters onto the points farthest from their own centres. */
    private static void relocateEmpty(double[] x, double[] w, int n, int f, int k, double[] centers, int[] labels,
                                      double[] sums, double[] clusterWeight) {
        int empty = 0;
        for (int c = 0; c < k; c++) {
            if (clusterWeight[c] == 0) {
                empty++;
            }
        }
        if (empty == 0) {
            return;
        }
        Integer[] order = new Integer[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            d[i] = dist(x, i * f, centers, labels[i] * f, f);
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(d[b], d[a]));
        int next = 0;
        for (int c = 0; c < k; c++) {
            if (clusterWeight[c] != 0) {
                continue;
            }
            int far = order[next++];
            int old = labels[far];
            for (int j = 0; j < f; j++) {
                sums[old * f + j] -= w[far] * x[far * f + j];
                sums[c * f + j] = w[far] * x[far * f + j];
            }
            clusterWeight[c] = w[far];
            clusterWeight[old] -= w[far];
        }
    }

    /** Nearest-centre labels. */
    static void assign(double[] x, int n, int f, int k, double[] centers, int[] labels) {
        // each label is found by one thread the same way: labels do not depend on the thread count
        IntStream chunks = IntStream.range(0, (n + CHUNK - 1) / CHUNK);
        (n > CHUNK ? chunks.parallel() : chunks).forEach(ch -> assign(x, ch * CHUNK, Math.min(n, (ch + 1) * CHUNK), f, k,
                centers, labels));
    }

    private static void assign(double[] x, int from, int to, int f, int k, double[] centers, int[] labels) {
        for (int i = from; i < to; i++) {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double dd = dist(x, i * f, centers, c * f, f);
                if (dd < bestD) {
                    bestD = dd;
                    best = c;
                }
            }
            labels[i] = best;
        }
    }

    static double inertia(double[] x, double[] w, int n, int f, double[] centers, int[] labels) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += w[i] * dist(x, i * f, centers, labels[i] * f, f);
        }
        return s;
    }

    static double dist(double[] a, int ao, double[] b, int bo, int f) {
        double s = 0;
        for (int j = 0; j < f; j++) {
            double d = a[ao + j] - b[bo + j];
            s += d * d;
        }
        return s;
    }
}
