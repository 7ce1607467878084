package dev.hadron.internal.kernel;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Storage;
import dev.hadron.tensor.Tensor;

/**
 * Kernels of the fused network operations ({@code dev.hadron.tensor.Fused}): one pass over memory
 * where the composite would make several, and no intermediate tensors. Rows are processed in double
 * precision (loaded from float32 or float64 storage into a per-task buffer), split over threads in
 * fixed contiguous chunks, so results are bit-identical for a given thread count.
 */
public final class FusedKernels {
    /** Rows per task below which a kernel stays on the calling thread. */
    private static final int GRAIN_ELEMENTS = 1 << 15;

    private FusedKernels() {
    }

    /** Activations whose derivative is a function of their output, so it fuses with the product. */
    public enum Act {
        /** No activation. */
        NONE,
        /** max(0, x). */
        RELU,
        /** tanh(x). */
        TANH,
        /** 1 / (1 + exp(-x)). */
        SIGMOID
    }

    /** Logits per block of rows in the cross-entropy kernels (one vectorized exp per block). */
    private static final int CE_BLOCK = 2048;

    private static int grain(int cols) {
        return Math.max(1, GRAIN_ELEMENTS / Math.max(1, cols));
    }

    private static void load(Storage s, int off, double[] buf, int n) {
        switch (s) {
            case Storage.F32 f -> {
                float[] a = f.data;
                for (int i = 0; i < n; i++) {
                    buf[i] = a[off + i];
                }
            }
            case Storage.F64 d -> System.arraycopy(d.data, off, buf, 0, n);
            default -> throw new IllegalArgumentException("fused kernel: expected a floating tensor, got " + s.dtype());
        }
    }

    private static void store(Storage s, int off, double[] buf, int n) {
        switch (s) {
            case Storage.F32 f -> {
                float[] a = f.data;
                for (int i = 0; i < n; i++) {
                    a[off + i] = (float) buf[i];
                }
            }
            case Storage.F64 d -> System.arraycopy(buf, 0, d.data, off, n);
            default -> throw new IllegalArgumentException("fused kernel: expected a floating tensor, got " + s.dtype());
        }
    }

    // ---------------------------------------------------------------- linear + bias + activation

