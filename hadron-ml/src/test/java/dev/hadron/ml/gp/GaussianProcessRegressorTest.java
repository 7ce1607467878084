package dev.hadron.ml.gp;

import dev.hadron.data.Dataset;
import dev.hadron.ml.Conformance;
import dev.hadron.ml.Golden;
import dev.hadron.ml.RealData;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianProcessRegressorTest {
    /** The fixed kernels of {@code make_golden.py}, with their alpha and normalize_y. */
    private static Map<String, GaussianProcessRegressor.Params> fixedCases() {
        GaussianProcessRegressor.Params base = GaussianProcessRegressor.Params.defaults().withOptimize(false);
        Map<String, GaussianProcessRegressor.Params> m = new LinkedHashMap<>();
        m.put("c_rbf_white", base.withKernel(Kernel.constant(0.8).times(Kernel.rbf(1.5)).plus(Kernel.white(0.05))));
        m.put("matern15_white", base.withKernel(Kernel.matern(1.0, 1.5).plus(Kernel.white(0.05))).withNormalizeY(true));
        m.put("matern25_c", base.withKernel(Kernel.constant(0.5).times(Kernel.matern(2.0, 2.5))).withAlpha(1e-2));
        m.put("matern05", base.withKernel(Kernel.matern(1.2, 0.5)).withAlpha(1e-2).withNormalizeY(true));
        m.put("rq_white", base.withKernel(Kernel.rationalQuadratic(1.0, 0.7).plus(Kernel.white(0.1))).withNormalizeY(true));
        m.put("poly2_white", base.withKernel(Kernel.dotProduct(1.0).pow(2).plus(Kernel.white(0.5))));
        m.put("rbf_times_dot", base.withKernel(Kernel.rbf(2.0).times(Kernel.dotProduct(0.5)).plus(Kernel.white(0.2)))
                .withNormalizeY(true));
        return m;
    }

    /** HIGGS: m_wwbb from the six other masses; 300 training and 100 test events as in make_golden.py. */
    private static Dataset[] higgsMasses() {
        RealData.TrainTest raw = RealData.higgs().head(300, 100);
        RealData.TrainTest s = raw.columns(21, 22, 23, 24, 25, 26).standardized();
        return new Dataset[] {Dataset.of(s.train().features(), raw.train().column(27)),
            Dataset.of(s.test().features(), raw.test().column(27))};
    }

    @Test
    void conformance() {
        // fixed noise alpha: a weight of 2 halves an event's noise variance, which is exactly a duplicated event
        Conformance.checkRegressor(GaussianProcessRegressor.Params.defaults().withAlpha(0.1),
                new Conformance.Options(true, true, 1e-6));
        Conformance.checkRegressor(GaussianProcessRegressor.Params.defaults()
                .withKernel(Kernel.matern(1.0, 2.5).plus(Kernel.white(0.1))).withNormalizeY(true),
                new Conformance.Options(true, false, 1e-6));
    }

    /** Posterior mean, standard deviation, log marginal likelihood and its gradient equal scikit-learn's. */
    @Test
    void fixedKernelsMatchScikitLearn() {
        Golden golden = Golden.load("gp.json").get("fixed");
        Dataset[] d = higgsMasses();
        for (Map.Entry<String, GaussianProcessRegressor.Params> c : fixedCases().entrySet()) {
            String key = c.getKey();
            Golden g = golden.get(key);
            assertEquals(g.bool("normalize_y"), c.getValue().normalizeY(), key);
            assertEquals(g.number("alpha"), c.getValue().alpha(), 0.0, key);
            GaussianProcessRegressor gp = c.getValue().fit(d[0]);
            Golden.assertClose(g.array("theta"), gp.kernel().theta(), 1e-12, 1e-12, key + " theta");
            GaussianProcessRegressor.Prediction p = gp.predictWithStd(d[1].features());
            Golden.assertClose(g.array("mean"), p.mean().toDoubleArray(), 1e-7, 1e-7, key + " posterior mean");
            Golden.assertClose(g.array("std"), p.std().toDoubleArray(), 1e-6, 1e-7, key + " posterior std");
            Golden.assertClose(g.number("lml"), gp.logMarginalLikelihood(), 1e-9, 1e-7, key + " log marginal likelihood");
            GaussianProcessRegressor.LogMarginalLikelihood l = gp.logMarginalLikelihood(gp.kernel().theta());
            Golden.assertClose(g.number("lml"), l.value(), 1e-9, 1e-7, key + " log marginal likelihood at theta");
            Golden.assertClose(g.array("lml_gradient"), l.gradient(), 1e-7, 1e-6, key + " gradient");
            assertEquals(0.0, gp.jitter(), key + " needs no jitter");
        }
    }

    /** The analytic gradient agrees with central differences of the log marginal likelihood. */
    @Test
    void gradientMatchesFiniteDifferences() {
        Dataset[] d = higgsMasses();
        Dataset small = d[0].subset(java.util.stream.LongStream.range(0, 60).toArray());
        Kernel k = Kernel.constant(0.7).times(Kernel.rationalQuadratic(1.3, 0.8)).plus(Kernel.matern(0.9, 1.5))
                .plus(Kernel.dotProduct(0.6).pow(2).times(Kernel.constant(0.1))).plus(Kernel.white(0.2));
        GaussianProcessRegressor gp = GaussianProcessRegressor.Params.defaults().withKernel(k).withOptimize(false)
                .withNormalizeY(true).fit(small);
        double[] theta = gp.kernel().theta();
        double[] grad = gp.logMarginalLikelihood(theta).gradient();
        assertEquals(7, theta.length);
        for (int i = 0; i < theta.length; i++) {
            double h = 1e-5;
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[i] += h;
            tm[i] -= h;
            double fd = (gp.logMarginalLikelihood(tp).value() - gp.logMarginalLikelihood(tm).value()) / (2 * h);
            assertEquals(fd, grad[i], 1e-5 * Math.max(1, Math.abs(fd)), "d lml / d " + gp.kernel().hyperparameterNames().get(i));
        }
    }

    /** Maximizing the log marginal likelihood from scikit-learn's start reaches its optimum. */
    @Test
    void optimizedHyperparametersMatchScikitLearn() {
        Golden golden = Golden.load("gp.json").get("optimized");
        Dataset[] d = higgsMasses();
        Map<String, GaussianProcessRegressor.Params> cases = new LinkedHashMap<>();
        GaussianProcessRegressor.Params base = GaussianProcessRegressor.Params.defaults();
        cases.put("c_rbf_white", base.withKernel(Kernel.constant(1.0).times(Kernel.rbf(1.0)).plus(Kernel.white(0.1))));
        cases.put("matern25_white_norm", base.withKernel(Kernel.constant(1.0).times(Kernel.matern(1.0, 2.5))
                .plus(Kernel.white(0.1))).withNormalizeY(true));
        cases.put("rq_white_restarts", base.withKernel(Kernel.constant(1.0).times(Kernel.rationalQuadratic(1.0, 1.0))
                .plus(Kernel.white(0.1))).withNormalizeY(true).withRestarts(4).withSeed(3));
        for (Map.Entry<String, GaussianProcessRegressor.Params> c : cases.entrySet()) {
            String key = c.getKey();
            Golden g = golden.get(key);
            GaussianProcessRegressor gp = c.getValue().fit(d[0]);
            double sk = g.number("lml");
            // never worse than scikit-learn's optimum, and no better than rounding when started the same way
            assertTrue(gp.logMarginalLikelihood() >= sk - 1e-5 * Math.abs(sk),
                    key + ": log marginal likelihood " + gp.logMarginalLikelihood() + ", scikit-learn " + sk);
            if (c.getValue().restarts() == 0) {
                Golden.assertClose(sk, gp.logMarginalLikelihood(), 1e-6, 1e-6, key + " log marginal likelihood");
                Golden params = g.get("params");
                List<String> names = gp.kernel().hyperparameterNames();
                double[] theta = gp.kernel().theta();
                for (int i = 0; i < names.size(); i++) {
                    Golden.assertClose(params.number(names.get(i)), Math.exp(theta[i]), 2e-3, 0, key + " " + names.get(i));
                }
                Golden.assertClose(g.array("mean"), gp.predict(d[1].features()).toDoubleArray(), 1e-3, 1e-4, key + " mean");
            }
            double[] mean = gp.predict(d[1].features()).toDoubleArray();
            double[] truth = d[1].labels().toDoubleArray();
            double se = 0;
            for (int i = 0; i < mean.length; i++) {
                se += (mean[i] - truth[i]) * (mean[i] - truth[i]);
            }
            Golden.assertClose(g.number("test_rmse"), Math.sqrt(se / mean.length), 0.02, 0, key + " test RMSE");
        }
    }

    /** Duplicate events without noise: jitter (with a warning) by default, a clear error without it. */
    @Test
    void singularKernelMatrix() {
        Tensor x = Tensor.of(new double[] {0, 0, 1, 1, 1, 2}, 6, 1);
        Tensor y = Tensor.of(0.0, 0.1, 1, 1.1, 0.9, 2);
        GaussianProcessRegressor.Params p = GaussianProcessRegressor.Params.defaults().withKernel(Kernel.rbf(1.0))
                .withAlpha(0).withOptimize(false);
        GaussianProcessRegressor gp = p.fit(Dataset.of(x, y));
        assertTrue(gp.jitter() > 0, "jitter " + gp.jitter());
        double[] mean = gp.predict(Tensor.of(new double[] {0.5}, 1, 1)).toDoubleArray();
        assertTrue(Double.isFinite(mean[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.withJitter(false).fit(Dataset.of(x, y)));
        assertTrue(e.getMessage().contains("not positive definite") && e.getMessage().contains("alpha"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.fit(Dataset.of(x, y, Tensor.of(1.0, 1, -1, 1, 1, 1))));
    }

    @Test
    void priorSamplesHaveTheKernelCovariance() {
        Kernel k = Kernel.constant(2.0).times(Kernel.matern(0.7, 1.5));
        Tensor x = Tensor.of(new double[] {0, 0.3, 1, 2.5}, 4, 1);
        int s = 20000;
        Tensor draws = GaussianProcessRegressor.samplePrior(k, x, s, new Generator(4));
        assertArrayEquals(new int[] {4, s}, draws.shape());
        double[] v = draws.toDoubleArray();
        double[] cov = k.matrix(x).toDoubleArray();
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                double c = 0;
                for (int j = 0; j < s; j++) {
                    c += v[a * s + j] * v[b * s + j];
                }
                assertEquals(cov[a * 4 + b], c / s, 0.08, "sample covariance (" + a + ", " + b + ")");
            }
        }
        assertArrayEquals(v, GaussianProcessRegressor.samplePrior(k, x, s, new Generator(4)).toDoubleArray(), 0.0,
                "same seed, same draws");
    }

    @Test
    void posteriorSamplesFollowTheMeanAndCovariance() {
        Generator g = new Generator(8);
        Tensor x = Tensor.uniform(g, DType.FLOAT64, -3, 3, 25, 1);
        Tensor y = x.select(1, 0).sin();
        GaussianProcessRegressor gp = GaussianProcessRegressor.Params.defaults().withKernel(Kernel.rbf(1.0))
                .withAlpha(1e-4).withOptimize(false).fit(Dataset.of(x, y));
        Tensor q = Tensor.of(new double[] {-2.2, 0.1, 3.5}, 3, 1);
        int s = 20000;
        double[] draws = gp.sampleY(q, s, new Generator(1)).toDoubleArray();
        double[] mean = gp.predict(q).toDoubleArray();
        double[] cov = gp.predictCovariance(q).toDoubleArray();
        double[] std = gp.predictWithStd(q).std().toDoubleArray();
        for (int a = 0; a < 3; a++) {
            assertEquals(cov[a * 3 + a], std[a] * std[a], 1e-12, "covariance diagonal is the variance");
            double m = 0;
            double v = 0;
            for (int j = 0; j < s; j++) {
                m += draws[a * s + j];
            }
            m /= s;
            for (int j = 0; j < s; j++) {
                v += (draws[a * s + j] - m) * (draws[a * s + j] - m);
            }
            v /= s;
            assertEquals(mean[a], m, 4 * std[a] / Math.sqrt(s) + 1e-9, "sample mean at " + a);
            assertEquals(cov[a * 3 + a], v, 0.05 * cov[a * 3 + a] + 1e-9, "sample variance at " + a);
        }
        // far outside the data the posterior reverts to the prior
        assertTrue(std[2] > std[1], "std grows away from the data");
    }

    @Test
    void invalidKernelsAndParams() {
        assertEquals("Invalid length scale: -1.0 (must be > 0 and finite)",
                assertThrows(IllegalArgumentException.class, () -> Kernel.rbf(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Kernel.matern(1, 2.0));
        assertThrows(IllegalArgumentException.class, () -> GaussianProcessRegressor.Params.defaults().withAlpha(-1));
        assertThrows(IllegalArgumentException.class, () -> GaussianProcessRegressor.Params.defaults().withKernel(null));
        assertThrows(IllegalArgumentException.class, () -> Kernel.rbf(1).withTheta(new double[] {0, 1}));
    }
}
