package dev.hadron.hep.substructure;

import dev.hadron.hep.jet.ClusterSequence;
import dev.hadron.hep.jet.JetDefinition;
import dev.hadron.hep.vector.FourVector;
import dev.hadron.hep.vector.JaggedFourVector;
import dev.hadron.hep.vector.Kinematics;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;

/**
 * N-subjettiness (Thaler and Van Tilburg, arXiv:1011.2268, 1108.2701):
 * {@code τ_N = Σ_i pt_i · min_k ΔR_ik^β / Σ_i pt_i R0^β}, the pt-weighted distance of the constituents to
 * the nearest of N axes. Small τ_N means the jet has N or fewer prongs, so τ₂₁ = τ₂/τ₁ tags 2-prong jets
 * (W, Z, H) and τ₃₂ = τ₃/τ₂ 3-prong ones (top).
 *
 * <p>The axes are the exclusive-kT axes: the constituents are reclustered with the kT algorithm at
 * R = {@link JetDefinition#MAX_ALLOWABLE_R} and the N exclusive jets (E-scheme sums) are the axes, as in
 * FastJet contrib's {@code ExclusiveJetAxes}/{@code KT_Axes} (no one-pass minimisation). Distances use
 * rapidity and azimuth (FastJet's {@code pt_R} measure). A jet with at most N constituents has τ_N = 0.
 *
 * <p>The result is differentiable with respect to the constituents: the assignment of constituents to
 * subjets is a discrete choice made on the values, and the axes are then built as differentiable sums of
 * their four-momenta (so gradients move the axes with the particles, as in a smooth perturbation that
 * does not change the clustering).
 *
 * @param maxN the largest N computed (τ₁..τ_maxN)
 * @param beta the angular exponent β > 0 (1 is the usual choice)
 * @param r0 the characteristic jet radius R0 in the normalisation (the jet radius)
 * @param normalized divide by {@code Σ pt_i R0^β} (dimensionless τ); false gives τ in GeV
 */
public record NSubjettiness(int maxN, double beta, double r0, boolean normalized) {
    /** Validates the parameters. */
    public NSubjettiness {
        if (maxN < 1 || maxN > 20) {
            throw new IllegalArgumentException("NSubjettiness: maxN must be in 1..20, got " + maxN);
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("NSubjettiness: beta must be a finite number > 0, got " + beta);
        }
        if (!(r0 > 0) || !Double.isFinite(r0)) {
            throw new IllegalArgumentException("NSubjettiness: r0 must be a finite number > 0, got " + r0);
        }
    }

    /** τ₁, τ₂, τ₃ with β = 1, normalised with R0 = 0.8. */
    public static NSubjettiness defaults() {
        return new NSubjettiness(3, 1.0, 0.8, true);
    }

    /** A copy computing τ₁..τ_maxN. */
    public NSubjettiness withMaxN(int newMaxN) {
        return new NSubjettiness(newMaxN, beta, r0, normalized);
    }

    /** A copy with another β. */
    public NSubjettiness withBeta(double newBeta) {
        return new NSubjettiness(maxN, newBeta, r0, normalized);
    }

    /** A copy with another R0. */
    public NSubjettiness withR0(double newR0) {
        return new NSubjettiness(maxN, beta, newR0, normalized);
    }

    /** A copy with or without the normalisation. */
    public NSubjettiness withNormalized(boolean on) {
        return new NSubjettiness(maxN, beta, r0, on);
    }

