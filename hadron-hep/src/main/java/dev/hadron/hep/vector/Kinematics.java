package dev.hadron.hep.vector;

import dev.hadron.tensor.Tensor;

/**
 * Element-wise kinematic helpers on tensors that the four-vector classes, the jet observables and the jet
 * images share. Every function is built from differentiable tensor ops, so gradients flow through it; the
 * places where the mathematical derivative does not exist are documented on each function.
 */
public final class Kinematics {
    private static final double TWO_PI = 2 * Math.PI;

    private Kinematics() {
    }

    /**
     * An angle wrapped into (−π, π]: {@code x − 2π·ceil((x − π) / 2π)}. The derivative is 1 everywhere
     * (the jumps are piecewise constant), as for a physical angle difference.
     */
    public static Tensor wrapPhi(Tensor phi) {
        return phi.sub(phi.sub(Math.PI).div(TWO_PI).ceil().detach().mul(TWO_PI));
    }

    /** {@code phi1 − phi2} wrapped into (−π, π] (broadcast). */
    public static Tensor deltaPhi(Tensor phi1, Tensor phi2) {
        return wrapPhi(phi1.sub(phi2));
    }

    /**
     * The inverse hyperbolic sine, accurate for small and large arguments (±∞ for ±∞) and differentiable
     * everywhere (derivative {@code 1/sqrt(1 + x²)}, also at 0): {@code sign(x)·log1p(|x| + x²/(1 + sqrt(1 + x²)))}
     * for |x| ≤ 1 and {@code sign(x)·log(|x| + sqrt(1 + x²))} above, with the sign taken as a constant.
     */
    public static Tensor asinh(Tensor x) {
        Tensor sign = Tensor.where(x.ge(0), Tensor.onesLike(x), Tensor.fullLike(x, -1)).detach();
        Tensor y = x.mul(sign);
        Tensor root = y.square().add(1).sqrt();
        // small |x|: log1p form, exact near 0; large |x|: log(y + sqrt(1 + y²)), which also handles |x| = ∞
        Tensor small = y.add(y.square().div(root.add(1))).log1p();
        Tensor large = y.add(root).log();
        return Tensor.where(y.gt(1), large, small).mul(sign);
    }

    /**
     * {@code sqrt(x)} for {@code x >= 0} whose derivative at exactly 0 is taken as 0 instead of infinity
     * (the "double where" construction), so a zero distance (a particle on its own axis) does not turn the
     * gradient into NaN. Negative inputs give 0.
     */
    public static Tensor safeSqrt(Tensor x) {
        Tensor positive = x.gt(0);
        return Tensor.where(positive, Tensor.where(positive, x, Tensor.onesLike(x)).sqrt(), Tensor.zerosLike(x));
    }

    /**
     * {@code sign(x)·sqrt(|x|)}: ROOT's and scikit-hep vector's convention for the mass of a space-like
     * four-vector (negative mass squared gives a negative mass instead of NaN).
     */
    public static Tensor signedSqrt(Tensor x) {
        Tensor sign = Tensor.where(x.ge(0), Tensor.onesLike(x), Tensor.fullLike(x, -1)).detach();
        return x.mul(sign).sqrt().mul(sign);
    }

    /** {@code Δη² + Δφ²} with Δφ wrapped (broadcast). */
    public static Tensor deltaR2(Tensor eta1, Tensor phi1, Tensor eta2, Tensor phi2) {
        return eta1.sub(eta2).square().add(deltaPhi(phi1, phi2).square());
    }

    /** {@code sqrt(Δη² + Δφ²)} with Δφ wrapped (broadcast); derivative 0 where the distance is exactly 0. */
    public static Tensor deltaR(Tensor eta1, Tensor phi1, Tensor eta2, Tensor phi2) {
        return safeSqrt(deltaR2(eta1, phi1, eta2, phi2));
    }
}
