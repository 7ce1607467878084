package dev.hadron.hep.substructure;

import dev.hadron.tensor.Tensor;

/** Division and powers that stay finite (and have finite gradients) where observables are 0/0 by definition. */
final class SafeMath {
    private SafeMath() {
    }

    /** {@code num / den} where {@code den > 0}, else 0, without NaN in values or gradients. */
    static Tensor divOrZero(Tensor num, Tensor den) {
        Tensor ok = den.gt(0);
        return Tensor.where(ok, num.div(Tensor.where(ok, den, Tensor.onesLike(den))), Tensor.zerosLike(num));
    }

    /** {@code x^(power)} for x ≥ 0, with value and derivative 0 at x = 0 (x is a squared distance). */
    static Tensor powOrZero(Tensor x, double power) {
        if (power == 1) {
            return x;
        }
        Tensor ok = x.gt(0);
        return Tensor.where(ok, Tensor.where(ok, x, Tensor.onesLike(x)).pow(power), Tensor.zerosLike(x));
    }
}
