package dev.hadron.tensor;

import java.util.Locale;

/**
 * PyTorch-style printing: {@code tensor([[1.0000, 2.5000], [3.0000, 4.0000]], dtype=float64,
 * requires_grad=True)}. Floats use 4 decimals, or scientific notation when magnitudes span a wide
 * range; whole-valued floats print as {@code 1.}; large tensors are summarized with {@code ...},
 * keeping 3 items at each edge.
 */
final class TensorFormat {
    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        Tensor v = t.detach();
        boolean summarize = v.numel() > THRESHOLD;
        double[] values = v.toDoubleArray();
        DType dtype = v.dtype();
        Style style = Style.of(values, dtype);
        StringBuilder sb = new StringBuilder("tensor(");
        int[] shape = v.shape();
        if (v.numel() == 0 && shape.length > 0) {
            sb.append("[]");
        } else {
            appendBlock(sb, values, shape, Shape.contiguousStrides(shape), 0, 0, style, summarize, "tensor(".length());
        }
        if (v.numel() == 0 && shape.length != 1) {
            sb.append(", size=").append(Shape.toString(shape).replace('[', '(').replace(']', ')'));
        }
        if (dtype != DType.FLOAT32 && dtype != DType.INT64 && dtype != DType.BOOL) {
            sb.append(", dtype=").append(dtype);
        }
        if (t.gradFnName() != null) {
            sb.append(", grad_fn=<").append(t.gradFnName()).append('>');
        } else if (t.requiresGrad()) {
            sb.append(", requires_grad=True");
        }
        return sb.append(')').toString();
    }

    private static void appendBlock(StringBuilder sb, double[] values, int[] shape, int[] strides, int dim, int base,
                                    Style style, boolean summarize, int indent) {
        if (dim == shape.length) {
            sb.append(style.format(values[base]));
            return;
        }
        sb.append('[');
        int n = shape[dim];
        boolean cut = summarize && n > 2 * EDGE;
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE) {
                sb.append(dim == shape.length - 1 ? "..., " : "...,\n" + " ".repeat(indent + dim + 1));
                i = n - EDGE;
            }
            appendBlock(sb, values, shape, strides, dim + 1, base + i * strides[dim], style, summarize, indent);
            if (i < n - 1) {
                if (dim == shape.length - 1) {
                    sb.append(", ");
                } else {
                    sb.append(",").append("\n".repeat(shape.length - 1 - dim)).append(" ".repeat(indent + dim + 1));
                }
            }
        }
        sb.append(']');
    }

    private record Style(DType dtype, boolean integral, boolean scientific, int width) {
        static Style of(double[] values, DType dtype) {
            if (dtype == DType.BOOL) {
                return new Style(dtype, true, false, 5);
            }
            if (!dtype.isFloatingPoint()) {
                int w = 1;
                for (double v : values) {
                    w = Math.max(w, Long.toString((long) v).length());
                }
                return new Style(dtype, true, false, w);
            }
            boolean integral = true;
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (v != Math.rint(v)) {
                    integral = false;
                }
                double a = Math.abs(v);
                maxAbs = Math.max(maxAbs, a);
                if (a > 0) {
                    minAbs = Math.min(minAbs, a);
                }
            }
            boolean sci = maxAbs > 1e8 || (minAbs != Double.POSITIVE_INFINITY
                    && (integral ? false : (maxAbs / minAbs > 1000 || minAbs < 1e-4)));
            Style s = new Style(dtype, integral && !sci, sci, 0);
            int w = 1;
            for (double v : values) {
                w = Math.max(w, s.raw(v).length());
            }
            return new Style(dtype, s.integral, sci, w);
        }

        String raw(double v) {
            if (dtype == DType.BOOL) {
                return v != 0 ? "True" : "False";
            }
            if (!dtype.isFloatingPoint()) {
                return Long.toString((long) v);
            }
            if (Double.isNaN(v)) {
                return "nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            if (scientific) {
                return String.format(Locale.ROOT, "%.4e", v);
            }
            if (integral) {
                return String.format(Locale.ROOT, "%.0f.", v);
            }
            return String.format(Locale.ROOT, "%.4f", v);
        }

        String format(double v) {
            String r = raw(v);
            return " ".repeat(Math.max(0, width - r.length())) + r;
        }
    }
}
