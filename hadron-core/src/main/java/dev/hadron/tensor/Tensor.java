package dev.hadron.tensor;

import dev.hadron.internal.autograd.AutogradMeta;
import dev.hadron.internal.autograd.Engine;
import dev.hadron.internal.autograd.Mode;
import dev.hadron.internal.autograd.TensorAccess;
import dev.hadron.internal.kernel.BinaryFn;
import dev.hadron.internal.kernel.Elementwise;
import dev.hadron.internal.kernel.Index;
import dev.hadron.internal.kernel.K;
import dev.hadron.internal.kernel.Reduce;
import dev.hadron.internal.kernel.ReduceFn;
import dev.hadron.internal.kernel.UnaryFn;
import dev.hadron.internal.ops.BinaryMath;
import dev.hadron.internal.ops.Cast;
import dev.hadron.internal.ops.Indexing;
import dev.hadron.internal.ops.MatMul;
import dev.hadron.internal.ops.Reductions;
import dev.hadron.internal.ops.UnaryMath;
import dev.hadron.internal.ops.Views;
import dev.hadron.internal.ops.Where;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An n-dimensional array with automatic differentiation, in the manner of {@code torch.Tensor}.
 *
 * <p>A tensor is a view (offset, shape, strides) of a flat {@link Storage}; reshaping, transposing,
 * slicing, expanding and indexing with {@link #get} return views that share memory. Every operation
 * returns a new tensor; the only in-place methods are {@link #copyFrom}, {@link #fill} and
 * {@link #zero}. Binary operations broadcast as NumPy does; dtypes promote as {@link DType} documents.
 *
 * <p>Reverse mode: mark leaves with {@link #requiresGrad(boolean)}, compute, call {@link #backward()}
 * and read {@link #grad()}:
 * <pre>{@code
 * Tensor a = Tensor.of(2.0).requiresGrad(true);
 * Tensor b = Tensor.of(3.0).requiresGrad(true);
 * Tensor y = a.mul(b).log().sum();
 * y.backward();
 * a.grad();   // tensor([0.5000], dtype=float64)
 * }</pre>
 * The functional transforms (grad, jvp, jacobian, hessian) are in {@code dev.hadron.autodiff.Autodiff}.
 */
public final class Tensor {
    static {
        TensorAccess.Holder.install(new TensorAccess() {
            @Override
            public AutogradMeta meta(Tensor t) {
                return t.autograd;
            }

            @Override
            public AutogradMeta metaOrCreate(Tensor t) {
                if (t.autograd == null) {
                    t.autograd = new AutogradMeta();
                }
                return t.autograd;
            }

            @Override
            public int[] shapeRef(Tensor t) {
                return t.shape;
            }

            @Override
            public int[] stridesRef(Tensor t) {
                return t.strides;
            }

            @Override
            public Tensor make(Storage storage, int offset, int[] shape, int[] strides) {
                return new Tensor(storage, offset, shape, strides);
            }
        });
    }

    private final Storage storage;
    private final int offset;
    private final int[] shape;
    private final int[] strides;
    private AutogradMeta autograd;

    private Tensor(Storage storage, int offset, int[] shape, int[] strides) {
        this.storage = storage;
        this.offset = offset;
        this.shape = shape;
        this.strides = strides;
    }

    private static Tensor contiguous(Storage storage, int... shape) {
        return new Tensor(storage, 0, shape.clone(), Shape.contiguousStrides(shape));
    }

    private static void checkLength(int length, int[] shape) {
        int n = Shape.numel(shape);
        if (n != length) {
            throw new IllegalArgumentException("data of length " + length + " does not fit shape " + Shape.toString(shape)
                    + " (" + n + " elements)");
        }
    }

    // ------------------------------------------------------------------ creation

    /** A 1-D float64 tensor holding a copy of {@code values}. */
    public static Tensor of(double... values) {
        return contiguous(new Storage.F64(values.clone()), values.length);
    }

    /** A float64 tensor of {@code shape} holding a copy of {@code data} (row-major). */
    public static Tensor of(double[] data, int... shape) {
        checkLength(data.length, shape);
        return contiguous(new Storage.F64(data.clone()), shape);
    }

    /** A float32 tensor of {@code shape} holding a copy of {@code data} (row-major). */
    public static Tensor of(float[] data, int... shape) {
        checkLength(data.length, shape);
        return contiguous(new Storage.F32(data.clone()), shape);
    }

    /** An int64 tensor of {@code shape} holding a copy of {@code data} (row-major). */
    public static Tensor of(long[] data, int... shape) {
        checkLength(data.length, shape);
        return contiguous(new Storage.I64(data.clone()), shape);
    }

    /** An int32 tensor of {@code shape} holding a copy of {@code data} (row-major). */
    public static Tensor of(int[] data, int... shape) {
        checkLength(data.length, shape);
        return contiguous(new Storage.I32(data.clone()), shape);
    }

    /** A bool tensor of {@code shape} holding a copy of {@code data} (row-major). */
    public static Tensor of(boolean[] data, int... shape) {
        checkLength(data.length, shape);
        byte[] b = new byte[data.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = data[i] ? (byte) 1 : 0;
        }
        return contiguous(new Storage.Bool(b), shape);
    }

    /** A float64 matrix from rows of equal length. */
    public static Tensor of(double[][] rows) {
        int n = rows.length;
        int m = n == 0 ? 0 : rows[0].length;
        double[] data = new double[n * m];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != m) {
                throw new IllegalArgumentException("row " + i + " has length " + rows[i].length + ", expected " + m);
            }
            System.arraycopy(rows[i], 0, data, i * m, m);
        }
        return contiguous(new Storage.F64(data), n, m);
    }

    /** A float32 tensor over {@code data} without copying: writes to either are seen by both. */
    public static Tensor wrap(float[] data, int... shape) {
        checkLength(data.length, shape);
        return contiguous(new Storage.F32(data), shape);
    }

    /** A float64 tensor over {@code data} without copying. */
    public static Tensor wrap(double[] data, int... shape) {
        checkLength(data.length, shape);
        return contiguous(new Storage.F64(data), shape);
    }

    /** An int64 tensor over {@code data} without copying. */
    public static Tensor wrap(long[] data, int... shape) {
        checkLength(data.length, shape);
        return contiguous(new Storage.I64(data), shape);
    }

    /** A tensor over an existing storage, contiguous from offset 0. */
    public static Tensor wrap(Storage storage, int... shape) {
        checkLength(storage.size(), shape);
        return contiguous(storage, shape);
    }

    /** A 0-dimensional float32 tensor. */
    public static Tensor scalar(double value) {
        return scalar(DType.FLOAT32, value);
    }

    /** A 0-dimensional tensor of the given dtype. */
    public static Tensor scalar(DType dtype, double value) {
        return Elementwise.full(dtype, value);
    }

    /** float32 zeros. */
    public static Tensor zeros(int... shape) {
        return zeros(DType.FLOAT32, shape);
    }

    /** Zeros of {@code dtype}. */
    public static Tensor zeros(DType dtype, int... shape) {
        return K.alloc(dtype, shape);
    }

    /** float32 ones. */
    public static Tensor ones(int... shape) {
        return full(DType.FLOAT32, 1, shape);
    }

    /** Ones of {@code dtype}. */
    public static Tensor ones(DType dtype, int... shape) {
        return full(dtype, 1, shape);
    }

    /** float32 tensor filled with {@code value}. */
    public static Tensor full(double value, int... shape) {
        return full(DType.FLOAT32, value, shape);
    }

    /** Tensor of {@code dtype} filled with {@code value}. */
    public static Tensor full(DType dtype, double value, int... shape) {
        return Elementwise.full(dtype, value, shape);
    }

    /** Zeros with the shape and dtype of {@code t}. */
    public static Tensor zerosLike(Tensor t) {
        return zeros(t.dtype(), t.shape);
    }

    /** Ones with the shape and dtype of {@code t}. */
    public static Tensor onesLike(Tensor t) {
        return full(t.dtype(), 1, t.shape);
    }

    /** {@code value} with the shape and dtype of {@code t}. */
    public static Tensor fullLike(Tensor t, double value) {
        return full(t.dtype(), value, t.shape);
    }

    /** int64 values 0, 1, ..., end - 1. */
    public static Tensor arange(long end) {
        return arange(0, end);
    }

    /** int64 values start, start + 1, ..., end - 1. */
    public static Tensor arange(long start, long end) {
        int n = (int) Math.max(0, end - start);
        long[] d = new long[n];
        for (int i = 0; i < n; i++) {
            d[i] = start + i;
        }
        return contiguous(new Storage.I64(d), n);
    }

    /** float32 values start, start + step, ... below end (above end for a negative step). */
    public static Tensor arange(double start, double end, double step) {
        return arange(DType.FLOAT32, start, end, step);
    }

    /** Values start, start + step, ... below end, of {@code dtype}. */
    public static Tensor arange(DType dtype, double start, double end, double step) {
        if (step == 0 || Double.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be non-zero, got " + step);
        }
        int n = (int) Math.max(0, Math.ceil((end - start) / step));
        Tensor t = zeros(dtype, n);
        for (int i = 0; i < n; i++) {
            t.storage.setDouble(i, start + i * step);
        }
        return t;
    }

    /** {@code steps} float32 values evenly spaced from start to end inclusive. */
    public static Tensor linspace(double start, double end, int steps) {
        return linspace(DType.FLOAT32, start, end, steps);
    }

    /** {@code steps} values of {@code dtype} evenly spaced from start to end inclusive. */
    public static Tensor linspace(DType dtype, double start, double end, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("linspace: steps must be >= 0, got " + steps);
        }
        Tensor t = zeros(dtype, steps);
        double h = steps > 1 ? (end - start) / (steps - 1) : 0;
        for (int i = 0; i < steps; i++) {
            t.storage.setDouble(i, i == steps - 1 ? end : start + i * h);
        }
        return t;
    }

    /** float32 identity matrix n x n. */
    public static Tensor eye(int n) {
        return eye(DType.FLOAT32, n, n);
    }

    /** Identity-like matrix of {@code dtype}, n x m (ones on the main diagonal). */
    public static Tensor eye(DType dtype, int n, int m) {
        Tensor t = zeros(dtype, n, m);
        for (int i = 0; i < Math.min(n, m); i++) {
            t.storage.setDouble(i * m + i, 1);
        }
        return t;
    }

    // ------------------------------------------------------------------ random

    /** float32 uniform on [0, 1). */
    public static Tensor rand(Generator gen, int... shape) {
        return uniform(gen, DType.FLOAT32, 0, 1, shape);
    }

    /** float32 standard normal. */
    public static Tensor randn(Generator gen, int... shape) {
        return normal(gen, DType.FLOAT32, 0, 1, shape);
    }

    /** Uniform on [low, high). */
    public static Tensor uniform(Generator gen, DType dtype, double low, double high, int... shape) {
        Tensor t = zeros(dtype, shape);
        for (int i = 0; i < t.numel(); i++) {
            t.storage.setDouble(i, low + (high - low) * gen.nextDouble());
        }
        return t;
    }

    /** Normal with the given mean and standard deviation. */
    public static Tensor normal(Generator gen, DType dtype, double mean, double std, int... shape) {
        Tensor t = zeros(dtype, shape);
        for (int i = 0; i < t.numel(); i++) {
            t.storage.setDouble(i, mean + std * gen.nextGaussian());
        }
        return t;
    }

    /** int64 uniform on {low, ..., high - 1}. */
    public static Tensor randint(Generator gen, long low, long high, int... shape) {
        if (high <= low) {
            throw new IllegalArgumentException("randint: high (" + high + ") must be greater than low (" + low + ")");
        }
        Tensor t = zeros(DType.INT64, shape);
        long[] d = ((Storage.I64) t.storage).data;
        for (int i = 0; i < d.length; i++) {
            d[i] = low + gen.nextLong(high - low);
        }
        return t;
    }

    /** A random permutation of 0 .. n-1 (int64). */
    public static Tensor randperm(Generator gen, int n) {
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) gen.nextLong(i + 1);
            long tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return contiguous(new Storage.I64(p), n);
    }

    /** 1 with probability p, else 0, elementwise; same dtype and shape as {@code p}. */
    public static Tensor bernoulli(Generator gen, Tensor p) {
        Tensor pc = K.dense(p.detach());
        Tensor out = zeros(p.dtype().isFloatingPoint() ? p.dtype() : DType.FLOAT32, p.shape);
        for (int i = 0; i < pc.numel(); i++) {
            double pi = pc.storage.getDouble(i);
            if (!(pi >= 0 && pi <= 1)) {
                throw new IllegalArgumentException("bernoulli: probabilities must be in [0, 1], got " + pi + " at index " + i);
            }
            out.storage.setDouble(i, gen.nextDouble() < pi ? 1 : 0);
        }
        return out;
    }

    /** float32 tensor of 1 with probability p, else 0. */
    public static Tensor bernoulli(Generator gen, double p, int... shape) {
        return bernoulli(gen, full(p, shape));
    }

    // ------------------------------------------------------------------ layout and conversion

    /** The element type. */
    public DType dtype() {
        return storage.dtype();
    }

    /** The shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The size of dimension {@code dim} (negative counts from the end). */
    public int size(int dim) {
        return shape[Shape.normalizeDim("size", dim, shape.length)];
    }

    /** The number of dimensions (0 for a scalar). */
    public int dim() {
        return shape.length;
    }

    /** The number of elements. */
    public int numel() {
        return Shape.numel(shape);
    }

    /** The strides in elements (a copy). */
    public int[] stride() {
        return strides.clone();
    }

    /** The offset of element 0 in the storage. */
    public int storageOffset() {
        return offset;
    }

    /** The storage this tensor views. */
    public Storage storage() {
        return storage;
    }

    /** True if the elements are laid out in row-major order without gaps. */
    public boolean isContiguous() {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** This tensor if contiguous, else a contiguous copy (differentiable). */
    public Tensor contiguous() {
        return isContiguous() ? this : Views.copy(this);
    }

    /** A contiguous copy (differentiable). */
    public Tensor copy() {
        return Views.copy(this);
    }

    /** Same as {@link #copy()}, with PyTorch's name. */
    public Tensor clone() {
        return Views.copy(this);
    }

    /** This tensor converted to {@code dtype} (itself if already of that type). Differentiable between float types. */
    public Tensor to(DType dtype) {
        return dtype == dtype() ? this : Cast.apply(this, dtype);
    }

    /** The single value of a one-element tensor, as a double. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalStateException("item: only one-element tensors can be converted to a number, got shape "
                    + Shape.toString(shape));
        }
        return storage.getDouble(offset);
    }

    /** All elements in row-major order, as doubles. */
    public double[] toDoubleArray() {
        Tensor c = Elementwise.copy(this, DType.FLOAT64);
        return ((Storage.F64) c.storage).data;
    }

    /** All elements in row-major order, as floats. */
    public float[] toFloatArray() {
        Tensor c = Elementwise.copy(this, DType.FLOAT32);
        return ((Storage.F32) c.storage).data;
    }

    /** All elements in row-major order, as longs (floats truncated towards zero). */
    public long[] toLongArray() {
        Tensor c = Elementwise.copy(this, DType.INT64);
        return ((Storage.I64) c.storage).data;
    }

    /** All elements in row-major order, as ints (floats truncated towards zero). */
    public int[] toIntArray() {
        Tensor c = Elementwise.copy(this, DType.INT32);
        return ((Storage.I32) c.storage).data;
    }

    /** All elements in row-major order, as booleans (non-zero is true). */
    public boolean[] toBooleanArray() {
        Tensor c = Elementwise.copy(this, DType.BOOL);
        byte[] b = ((Storage.Bool) c.storage).data;
        boolean[] r = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[i] != 0;
        }
        return r;
    }

    /** True if both have the same shape and exactly equal values (dtypes may differ). */
    public boolean equal(Tensor other) {
        return Arrays.equals(shape, other.shape) && Arrays.equals(toDoubleArray(), other.toDoubleArray());
    }

    /** True if shapes broadcast and |a - b| <= atol + rtol * |b| everywhere (NaNs never close). */
    public boolean allClose(Tensor other, double rtol, double atol) {
        try (var s = Mode.setGradEnabled(false)) {
            Tensor a = to(DType.FLOAT64);
            Tensor b = other.to(DType.FLOAT64);
            Tensor ok = a.sub(b).abs().le(b.abs().mul(rtol).add(atol));
            return ok.all().item() != 0;
        }
    }

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }

    // ------------------------------------------------------------------ in place

    private void checkInPlace(String op) {
        if (autograd != null && autograd.requiresGrad && Mode.isGradEnabled()) {
            throw new IllegalStateException(op + ": a tensor that requires grad cannot be modified in place while"
                    + " gradients are recorded; do it inside Autodiff.noGrad() (e.g. an optimizer step)");
        }
    }

    /** Copies {@code src} (broadcast and converted) into this tensor in place. Returns this tensor. */
    public Tensor copyFrom(Tensor src) {
        checkInPlace("copyFrom");
        Shape.broadcast("copyFrom", src.shape, shape);
        if (!Arrays.equals(Shape.broadcast("copyFrom", src.shape, shape), shape)) {
            throw new IllegalArgumentException("copyFrom: source shape " + Shape.toString(src.shape)
                    + " does not broadcast to destination shape " + Shape.toString(shape));
        }
        Elementwise.copyInto(src, this);
        storage.bumpVersion();
        return this;
    }

    /** Sets every element to {@code value} in place. Returns this tensor. */
    public Tensor fill(double value) {
        checkInPlace("fill");
        Elementwise.copyInto(scalar(dtype(), value), this);
        storage.bumpVersion();
        return this;
    }

    /** Sets every element to zero in place. Returns this tensor. */
    public Tensor zero() {
        return fill(0);
    }

    // ------------------------------------------------------------------ autodiff

    /** Marks a leaf tensor as requiring (or not) gradients. Returns this tensor. */
    public Tensor requiresGrad(boolean requires) {
        if (requires && !dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("requiresGrad: only floating-point tensors can require gradients, got "
                    + dtype());
        }
        if (autograd != null && autograd.gradFn != null) {
            throw new IllegalStateException("requiresGrad: can only be changed on leaf tensors; this one was computed by op '"
                    + autograd.gradFn.name() + "' (use detach() to get a leaf)");
        }
        if (requires || autograd != null) {
            meta().requiresGrad = requires;
        }
        return this;
    }

    private AutogradMeta meta() {
        if (autograd == null) {
            autograd = new AutogradMeta();
        }
        return autograd;
    }

    /** Whether gradients flow to this tensor. */
    public boolean requiresGrad() {
        return autograd != null && autograd.requiresGrad;
    }

    /** True unless this tensor was computed by a recorded operation. */
    public boolean isLeaf() {
        return autograd == null || autograd.gradFn == null;
    }

    /** The gradient accumulated by {@link #backward()}, or null. */
    public Tensor grad() {
        return autograd == null ? null : autograd.grad;
    }

    /** Replaces the accumulated gradient ({@code null} clears it, like PyTorch's {@code p.grad = None}). */
    public void setGrad(Tensor grad) {
        if (grad != null && !Arrays.equals(grad.shape, shape)) {
            throw new IllegalArgumentException("setGrad: gradient shape " + Shape.toString(grad.shape)
                    + " does not match tensor shape " + Shape.toString(shape));
        }
        if (grad != null || autograd != null) {
            meta().grad = grad;
        }
    }

    /** Name of the op that produced this tensor, or null for a leaf. */
    public String gradFnName() {
        return autograd == null || autograd.gradFn == null ? null : autograd.gradFn.name();
    }

    /** Asks a non-leaf tensor to keep its gradient in {@link #grad()} after backward. */
    public Tensor retainGrad() {
        if (autograd == null || !autograd.requiresGrad) {
            throw new IllegalStateException("retainGrad: the tensor does not require grad");
        }
        if (autograd.gradFn != null) {
            autograd.retainsGrad = true;
            autograd.gradFn.retain(autograd.outputIndex, this);
        }
        return this;
    }

    /** A tensor sharing this one's storage but cut from the graph (no gradient flows through it). */
    public Tensor detach() {
        return new Tensor(storage, offset, shape, strides);
    }

    /** Backpropagates from a one-element tensor, accumulating into leaves' {@link #grad()}. */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalArgumentException("backward: a gradient can be created implicitly only for a one-element"
                    + " output, got shape " + Shape.toString(shape) + "; pass a cotangent of that shape to backward(Tensor)");
        }
        backward(onesLike(this));
    }

    /** Backpropagates with the given cotangent (same shape as this tensor). */
    public void backward(Tensor gradient) {
        backward(gradient, false, false);
    }

    /**
     * Backpropagates with the given cotangent.
     *
     * @param retainGraph keep the graph so it can be differentiated again
     * @param createGraph record the backward pass so gradients can be differentiated (implies retainGraph)
     */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        if (!Arrays.equals(gradient.shape, shape)) {
            throw new IllegalArgumentException("backward: cotangent of shape " + Shape.toString(gradient.shape)
                    + " for an output of shape " + Shape.toString(shape));
        }
        Engine.run(new Tensor[] {this}, new Tensor[] {gradient.to(dtype())}, null, retainGraph || createGraph, createGraph);
    }

    // ------------------------------------------------------------------ views

    private int[] inferShape(String op, int[] newShape) {
        int[] s = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException(op + ": only one dimension can be inferred (-1), got "
                            + Shape.toString(newShape));
                }
                infer = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException(op + ": invalid size " + s[i] + " in " + Shape.toString(newShape));
            } else {
                known *= s[i];
            }
        }
        int n = numel();
        if (infer >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException(op + ": shape " + Shape.toString(newShape) + " is invalid for a tensor of "
                        + n + " elements (shape " + Shape.toString(shape) + ")");
            }
            s[infer] = (int) (n / known);
        } else if (known != n) {
            throw new IllegalArgumentException(op + ": shape " + Shape.toString(newShape) + " is invalid for a tensor of "
                    + n + " elements (shape " + Shape.toString(shape) + ")");
        }
        return s;
    }

    /** The same elements with a new shape (one size may be -1): a view when the strides allow, else a copy. */
    public Tensor reshape(int... newShape) {
        int[] s = inferShape("reshape", newShape);
        return Arrays.equals(s, shape) ? Views.alias(this) : Views.reshape(this, s);
    }

    /** Like {@link #reshape} but fails instead of copying when a view is impossible. */
    public Tensor view(int... newShape) {
        int[] s = inferShape("view", newShape);
        if (Views.viewStrides(shape, strides, s) == null) {
            throw new IllegalArgumentException("view: shape " + Shape.toString(s) + " is not compatible with the strides "
                    + Shape.toString(strides) + " of a tensor of shape " + Shape.toString(shape) + "; use reshape(...)");
        }
        return Views.reshape(this, s);
    }

    /** Dimensions reordered: dimension i of the result is dimension {@code order[i]} of this tensor. */
    public Tensor permute(int... order) {
        if (order.length != shape.length) {
            throw new IllegalArgumentException("permute: " + order.length + " dimensions given for a tensor of rank "
                    + shape.length);
        }
        int[] o = new int[order.length];
        boolean[] seen = new boolean[order.length];
        for (int i = 0; i < order.length; i++) {
            o[i] = Shape.normalizeDim("permute", order[i], shape.length);
            if (seen[o[i]]) {
                throw new IllegalArgumentException("permute: dimension " + order[i] + " repeats in " + Arrays.toString(order));
            }
            seen[o[i]] = true;
        }
        return Views.permute(this, o);
    }

    /** Swaps two dimensions. */
    public Tensor transpose(int dim0, int dim1) {
        int r = shape.length;
        if (r == 0) {
            return Views.alias(this);
        }
        int[] order = new int[r];
        for (int i = 0; i < r; i++) {
            order[i] = i;
        }
        int a = Shape.normalizeDim("transpose", dim0, r);
        int b = Shape.normalizeDim("transpose", dim1, r);
        order[a] = b;
        order[b] = a;
        return Views.permute(this, order);
    }

    /** Transpose of a matrix (rank <= 2). */
    public Tensor t() {
        if (shape.length > 2) {
            throw new IllegalArgumentException("t: expects a tensor of rank <= 2, got shape " + Shape.toString(shape)
                    + "; use transpose(dim0, dim1) or mT()");
        }
        return shape.length < 2 ? Views.alias(this) : transpose(0, 1);
    }

    /** The last two dimensions swapped (batched matrix transpose). */
    public Tensor mT() {
        if (shape.length < 2) {
            throw new IllegalArgumentException("mT: expects a tensor of rank >= 2, got shape " + Shape.toString(shape));
        }
        return transpose(-2, -1);
    }

    /** A broadcast view of {@code newShape}; -1 keeps a size. New dimensions may be added in front. */
    public Tensor expand(int... newShape) {
        int r = shape.length;
        if (newShape.length < r) {
            throw new IllegalArgumentException("expand: target " + Shape.toString(newShape) + " has fewer dimensions than "
                    + Shape.toString(shape));
        }
        int[] s = newShape.clone();
        int shift = s.length - r;
        for (int i = 0; i < s.length; i++) {
            int src = i >= shift ? shape[i - shift] : 1;
            if (s[i] == -1) {
                if (i < shift) {
                    throw new IllegalArgumentException("expand: -1 is not allowed for a new leading dimension in "
                            + Shape.toString(newShape));
                }
                s[i] = src;
            }
            if (src != s[i] && src != 1) {
                throw new IllegalArgumentException("expand: shape " + Shape.toString(shape) + " cannot be expanded to "
                        + Shape.toString(newShape) + " (dimension " + i + ": " + src + " vs " + s[i] + ")");
            }
        }
        return Arrays.equals(s, shape) ? Views.alias(this) : Views.expand(this, s);
    }

    /** Same as {@link #expand}. */
    public Tensor broadcastTo(int... newShape) {
        return expand(newShape);
    }

    /** Sums broadcast dimensions away so the result has {@code target} shape (the adjoint of expand). */
    public Tensor sumToShape(int... target) {
        if (Arrays.equals(target, shape)) {
            return this;
        }
        int lead = shape.length - target.length;
        if (lead < 0) {
            throw new IllegalArgumentException("sumToShape: shape " + Shape.toString(shape) + " cannot be reduced to "
                    + Shape.toString(target));
        }
        List<Integer> dims = new ArrayList<>();
        for (int d = 0; d < shape.length; d++) {
            if (d < lead) {
                dims.add(d);
            } else if (target[d - lead] == 1 && shape[d] != 1) {
                dims.add(d);
            } else if (target[d - lead] != shape[d]) {
                throw new IllegalArgumentException("sumToShape: shape " + Shape.toString(shape) + " cannot be reduced to "
                        + Shape.toString(target));
            }
        }
        Tensor s = sum(dims.stream().mapToInt(Integer::intValue).toArray(), true);
        return s.reshape(target);
    }

    /** Removes every dimension of size 1. */
    public Tensor squeeze() {
        return reshape(Arrays.stream(shape).filter(d -> d != 1).toArray());
    }

    /** Removes dimension {@code dim} if its size is 1 (otherwise returns an alias, as PyTorch does). */
    public Tensor squeeze(int dim) {
        if (shape.length == 0) {
            return Views.alias(this);
        }
        int d = Shape.normalizeDim("squeeze", dim, shape.length);
        if (shape[d] != 1) {
            return Views.alias(this);
        }
        int[] s = new int[shape.length - 1];
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (i != d) {
                s[k++] = shape[i];
            }
        }
        return Views.reshape(this, s);
    }

    /** Inserts a dimension of size 1 at {@code dim} (from -rank-1 to rank). */
    public Tensor unsqueeze(int dim) {
        int r = shape.length;
        if (dim < -r - 1 || dim > r) {
            throw new IndexOutOfBoundsException("unsqueeze: dimension " + dim + " is out of range for a tensor of rank " + r
                    + " (expected " + (-r - 1) + " to " + r + ")");
        }
        int d = dim < 0 ? dim + r + 1 : dim;
        int[] s = new int[r + 1];
        for (int i = 0, k = 0; i <= r; i++) {
            s[i] = i == d ? 1 : shape[k++];
        }
        return Views.reshape(this, s);
    }

    /** A 1-D view (or copy) of all elements. */
    public Tensor flatten() {
        return reshape(numel());
    }

    /** Dimensions {@code start..end} (inclusive) merged into one. */
    public Tensor flatten(int start, int end) {
        if (shape.length == 0) {
            return reshape(1);
        }
        int a = Shape.normalizeDim("flatten", start, shape.length);
        int b = Shape.normalizeDim("flatten", end, shape.length);
        if (a > b) {
            throw new IllegalArgumentException("flatten: start dimension " + start + " is after end dimension " + end);
        }
        int[] s = new int[shape.length - (b - a)];
        int k = 0;
        for (int i = 0; i < a; i++) {
            s[k++] = shape[i];
        }
        int m = 1;
        for (int i = a; i <= b; i++) {
            m *= shape[i];
        }
        s[k++] = m;
        for (int i = b + 1; i < shape.length; i++) {
            s[k++] = shape[i];
        }
        return reshape(s);
    }

    /** Dimension {@code dim} split into {@code sizes} (one may be -1). */
    public Tensor unflatten(int dim, int... sizes) {
        int d = Shape.normalizeDim("unflatten", dim, shape.length);
        int[] s = new int[shape.length - 1 + sizes.length];
        System.arraycopy(shape, 0, s, 0, d);
        System.arraycopy(sizes, 0, s, d, sizes.length);
        System.arraycopy(shape, d + 1, s, d + sizes.length, shape.length - d - 1);
        return reshape(s);
    }

    /**
     * Elements {@code start, start + step, ...} before {@code end} along {@code dim}, as a view. Negative
     * start/end count from the end and out-of-range bounds are clamped, as in Python slicing.
     */
    public Tensor slice(int dim, int start, int end, int step) {
        int d = Shape.normalizeDim("slice", dim, shape.length);
        if (step <= 0) {
            throw new IllegalArgumentException("slice: step must be positive, got " + step);
        }
        int n = shape[d];
        int a = start < 0 ? Math.max(0, start + n) : Math.min(start, n);
        int b = end < 0 ? Math.max(0, end + n) : Math.min(end, n);
        return Views.slice(this, d, a, Math.max(a, b), step);
    }

    /** {@code length} elements from {@code start} along {@code dim}, as a view (bounds checked). */
    public Tensor narrow(int dim, int start, int length) {
        int d = Shape.normalizeDim("narrow", dim, shape.length);
        int n = shape[d];
        int s = start < 0 ? start + n : start;
        if (s < 0 || length < 0 || s + length > n) {
            throw new IndexOutOfBoundsException("narrow: start " + start + " and length " + length + " are out of range for"
                    + " dimension " + dim + " of size " + n);
        }
        return Views.slice(this, d, s, s + length, 1);
    }

    /** The slice at {@code index} along {@code dim}, with that dimension removed (a view). */
    public Tensor select(int dim, int index) {
        int d = Shape.normalizeDim("select", dim, shape.length);
        int n = shape[d];
        int i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for dimension " + d + " of size " + n
                    + " (shape " + Shape.toString(shape) + ")");
        }
        return Views.slice(this, d, i, i + 1, 1).squeeze(d);
    }

    /** {@code x[i]}, {@code x[i][j]}, ...: a view selecting along the leading dimensions (negative indices allowed). */
    public Tensor get(int... indices) {
        if (indices.length > shape.length) {
            throw new IndexOutOfBoundsException("get: " + indices.length + " indices for a tensor of rank " + shape.length
                    + " (shape " + Shape.toString(shape) + ")");
        }
        Tensor t = this;
        for (int index : indices) {
            t = t.select(0, index);
        }
        return indices.length == 0 ? Views.alias(this) : t;
    }

    /** Pieces of size {@code splitSize} along {@code dim} (the last may be smaller). */
    public List<Tensor> split(int splitSize, int dim) {
        if (splitSize <= 0) {
            throw new IllegalArgumentException("split: split size must be positive, got " + splitSize);
        }
        int d = Shape.normalizeDim("split", dim, shape.length);
        List<Tensor> parts = new ArrayList<>();
        for (int s = 0; s < shape[d]; s += splitSize) {
            parts.add(narrow(d, s, Math.min(splitSize, shape[d] - s)));
        }
        return parts;
    }

    /** Pieces of the given sizes along {@code dim}; the sizes must add up to the dimension. */
    public List<Tensor> split(int[] sizes, int dim) {
        int d = Shape.normalizeDim("split", dim, shape.length);
        int total = Arrays.stream(sizes).sum();
        if (total != shape[d]) {
            throw new IllegalArgumentException("split: sizes " + Arrays.toString(sizes) + " add up to " + total
                    + " but dimension " + dim + " has size " + shape[d]);
        }
        List<Tensor> parts = new ArrayList<>();
        int at = 0;
        for (int s : sizes) {
            parts.add(narrow(d, at, s));
            at += s;
        }
        return parts;
    }

    /** {@code chunks} pieces of (nearly) equal size along {@code dim}, as {@code torch.chunk}. */
    public List<Tensor> chunk(int chunks, int dim) {
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk: number of chunks must be positive, got " + chunks);
        }
        int n = shape[Shape.normalizeDim("chunk", dim, shape.length)];
        return split(Math.max(1, (n + chunks - 1) / chunks), dim);
    }

    /** The slices along {@code dim}, each with that dimension removed. */
    public List<Tensor> unbind(int dim) {
        int d = Shape.normalizeDim("unbind", dim, shape.length);
        List<Tensor> parts = new ArrayList<>();
        for (int i = 0; i < shape[d]; i++) {
            parts.add(select(d, i));
        }
        return parts;
    }

    // ------------------------------------------------------------------ elementwise

    /** A 0-d constant of the dtype a Java number takes next to this tensor (see {@link DType}). */
    private Tensor scalarLike(double v) {
        DType t = dtype();
        if (!t.isFloatingPoint()) {
            boolean whole = v == Math.rint(v) && !Double.isInfinite(v);
            t = whole ? (t == DType.BOOL ? DType.INT64 : t) : DType.FLOAT32;
        }
        return Elementwise.full(t, v);
    }

    private static void checkSameDevice(String op, Tensor a, Tensor b) {
        if (b == null) {
            throw new NullPointerException(op + ": the other tensor is null");
        }
    }

    /** {@code this + other} (broadcast). */
    public Tensor add(Tensor other) {
        checkSameDevice("add", this, other);
        return BinaryMath.apply("add", BinaryFn.ADD, this, other);
    }

    /** {@code this + value}. */
    public Tensor add(double value) {
        return BinaryMath.apply("add", BinaryFn.ADD, this, scalarLike(value));
    }

    /** {@code this - other} (broadcast). */
    public Tensor sub(Tensor other) {
        checkSameDevice("sub", this, other);
        return BinaryMath.apply("sub", BinaryFn.SUB, this, other);
    }

    /** {@code this - value}. */
    public Tensor sub(double value) {
        return BinaryMath.apply("sub", BinaryFn.SUB, this, scalarLike(value));
    }

    /** {@code this * other} (broadcast). */
    public Tensor mul(Tensor other) {
        checkSameDevice("mul", this, other);
        return BinaryMath.apply("mul", BinaryFn.MUL, this, other);
    }

    /** {@code this * value}. */
    public Tensor mul(double value) {
        return BinaryMath.apply("mul", BinaryFn.MUL, this, scalarLike(value));
    }

    /** {@code this / other}, true division (broadcast). */
    public Tensor div(Tensor other) {
        checkSameDevice("div", this, other);
        return BinaryMath.apply("div", BinaryFn.DIV, this, other);
    }

    /** {@code this / value}, true division. */
    public Tensor div(double value) {
        return BinaryMath.apply("div", BinaryFn.DIV, this, scalarLike(value));
    }

    /** {@code this ^ exponent} (broadcast). */
    public Tensor pow(Tensor exponent) {
        checkSameDevice("pow", this, exponent);
        return BinaryMath.apply("pow", BinaryFn.POW, this, exponent);
    }

    /** {@code this ^ exponent}. */
    public Tensor pow(double exponent) {
        if (!dtype().isFloatingPoint() && exponent == Math.rint(exponent) && exponent >= 0) {
            return BinaryMath.apply("pow", BinaryFn.POW, this, scalarLike(exponent));
        }
        return UnaryMath.apply(UnaryFn.POW_SCALAR, exponent, 0, this);
    }

    /** {@code base ^ this}. */
    public Tensor rpow(double base) {
        return UnaryMath.apply(UnaryFn.SCALAR_POW, base, 0, this);
    }

    /** Elementwise four-quadrant arctangent of {@code this / other}. */
    public Tensor atan2(Tensor other) {
        return BinaryMath.apply("atan2", BinaryFn.ATAN2, this, other);
    }

    /** Elementwise maximum (NaN propagates; ties share the gradient). */
    public Tensor maximum(Tensor other) {
        return BinaryMath.apply("maximum", BinaryFn.MAXIMUM, this, other);
    }

    /** Elementwise minimum (NaN propagates; ties share the gradient). */
    public Tensor minimum(Tensor other) {
        return BinaryMath.apply("minimum", BinaryFn.MINIMUM, this, other);
    }

    /** Python-style remainder (the sign of the divisor). */
    public Tensor remainder(Tensor other) {
        return BinaryMath.apply("remainder", BinaryFn.REMAINDER, this, other);
    }

    /** Python-style remainder by a number. */
    public Tensor remainder(double value) {
        return BinaryMath.apply("remainder", BinaryFn.REMAINDER, this, scalarLike(value));
    }

    /** Division rounded towards negative infinity. */
    public Tensor floorDivide(Tensor other) {
        return BinaryMath.apply("floorDivide", BinaryFn.FLOOR_DIVIDE, this, other);
    }

    /** {@code -this}. */
    public Tensor neg() {
        return UnaryMath.apply(UnaryFn.NEG, this);
    }

    /** Absolute value. */
    public Tensor abs() {
        return UnaryMath.apply(UnaryFn.ABS, this);
    }

    /** -1, 0 or 1. */
    public Tensor sign() {
        return UnaryMath.apply(UnaryFn.SIGN, this);
    }

    /** e^x. */
    public Tensor exp() {
        return UnaryMath.apply(UnaryFn.EXP, this);
    }

    /** Natural logarithm. */
    public Tensor log() {
        return UnaryMath.apply(UnaryFn.LOG, this);
    }

    /** log(1 + x), accurate for small x. */
    public Tensor log1p() {
        return UnaryMath.apply(UnaryFn.LOG1P, this);
    }

    /** e^x - 1, accurate for small x. */
    public Tensor expm1() {
        return UnaryMath.apply(UnaryFn.EXPM1, this);
    }

    /** Square root. */
    public Tensor sqrt() {
        return UnaryMath.apply(UnaryFn.SQRT, this);
    }

    /** 1 / sqrt(x). */
    public Tensor rsqrt() {
        return UnaryMath.apply(UnaryFn.RSQRT, this);
    }

    /** 1 / x. */
    public Tensor reciprocal() {
        return UnaryMath.apply(UnaryFn.RECIPROCAL, this);
    }

    /** x * x. */
    public Tensor square() {
        return UnaryMath.apply(UnaryFn.SQUARE, this);
    }

    /** Sine. */
    public Tensor sin() {
        return UnaryMath.apply(UnaryFn.SIN, this);
    }

    /** Cosine. */
    public Tensor cos() {
        return UnaryMath.apply(UnaryFn.COS, this);
    }

    /** Tangent. */
    public Tensor tan() {
        return UnaryMath.apply(UnaryFn.TAN, this);
    }

    /** Arcsine. */
    public Tensor asin() {
        return UnaryMath.apply(UnaryFn.ASIN, this);
    }

    /** Arccosine. */
    public Tensor acos() {
        return UnaryMath.apply(UnaryFn.ACOS, this);
    }

    /** Arctangent. */
    public Tensor atan() {
        return UnaryMath.apply(UnaryFn.ATAN, this);
    }

    /** Hyperbolic sine. */
    public Tensor sinh() {
        return UnaryMath.apply(UnaryFn.SINH, this);
    }

    /** Hyperbolic cosine. */
    public Tensor cosh() {
        return UnaryMath.apply(UnaryFn.COSH, this);
    }

    /** Hyperbolic tangent. */
    public Tensor tanh() {
        return UnaryMath.apply(UnaryFn.TANH, this);
    }

    /** Logistic sigmoid 1 / (1 + e^-x). */
    public Tensor sigmoid() {
        return UnaryMath.apply(UnaryFn.SIGMOID, this);
    }

    /** log(sigmoid(x)), computed stably. */
    public Tensor logSigmoid() {
        return UnaryMath.apply(UnaryFn.LOG_SIGMOID, this);
    }

    /** max(x, 0). */
    public Tensor relu() {
        return UnaryMath.apply(UnaryFn.RELU, this);
    }

    /** x for x > 0, else slope * x. */
    public Tensor leakyRelu(double negativeSlope) {
        return UnaryMath.apply(UnaryFn.LEAKY_RELU, negativeSlope, 0, this);
    }

    /** x for x > 0, else alpha * (e^x - 1). */
    public Tensor elu(double alpha) {
        return UnaryMath.apply(UnaryFn.ELU, alpha, 0, this);
    }

    /** x * Phi(x), the exact GELU (PyTorch's default). */
    public Tensor gelu() {
        return UnaryMath.apply(UnaryFn.GELU, this);
    }

    /** GELU with {@code approximate} "none" (exact) or "tanh", as in PyTorch. */
    public Tensor gelu(String approximate) {
        return switch (approximate) {
            case "none" -> gelu();
            case "tanh" -> UnaryMath.apply(UnaryFn.GELU_TANH, this);
            default -> throw new IllegalArgumentException("gelu: approximate must be \"none\" or \"tanh\", got \""
                    + approximate + "\"");
        };
    }

    /** x * sigmoid(x) (swish). */
    public Tensor silu() {
        return UnaryMath.apply(UnaryFn.SILU, this);
    }

    /** log(1 + e^x) (beta 1, threshold 20, as PyTorch). */
    public Tensor softplus() {
        return softplus(1, 20);
    }

    /** log(1 + e^(beta x)) / beta, linear above {@code threshold}. */
    public Tensor softplus(double beta, double threshold) {
        return UnaryMath.apply(UnaryFn.SOFTPLUS, beta, threshold, this);
    }

    /** The error function. */
    public Tensor erf() {
        return UnaryMath.apply(UnaryFn.ERF, this);
    }

    /** Largest integer not greater than x. */
    public Tensor floor() {
        return UnaryMath.apply(UnaryFn.FLOOR, this);
    }

    /** Smallest integer not less than x. */
    public Tensor ceil() {
        return UnaryMath.apply(UnaryFn.CEIL, this);
    }

    /** Nearest integer, halves to even. */
    public Tensor round() {
        return UnaryMath.apply(UnaryFn.ROUND, this);
    }

    /** Integer part (towards zero). */
    public Tensor trunc() {
        return UnaryMath.apply(UnaryFn.TRUNC, this);
    }

    /** Values limited to [min, max]; pass {@code Double.NaN} to leave a side open. Gradient 1 inside, 0 outside. */
    public Tensor clamp(double min, double max) {
        if (min > max) {
            throw new IllegalArgumentException("clamp: min (" + min + ") must not exceed max (" + max + ")");
        }
        return UnaryMath.apply(UnaryFn.CLAMP, min, max, this);
    }

    /** Values limited below by {@code min}. */
    public Tensor clampMin(double min) {
        return UnaryMath.apply(UnaryFn.CLAMP, min, Double.NaN, this);
    }

    /** Values limited above by {@code max}. */
    public Tensor clampMax(double max) {
        return UnaryMath.apply(UnaryFn.CLAMP, Double.NaN, max, this);
    }

    /** {@code value} where {@code mask} is true, else this tensor's values. */
    public Tensor maskedFill(Tensor mask, double value) {
        return where(mask, scalarLike(value).to(dtype()), this);
    }

    /** {@code cond ? a : b} elementwise, broadcast; the result has the promoted dtype of a and b. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        if (cond.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where: the condition must be a bool tensor, got " + cond.dtype());
        }
        return Where.apply(cond, a, b);
    }

    /** {@code cond ? a : b} with a number for b. */
    public static Tensor where(Tensor cond, Tensor a, double b) {
        return where(cond, a, a.scalarLike(b).to(a.dtype()));
    }

    // comparisons and logic

    /** Elementwise {@code ==} (bool). */
    public Tensor eq(Tensor other) {
        return BinaryMath.apply("eq", BinaryFn.EQ, this, other);
    }

    /** Elementwise {@code == value} (bool). */
    public Tensor eq(double value) {
        return BinaryMath.apply("eq", BinaryFn.EQ, this, scalarLike(value));
    }

    /** Elementwise {@code !=} (bool). */
    public Tensor ne(Tensor other) {
        return BinaryMath.apply("ne", BinaryFn.NE, this, other);
    }

    /** Elementwise {@code != value} (bool). */
    public Tensor ne(double value) {
        return BinaryMath.apply("ne", BinaryFn.NE, this, scalarLike(value));
    }

    /** Elementwise {@code <} (bool). */
    public Tensor lt(Tensor other) {
        return BinaryMath.apply("lt", BinaryFn.LT, this, other);
    }

    /** Elementwise {@code < value} (bool). */
    public Tensor lt(double value) {
        return BinaryMath.apply("lt", BinaryFn.LT, this, scalarLike(value));
    }

    /** Elementwise {@code <=} (bool). */
    public Tensor le(Tensor other) {
        return BinaryMath.apply("le", BinaryFn.LE, this, other);
    }

    /** Elementwise {@code <= value} (bool). */
    public Tensor le(double value) {
        return BinaryMath.apply("le", BinaryFn.LE, this, scalarLike(value));
    }

    /** Elementwise {@code >} (bool). */
    public Tensor gt(Tensor other) {
        return BinaryMath.apply("gt", BinaryFn.GT, this, other);
    }

    /** Elementwise {@code > value} (bool). */
    public Tensor gt(double value) {
        return BinaryMath.apply("gt", BinaryFn.GT, this, scalarLike(value));
    }

    /** Elementwise {@code >=} (bool). */
    public Tensor ge(Tensor other) {
        return BinaryMath.apply("ge", BinaryFn.GE, this, other);
    }

    /** Elementwise {@code >= value} (bool). */
    public Tensor ge(double value) {
        return BinaryMath.apply("ge", BinaryFn.GE, this, scalarLike(value));
    }

    /** Elementwise logical and (non-zero is true). */
    public Tensor logicalAnd(Tensor other) {
        return BinaryMath.apply("logicalAnd", BinaryFn.LOGICAL_AND, this, other);
    }

    /** Elementwise logical or. */
    public Tensor logicalOr(Tensor other) {
        return BinaryMath.apply("logicalOr", BinaryFn.LOGICAL_OR, this, other);
    }

    /** Elementwise logical exclusive or. */
    public Tensor logicalXor(Tensor other) {
        return BinaryMath.apply("logicalXor", BinaryFn.LOGICAL_XOR, this, other);
    }

    /** Elementwise logical not. */
    public Tensor logicalNot() {
        return UnaryMath.apply(UnaryFn.LOGICAL_NOT, this);
    }

    /** True where NaN. */
    public Tensor isNan() {
        return UnaryMath.apply(UnaryFn.IS_NAN, this);
    }

    /** True where +-infinity. */
    public Tensor isInf() {
        return UnaryMath.apply(UnaryFn.IS_INF, this);
    }

    /** True where neither NaN nor infinite. */
    public Tensor isFinite() {
        return UnaryMath.apply(UnaryFn.IS_FINITE, this);
    }

    // ------------------------------------------------------------------ reductions

    private boolean[] dimFlags(String op, int[] dims) {
        boolean[] flags = new boolean[shape.length];
        if (dims.length == 0) {
            Arrays.fill(flags, true);
            return flags;
        }
        for (int d : dims) {
            int n = Shape.normalizeDim(op, d, shape.length);
            if (shape.length == 0) {
                continue;
            }
            if (flags[n]) {
                throw new IllegalArgumentException(op + ": dimension " + d + " appears twice in " + Arrays.toString(dims));
            }
            flags[n] = true;
        }
        return flags;
    }

    private int countReduced(boolean[] flags) {
        int n = 1;
        for (int d = 0; d < flags.length; d++) {
            if (flags[d]) {
                n *= shape[d];
            }
        }
        return n;
    }

    /** Sum of all elements (0-d). */
    public Tensor sum() {
        return Reductions.sum(this, dimFlags("sum", new int[0]), false);
    }

    /** Sum over {@code dims} (all if none given). */
    public Tensor sum(int... dims) {
        return Reductions.sum(this, dimFlags("sum", dims), false);
    }

    /** Sum over {@code dims}, keeping them as size 1 if {@code keepdim}. */
    public Tensor sum(int[] dims, boolean keepdim) {
        return Reductions.sum(this, dimFlags("sum", dims), keepdim);
    }

    /** Sum over one dimension. */
    public Tensor sum(int dim, boolean keepdim) {
        return sum(new int[] {dim}, keepdim);
    }

    /** Mean of all elements (0-d). */
    public Tensor mean() {
        return mean(new int[0], false);
    }

    /** Mean over {@code dims} (all if none given). */
    public Tensor mean(int... dims) {
        return mean(dims, false);
    }

    /** Mean over one dimension. */
    public Tensor mean(int dim, boolean keepdim) {
        return mean(new int[] {dim}, keepdim);
    }

    /** Mean over {@code dims}, keeping them as size 1 if {@code keepdim}. */
    public Tensor mean(int[] dims, boolean keepdim) {
        Tensor x = dtype().isFloatingPoint() ? this : to(DType.FLOAT32);
        boolean[] flags = dimFlags("mean", dims);
        return Reductions.sum(x, flags, keepdim).div(countReduced(flags));
    }

    /** Variance over {@code dims} with {@code correction} (1 = unbiased, PyTorch's default). */
    public Tensor var(int[] dims, int correction, boolean keepdim) {
        boolean[] flags = dimFlags("var", dims);
        int n = countReduced(flags);
        Tensor m = mean(dims, true);
        Tensor d = sub(m);
        return Reductions.sum(d.mul(d), flags, keepdim).div(Math.max(0, n - correction));
    }

    /** Unbiased variance of all elements. */
    public Tensor var() {
        return var(new int[0], 1, false);
    }

    /** Standard deviation over {@code dims} with {@code correction}. */
    public Tensor std(int[] dims, int correction, boolean keepdim) {
        return var(dims, correction, keepdim).sqrt();
    }

    /** Unbiased standard deviation of all elements. */
    public Tensor std() {
        return var().sqrt();
    }

    /** Product of all elements. */
    public Tensor prod() {
        return Reductions.prod(this, dimFlags("prod", new int[0]), false);
    }

    /** Product over {@code dims}. */
    public Tensor prod(int[] dims, boolean keepdim) {
        return Reductions.prod(this, dimFlags("prod", dims), keepdim);
    }

    /** Maximum over {@code dims} (all if none); ties share the gradient evenly. */
    public Tensor amax(int... dims) {
        return Reductions.extreme(this, dimFlags("amax", dims), false, true);
    }

    /** Maximum over {@code dims}, keeping them if {@code keepdim}. */
    public Tensor amax(int[] dims, boolean keepdim) {
        return Reductions.extreme(this, dimFlags("amax", dims), keepdim, true);
    }

    /** Minimum over {@code dims} (all if none). */
    public Tensor amin(int... dims) {
        return Reductions.extreme(this, dimFlags("amin", dims), false, false);
    }

    /** Minimum over {@code dims}, keeping them if {@code keepdim}. */
    public Tensor amin(int[] dims, boolean keepdim) {
        return Reductions.extreme(this, dimFlags("amin", dims), keepdim, false);
    }

    /** Maximum of all elements (0-d). */
    public Tensor max() {
        return amax();
    }

    /** Minimum of all elements (0-d). */
    public Tensor min() {
        return amin();
    }

    /** Maximum values and their indices along {@code dim}. */
    public ValuesIndices max(int dim, boolean keepdim) {
        Tensor[] r = Reductions.extremeWithIndex(this, normDim("max", dim), keepdim, true);
        return new ValuesIndices(r[0], r[1]);
    }

    /** Maximum values and their indices along {@code dim}. */
    public ValuesIndices max(int dim) {
        return max(dim, false);
    }

    /** Minimum values and their indices along {@code dim}. */
    public ValuesIndices min(int dim, boolean keepdim) {
        Tensor[] r = Reductions.extremeWithIndex(this, normDim("min", dim), keepdim, false);
        return new ValuesIndices(r[0], r[1]);
    }

    /** Minimum values and their indices along {@code dim}. */
    public ValuesIndices min(int dim) {
        return min(dim, false);
    }

    private int normDim(String op, int dim) {
        return shape.length == 0 ? 0 : Shape.normalizeDim(op, dim, shape.length);
    }

    /** Index of the maximum in the flattened tensor (first of ties). */
    public Tensor argmax() {
        return Reduce.reduce("argmax", ReduceFn.ARGMAX, contiguous().reshape(numel()).detach(), new boolean[] {true}, false);
    }

    /** Indices of the maxima along {@code dim}. */
    public Tensor argmax(int dim, boolean keepdim) {
        boolean[] f = new boolean[shape.length];
        if (shape.length > 0) {
            f[normDim("argmax", dim)] = true;
        }
        return Reduce.reduce("argmax", ReduceFn.ARGMAX, this, f, keepdim);
    }

    /** Index of the minimum in the flattened tensor. */
    public Tensor argmin() {
        return Reduce.reduce("argmin", ReduceFn.ARGMIN, contiguous().reshape(numel()).detach(), new boolean[] {true}, false);
    }

    /** Indices of the minima along {@code dim}. */
    public Tensor argmin(int dim, boolean keepdim) {
        boolean[] f = new boolean[shape.length];
        if (shape.length > 0) {
            f[normDim("argmin", dim)] = true;
        }
        return Reduce.reduce("argmin", ReduceFn.ARGMIN, this, f, keepdim);
    }

    /** True (bool 0-d) if every element is non-zero. */
    public Tensor all() {
        return Reduce.reduce("all", ReduceFn.ALL, this, dimFlags("all", new int[0]), false);
    }

    /** True (bool 0-d) if any element is non-zero. */
    public Tensor any() {
        return Reduce.reduce("any", ReduceFn.ANY, this, dimFlags("any", new int[0]), false);
    }

    /** Whether all elements along {@code dim} are non-zero. */
    public Tensor all(int dim, boolean keepdim) {
        return Reduce.reduce("all", ReduceFn.ALL, this, dimFlags("all", new int[] {dim}), keepdim);
    }

    /** Whether any element along {@code dim} is non-zero. */
    public Tensor any(int dim, boolean keepdim) {
        return Reduce.reduce("any", ReduceFn.ANY, this, dimFlags("any", new int[] {dim}), keepdim);
    }

    /** log(sum(exp(x))) over {@code dims}, computed stably. */
    public Tensor logsumexp(int[] dims, boolean keepdim) {
        Tensor m = amax(dims, true).detach();
        m = where(m.isFinite(), m, zerosLike(m));
        Tensor r = sub(m).exp().sum(dims, true).log().add(m);
        return keepdim ? r : r.squeezeDims(dimFlags("logsumexp", dims));
    }

    /** log(sum(exp(x))) over one dimension. */
    public Tensor logsumexp(int dim, boolean keepdim) {
        return logsumexp(new int[] {dim}, keepdim);
    }

    private Tensor squeezeDims(boolean[] flags) {
        int[] s = new int[shape.length - (int) java.util.stream.IntStream.range(0, flags.length).filter(i -> flags[i]).count()];
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (!flags[i]) {
                s[k++] = shape[i];
            }
        }
        return reshape(s);
    }

    /** Cumulative sum along {@code dim}. */
    public Tensor cumsum(int dim) {
        if (shape.length == 0) {
            return Reductions.cumsum(reshape(1), 0).reshape();
        }
        return Reductions.cumsum(this, Shape.normalizeDim("cumsum", dim, shape.length));
    }

    /** Euclidean norm of all elements. */
    public Tensor norm() {
        return Reductions.norm2(this, dimFlags("norm", new int[0]), false);
    }

    /** The p-norm of all elements (p = 1, 2, any positive number, or infinity). */
    public Tensor norm(double p) {
        return norm(p, new int[0], false);
    }

    /** The p-norm over {@code dims}. */
    public Tensor norm(double p, int[] dims, boolean keepdim) {
        if (p == 2) {
            return Reductions.norm2(this, dimFlags("norm", dims), keepdim);
        }
        if (p == Double.POSITIVE_INFINITY) {
            return abs().amax(dims, keepdim);
        }
        if (p == 1) {
            return abs().sum(dims, keepdim);
        }
        if (!(p > 0)) {
            throw new IllegalArgumentException("norm: p must be positive, got " + p);
        }
        return abs().pow(p).sum(dims, keepdim).pow(1.0 / p);
    }

    /** Softmax along {@code dim}. */
    public Tensor softmax(int dim) {
        return Reductions.softmax(floating(), normDim("softmax", dim), false);
    }

    /** Log-softmax along {@code dim}. */
    public Tensor logSoftmax(int dim) {
        return Reductions.softmax(floating(), normDim("logSoftmax", dim), true);
    }

    private Tensor floating() {
        return dtype().isFloatingPoint() ? this : to(DType.FLOAT32);
    }

    // ------------------------------------------------------------------ indexing

    private static void checkIndex(String op, Tensor index) {
        if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32) {
            throw new IllegalArgumentException(op + ": index must be an int64 or int32 tensor, got " + index.dtype());
        }
    }

    /** {@code out[i][j] = this[i][index[i][j]]} for {@code dim = 1} (and likewise for other dims). */
    public Tensor gather(int dim, Tensor index) {
        checkIndex("gather", index);
        return Indexing.gather(this, Shape.normalizeDim("gather", dim, shape.length), index);
    }

    /** A copy with {@code src} added at {@code index} along {@code dim} (PyTorch's {@code scatter_add}). */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        checkIndex("scatterAdd", index);
        return Indexing.scatterAdd(this, Shape.normalizeDim("scatterAdd", dim, shape.length), index, src);
    }

    /** The slices along {@code dim} at the positions in the 1-D {@code index}. */
    public Tensor indexSelect(int dim, Tensor index) {
        checkIndex("indexSelect", index);
        if (index.dim() > 1) {
            throw new IllegalArgumentException("indexSelect: index must be 1-D, got shape " + Shape.toString(index.shape));
        }
        return Indexing.indexSelect(this, Shape.normalizeDim("indexSelect", dim, shape.length), index);
    }

    /** A copy with slice i of {@code src} added to slice {@code index[i]} along {@code dim} (PyTorch's {@code index_add}). */
    public Tensor indexAdd(int dim, Tensor index, Tensor src) {
        checkIndex("indexAdd", index);
        return Indexing.indexAdd(this, Shape.normalizeDim("indexAdd", dim, shape.length), index, src);
    }

    /** The elements where {@code mask} (broadcast) is true, as a 1-D tensor. */
    public Tensor maskedSelect(Tensor mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("maskedSelect: mask must be bool, got " + mask.dtype());
        }
        int[] s = Shape.broadcast("maskedSelect", shape, mask.shape);
        Tensor positions = Index.nonzeroFlat(mask.expand(s).detach());
        return expand(s).reshape(-1).indexSelect(0, positions);
    }

    /** {@code gather} with broadcasting of index and input (PyTorch's {@code take_along_dim}). */
    public Tensor takeAlongDim(Tensor index, int dim) {
        int d = Shape.normalizeDim("takeAlongDim", dim, shape.length);
        int[] a = shape.clone();
        int[] b = index.shape();
        a[d] = 1;
        b[d] = 1;
        int[] s = Shape.broadcast("takeAlongDim", a, b);
        int[] xs = s.clone();
        xs[d] = shape[d];
        int[] is = s.clone();
        is[d] = index.shape[d];
        return expand(xs).gather(d, index.expand(is));
    }

    /** One-hot encoding of an integer tensor: int64 of shape {@code shape + [numClasses]}. */
    public Tensor oneHot(int numClasses) {
        checkIndex("oneHot", this);
        return Index.oneHot(this, numClasses);
    }

    /** Coordinates of the non-zero elements: int64 of shape (count, rank). */
    public Tensor nonzero() {
        return Index.nonzero(this);
    }

    /** Reversed along {@code dims}. */
    public Tensor flip(int... dims) {
        Tensor r = this;
        for (int d : dims) {
            int n = Shape.normalizeDim("flip", d, shape.length);
            long[] idx = new long[shape[n]];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = idx.length - 1 - i;
            }
            r = r.indexSelect(n, wrap(idx, idx.length));
        }
        return dims.length == 0 ? Views.alias(this) : r;
    }

    /** Elements shifted by {@code shift} along {@code dim}, wrapping around. */
    public Tensor roll(int shift, int dim) {
        int d = Shape.normalizeDim("roll", dim, shape.length);
        int n = shape[d];
        long[] idx = new long[n];
        for (int i = 0; i < n; i++) {
            idx[i] = Math.floorMod(i - shift, n);
        }
        return indexSelect(d, wrap(idx, n));
    }

    /** Sorted values and the indices that sort, along {@code dim} (stable; NaN last in ascending order). */
    public ValuesIndices sort(int dim, boolean descending) {
        Tensor idx = argsort(dim, descending);
        return new ValuesIndices(gather(normDim("sort", dim), idx), idx);
    }

    /** Indices that sort along {@code dim}. */
    public Tensor argsort(int dim, boolean descending) {
        if (shape.length == 0) {
            return zeros(DType.INT64);
        }
        return Index.argsort(this, Shape.normalizeDim("argsort", dim, shape.length), descending);
    }

    /** The {@code k} largest (or smallest) values along {@code dim} and their indices, sorted. */
    public ValuesIndices topk(int k, int dim, boolean largest) {
        int d = normDim("topk", dim);
        if (k < 0 || (shape.length > 0 && k > shape[d])) {
            throw new IllegalArgumentException("topk: k = " + k + " is out of range for dimension " + dim + " of size "
                    + (shape.length > 0 ? shape[d] : 1));
        }
        Tensor idx = argsort(d, largest).narrow(d, 0, k);
        return new ValuesIndices(gather(d, idx), idx);
    }

    /**
     * Pads with a constant: {@code pads} holds (before, after) pairs starting from the last dimension,
     * as in {@code torch.nn.functional.pad}.
     */
    public Tensor pad(int[] pads, double value) {
        return Indexing.padConstant(this, pads, value);
    }

    /** Pads with mode "constant" (zeros), "reflect", "replicate" or "circular". */
    public Tensor pad(int[] pads, String mode) {
        if (mode.equals("constant")) {
            return pad(pads, 0.0);
        }
        if (pads.length % 2 != 0 || pads.length / 2 > shape.length) {
            throw new IllegalArgumentException("pad: expected (before, after) pairs for at most " + shape.length
                    + " dimensions, got " + Arrays.toString(pads));
        }
        Tensor r = this;
        for (int i = 0; i < pads.length / 2; i++) {
            int d = shape.length - 1 - i;
            int before = pads[2 * i];
            int after = pads[2 * i + 1];
            int n = shape[d];
            long[] idx = new long[before + n + after];
            for (int j = 0; j < idx.length; j++) {
                int p = j - before;
                idx[j] = switch (mode) {
                    case "reflect" -> {
                        if (before >= n || after >= n) {
                            throw new IllegalArgumentException("pad: reflect padding " + Arrays.toString(pads)
                                    + " must be smaller than the dimension size " + n);
                        }
                        int period = 2 * (n - 1);
                        int m = period == 0 ? 0 : Math.floorMod(p, period);
                        yield m < n ? m : period - m;
                    }
                    case "replicate" -> Math.min(Math.max(p, 0), n - 1);
                    case "circular" -> Math.floorMod(p, n);
                    default -> throw new IllegalArgumentException("pad: mode must be constant, reflect, replicate or"
                            + " circular, got \"" + mode + "\"");
                };
            }
            r = r.indexSelect(d, wrap(idx, idx.length));
        }
        return r;
    }

    /** Concatenates tensors along {@code dim}. */
    public static Tensor cat(int dim, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("cat: expected at least one tensor");
        }
        int d = Shape.normalizeDim("cat", dim, tensors[0].dim());
        return tensors.length == 1 ? Views.alias(tensors[0]) : Indexing.cat(tensors, d);
    }

    /** Concatenates a list of tensors along {@code dim}. */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return cat(dim, tensors.toArray(new Tensor[0]));
    }

    /** Stacks equally shaped tensors along a new dimension {@code dim}. */
    public static Tensor stack(int dim, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("stack: expected at least one tensor");
        }
        Tensor[] parts = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            if (!Arrays.equals(tensors[i].shape, tensors[0].shape)) {
                throw new IllegalArgumentException("stack: tensor " + i + " has shape " + Shape.toString(tensors[i].shape)
                        + " but tensor 0 has shape " + Shape.toString(tensors[0].shape));
            }
            parts[i] = tensors[i].unsqueeze(dim);
        }
        return cat(dim, parts);
    }

    /** Stacks a list of equally shaped tensors along a new dimension {@code dim}. */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return stack(dim, tensors.toArray(new Tensor[0]));
    }

    // ------------------------------------------------------------------ linear algebra

    /**
     * Matrix product with PyTorch's {@code matmul} rules: 1-D operands are promoted to matrices and the
     * added dimension removed afterwards; batch dimensions broadcast.
     */
    public Tensor matmul(Tensor other) {
        if (dtype() != other.dtype()) {
            throw new IllegalArgumentException("matmul: both operands must have the same dtype, got " + dtype() + " and "
                    + other.dtype() + "; convert one with to(...)");
        }
        if (shape.length == 0 || other.shape.length == 0) {
            throw new IllegalArgumentException("matmul: both operands need at least one dimension, got shapes "
                    + Shape.toString(shape) + " and " + Shape.toString(other.shape));
        }
        Tensor a = shape.length == 1 ? unsqueeze(0) : this;
        Tensor b = other.shape.length == 1 ? other.unsqueeze(-1) : other;
        int k1 = a.shape[a.shape.length - 1];
        int k2 = b.shape[b.shape.length - 2];
        if (k1 != k2) {
            throw new IllegalArgumentException("matmul: shapes " + Shape.toString(shape) + " and " + Shape.toString(other.shape)
                    + " cannot be multiplied (" + k1 + " != " + k2 + ")");
        }
        Tensor r = MatMul.apply(a, b);
        if (shape.length == 1) {
            r = r.squeeze(-2);
        }
        if (other.shape.length == 1) {
            r = r.squeeze(-1);
        }
        return r;
    }

    /** Dot product of two 1-D tensors. */
    public Tensor dot(Tensor other) {
        if (shape.length != 1 || other.shape.length != 1 || shape[0] != other.shape[0]) {
            throw new IllegalArgumentException("dot: expects two 1-D tensors of equal length, got shapes "
                    + Shape.toString(shape) + " and " + Shape.toString(other.shape));
        }
        return mul(other).sum();
    }

    /** Outer product of two 1-D tensors. */
    public Tensor outer(Tensor other) {
        if (shape.length != 1 || other.shape.length != 1) {
            throw new IllegalArgumentException("outer: expects two 1-D tensors, got shapes " + Shape.toString(shape)
                    + " and " + Shape.toString(other.shape));
        }
        return unsqueeze(1).mul(other.unsqueeze(0));
    }

    /** The main diagonal of the last two dimensions: shape (..., min(n, m)). */
    public Tensor diagonal() {
        int r = shape.length;
        if (r < 2) {
            throw new IllegalArgumentException("diagonal: expects rank >= 2, got shape " + Shape.toString(shape));
        }
        int n = Math.min(shape[r - 2], shape[r - 1]);
        Tensor sq = narrow(-2, 0, n).narrow(-1, 0, n);
        return sq.mul(eye(dtype(), n, n)).sum(-1);
    }

    /** Vectors (..., n) placed on the diagonal of (..., n, n) matrices. */
    public Tensor diagEmbed() {
        int n = shape[shape.length - 1];
        return unsqueeze(-1).mul(eye(dtype(), n, n));
    }

    /** Lower triangle of the last two dimensions (elements with column - row <= k), zeros elsewhere. */
    public Tensor tril(int k) {
        return triangle(k, true);
    }

    /** Upper triangle of the last two dimensions (elements with column - row >= k), zeros elsewhere. */
    public Tensor triu(int k) {
        return triangle(k, false);
    }

    private Tensor triangle(int k, boolean lower) {
        int r = shape.length;
        if (r < 2) {
            throw new IllegalArgumentException((lower ? "tril" : "triu") + ": expects rank >= 2, got shape "
                    + Shape.toString(shape));
        }
        int n = shape[r - 2];
        int m = shape[r - 1];
        boolean[] mask = new boolean[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                mask[i * m + j] = lower ? j - i <= k : j - i >= k;
            }
        }
        return where(of(mask, n, m), this, zerosLike(this).detach());
    }

    /** Einstein summation, e.g. {@code einsum("ij,jk->ik", a, b)}; see {@link Einsum}. */
    public static Tensor einsum(String equation, Tensor... operands) {
        return Einsum.apply(equation, operands);
    }
}
