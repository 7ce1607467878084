package dev.hadron.hep.generator;

import dev.hadron.tensor.Generator;

/**
 * A deliberately simple detector response applied to each final particle: a calorimeter-like energy
 * resolution {@code σ_E/E = a/√E ⊕ c}, Gaussian smearing of η and φ, and acceptance cuts. Particles
 * come out massless (pt, η, φ, E = pt·cosh η), like calorimeter clusters or particle-flow candidates with
 * their masses dropped. It is not a simulation of any real detector (no tracking, no granularity, no
 * pile-up); it only makes the generated jets carry resolution effects so that mass peaks have a realistic
 * width and substructure observables are not computed on perfect inputs.
 *
 * @param stochasticTerm a in σ_E/E = a/√E ⊕ c, in √GeV (≥ 0)
 * @param constantTerm c in σ_E/E = a/√E ⊕ c (≥ 0)
 * @param angularResolution Gaussian σ of η and φ (≥ 0)
 * @param ptThreshold particles with smeared pt below this (GeV) are dropped (≥ 0)
 * @param etaAcceptance particles with |η| above this are dropped (&gt; 0)
 */
public record Detector(double stochasticTerm, double constantTerm, double angularResolution, double ptThreshold,
        double etaAcceptance) {
    /** Validates the parameters. */
    public Detector {
        check("stochasticTerm", stochasticTerm, 0);
        check("constantTerm", constantTerm, 0);
        check("angularResolution", angularResolution, 0);
        check("ptThreshold", ptThreshold, 0);
        if (!(etaAcceptance > 0) || !Double.isFinite(etaAcceptance)) {
            throw new IllegalArgumentException("Detector: etaAcceptance must be a finite number > 0, got " + etaAcceptance);
        }
    }

    private static void check(String name, double value, double min) {
        if (!(value >= min) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("Detector: " + name + " must be a finite number >= " + min + ", got " + value);
        }
    }

    /** a = 0.5 √GeV, c = 3 %, σ(η, φ) = 0.005, pt &gt; 0.5 GeV, |η| &lt; 2.5. */
    public static Detector defaults() {
        return new Detector(0.5, 0.03, 0.005, 0.5, 2.5);
    }

    /** A perfect detector: no smearing, no thresholds (|η| &lt; 10). */
    public static Detector perfect() {
        return new Detector(0, 0, 0, 0, 10);
    }

    /** A copy with another stochastic term. */
    public Detector withStochasticTerm(double a) {
        return new Detector(a, constantTerm, angularResolution, ptThreshold, etaAcceptance);
    }

    /** A copy with another constant term. */
    public Detector withConstantTerm(double c) {
        return new Detector(stochasticTerm, c, angularResolution, ptThreshold, etaAcceptance);
    }

    /** A copy with another angular resolution. */
    public Detector withAngularResolution(double sigma) {
        return new Detector(stochasticTerm, constantTerm, sigma, ptThreshold, etaAcceptance);
    }

    /** A copy with another pt threshold. */
    public Detector withPtThreshold(double pt) {
        return new Detector(stochasticTerm, constantTerm, angularResolution, pt, etaAcceptance);
    }

    /** A copy with another η acceptance. */
    public Detector withEtaAcceptance(double eta) {
        return new Detector(stochasticTerm, constantTerm, angularResolution, ptThreshold, eta);
    }

    /**
     * Measures {@code count} particles given as (E, px, py, pz) quadruples in {@code in}; writes the accepted
     * ones as (pt, η, φ, E) quadruples into {@code out} and returns how many were accepted.
     */
    int measure(double[] in, int count, double[] out, Generator g) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            double e = in[4 * i];
            double px = in[4 * i + 1];
            double py = in[4 * i + 2];
            double pz = in[4 * i + 3];
            double pt = Math.hypot(px, py);
            if (pt == 0 || !(e > 0)) {
                continue;
            }
            double x = pz / pt;
            double eta = Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x);
            double phi = Math.atan2(py, px);
            double sigma = Math.sqrt(stochasticTerm * stochasticTerm / e + constantTerm * constantTerm);
            double es = e * (1 + sigma * g.nextGaussian());
            if (angularResolution > 0) {
                eta += angularResolution * g.nextGaussian();
                phi += angularResolution * g.nextGaussian();
                phi = phi - 2 * Math.PI * Math.ceil((phi - Math.PI) / (2 * Math.PI));
            }
            if (!(es > 0) || Math.abs(eta) > etaAcceptance) {
                continue;
            }
            double pts = es / Math.cosh(eta);
            if (pts < ptThreshold) {
                continue;
            }
            out[4 * kept] = pts;
            out[4 * kept + 1] = eta;
            out[4 * kept + 2] = phi;
            out[4 * kept + 3] = es;
            kept++;
        }
        return kept;
    }
}
