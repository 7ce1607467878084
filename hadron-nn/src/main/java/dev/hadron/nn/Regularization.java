package dev.hadron.nn;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.tensor.Tensor;

import java.util.List;

/**
 * Penalties to add to a loss and gradient clipping, as {@code torch.nn.utils.clip_grad_norm_} and
 * {@code clip_grad_value_}. Choose the parameters a penalty applies to, e.g. only the weights:
 *
 * <pre>{@code
 * List<Tensor> weights = model.namedParameters().entrySet().stream()
 *         .filter(e -> e.getKey().endsWith("weight")).map(Map.Entry::getValue).toList();
 * Tensor loss = Losses.mse(model.forward(x), y).add(Regularization.l2(weights).mul(1e-4));
 * loss.backward();
 * Regularization.clipGradNorm(model.parameters(), 1.0);
 * }</pre>
 */
public final class Regularization {
    private Regularization() {
    }

    /** The L1 penalty: the sum of absolute values of all elements of {@code params} (differentiable). */
    public static Tensor l1(List<Tensor> params) {
        Tensor sum = null;
        for (Tensor p : params) {
            Tensor s = p.abs().sum();
            sum = sum == null ? s : sum.add(s.to(sum.dtype()));
        }
        return sum == null ? Tensor.scalar(0) : sum;
    }

    /** The L2 penalty: the sum of squares of all elements of {@code params} (differentiable; no factor 1/2). */
    public static Tensor l2(List<Tensor> params) {
        Tensor sum = null;
        for (Tensor p : params) {
            Tensor s = p.square().sum();
            sum = sum == null ? s : sum.add(s.to(sum.dtype()));
        }
        return sum == null ? Tensor.scalar(0) : sum;
    }

    /** Clips the gradients' total 2-norm to {@code maxNorm}; returns the norm before clipping. */
    public static double clipGradNorm(List<Tensor> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, 2.0);
    }

    /**
     * Scales all gradients by {@code maxNorm / (total + 1e-6)} when their total {@code normType}-norm
     * (computed over all gradients as one vector; {@code Double.POSITIVE_INFINITY} for the max norm)
     * exceeds {@code maxNorm}. Fails if the norm is NaN or infinite, naming the parameter, instead of
     * spreading the NaN into the weights. Returns the total norm before clipping.
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm, double normType) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clipGradNorm: maxNorm must be positive, got " + maxNorm);
        }
        if (!(normType > 0)) {
            throw new IllegalArgumentException("clipGradNorm: normType must be positive, got " + normType);
        }
        double total = 0;
        try (var s = Autodiff.noGrad()) {
            for (int i = 0; i < params.size(); i++) {
                Tensor g = params.get(i).grad();
                if (g == null) {
                    continue;
                }
                double n = g.norm(normType).item();
                if (!Double.isFinite(n)) {
                    throw new IllegalStateException("clipGradNorm: the gradient of parameter " + i + " (shape "
                            + dev.hadron.tensor.Shape.toString(g.shape()) + ") has a non-finite norm (" + n + ")");
                }
                total = normType == Double.POSITIVE_INFINITY ? Math.max(total, n) : total + Math.pow(n, normType);
            }
            if (normType != Double.POSITIVE_INFINITY) {
                total = Math.pow(total, 1 / normType);
            }
            double coef = maxNorm / (total + 1e-6);
            if (coef < 1) {
                for (Tensor p : params) {
                    Tensor g = p.grad();
                    if (g != null) {
                        p.setGrad(g.mul(coef));
                    }
                }
            }
        }
        return total;
    }

    /** Clamps every gradient element to [-clipValue, clipValue]. */
    public static void clipGradValue(List<Tensor> params, double clipValue) {
        if (!(clipValue > 0)) {
            throw new IllegalArgumentException("clipGradValue: clipValue must be positive, got " + clipValue);
        }
        try (var s = Autodiff.noGrad()) {
            for (Tensor p : params) {
                Tensor g = p.grad();
                if (g != null) {
                    p.setGrad(g.clamp(-clipValue, clipValue));
                }
            }
        }
    }
}