    /**
     * τ₁..τ_maxN of every jet: {@code constituents} holds one jet per "event"; the result has shape
     * (jets, maxN), column N−1 holding τ_N, in the constituents' dtype.
     */
    public Tensor compute(JaggedFourVector constituents) {
        int jets = constituents.numEvents();
        FourVector flat = constituents.flat();
        DType dtype = flat.dtype();
        FourVector values = flat.detach().to(DType.FLOAT64);
        double[] px = values.px().toDoubleArray();
        double[] py = values.py().toDoubleArray();
        double[] pz = values.pz().toDoubleArray();
        double[] e = values.e().toDoubleArray();
        long[] off = constituents.offsetsArray();
        int total = px.length;
        // slots[n-1][i]: index (jet * n + subjet) of the axis that constituent i belongs to for τ_n
        long[][] slots = new long[maxN][total];
        for (int j = 0; j < jets; j++) {
            int start = (int) off[j];
            int m = (int) (off[j + 1] - off[j]);
            ClusterSequence cs = null;
            for (int n = 1; n <= maxN; n++) {
                if (m <= n) {
                    for (int i = 0; i < m; i++) {
                        slots[n - 1][start + i] = (long) j * n + i;
                    }
                    continue;
                }
                if (cs == null) {
                    cs = ClusterSequence.cluster(java.util.Arrays.copyOfRange(px, start, start + m),
                            java.util.Arrays.copyOfRange(py, start, start + m), java.util.Arrays.copyOfRange(pz, start, start + m),
                            java.util.Arrays.copyOfRange(e, start, start + m), JetDefinition.kt(JetDefinition.MAX_ALLOWABLE_R));
                }
                int[] labels = cs.exclusiveLabels(n);
                for (int i = 0; i < m; i++) {
                    slots[n - 1][start + i] = (long) j * n + labels[i];
                }
            }
        }
        Tensor pt = flat.pt();
        Tensor rap = flat.rapidity();
        Tensor phi = flat.phi();
        Tensor segment = constituents.segmentIds();
        Tensor weightSum = constituents.withValues(pt).sum();
        Tensor norm = normalized ? weightSum.mul(Math.pow(r0, beta)) : Tensor.onesLike(weightSum);
        Tensor[] taus = new Tensor[maxN];
        for (int n = 1; n <= maxN; n++) {
            Tensor slot = Tensor.of(slots[n - 1], total);
            FourVector axes = axes(flat, slot, jets * n, dtype);
            Tensor valid = Tensor.zeros(dtype, jets * n).indexAdd(0, slot, Tensor.ones(dtype, total)).gt(0).reshape(jets, n);
            // (total, n): each constituent against the n axes of its own jet
            Tensor axisRap = axes.rapidity().reshape(jets, n).indexSelect(0, segment);
            Tensor axisPhi = axes.phi().reshape(jets, n).indexSelect(0, segment);
            Tensor validHere = valid.indexSelect(0, segment);
            Tensor d2 = Kinematics.deltaR2(rap.unsqueeze(1), phi.unsqueeze(1), axisRap, axisPhi);
            Tensor masked = Tensor.where(validHere, d2, Tensor.fullLike(d2, 1e30));
            Tensor nearest = masked.amin(1);
            Tensor dist = SafeMath.powOrZero(nearest, beta / 2);
            Tensor numerator = constituents.withValues(pt.mul(dist)).sum();
            taus[n - 1] = SafeMath.divOrZero(numerator, norm);
        }
        return Tensor.stack(1, taus);
    }

