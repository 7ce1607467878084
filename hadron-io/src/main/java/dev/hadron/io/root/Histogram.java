package dev.hadron.io.root;

import dev.hadron.io.root.internal.RObject;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A TH1, TH2 or TH3 histogram: bin contents, sums of squared weights and bin edges, as uproot's
 * {@code values()}, {@code variances()}, {@code errors()} and {@code axis().edges()} give them.
 *
 * <p>Arrays "with flow" include the underflow and overflow bins of every axis (ROOT's layout); the
 * plain accessors drop them. For a TH2 the contents have shape (nx, ny), indexed {@code [x][y]}.
 *
 * @param name          the histogram's name
 * @param title         its title
 * @param className     TH1F, TH1D, TH2F, ...
 * @param valuesFlow    contents including flow bins, float64, shape (nx+2) / (nx+2, ny+2) / (nx+2, ny+2, nz+2)
 * @param sumw2Flow     sums of squared weights in the same shape, or null when the histogram stores none
 *                      (unweighted filling: the variance is then the content itself)
 * @param edges         one float64 tensor of nbins + 1 edges per axis
 * @param entries       ROOT's entry count (fEntries)
 */
public record Histogram(String name, String title, String className, Tensor valuesFlow, Tensor sumw2Flow,
                        List<Tensor> edges, double entries) {

    /** Validates that the shapes agree with the edges. */
    public Histogram {
        if (edges.isEmpty() || edges.size() > 3 || valuesFlow.dim() != edges.size()) {
            throw new IllegalArgumentException("Histogram: " + edges.size() + " axes but contents of dimension "
                    + valuesFlow.dim());
        }
        for (int a = 0; a < edges.size(); a++) {
            if (valuesFlow.size(a) != edges.get(a).size(0) + 1) {
                throw new IllegalArgumentException("Histogram: axis " + a + " has " + (edges.get(a).size(0) - 1)
                        + " bins but contents of length " + valuesFlow.size(a) + " (bins + 2 expected)");
            }
        }
        edges = List.copyOf(edges);
    }

    /** Number of axes (1, 2 or 3). */
    public int dimension() {
        return edges.size();
    }

    /** Bin edges of axis {@code axis} (0 = x). */
    public Tensor edges(int axis) {
        return edges.get(axis);
    }

    /** Bin contents without the flow bins. */
    public Tensor values() {
        return dropFlow(valuesFlow);
    }

    /** Variances (sums of squared weights, or the contents when none were stored), without flow. */
    public Tensor variances() {
        return dropFlow(sumw2Flow != null ? sumw2Flow : valuesFlow.abs());
    }

    /** Bin errors: the square roots of {@link #variances()}. */
    public Tensor errors() {
        return variances().sqrt();
    }

    private Tensor dropFlow(Tensor t) {
        Tensor out = t;
        for (int a = 0; a < t.dim(); a++) {
            out = out.narrow(a, 1, t.size(a) - 2);
        }
        return out.contiguous();
    }

    /** Builds a histogram from a deserialized TH1/TH2/TH3 object. */
    static Histogram from(RObject o, String where) {
        String cls = o.className();
        int dim = cls.startsWith("TH3") ? 3 : cls.startsWith("TH2") ? 2 : 1;
        List<Tensor> edges = new ArrayList<>();
        int[] n = new int[dim];
        String[] axes = {"fXaxis", "fYaxis", "fZaxis"};
        for (int a = 0; a < dim; a++) {
            RObject ax = o.object(axes[a]);
            if (ax == null) {
                throw new RootFormatException(where + ": axis " + axes[a] + " is missing");
            }
            int nb = ax.intValue("fNbins", -1);
            if (nb <= 0 || nb > 100_000_000) {
                throw new RootFormatException(where + ": axis " + axes[a] + " has " + nb + " bins");
            }
            n[a] = nb;
            double[] e;
            if (ax.get("fXbins") instanceof double[] xb && xb.length == nb + 1) {
                e = xb.clone();
            } else {
                double lo = ax.doubleValue("fXmin", 0);
                double hi = ax.doubleValue("fXmax", 1);
                e = new double[nb + 1];
                for (int i = 0; i <= nb; i++) {
                    e[i] = lo + (hi - lo) * i / nb;
                }
            }
            edges.add(Tensor.of(e, nb + 1));
        }
        long cells = 1;
        for (int a = 0; a < dim; a++) {
            cells *= n[a] + 2L;
        }
        double[] contents = toDoubles(o.get("fArray"));
        if (contents == null || contents.length != cells) {
            throw new RootFormatException(where + ": " + (contents == null ? "no" : contents.length)
                    + " bin contents, expected " + cells + " (bins + flow bins)");
        }
        double[] sumw2 = toDoubles(o.get("fSumw2"));
        if (sumw2 != null && sumw2.length == 0) {
            sumw2 = null;
        }
        if (sumw2 != null && sumw2.length != cells) {
            throw new RootFormatException(where + ": " + sumw2.length + " sums of squared weights, expected " + cells);
        }
        int[] shape = new int[dim];
        for (int a = 0; a < dim; a++) {
            shape[a] = n[a] + 2;
        }
        return new Histogram(o.string("fName"), o.string("fTitle"), cls, transpose(contents, shape),
                sumw2 == null ? null : transpose(sumw2, shape), edges, o.doubleValue("fEntries", 0));
    }

    /** ROOT stores bin (x, y, z) at x + nx*(y + ny*z); the tensor is indexed [x][y][z]. */
    private static Tensor transpose(double[] root, int[] shape) {
        double[] out = new double[root.length];
        if (shape.length == 1) {
            return Tensor.of(root, shape);
        }
        int nx = shape[0];
        int ny = shape[1];
        int nz = shape.length == 3 ? shape[2] : 1;
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                for (int z = 0; z < nz; z++) {
                    out[(x * ny + y) * nz + z] = root[x + nx * (y + ny * z)];
                }
            }
        }
        return Tensor.of(out, shape);
    }

    private static double[] toDoubles(Object a) {
        return switch (a) {
            case double[] d -> d;
            case float[] f -> {
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = f[i];
                }
                yield d;
            }
            case int[] i -> {
                double[] d = new double[i.length];
                for (int k = 0; k < i.length; k++) {
                    d[k] = i[k];
                }
                yield d;
            }
            case long[] l -> {
                double[] d = new double[l.length];
                for (int k = 0; k < l.length; k++) {
                    d[k] = l[k];
                }
                yield d;
            }
            case null, default -> null;
        };
    }
}
