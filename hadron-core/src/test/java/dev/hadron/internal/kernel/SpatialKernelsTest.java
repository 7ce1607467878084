package dev.hadron.internal.kernel;

import dev.hadron.tensor.Conv;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Pool;
import dev.hadron.tensor.Tensor;
import dev.hadron.tensor.ValuesIndices;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sliding-window kernels (unfold, fold, max pooling) against their definitions, in float32, float64
 * and int64 (the generic path), on inputs large enough to be split over threads, with padding, stride
 * and dilation, and with NaN inside pooling windows.
 */
class SpatialKernelsTest {
    private static final int N = 40;
    private static final int C = 3;
    private static final int H = 13;
    private static final int W = 11;
    private static final int K = 3;
    private static final int STRIDE = 2;
    private static final int PAD = 1;
    private static final int DIL = 2;

    private static int outSize(int in) {
        return (in + 2 * PAD - DIL * (K - 1) - 1) / STRIDE + 1;
    }

    /** unfold by its definition: cols[n, c*K*K + ki*K + kj, oi*OW + oj] = x[n, c, oi*s - p + ki*d, oj*s - p + kj*d]. */
    private static double[] unfoldByDefinition(double[] x) {
        int oh = outSize(H);
        int ow = outSize(W);
        int l = oh * ow;
        double[] cols = new double[N * C * K * K * l];
        for (int n = 0; n < N; n++) {
            for (int c = 0; c < C; c++) {
                for (int ki = 0; ki < K; ki++) {
                    for (int kj = 0; kj < K; kj++) {
                        for (int oi = 0; oi < oh; oi++) {
                            for (int oj = 0; oj < ow; oj++) {
                                int i = oi * STRIDE - PAD + ki * DIL;
                                int j = oj * STRIDE - PAD + kj * DIL;
                                double v = i < 0 || i >= H || j < 0 || j >= W ? 0 : x[((n * C + c) * H + i) * W + j];
                                cols[((n * C + c) * K * K + ki * K + kj) * l + oi * ow + oj] = v;
                            }
                        }
                    }
                }
            }
        }
        return cols;
    }

    /** fold is the adjoint of unfold: sum each column entry back onto the pixel it was read from. */
    private static double[] foldByDefinition(double[] cols) {
        int oh = outSize(H);
        int ow = outSize(W);
        int l = oh * ow;
        double[] x = new double[N * C * H * W];
        for (int n = 0; n < N; n++) {
            for (int c = 0; c < C; c++) {
                for (int ki = 0; ki < K; ki++) {
                    for (int kj = 0; kj < K; kj++) {
                        for (int oi = 0; oi < oh; oi++) {
                            for (int oj = 0; oj < ow; oj++) {
                                int i = oi * STRIDE - PAD + ki * DIL;
                                int j = oj * STRIDE - PAD + kj * DIL;
                                if (i >= 0 && i < H && j >= 0 && j < W) {
                                    x[((n * C + c) * H + i) * W + j] += cols[((n * C + c) * K * K + ki * K + kj) * l
                                            + oi * ow + oj];
                                }
                            }
                        }
                    }
                }
            }
        }
        return x;
    }

    private static double[] data(Generator g, int size) {
        double[] d = new double[size];
        for (int i = 0; i < size; i++) {
            d[i] = Math.rint(g.nextDouble() * 200 - 100); // integers: exact in every dtype, sums stay exact
        }
        return d;
    }

    private static void assertSame(double[] want, Tensor got, String what) {
        double[] g = got.to(DType.FLOAT64).toDoubleArray();
        assertEquals(want.length, g.length, what + ": size");
        for (int i = 0; i < want.length; i++) {
            if (Double.compare(want[i], g[i]) != 0 && !(want[i] == 0 && g[i] == 0)) {
                throw new AssertionError(what + ": element " + i + " is " + g[i] + ", expected " + want[i]);
            }
        }
    }

    @Test
    void unfoldAndFoldMatchTheirDefinitionsInEveryDtype() {
        Generator g = new Generator(3);
        double[] x = data(g, N * C * H * W);
        double[] cols = unfoldByDefinition(x);
        int l = outSize(H) * outSize(W);
        double[] back = foldByDefinition(cols);
        int[] k = {K, K};
        int[] d = {DIL, DIL};
        int[] p = {PAD, PAD};
        int[] s = {STRIDE, STRIDE};
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
            Tensor xt = Tensor.of(x, N, C, H, W).to(t);
            Tensor u = Conv.unfold(xt, k, d, p, s);
            assertArrayEquals(new int[] {N, C * K * K, l}, u.shape());
            assertSame(cols, u, "unfold " + t);
            Tensor f = Conv.fold(Tensor.of(cols, N, C * K * K, l).to(t), new int[] {H, W}, k, d, p, s);
            assertSame(back, f, "fold " + t);
        }
    }

    @Test
    void maxPoolMatchesItsDefinitionWithNaNs() {
        Generator g = new Generator(4);
        double[] x = data(g, N * C * H * W);
        x[5] = Double.NaN;
        x[6] = Double.NaN;
        x[1000] = Double.NaN;
        int oh = (H - 2) / 2 + 1;
        int ow = (W - 2) / 2 + 1;
        double[] want = new double[N * C * oh * ow];
        long[] wantIdx = new long[want.length];
        for (int pl = 0; pl < N * C; pl++) {
            for (int oi = 0; oi < oh; oi++) {
                for (int oj = 0; oj < ow; oj++) {
                    double best = Double.NEGATIVE_INFINITY;
                    int arg = -1;
                    search:
                    for (int ki = 0; ki < 2; ki++) {
                        for (int kj = 0; kj < 2; kj++) {
                            int off = (oi * 2 + ki) * W + oj * 2 + kj;
                            double v = x[pl * H * W + off];
                            if (Double.isNaN(v)) {
                                best = v;
                                arg = off;
                                break search; // the first NaN in the window wins, as in PyTorch
                            }
                            if (arg < 0 || v > best) {
                                best = v;
                                arg = off;
                            }
                        }
                    }
                    want[(pl * oh + oi) * ow + oj] = best;
                    wantIdx[(pl * oh + oi) * ow + oj] = arg;
                }
            }
        }
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            ValuesIndices r = Pool.maxPool(Tensor.of(x, N, C, H, W).to(t), 2, 2, 2, 0, 1, false);
            assertSame(want, r.values(), "maxPool2d " + t);
            assertArrayEquals(wantIdx, r.indices().toLongArray(), "maxPool2d indices " + t);
        }
        assertTrue(Double.isNaN(Pool.maxPool2d(Tensor.of(x, N, C, H, W), 2).toDoubleArray()[2]));
    }
}
