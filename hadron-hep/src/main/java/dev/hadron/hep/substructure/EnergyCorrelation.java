package dev.hadron.hep.substructure;

import dev.hadron.hep.vector.FourVector;
import dev.hadron.hep.vector.JaggedFourVector;
import dev.hadron.hep.vector.Kinematics;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * Energy correlation functions (Larkoski, Salam, Thaler, arXiv:1305.0007) with FastJet contrib's
 * {@code pt_R} measure: {@code ECF(1) = Σ pt_i}, {@code ECF(2) = Σ_{i<j} pt_i pt_j R_ij^β},
 * {@code ECF(3) = Σ_{i<j<k} pt_i pt_j pt_k (R_ij R_ik R_jk)^β}, with R_ij the rapidity–azimuth distance;
 * and the 2-prong discriminants {@code C2 = ECF(3)·ECF(1)/ECF(2)²} and
 * {@code D2 = ECF(3)·ECF(1)³/ECF(2)³} (Larkoski, Moult, Neill, arXiv:1409.6298). β = 1 or 2 are the
 * usual choices (the hls4ml jet features use both).
 *
 * <p>Computed for whole batches of jets with tensor ops and differentiable in the constituents: with
 * {@code B_ij = R_ij^β pt_j}, {@code ECF(3) = trace(B³)/6} (the diagonal R_ii = 0 removes repeated
 * indices), which costs one batched matrix product per jet instead of a triple loop. Jets are processed in
 * chunks of similar multiplicity so that padding stays small. Jets with fewer than two (three)
 * constituents have ECF(2) = 0 (ECF(3) = 0), and C2 = D2 = 0 where ECF(2) = 0.
 *
 * @param beta the angular exponent β > 0
 */
public record EnergyCorrelation(double beta) {
    private static final int CHUNK = 64;

