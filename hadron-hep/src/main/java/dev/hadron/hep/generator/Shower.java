package dev.hadron.hep.generator;

import dev.hadron.tensor.Generator;

import java.util.Arrays;

/**
 * The parton-level model: recursive 1 → 2 splittings in the manner of Ginkgo (Cranmer, Drnevich, Macaluso,
 * Pappadopulo, arXiv:2002.11661). A parent of virtuality (invariant mass squared) t splits into children
 * with {@code t_L = t·x_L} and {@code t_R = (√t − √t_L)²·x_R}, where x is exponentially distributed with
 * rate λ and truncated below 1; the decay is isotropic in the parent's rest frame and boosted back; a node
 * with t below the cut-off is a final particle. Four-momentum is conserved exactly at every split.
 *
 * <p>Leaves are collected in growable arrays (E, px, py, pz); one instance serves one jet at a time.
 */
final class Shower {
    private final double cutoff2;
    private final double qcdRate;
    private double[] leaves = new double[4 * 64];
    private int count;

    Shower(double cutoffMass, double qcdRate) {
        this.cutoff2 = cutoffMass * cutoffMass;
        this.qcdRate = qcdRate;
    }

    void clear() {
        count = 0;
    }

    int count() {
        return count;
    }

    double[] leaves() {
        return leaves;
    }

    /** x ~ Exp(rate) truncated to [0, 0.999) (Ginkgo's rejection bound), by inversion. */
    static double truncatedExponential(double rate, Generator g) {
        double cap = 1 - 1e-3;
        double u = g.nextDouble();
        return -Math.log1p(-u * -Math.expm1(-rate * cap)) / rate;
    }

    /** A Cauchy (non-relativistic Breit–Wigner) mass truncated to [lo, hi], by inversion. */
    static double breitWigner(double mass, double width, double lo, double hi, Generator g) {
        double a = Math.atan(2 * (lo - mass) / width);
        double b = Math.atan(2 * (hi - mass) / width);
        return mass + 0.5 * width * Math.tan(a + (b - a) * g.nextDouble());
    }

    /** Showers a parton with four-momentum p = (E, px, py, pz) and virtuality t = p² (GeV²). */
    void shower(double[] p, double t, Generator g) {
        if (t < cutoff2) {
            addLeaf(p);
            return;
        }
        double tL = t * truncatedExponential(qcdRate, g);
        double sqrtT = Math.sqrt(t);
        double rest = sqrtT - Math.sqrt(tL);
        double tR = rest * rest * truncatedExponential(qcdRate, g);
        if (g.nextDouble() < 0.5) {
            double tmp = tL;
            tL = tR;
            tR = tmp;
        }
        double[] left = new double[4];
        double[] right = new double[4];
        decay(p, sqrtT, Math.sqrt(tL), Math.sqrt(tR), left, right, g);
        shower(left, tL, g);
        shower(right, tR, g);
    }

    /**
     * Two-body decay of a parent (E, px, py, pz) of mass m into masses m1 + m2 ≤ m, isotropic in the parent
     * rest frame; writes the children's four-momenta into {@code out1} and {@code out2}.
     */
    static void decay(double[] parent, double m, double m1, double m2, double[] out1, double[] out2, Generator g) {
        double m2sq = m * m;
        double e1 = (m2sq + m1 * m1 - m2 * m2) / (2 * m);
        double lambda = (m2sq - (m1 + m2) * (m1 + m2)) * (m2sq - (m1 - m2) * (m1 - m2));
        double pstar = Math.sqrt(Math.max(0, lambda)) / (2 * m);
        double cosTheta = 2 * g.nextDouble() - 1;
        double sinTheta = Math.sqrt(Math.max(0, 1 - cosTheta * cosTheta));
        double phi = 2 * Math.PI * g.nextDouble();
        double qx = pstar * sinTheta * Math.cos(phi);
        double qy = pstar * sinTheta * Math.sin(phi);
        double qz = pstar * cosTheta;
        boost(e1, qx, qy, qz, parent, m, out1);
        double e2 = Math.sqrt(pstar * pstar + m2 * m2);
        boost(e2, -qx, -qy, -qz, parent, m, out2);
        // the two children add up to the parent exactly; absorb rounding into the softer one
        double[] soft = out1[0] < out2[0] ? out1 : out2;
        double[] hard = soft == out1 ? out2 : out1;
        for (int k = 0; k < 4; k++) {
            soft[k] = parent[k] - hard[k];
        }
    }

    /** Boosts (e, qx, qy, qz) from the rest frame of {@code frame} (mass m) to the frame where it has {@code frame}'s momentum. */
    private static void boost(double e, double qx, double qy, double qz, double[] frame, double m, double[] out) {
        double gamma = frame[0] / m;
        double bx = frame[1] / frame[0];
        double by = frame[2] / frame[0];
        double bz = frame[3] / frame[0];
        double bp = bx * qx + by * qy + bz * qz;
        double g2 = gamma * gamma / (gamma + 1);
        double k = g2 * bp + gamma * e;
        out[0] = gamma * (e + bp);
        out[1] = qx + k * bx;
        out[2] = qy + k * by;
        out[3] = qz + k * bz;
    }

    private void addLeaf(double[] p) {
        if (4 * count + 4 > leaves.length) {
            leaves = Arrays.copyOf(leaves, 2 * leaves.length);
        }
        System.arraycopy(p, 0, leaves, 4 * count, 4);
        count++;
    }
}
