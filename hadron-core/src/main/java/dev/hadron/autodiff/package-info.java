/**
 * Automatic differentiation beyond {@code Tensor.backward()}: JAX-style function transforms
 * ({@link dev.hadron.autodiff.Autodiff}: grad, valueAndGrad, vjp, jvp, jacrev, jacfwd, hessian, hvp,
 * checkpoint, noGrad and anomaly scopes), user-defined rules ({@link dev.hadron.autodiff.CustomFunction})
 * and a finite-difference checker ({@link dev.hadron.autodiff.GradCheck}).
 *
 * <p>How it works: every primitive op is one class holding its forward computation, its VJP and its
 * JVP, with rules written in differentiable tensor ops. Executing an op records a node on a
 * define-by-run tape when an input requires grad (reverse mode) and propagates a tangent for each
 * active forward-mode level (forward mode). Levels nest like JAX's: a rule for level L runs with
 * levels ≥ L hidden, so nested transforms never confuse their perturbations.
 *
 * <pre>{@code
 * // differentiate a physics program with ordinary control flow
 * Function<Tensor, Tensor> logisticMap = x -> {
 *     Tensor l = x;
 *     for (int n = 0; n < 3; n++) {
 *         l = l.mul(4).mul(l.neg().add(1));
 *     }
 *     return l.sum();
 * };
 * double slope = Autodiff.grad(logisticMap).apply(Tensor.of(0.3)).item();
 * GradCheck.check(logisticMap, Tensor.of(0.3));   // finite differences agree, both modes
 * }</pre>
 */
package dev.hadron.autodiff;