    /**
     * The same values as {@link #compute} with plain loops in float64 (no tensor graph, no gradients): the
     * fast path for feature extraction. The result is detached, in the constituents' dtype.
     */
    public Tensor computeValues(JaggedFourVector constituents) {
        int jets = constituents.numEvents();
        FourVector values = constituents.flat().detach().to(DType.FLOAT64);
        double[] px = values.px().toDoubleArray();
        double[] py = values.py().toDoubleArray();
        double[] pz = values.pz().toDoubleArray();
        double[] e = values.e().toDoubleArray();
        double[] pt = values.pt().toDoubleArray();
        double[] rap = values.rapidity().toDoubleArray();
        double[] phi = values.phi().toDoubleArray();
        long[] off = constituents.offsetsArray();
        double[] out = new double[jets * maxN];
        double r0Beta = Math.pow(r0, beta);
        // jets are independent: computed in parallel, each writing its own row
        java.util.stream.IntStream.range(0, jets).parallel().forEach(j -> {
            double[] axisRap = new double[maxN];
            double[] axisPhi = new double[maxN];
            int s = (int) off[j];
            int m = (int) (off[j + 1] - off[j]);
            double sumPt = 0;
            for (int i = s; i < s + m; i++) {
                sumPt += pt[i];
            }
            double norm = normalized ? sumPt * r0Beta : 1.0;
            ClusterSequence cs = null;
            for (int n = 1; n <= maxN && n < m; n++) {
                if (cs == null) {
                    cs = ClusterSequence.cluster(java.util.Arrays.copyOfRange(px, s, s + m),
                            java.util.Arrays.copyOfRange(py, s, s + m), java.util.Arrays.copyOfRange(pz, s, s + m),
                            java.util.Arrays.copyOfRange(e, s, s + m), JetDefinition.kt(JetDefinition.MAX_ALLOWABLE_R));
                }
                java.util.List<dev.hadron.hep.jet.PseudoJet> axes = cs.exclusiveJets(n);
                for (int k = 0; k < n; k++) {
                    dev.hadron.hep.jet.PseudoJet a = axes.get(k);
                    axisRap[k] = rapidityOf(a.px(), a.py(), a.pz(), a.e());
                    axisPhi[k] = Math.atan2(a.py(), a.px());
                }
                double num = 0;
                for (int i = s; i < s + m; i++) {
                    double best = Double.POSITIVE_INFINITY;
                    for (int k = 0; k < n; k++) {
                        double dy = rap[i] - axisRap[k];
                        double dphi = Math.abs(phi[i] - axisPhi[k]);
                        if (dphi > Math.PI) {
                            dphi = 2 * Math.PI - dphi;
                        }
                        best = Math.min(best, dy * dy + dphi * dphi);
                    }
                    num += pt[i] * (beta == 2 ? best : beta == 1 ? Math.sqrt(best) : Math.pow(best, beta / 2));
                }
                out[j * maxN + n - 1] = norm > 0 ? num / norm : 0;
            }
        });
        return Tensor.of(out, jets, maxN).to(constituents.flat().dtype());
    }

    /** The rapidity convention of {@link FourVector#rapidity()}: asinh(pz / sqrt(pt² + max(m², 0))). */
    private static double rapidityOf(double px, double py, double pz, double e) {
        double pt2 = px * px + py * py;
        double m2 = e * e - pt2 - pz * pz;
        double x = pz / Math.sqrt(pt2 + Math.max(m2, 0));
        return Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x);
    }

    /** Each axis as the E-scheme sum of its constituents; empty slots get a harmless unit vector along x. */
    private static FourVector axes(FourVector flat, Tensor slot, int slots, DType dtype) {
        Tensor sx = Tensor.zeros(dtype, slots).indexAdd(0, slot, flat.px());
        Tensor sy = Tensor.zeros(dtype, slots).indexAdd(0, slot, flat.py());
        Tensor sz = Tensor.zeros(dtype, slots).indexAdd(0, slot, flat.pz());
        Tensor se = Tensor.zeros(dtype, slots).indexAdd(0, slot, flat.e());
        Tensor empty = se.le(0);
        return FourVector.fromPxPyPzE(Tensor.where(empty, Tensor.onesLike(sx), sx), Tensor.where(empty, Tensor.zerosLike(sy), sy),
                Tensor.where(empty, Tensor.zerosLike(sz), sz), Tensor.where(empty, Tensor.onesLike(se), se));
    }

    /**
     * The ratio τ_n / τ_{n−1} from the columns of {@link #compute} (n ≥ 2): τ₂₁ for n = 2, τ₃₂ for n = 3.
     * Where τ_{n−1} = 0 (too few constituents) the ratio is 0.
     */
    public static Tensor ratio(Tensor taus, int n) {
        if (taus.dim() != 2 || n < 2 || n > taus.size(1)) {
            throw new IllegalArgumentException("NSubjettiness.ratio: expected taus of shape (jets, maxN >= " + n + ") and n >= 2, got "
                    + dev.hadron.tensor.Shape.toString(taus.shape()) + " and n = " + n);
        }
        return SafeMath.divOrZero(taus.select(1, n - 1), taus.select(1, n - 2));
    }
}
