package dev.hadron.ml.gp;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Estimator;
import dev.hadron.ml.FitChecks;
import dev.hadron.ml.Regressor;
import dev.hadron.ml.internal.math.Dense;
import dev.hadron.ml.internal.math.Lbfgs;
import dev.hadron.ml.internal.support.Check;
import dev.hadron.ml.internal.support.JsonFields;
import dev.hadron.ml.internal.support.Rows;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted Gaussian-process regression (scikit-learn's {@code GaussianProcessRegressor}): the
 * posterior of a zero-mean Gaussian process with covariance {@link Kernel} given the training
 * targets observed with noise variance {@code alpha} (plus any {@link Kernel.White} term). The
 * kernel's free hyperparameters are set by maximizing the log marginal likelihood with its analytic
 * gradient (L-BFGS within the log-space bounds), from the kernel's own values and then from
 * {@code restarts} starting points drawn uniformly within the bounds by the seeded generator; the
 * best optimum is kept.
 *
 * <p>Predictions give the posterior mean ({@link #predict}), mean and standard deviation
 * ({@link #predictWithStd}) or the full covariance ({@link #predictCovariance}); {@link #sampleY}
 * draws functions from the posterior and {@link #samplePrior} from the prior.
 *
 * <p><b>Event weights</b> act as inverse noise: event i is observed with noise variance
 * {@code alpha / w_i}, so a weight of 2 is exactly a duplicated event. Weights must be non-negative;
 * events of zero weight are dropped. With {@code normalizeY} the targets are standardized with the
 * weighted mean and standard deviation.
 *
 * <p><b>Singular kernel matrices</b> (duplicate events without noise, a degenerate kernel): with
 * {@code jitter} enabled (the default) the smallest diagonal jitter {@code 1e-10 * 10^k} times the
 * mean diagonal (k = 0..6) that makes the matrix factorizable is added and a warning is logged
 * through {@link System.Logger}; {@link #jitter()} reports it. Without jitter, or if even the largest
 * jitter fails, fitting stops with an error saying what to change. During the optimization a
 * non-factorizable matrix counts as log likelihood -infinity, as in scikit-learn.
 *
 * <pre>{@code
 * Kernel k = Kernel.constant(1.0).times(Kernel.rbf(1.0)).plus(Kernel.white(0.1));
 * GaussianProcessRegressor gp = GaussianProcessRegressor.Params.defaults().withKernel(k).withRestarts(3).fit(train);
 * GaussianProcessRegressor.Prediction p = gp.predictWithStd(test.features());   // p.mean(), p.std()
 * }</pre>
 */
public final class GaussianProcessRegressor implements Regressor {
    private static final String NAME = "GaussianProcessRegressor";
    private static final System.Logger LOG = System.getLogger(GaussianProcessRegressor.class.getName());
    private static final int JITTER_STEPS = 7;
    private static final int PREDICT_CHUNK = 256;

    /**
     * Hyperparameters of the fit (scikit-learn's names: {@code optimize = false} is {@code optimizer=None},
     * {@code restarts} is {@code n_restarts_optimizer}).
     *
     * @param kernel the prior covariance (its hyperparameters are the starting point of the optimization)
     * @param alpha noise variance added to the diagonal of the training kernel matrix (>= 0)
     * @param normalizeY standardize the targets before fitting (predictions are transformed back)
     * @param optimize maximize the log marginal likelihood over the free kernel hyperparameters
     * @param restarts additional optimizations from random starting points (>= 0)
     * @param seed seed of the generator drawing the starting points
     * @param jitter add diagonal jitter (with a logged warning) when the kernel matrix is singular
     */
    public record Params(Kernel kernel, double alpha, boolean normalizeY, boolean optimize, int restarts, long seed,
                         boolean jitter) implements Estimator<GaussianProcessRegressor> {
        /** Validates. */
        public Params {
            Check.notNull("kernel", kernel);
            Check.nonNegative("alpha", alpha);
            Check.atLeast("restarts", restarts, 0);
        }

        /** {@code constant(1) * rbf(1)}, alpha 1e-10, no normalization, optimized, no restarts, seed 0, jitter on. */
        public static Params defaults() {
            return new Params(Kernel.constant(1.0).times(Kernel.rbf(1.0)), 1e-10, false, true, 0, 0, true);
        }

        /** A copy with another kernel. */
        public Params withKernel(Kernel value) {
            return new Params(value, alpha, normalizeY, optimize, restarts, seed, jitter);
        }

        /** A copy with another noise variance. */
        public Params withAlpha(double value) {
            return new Params(kernel, value, normalizeY, optimize, restarts, seed, jitter);
        }

        /** A copy with or without target normalization. */
        public Params withNormalizeY(boolean value) {
            return new Params(kernel, alpha, value, optimize, restarts, seed, jitter);
        }

        /** A copy with or without hyperparameter optimization. */
        public Params withOptimize(boolean value) {
            return new Params(kernel, alpha, normalizeY, value, restarts, seed, jitter);
        }

        /** A copy with another number of random restarts. */
        public Params withRestarts(int value) {
            return new Params(kernel, alpha, normalizeY, optimize, value, seed, jitter);
        }

        /** A copy with another seed. */
        public Params withSeed(long value) {
            return new Params(kernel, alpha, normalizeY, optimize, restarts, value, jitter);
        }

        /** A copy with jitter enabled or disabled. */
        public Params withJitter(boolean value) {
            return new Params(kernel, alpha, normalizeY, optimize, restarts, seed, value);
        }

        @Override
        public GaussianProcessRegressor fit(Dataset train) {
            return GaussianProcessRegressor.fit(this, train);
        }
    }

    /**
     * Posterior mean and standard deviation.
     *
     * @param mean (n)
     * @param std (n)
     */
    public record Prediction(Tensor mean, Tensor std) {
    }

    /**
     * The log marginal likelihood and its gradient with respect to the log hyperparameters.
     *
     * @param value log p(y | X, theta) of the (normalized) training targets
     * @param gradient d value / d theta, one entry per free hyperparameter
     */
    public record LogMarginalLikelihood(double value, double[] gradient) {
    }

    private final Kernel kernel;
    private final KernelMath.Points train;
    private final double[] x;
    private final int f;
    private final double[] y;
    private final double[] noise;
    private final double yMean;
    private final double yStd;
    private final MarginalLikelihood.Factor factor;
    private final double lml;

    private GaussianProcessRegressor(Kernel kernel, double[] x, int n, int f, double[] y, double[] noise, double yMean,
                                     double yStd, MarginalLikelihood.Factor factor) {
        this.kernel = kernel;
        this.x = x;
        this.f = f;
        this.train = new KernelMath.Points(x, n, x, n, f, true);
        this.y = y;
        this.noise = noise;
        this.yMean = yMean;
        this.yStd = yStd;
        this.factor = factor;
        this.lml = MarginalLikelihood.value(factor, y);
    }

    /** Fits on features (n, f), targets (n) and optional non-negative weights (n, or null). */
    public static GaussianProcessRegressor fit(Params p, Tensor x, Tensor y, Tensor weights) {
        return fit(p, Dataset.of(x, y, weights));
    }

    /** Fits on the features, targets and weights of {@code d}. */
    public static GaussianProcessRegressor fit(Params p, Dataset d) {
        FitChecks.common(NAME, d, false);
        double[] xAll = Rows.features(NAME, d);
        double[] yAll = Rows.targets(NAME, d);
        double[] w = Rows.weights(d);
        Rows.requireNonNegative(NAME, w, "event weights act as inverse noise variances (alpha / w) and must be >= 0");
        int f = d.numFeatures();
        int n = 0;
        for (double v : w) {
            n += v > 0 ? 1 : 0;
        }
        double[] x = new double[n * f];
        double[] y = new double[n];
        double[] noise = new double[n];
        double sw = 0;
        double mean = 0;
        for (int i = 0, r = 0; i < w.length; i++) {
            if (w[i] > 0) {
                System.arraycopy(xAll, i * f, x, r * f, f);
                y[r] = yAll[i];
                noise[r] = p.alpha() / w[i];
                sw += w[i];
                mean += w[i] * yAll[i];
                r++;
            }
        }
        double yMean = 0;
        double yStd = 1;
        if (p.normalizeY()) {
            yMean = mean / sw;
            double var = 0;
            for (int i = 0, r = 0; i < w.length; i++) {
                if (w[i] > 0) {
                    var += w[i] * (y[r] - yMean) * (y[r] - yMean);
                    r++;
                }
            }
            yStd = Math.sqrt(var / sw);
            if (!(yStd > 0)) {
                yStd = 1;
            }
            for (int i = 0; i < n; i++) {
                y[i] = (y[i] - yMean) / yStd;
            }
        }
        KernelMath.Points points = new KernelMath.Points(x, n, x, n, f, true);
        Kernel kernel = p.kernel();
        int free = KernelMath.countFree(kernel);
        if (p.optimize() && free > 0) {
            kernel = optimize(p, kernel, points, y, noise);
        }
        MarginalLikelihood.Factor factor = factorize(kernel, points, y, noise, p.jitter());
        return new GaussianProcessRegressor(kernel, x, n, f, y, noise, yMean, yStd, factor);
    }

    private static Kernel optimize(Params p, Kernel kernel, KernelMath.Points points, double[] y, double[] noise) {
        double[][] bounds = kernel.logBounds();
        int h = bounds.length;
        double[] lower = new double[h];
        double[] upper = new double[h];
        for (int i = 0; i < h; i++) {
            lower[i] = bounds[i][0];
            upper[i] = bounds[i][1];
        }
        Lbfgs.Objective objective = (theta, grad) -> {
            double v = MarginalLikelihood.valueAndGradient(kernel.withTheta(theta), points, y, noise, grad);
            for (int i = 0; i < grad.length; i++) {
                grad[i] = -grad[i];
            }
            return -v;
        };
        Generator gen = new Generator(p.seed());
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        String firstError = null;
        for (int r = 0; r <= p.restarts(); r++) {
            double[] start;
            if (r == 0) {
                start = kernel.theta();
            } else {
                start = new double[h];
                for (int i = 0; i < h; i++) {
                    start[i] = lower[i] + gen.nextDouble() * (upper[i] - lower[i]);
                }
            }
            try {
                Lbfgs.Result res = Lbfgs.minimize(objective, start, lower, upper, Lbfgs.Settings.scipyDefaults());
                if (res.value() < bestValue) {
                    bestValue = res.value();
                    best = res.x();
                }
            } catch (ArithmeticException e) {
                // the kernel matrix is singular at this starting point: try the next one
                if (firstError == null) {
                    firstError = "the kernel matrix is not positive definite at the starting hyperparameters "
                            + java.util.Arrays.toString(start);
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException(NAME + ": the log marginal likelihood could not be evaluated at any starting"
                    + " point (" + firstError + "); increase alpha or add a White kernel");
        }
        return kernel.withTheta(best);
    }

    private static MarginalLikelihood.Factor factorize(Kernel kernel, KernelMath.Points points, double[] y,
                                                       double[] noise, boolean jitter) {
        MarginalLikelihood.Factor factor = MarginalLikelihood.factor(kernel, points, y, noise, 0);
        if (factor != null) {
            return factor;
        }
        String problem = "the kernel matrix K(X, X) + alpha I of the " + points.n1() + " training events is not positive"
                + " definite (duplicate events with little noise, or a degenerate kernel)";
        if (!jitter) {
            throw new IllegalArgumentException(NAME + ": " + problem + "; increase alpha, add a White kernel, remove"
                    + " duplicate events, or enable jitter");
        }
        double scale = meanDiagonal(kernel, points, noise);
        for (int k = 0; k < JITTER_STEPS; k++) {
            double j = scale * 1e-10 * Math.pow(10, k);
            factor = MarginalLikelihood.factor(kernel, points, y, noise, j);
            if (factor != null) {
                LOG.log(System.Logger.Level.WARNING, NAME + ": " + problem + "; added jitter " + j
                        + " to its diagonal. Increase alpha or add a White kernel to model the noise explicitly.");
                return factor;
            }
        }
        throw new IllegalArgumentException(NAME + ": " + problem + ", even with jitter up to "
                + scale * 1e-10 * Math.pow(10, JITTER_STEPS - 1) + "; check the kernel and the features");
    }

    private static double meanDiagonal(Kernel kernel, KernelMath.Points points, double[] noise) {
        double[] d = KernelMath.diag(kernel, points);
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            s += Math.abs(d[i]) + noise[i];
        }
        return d.length == 0 || !(s > 0) ? 1 : s / d.length;
    }

    // ------------------------------------------------------------------ accessors

    /** The kernel with its fitted hyperparameters ({@code kernel_}). */
    public Kernel kernel() {
        return kernel;
    }

    /** The log marginal likelihood of the fitted kernel ({@code log_marginal_likelihood_value_}). */
    public double logMarginalLikelihood() {
        return lml;
    }

    /** The log marginal likelihood and its gradient at other log hyperparameters of the fitted kernel. */
    public LogMarginalLikelihood logMarginalLikelihood(double[] theta) {
        double[] grad = new double[theta.length];
        double v = MarginalLikelihood.valueAndGradient(kernel.withTheta(theta), train, y, noise, grad);
        return new LogMarginalLikelihood(v, grad);
    }

    /** Diagonal jitter added because the kernel matrix was singular (0 if none was needed). */
    public double jitter() {
        return factor.jitter();
    }

    /** Number of training events kept (events of zero weight are dropped). */
    public int numTrainingEvents() {
        return y.length;
    }

    @Override
    public int numFeatures() {
        return f;
    }

    // ------------------------------------------------------------------ prediction

    /** The posterior mean (n). */
    @Override
    public Tensor predict(Tensor x) {
        return predictWithStd(x, false).mean();
    }

    /** The posterior mean and standard deviation (each (n)); the standard deviation includes white noise. */
    public Prediction predictWithStd(Tensor x) {
        return predictWithStd(x, true);
    }

    private Prediction predictWithStd(Tensor xt, boolean withStd) {
        int m = xt.size(0);
        double[] q = Rows.matrix(NAME + ".predict", xt, f);
        int n = y.length;
        double[] mean = new double[m];
        double[] std = withStd ? new double[m] : null;
        for (int start = 0; start < m; start += PREDICT_CHUNK) {
            int rows = Math.min(PREDICT_CHUNK, m - start);
            double[] qc = java.util.Arrays.copyOfRange(q, start * f, (start + rows) * f);
            KernelMath.Points cross = new KernelMath.Points(qc, rows, x, n, f, false);
            double[] kt = KernelMath.eval(kernel, cross, null);
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += kt[i * n + j] * factor.alpha()[j];
                }
                mean[start + i] = yStd * s + yMean;
            }
            if (withStd) {
                double[] v = transpose(kt, rows, n);
                Dense.solveLowerMatrix(factor.l(), n, v, rows);
                double[] prior = KernelMath.diag(kernel, new KernelMath.Points(qc, rows, qc, rows, f, true));
                for (int i = 0; i < rows; i++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += v[j * rows + i] * v[j * rows + i];
                    }
                    double var = Math.max(prior[i] - s, 0);
                    std[start + i] = Math.sqrt(var) * yStd;
                }
            }
        }
        return new Prediction(Rows.vector(mean), withStd ? Rows.vector(std) : null);
    }

    /** The posterior covariance of the rows of {@code x} (n, n), white noise included on the diagonal. */
    public Tensor predictCovariance(Tensor xt) {
        return Rows.matrix(posteriorCovariance(Rows.matrix(NAME + ".predictCovariance", xt, f), xt.size(0)),
                xt.size(0), xt.size(0));
    }

    private double[] posteriorCovariance(double[] q, int m) {
        int n = y.length;
        KernelMath.Points cross = new KernelMath.Points(q, m, x, n, f, false);
        double[] v = transpose(KernelMath.eval(kernel, cross, null), m, n);
        Dense.solveLowerMatrix(factor.l(), n, v, m);
        double[] cov = KernelMath.eval(kernel, new KernelMath.Points(q, m, q, m, f, true), null);
        for (int j = 0; j < n; j++) {
            int o = j * m;
            for (int a = 0; a < m; a++) {
                double va = v[o + a];
                if (va == 0) {
                    continue;
                }
                for (int b = 0; b < m; b++) {
                    cov[a * m + b] -= va * v[o + b];
                }
            }
        }
        double s2 = yStd * yStd;
        for (int i = 0; i < cov.length; i++) {
            cov[i] *= s2;
        }
        return cov;
    }

    /** {@code samples} functions drawn from the posterior at the rows of {@code x}: (n, samples). */
    public Tensor sampleY(Tensor xt, int samples, Generator gen) {
        Check.atLeast("samples", samples, 1);
        int m = xt.size(0);
        double[] q = Rows.matrix(NAME + ".sampleY", xt, f);
        double[] mean = predict(xt).toDoubleArray();
        return Rows.matrix(GaussianSampler.sample(mean, posteriorCovariance(q, m), m, samples, gen), m, samples);
    }

    /** {@code samples} functions drawn from the zero-mean prior with covariance {@code kernel} at the rows of {@code x}: (n, samples). */
    public static Tensor samplePrior(Kernel kernel, Tensor x, int samples, Generator gen) {
        Check.atLeast("samples", samples, 1);
        KernelMath.Points p = KernelMath.Points.of(NAME + ".samplePrior", x, null);
        int m = p.n1();
        return Rows.matrix(GaussianSampler.sample(new double[m], KernelMath.eval(kernel, p, null), m, samples, gen), m,
                samples);
    }

    private static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }

    // ------------------------------------------------------------------ JSON

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kernel", KernelJson.toJson(kernel));
        m.put("features", (long) f);
        m.put("x", JsonFields.list(x));
        m.put("y", JsonFields.list(y));
        m.put("noise", JsonFields.list(noise));
        m.put("y_mean", yMean);
        m.put("y_std", yStd);
        m.put("jitter", factor.jitter());
        return m;
    }

    /** Rebuilds a model from {@link #toJson()} (the Cholesky factor is recomputed). */
    public static GaussianProcessRegressor fromJson(Map<String, Object> m) {
        Kernel kernel = KernelJson.fromJson(JsonFields.object(m, "kernel"));
        int f = JsonFields.count(m, "features", 1 << 24);
        double[] y = JsonFields.doubles(m, "y", -1);
        int n = y.length;
        if ((long) n * f > Integer.MAX_VALUE || (long) n * n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("model JSON: " + n + " training events of " + f + " features is too large");
        }
        double[] x = JsonFields.doubles(m, "x", n * f);
        double[] noise = JsonFields.doubles(m, "noise", n);
        double jitter = JsonFields.number(m, "jitter");
        KernelMath.Points p = new KernelMath.Points(x, n, x, n, f, true);
        MarginalLikelihood.Factor factor = MarginalLikelihood.factor(kernel, p, y, noise, jitter);
        if (factor == null) {
            throw new IllegalArgumentException("model JSON: the saved kernel matrix is not positive definite");
        }
        return new GaussianProcessRegressor(kernel, x, n, f, y, noise, JsonFields.number(m, "y_mean"),
                JsonFields.number(m, "y_std"), factor);
    }

    @Override
    public String toString() {
        return NAME + "(kernel=" + kernel + ", events=" + y.length + ", logMarginalLikelihood=" + lml + ")";
    }
}