    /**
     * {@code act(x @ w^T + b)} for {@code x: (rows, in)} and {@code w: (out, in)}, both with any strides,
     * and {@code b: (out)} (or null): the bias seeds the output, the product accumulates onto it, the
     * activation runs in place.
     */
    public static Tensor linear(Tensor x, Tensor w, Tensor b, Act act) {
        int[] xs = K.shape(x);
        int[] xst = K.strides(x);
        int[] ws = K.shape(w);
        int[] wst = K.strides(w);
        int rows = xs[0];
        int in = xs[1];
        int out = ws[0];
        Tensor y = K.alloc(x.dtype(), rows, out);
        if (b != null) {
            Tensor bd = K.dense(b);
            Object src = bd.storage().array();
            Object dst = y.storage().array();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(src, 0, dst, r * out, out);
            }
        }
        Parallel.Range after = null;
        if (act != Act.NONE) {
            // the activation runs on each block of finished rows while it is still in cache
            UnaryFn fn = unaryOf(act);
            after = switch (y.storage()) {
                case Storage.F32 f -> (from, to) -> ElementKernels.INSTANCE.unary(fn, 0, 0, f.data, from * out, f.data,
                        from * out, (to - from) * out);
                case Storage.F64 d -> (from, to) -> ElementKernels.INSTANCE.unary(fn, 0, 0, d.data, from * out, d.data,
                        from * out, (to - from) * out);
                default -> throw new IllegalArgumentException("linear: expected a floating tensor, got " + y.dtype());
            };
        }
        Gemm.gemm(rows, out, in, x.storage(), x.storageOffset(), xst[0], xst[1], w.storage(), w.storageOffset(), wst[1],
                wst[0], y.storage(), 0, after);
        return y;
    }

    private static UnaryFn unaryOf(Act act) {
        return switch (act) {
            case RELU -> UnaryFn.RELU;
            case TANH -> UnaryFn.TANH;
            case SIGMOID -> UnaryFn.SIGMOID;
            case NONE -> throw new IllegalStateException("NONE has no activation function");
        };
    }

    /** {@code g * act'(pre)} written through the activation's output {@code y} (both contiguous, same shape). */
    public static Tensor activationGrad(Tensor g, Tensor y, Act act) {
        Tensor gd = K.dense(g);
        Tensor yd = K.dense(y);
        if (act == Act.NONE) {
            return gd;
        }
        UnaryFn fn = unaryOf(act);
        int n = yd.numel();
        Tensor out = K.alloc(y.dtype(), K.shape(y));
        switch (out.storage()) {
            case Storage.F32 f -> {
                float[] o = f.data;
                float[] gv = K.f32(gd);
                float[] yv = K.f32(yd);
                Parallel.forRange(n, GRAIN_ELEMENTS,
                        (from, to) -> ElementKernels.INSTANCE.activationGrad(fn, gv, from, yv, from, o, from, to - from));
            }
            case Storage.F64 d -> {
                double[] o = d.data;
                double[] gv = K.f64(gd);
                double[] yv = K.f64(yd);
                Parallel.forRange(n, GRAIN_ELEMENTS,
                        (from, to) -> ElementKernels.INSTANCE.activationGrad(fn, gv, from, yv, from, o, from, to - from));
            }
            default -> throw new IllegalArgumentException("linear: expected a floating tensor, got " + y.dtype());
        }
        return out;
    }

    /**
     * {@code g.sum(0)} of a (rows, cols) float tensor, a linear layer's bias gradient: each column is summed
     * in double in row order, exactly as the general reduction does, but reading rows contiguously instead
     * of walking each column with a stride. Columns are split over threads, so the result does not depend
     * on the thread count.
     */
    public static Tensor columnSum(Tensor g) {
        Tensor gd = K.dense(g);
        int[] shape = K.shape(gd);
        int rows = shape[0];
        int cols = shape[1];
        Tensor out = K.alloc(g.dtype(), cols);
        int grain = (int) Math.max(1, GRAIN_ELEMENTS / Math.max(1L, rows));
        switch (gd.storage()) {
            case Storage.F32 f -> {
                float[] a = f.data;
                float[] o = K.f32(out);
                Parallel.forRange(cols, grain, (from, to) -> {
                    double[] acc = new double[to - from];
                    for (int i = 0; i < rows; i++) {
                        int base = i * cols + from;
                        for (int j = 0; j < acc.length; j++) {
                            acc[j] += a[base + j];
                        }
                    }
                    for (int j = 0; j < acc.length; j++) {
                        o[from + j] = (float) acc[j];
                    }
                });
            }
            case Storage.F64 d -> {
                double[] a = d.data;
                double[] o = K.f64(out);
                Parallel.forRange(cols, grain, (from, to) -> {
                    for (int i = 0; i < rows; i++) {
                        int base = i * cols;
                        for (int j = from; j < to; j++) {
                            o[j] += a[base + j];
                        }
                    }
                });
            }
            default -> throw new IllegalArgumentException("columnSum: expected a floating tensor, got " + g.dtype());
        }
        return out;
    }

    // ---------------------------------------------------------------- cross-entropy from logits

    /**
     * Per-row cross-entropy of {@code logits: (n, c)} against integer {@code labels: (n)} with label
     * smoothing {@code eps}; rows whose label is {@code ignoreIndex} give 0. Returns
     * {@code {loss (n), logsumexp (n)}}.
     */
    public static Tensor[] crossEntropy(Tensor logits, Tensor labels, double eps, long ignoreIndex) {
        Tensor x = K.dense(logits);
        int n = K.shape(x)[0];
        int c = K.shape(x)[1];
        long[] y = labelsOf(labels, n, c, ignoreIndex);
        Tensor loss = K.alloc(x.dtype(), n);
        Tensor lse = K.alloc(DType.FLOAT64, n);
        double[] lseV = K.f64(lse);
        double[] lossV = new double[n];
        Storage xs = x.storage();
        Parallel.forRange(n, grain(c), (from, to) -> {
            // Rows in blocks: shift each row by its maximum, then one vectorized exp over the block (a
            // scalar Math.exp per logit cost more than the rest of the step for few classes).
            int block = Math.max(1, CE_BLOCK / Math.max(1, c));
            double[] buf = new double[Math.min(block, to - from) * c];
            double[] max = new double[block];
            for (int r0 = from; r0 < to; r0 += block) {
                int rows = Math.min(block, to - r0);
                load(xs, r0 * c, buf, rows * c);
                for (int r = 0; r < rows; r++) {
                    double m = Double.NEGATIVE_INFINITY;
                    double t = 0;
                    for (int j = 0; j < c; j++) {
                        double v = buf[r * c + j];
                        m = Math.max(m, v);
                        t += v;
                    }
                    max[r] = m;
                    int i = r0 + r;
                    lossV[i] = y[i] == ignoreIndex ? 0 : -(1 - eps) * buf[r * c + (int) y[i]] - eps / c * t;
                    for (int j = 0; j < c; j++) {
                        buf[r * c + j] -= m;
                    }
                }
                ElementKernels.INSTANCE.unary(UnaryFn.EXP, 0, 0, buf, 0, buf, 0, rows * c);
                for (int r = 0; r < rows; r++) {
                    double se = 0;
                    for (int j = 0; j < c; j++) {
                        se += buf[r * c + j];
                    }
                    int i = r0 + r;
                    double l = max[r] + Math.log(se);
                    lseV[i] = l;
                    if (y[i] != ignoreIndex) {
                        lossV[i] += l;
                    }
                }
            }
        });
        store(loss.storage(), 0, lossV, n);
        return new Tensor[] {loss, lse};
    }

    /** The gradient of {@link #crossEntropy} with respect to the logits, for per-row output gradients {@code g}. */
    public static Tensor crossEntropyGrad(Tensor logits, Tensor labels, Tensor lse, Tensor g, double eps, long ignoreIndex) {
        Tensor x = K.dense(logits);
        int n = K.shape(x)[0];
        int c = K.shape(x)[1];
        long[] y = labelsOf(labels, n, c, ignoreIndex);
        double[] lseV = K.f64(lse);
        Tensor gd = K.dense(g);
        Storage gs = gd.storage();
        Tensor dx = K.alloc(x.dtype(), n, c);
        Storage xs = x.storage();
        Storage ds = dx.storage();
        double off = eps / c;
        Parallel.forRange(n, grain(c), (from, to) -> {
            int block = Math.max(1, CE_BLOCK / Math.max(1, c));
            double[] buf = new double[Math.min(block, to - from) * c];
            for (int r0 = from; r0 < to; r0 += block) {
                int rows = Math.min(block, to - r0);
                load(xs, r0 * c, buf, rows * c);
                for (int r = 0; r < rows; r++) {
                    double l = lseV[r0 + r];
                    for (int j = 0; j < c; j++) {
                        buf[r * c + j] -= l;
                    }
                }
                ElementKernels.INSTANCE.unary(UnaryFn.EXP, 0, 0, buf, 0, buf, 0, rows * c);   // softmax
                for (int r = 0; r < rows; r++) {
                    int i = r0 + r;
                    if (y[i] == ignoreIndex) {
                        java.util.Arrays.fill(buf, r * c, (r + 1) * c, 0.0);
                        continue;
                    }
                    double gi = gs.getDouble(i);
                    for (int j = 0; j < c; j++) {
                        buf[r * c + j] = gi * (buf[r * c + j] - off);
                    }
                    buf[r * c + (int) y[i]] -= gi * (1 - eps);
                }
                store(ds, r0 * c, buf, rows * c);
            }
        });
        return dx;
    }

    private static long[] labelsOf(Tensor labels, int n, int c, long ignoreIndex) {
        Tensor l = K.dense(labels);
        long[] y = new long[n];
        Storage s = l.storage();
        for (int i = 0; i < n; i++) {
            long v = s.getLong(i);
            if (v != ignoreIndex && (v < 0 || v >= c)) {
                throw new IllegalArgumentException("crossEntropy: label " + v + " at row " + i + " is outside [0, " + c
                        + ") for " + c + " classes");
            }
            y[i] = v;
        }
        return y;
    }

    // ---------------------------------------------------------------- layer norm

    /**
     * Layer normalization of the rows of {@code x: (rows, d)} with optional {@code weight, bias: (d)}.
     * Returns {@code {y, mean (rows, float64), rstd (rows, float64)}}.
     */
    public static Tensor[] layerNorm(Tensor x, Tensor weight, Tensor bias, double eps) {
        Tensor xd = K.dense(x);
        int rows = K.shape(xd)[0];
        int d = K.shape(xd)[1];
        double[] w = weight == null ? null : asDoubles(weight, d);
        double[] b = bias == null ? null : asDoubles(bias, d);
        Tensor y = K.alloc(x.dtype(), rows, d);
        Tensor mean = K.alloc(DType.FLOAT64, rows);
        Tensor rstd = K.alloc(DType.FLOAT64, rows);
        double[] mv = K.f64(mean);
        double[] rv = K.f64(rstd);
        Storage xs = xd.storage();
        Storage ys = y.storage();
        Parallel.forRange(rows, grain(d), (from, to) -> {
            double[] row = new double[d];
            for (int r = from; r < to; r++) {
                load(xs, r * d, row, d);
                double m = 0;
                for (int j = 0; j < d; j++) {
                    m += row[j];
                }
                m /= d;
                double v = 0;
                for (int j = 0; j < d; j++) {
                    double c = row[j] - m;
                    v += c * c;
                }
                double rs = 1.0 / Math.sqrt(v / d + eps);
                mv[r] = m;
                rv[r] = rs;
                for (int j = 0; j < d; j++) {
                    double h = (row[j] - m) * rs;
                    row[j] = (w == null ? h : h * w[j]) + (b == null ? 0 : b[j]);
                }
                store(ys, r * d, row, d);
            }
        });
        return new Tensor[] {y, mean, rstd};
    }

    /**
     * Gradients of {@link #layerNorm}: {@code {dx, dweight, dbias}} (the last two null when there is no
     * weight / bias). Weight and bias gradients are summed over rows in fixed chunks, in order.
     */
    public static Tensor[] layerNormGrad(Tensor x, Tensor weight, boolean hasBias, Tensor mean, Tensor rstd, Tensor g) {
        Tensor xd = K.dense(x);
        Tensor gd = K.dense(g);
        int rows = K.shape(xd)[0];
        int d = K.shape(xd)[1];
        double[] w = weight == null ? null : asDoubles(weight, d);
        double[] mv = K.f64(mean);
        double[] rv = K.f64(rstd);
        Tensor dx = K.alloc(x.dtype(), rows, d);
        Storage xs = xd.storage();
        Storage gs = gd.storage();
        Storage ds = dx.storage();
        int chunks = Math.max(1, Math.min(Parallel.threads(), rows / Math.max(1, grain(d))));
        double[][] dw = new double[chunks][weight == null ? 0 : d];
        double[][] db = new double[chunks][hasBias ? d : 0];
        Parallel.run(chunks, t -> {
            int from = (int) ((long) rows * t / chunks);
            int to = (int) ((long) rows * (t + 1) / chunks);
            double[] xr = new double[d];
            double[] gr = new double[d];
            double[] dwT = dw[t];
            double[] dbT = db[t];
            for (int r = from; r < to; r++) {
                load(xs, r * d, xr, d);
                load(gs, r * d, gr, d);
                double m = mv[r];
                double rs = rv[r];
                double a = 0;
                double c = 0;
                for (int j = 0; j < d; j++) {
                    double h = (xr[j] - m) * rs;
                    double gw = w == null ? gr[j] : gr[j] * w[j];
                    a += gw;
                    c += gw * h;
                    if (w != null) {
                        dwT[j] += gr[j] * h;
                    }
                    if (hasBias) {
                        dbT[j] += gr[j];
                    }
                    xr[j] = h;
                }
                a /= d;
                c /= d;
                for (int j = 0; j < d; j++) {
                    double gw = w == null ? gr[j] : gr[j] * w[j];
                    xr[j] = rs * (gw - a - xr[j] * c);
                }
                store(ds, r * d, xr, d);
            }
        });
        Tensor dWeight = weight == null ? null : sumChunks(dw, d, weight.dtype());
        Tensor dBias = hasBias ? sumChunks(db, d, x.dtype()) : null;
        return new Tensor[] {dx, dWeight, dBias};
    }

    private static Tensor sumChunks(double[][] parts, int d, DType dtype) {
        double[] acc = new double[d];
        for (double[] p : parts) {
            for (int j = 0; j < d; j++) {
                acc[j] += p[j];
            }
        }
        Tensor out = K.alloc(dtype, d);
        store(out.storage(), 0, acc, d);
        return out;
    }

    private static double[] asDoubles(Tensor t, int n) {
        Tensor td = K.dense(t);
        double[] out = new double[n];
        load(td.storage(), 0, out, n);
        return out;
    }

    // ---------------------------------------------------------------- attention

    /**
     * In place over the last dimension of contiguous {@code s} (scores {@code q k^T}): multiply by
     * {@code scale}, add {@code mask} (contiguous, same shape, or null), softmax. Rows where every
     * score is {@code -inf} become all zeros (the query attends to nothing) instead of NaN.
     */
    public static void scaleMaskSoftmax(Tensor s, double scale, Tensor mask) {
        int[] shape = K.shape(s);
        int cols = shape[shape.length - 1];
        int rows = cols == 0 ? 0 : s.numel() / cols;
        Storage ss = s.storage();
        Storage ms = mask == null ? null : mask.storage();
        Parallel.forRange(rows, grain(cols), (from, to) -> {
            double[] row = new double[cols];
            double[] mrow = ms == null ? null : new double[cols];
            for (int r = from; r < to; r++) {
                load(ss, r * cols, row, cols);
                if (mrow != null) {
                    load(ms, r * cols, mrow, cols);
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < cols; j++) {
                    double v = row[j] * scale + (mrow == null ? 0 : mrow[j]);
                    row[j] = v;
                    max = Math.max(max, v);
                }
                if (max == Double.NEGATIVE_INFINITY) {
                    java.util.Arrays.fill(row, 0);
                } else {
                    double sum = 0;
                    for (int j = 0; j < cols; j++) {
                        double e = Math.exp(row[j] - max);
                        row[j] = e;
                        sum += e;
                    }
                    double inv = 1.0 / sum;
                    for (int j = 0; j < cols; j++) {
                        row[j] *= inv;
                    }
                }
                store(ss, r * cols, row, cols);
            }
        });
    }

    /**
     * In place over the last dimension: {@code dp <- p * (dp - sum(dp * p))}, the softmax backward,
     * turning the gradient with respect to the probabilities into the one with respect to the scores.
     */
    public static void softmaxBackwardInPlace(Tensor dp, Tensor p) {
        int[] shape = K.shape(p);
        int cols = shape[shape.length - 1];
        int rows = cols == 0 ? 0 : p.numel() / cols;
        Storage ds = dp.storage();
        Storage ps = p.storage();
        Parallel.forRange(rows, grain(cols), (from, to) -> {
            double[] dr = new double[cols];
            double[] pr = new double[cols];
            for (int r = from; r < to; r++) {
                load(ds, r * cols, dr, cols);
                load(ps, r * cols, pr, cols);
                double dot = 0;
                for (int j = 0; j < cols; j++) {
                    dot += dr[j] * pr[j];
                }
                for (int j = 0; j < cols; j++) {
                    dr[j] = pr[j] * (dr[j] - dot);
                }
                store(ds, r * cols, dr, cols);
            }
        });
    }
}