    /** Validates β. */
    public EnergyCorrelation {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("EnergyCorrelation: beta must be a finite number > 0, got " + beta);
        }
    }

    /** β = 1. */
    public static EnergyCorrelation defaults() {
        return new EnergyCorrelation(1.0);
    }

    /** A copy with another β. */
    public EnergyCorrelation withBeta(double newBeta) {
        return new EnergyCorrelation(newBeta);
    }

    /** ECF(1), ECF(2), ECF(3) of every jet: shape (jets, 3), in GeV, GeV², GeV³. */
    public Tensor ecf(JaggedFourVector constituents) {
        int jets = constituents.numEvents();
        FourVector flat = constituents.flat();
        DType dtype = flat.dtype();
        Tensor features = Tensor.stack(1, flat.pt(), flat.rapidity(), flat.phi());
        long[] off = constituents.offsetsArray();
        Integer[] order = new Integer[jets];
        for (int j = 0; j < jets; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (x, y) -> Long.compare(off[x + 1] - off[x], off[y + 1] - off[y]));
        Tensor out = Tensor.zeros(dtype, jets, 3);
        for (int c = 0; c < jets; c += CHUNK) {
            int size = Math.min(CHUNK, jets - c);
            long[] jetIndex = new long[size];
            long[] counts = new long[size];
            int total = 0;
            for (int k = 0; k < size; k++) {
                int j = order[c + k];
                jetIndex[k] = j;
                counts[k] = off[j + 1] - off[j];
                total += (int) counts[k];
            }
            long[] rows = new long[total];
            int p = 0;
            for (int k = 0; k < size; k++) {
                int j = (int) jetIndex[k];
                for (long r = off[j]; r < off[j + 1]; r++) {
                    rows[p++] = r;
                }
            }
            Tensor chunkValues = features.indexSelect(0, Tensor.of(rows, total));
            Tensor chunkEcf = ecfDense(Jagged.fromCounts(chunkValues, counts).toDense(0).values());
            out = out.indexAdd(0, Tensor.of(jetIndex, size), chunkEcf);
        }
        return out;
    }

    /**
     * The same values as {@link #ecf} computed with plain loops in float64 (no tensor graph, no gradients):
     * the fast path for feature extraction, O(M³/6) per jet. The result is detached, in the constituents'
     * dtype.
     */
    public Tensor ecfValues(JaggedFourVector constituents) {
        FourVector flat = constituents.flat().detach().to(DType.FLOAT64);
        double[] pt = flat.pt().toDoubleArray();
        double[] y = flat.rapidity().toDoubleArray();
        double[] phi = flat.phi().toDoubleArray();
        long[] off = constituents.offsetsArray();
        int jets = constituents.numEvents();
        double[] out = new double[3 * jets];
        // jets are independent: computed in parallel, each writing its own row
        java.util.stream.IntStream.range(0, jets).parallel().forEach(j -> {
            int s = (int) off[j];
            int m = (int) (off[j + 1] - off[j]);
            double[] angle = new double[m * m];
            double e1 = 0;
            double e2 = 0;
            for (int a = 0; a < m; a++) {
                e1 += pt[s + a];
                for (int b = a + 1; b < m; b++) {
                    double dy = y[s + a] - y[s + b];
                    double dphi = Math.abs(phi[s + a] - phi[s + b]);
                    if (dphi > Math.PI) {
                        dphi = 2 * Math.PI - dphi;
                    }
                    double d2 = dy * dy + dphi * dphi;
                    double r = beta == 2 ? d2 : beta == 1 ? Math.sqrt(d2) : Math.pow(d2, beta / 2);
                    angle[a * m + b] = r;
                    angle[b * m + a] = r;
                    e2 += pt[s + a] * pt[s + b] * r;
                }
            }
            double e3 = 0;
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    double wab = pt[s + a] * pt[s + b] * angle[a * m + b];
                    if (wab == 0) {
                        continue;
                    }
                    double inner = 0;
                    for (int c = b + 1; c < m; c++) {
                        inner += pt[s + c] * angle[a * m + c] * angle[b * m + c];
                    }
                    e3 += wab * inner;
                }
            }
            out[3 * j] = e1;
            out[3 * j + 1] = e2;
            out[3 * j + 2] = e3;
        });
        return Tensor.of(out, jets, 3).to(constituents.flat().dtype());
    }

    /** ECFs of a padded block (jets, M, 3) of (pt, y, φ); padding has pt = 0 and contributes nothing. */
    private Tensor ecfDense(Tensor block) {
        int m = block.size(1);
        if (m == 0) {
            return Tensor.zeros(block.dtype(), block.size(0), 3);
        }
        Tensor pt = block.select(2, 0);
        Tensor y = block.select(2, 1);
        Tensor phi = block.select(2, 2);
        Tensor d2 = Kinematics.deltaR2(y.unsqueeze(2), phi.unsqueeze(2), y.unsqueeze(1), phi.unsqueeze(1));
        Tensor angle = SafeMath.powOrZero(d2, beta / 2);
        Tensor e1 = pt.sum(1);
        Tensor b = angle.mul(pt.unsqueeze(1));
        Tensor e2 = b.sum(2).mul(pt).sum(1).mul(0.5);
        Tensor e3 = b.matmul(b).mul(b.transpose(1, 2)).sum(new int[] {1, 2}, false).div(6);
        return Tensor.stack(1, e1, e2, e3);
    }

    /** {@code C2 = ECF(3)·ECF(1)/ECF(2)²} of every jet (0 where ECF(2) = 0). */
    public Tensor c2(JaggedFourVector constituents) {
        return c2FromEcf(ecf(constituents));
    }

    /** {@code D2 = ECF(3)·ECF(1)³/ECF(2)³} of every jet (0 where ECF(2) = 0). */
    public Tensor d2(JaggedFourVector constituents) {
        return d2FromEcf(ecf(constituents));
    }

    /** C2 from the (jets, 3) output of {@link #ecf}. */
    public static Tensor c2FromEcf(Tensor ecf) {
        Tensor e1 = ecf.select(1, 0);
        Tensor e2 = ecf.select(1, 1);
        Tensor e3 = ecf.select(1, 2);
        return SafeMath.divOrZero(e3.mul(e1), e2.square());
    }

    /** D2 from the (jets, 3) output of {@link #ecf}. */
    public static Tensor d2FromEcf(Tensor ecf) {
        Tensor e1 = ecf.select(1, 0);
        Tensor e2 = ecf.select(1, 1);
        Tensor e3 = ecf.select(1, 2);
        return SafeMath.divOrZero(e3.mul(e1.pow(3)), e2.pow(3));
    }
}
