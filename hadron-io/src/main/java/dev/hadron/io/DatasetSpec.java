package dev.hadron.io;

import dev.hadron.data.Dataset;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which columns of a {@link Table} become the features, the label and the weight of a training
 * {@link Dataset}, and how missing values are treated. Immutable; {@code withX} returns a copy.
 *
 * <ul>
 *   <li><b>features</b>: column names or globs ({@code "PRI_*"}), in order. Dense columns (rows, ...)
 *       are flattened into feature columns (a column {@code p} of shape (n, 3) gives {@code p[0]},
 *       {@code p[1]}, {@code p[2]}) and stacked into an (n, f) tensor of {@link #dtype()}. Jagged
 *       columns sharing the same event structure (e.g. {@code Muon_pt}, {@code Muon_eta}) give jagged
 *       features whose values are (entries, f).</li>
 *   <li><b>label</b> (optional): a boolean or integer column gives int64 class indices; a floating
 *       column is kept as a regression target; a text column is mapped to class indices through
 *       {@link #classes()} (by default its sorted distinct values, so the ATLAS {@code b}/{@code s}
 *       become 0/1).</li>
 *   <li><b>weight</b> (optional): a numeric column of per-event weights, float64, negative allowed.</li>
 *   <li><b>missing</b>: {@link MissingValues}.</li>
 * </ul>
 *
 * <pre>{@code
 * Table sig = CsvReader.read(Path.of("train_sml_sig.csv"));
 * Table bkg = CsvReader.read(Path.of("train_sml_bg.csv"));
 * Dataset d = DatasetSpec.of("DER_*", "PRI_*").withWeight("Weight")
 *         .withMissing(MissingValues.FILL).withFillValue(0)
 *         .build(sig, bkg);                      // label 1 for signal, 0 for background
 * }</pre>
 *
 * @param features  feature column names or globs (at least one)
 * @param label     label column, or null for none
 * @param weight    weight column, or null for unit weights
 * @param missing   missing-value policy
 * @param fillValue the value replacing NaN under {@link MissingValues#FILL}
 * @param dtype     feature dtype (a floating type; default float32)
 * @param classes   class names for a text label column, index = class; null for the sorted distinct values
 */
public record DatasetSpec(List<String> features, String label, String weight, MissingValues missing, double fillValue,
                          DType dtype, List<String> classes) {

    /** Validates the fields. */
    public DatasetSpec {
        Objects.requireNonNull(features, "features");
        features = List.copyOf(features);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("DatasetSpec: at least one feature column is needed");
        }
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(dtype, "dtype");
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("DatasetSpec: feature dtype must be float32 or float64, got " + dtype);
        }
        if (!Double.isFinite(fillValue)) {
            throw new IllegalArgumentException("DatasetSpec: fill value must be finite, got " + fillValue);
        }
        if (classes != null) {
            classes = List.copyOf(classes);
            if (new LinkedHashSet<>(classes).size() != classes.size()) {
                throw new IllegalArgumentException("DatasetSpec: class names must be distinct, got " + classes);
            }
        }
    }

    /** Features only: no label, no weight, NaN kept, float32. */
    public static DatasetSpec of(List<String> features) {
        return new DatasetSpec(features, null, null, MissingValues.KEEP, 0, DType.FLOAT32, null);
    }

    /** Features only: no label, no weight, NaN kept, float32. */
    public static DatasetSpec of(String... features) {
        return of(List.of(features));
    }

    /** A copy with another label column (null for none). */
    public DatasetSpec withLabel(String newLabel) {
        return new DatasetSpec(features, newLabel, weight, missing, fillValue, dtype, classes);
    }

    /** A copy with another weight column (null for unit weights). */
    public DatasetSpec withWeight(String newWeight) {
        return new DatasetSpec(features, label, newWeight, missing, fillValue, dtype, classes);
    }

    /** A copy with another missing-value policy. */
    public DatasetSpec withMissing(MissingValues newMissing) {
        return new DatasetSpec(features, label, weight, newMissing, fillValue, dtype, classes);
    }

    /** A copy with another fill value (used under {@link MissingValues#FILL}). */
    public DatasetSpec withFillValue(double newFill) {
        return new DatasetSpec(features, label, weight, missing, newFill, dtype, classes);
    }

    /** A copy with another feature dtype. */
    public DatasetSpec withDtype(DType newDtype) {
        return new DatasetSpec(features, label, weight, missing, fillValue, newDtype, classes);
    }

    /** A copy with explicit class names for a text label column (index = class). */
    public DatasetSpec withClasses(List<String> newClasses) {
        return new DatasetSpec(features, label, weight, missing, fillValue, dtype, newClasses);
    }

    /** The dataset of one table, labels taken from {@link #label()} if set. */
    public Dataset build(Table table) {
        Parts p = parts(table, label != null);
        return p.finish(p.labels);
    }

    /**
     * A labelled dataset from a signal and a background table: label 1 (int64) for the signal rows,
     * then 0 for the background rows. {@link #label()} must be unset.
     */
    public Dataset build(Table signal, Table background) {
        if (label != null) {
            throw new IllegalArgumentException("DatasetSpec: label column '" + label + "' is set, but building from"
                    + " signal and background tables makes the labels; use withLabel(null)");
        }
        Parts s = parts(signal, false);
        Parts b = parts(background, false);
        if (!s.names.equals(b.names)) {
            throw new IllegalArgumentException("DatasetSpec: signal features " + s.names + " differ from background features "
                    + b.names);
        }
        int ns = s.size();
        int nb = b.size();
        long[] y = new long[ns + nb];
        Arrays.fill(y, 0, ns, 1L);
        Tensor labels = Tensor.of(y, y.length);
        Tensor w = s.weights == null ? null : Tensor.cat(List.of(s.weights, b.weights), 0);
        Parts all;
        if (s.dense != null) {
            all = new Parts(s.names, Tensor.cat(List.of(s.dense, b.dense), 0), null, null, w);
        } else {
            Jagged js = s.jagged;
            Jagged jb = b.jagged;
            long[] counts = concatLongs(js.counts().toLongArray(), jb.counts().toLongArray());
            all = new Parts(s.names, null, Jagged.fromCounts(Tensor.cat(List.of(js.values(), jb.values()), 0), counts),
                    null, w);
        }
        return all.finish(labels);
    }

    private static long[] concatLongs(long[] a, long[] b) {
        long[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Features (dense or jagged), labels and weights of one table, after the missing-value policy. */
    private record Parts(List<String> names, Tensor dense, Jagged jagged, Tensor labels, Tensor weights) {
        int size() {
            return dense != null ? dense.size(0) : jagged.numEvents();
        }

        Dataset finish(Tensor y) {
            if (dense != null) {
                return Dataset.of(dense, y, weights).withFeatureNames(names);
            }
            return Dataset.ofJagged(jagged, y, weights);
        }
    }

    private List<String> resolveFeatures(Table t) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String f : features) {
            if (f.indexOf('*') >= 0 || f.indexOf('?') >= 0) {
                List<String> m = t.columnsMatching(f);
                if (m.isEmpty()) {
                    throw new IllegalArgumentException("DatasetSpec: feature pattern '" + f + "' matches no column; available: "
                            + Table.preview(t.columnNames()));
                }
                names.addAll(m);
            } else {
                t.column(f);
                names.add(f);
            }
        }
        names.remove(label);
        names.remove(weight);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("DatasetSpec: no feature columns remain after removing the label and weight");
        }
        return new ArrayList<>(names);
    }

    private Parts parts(Table t, boolean withLabel) {
        List<String> cols = resolveFeatures(t);
        int n = t.numRows();
        List<String> names = new ArrayList<>();
        Tensor dense = null;
        Jagged jagged = null;
        Column firstCol = t.column(cols.get(0));
        if (firstCol instanceof Column.JaggedColumn fj) {
            long[] off = fj.values().offsetsArray();
            List<Tensor> vals = new ArrayList<>();
            for (String c : cols) {
                if (!(t.column(c) instanceof Column.JaggedColumn jc)) {
                    throw new IllegalArgumentException("DatasetSpec: feature '" + c + "' is " + t.column(c).typeName()
                            + " but '" + cols.get(0) + "' is jagged; jagged and dense features cannot be mixed"
                            + " (reduce the jagged ones per event first, or broadcast the dense ones)");
                }
                if (!Arrays.equals(jc.values().offsetsArray(), off)) {
                    throw new IllegalArgumentException("DatasetSpec: jagged features '" + cols.get(0) + "' and '" + c
                            + "' have different numbers of entries per event");
                }
                vals.add(asMatrix(c, jc.values().values(), names));
            }
            jagged = Jagged.of(Tensor.cat(vals, 1), off);
        } else {
            List<Tensor> mats = new ArrayList<>();
            for (String c : cols) {
                if (!(t.column(c) instanceof Column.TensorColumn tc)) {
                    throw new IllegalArgumentException("DatasetSpec: feature '" + c + "' is " + t.column(c).typeName()
                            + "; features must be numeric and all dense or all jagged");
                }
                mats.add(asMatrix(c, tc.values(), names));
            }
            dense = Tensor.cat(mats, 1);
        }
        Tensor y = withLabel ? labelTensor(t) : null;
        Tensor w = weight == null ? null : weightTensor(t);
        Parts p = new Parts(names, dense, jagged, y, w);
        return applyMissing(p, n);
    }

    private Tensor asMatrix(String name, Tensor v, List<String> names) {
        if (v.dtype() != DType.BOOL && !v.dtype().isFloatingPoint() && !v.dtype().isInteger()) {
            throw new IllegalArgumentException("DatasetSpec: feature '" + name + "' has unsupported dtype " + v.dtype());
        }
        int rows = v.size(0);
        int inner = 1;
        for (int i = 1; i < v.dim(); i++) {
            inner *= v.size(i);
        }
        if (v.dim() == 1) {
            names.add(name);
        } else {
            for (int i = 0; i < inner; i++) {
                names.add(name + "[" + i + "]");
            }
        }
        return v.to(dtype).reshape(rows, inner);
    }

    private Tensor labelTensor(Table t) {
        Column c = t.column(label);
        return switch (c) {
            case Column.StringColumn s -> classIndices(s.values());
            case Column.TensorColumn tc -> {
                Tensor v = tc.values();
                if (v.dim() != 1) {
                    throw new IllegalArgumentException("DatasetSpec: label column '" + label + "' must be one value per row,"
                            + " got " + tc.typeName());
                }
                yield v.dtype().isFloatingPoint() ? v : v.to(DType.INT64);
            }
            case Column.JaggedColumn j -> throw new IllegalArgumentException("DatasetSpec: label column '" + label
                    + "' is jagged; a label needs one value per row");
        };
    }

    private Tensor classIndices(List<String> values) {
        List<String> names = classes != null ? classes : new ArrayList<>(new TreeSet<>(values));
        Map<String, Long> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), (long) i);
        }
        long[] y = new long[values.size()];
        for (int i = 0; i < y.length; i++) {
            Long k = index.get(values.get(i));
            if (k == null) {
                throw new IllegalArgumentException("DatasetSpec: label '" + values.get(i) + "' in row " + i + " of column '"
                        + label + "' is not one of the classes " + names);
            }
            y[i] = k;
        }
        return Tensor.of(y, y.length);
    }

    private Tensor weightTensor(Table t) {
        if (!(t.column(weight) instanceof Column.TensorColumn tc) || tc.values().dim() != 1
                || tc.values().dtype() == DType.BOOL) {
            throw new IllegalArgumentException("DatasetSpec: weight column '" + weight + "' must be numeric with one value"
                    + " per row, got " + t.column(weight).typeName());
        }
        return tc.values().to(DType.FLOAT64);
    }

    private Parts applyMissing(Parts p, int n) {
        Tensor values = p.dense != null ? p.dense : p.jagged.values();
        switch (missing) {
            case KEEP -> {
                return p;
            }
            case FILL -> {
                Tensor filled = values.maskedFill(values.isNan(), fillValue);
                return p.dense != null ? new Parts(p.names, filled, null, p.labels, p.weights)
                        : new Parts(p.names, null, p.jagged.withValues(filled), p.labels, p.weights);
            }
            case DROP -> {
                boolean[] bad = new boolean[n];
                boolean[] nanEntry = values.isNan().any(1, false).toBooleanArray();
                if (p.dense != null) {
                    bad = nanEntry;
                } else {
                    long[] off = p.jagged.offsetsArray();
                    for (int e = 0; e < n; e++) {
                        for (long k = off[e]; k < off[e + 1] && !bad[e]; k++) {
                            bad[e] = nanEntry[(int) k];
                        }
                    }
                }
                markNan(bad, p.labels);
                markNan(bad, p.weights);
                long[] keep = indices(bad);
                Tensor idx = Tensor.of(keep, keep.length);
                Tensor d = p.dense == null ? null : p.dense.indexSelect(0, idx);
                Jagged j = p.jagged == null ? null : ((Column.JaggedColumn) Column.of(p.jagged).take(keep)).values();
                return new Parts(p.names, d, j, p.labels == null ? null : p.labels.indexSelect(0, idx),
                        p.weights == null ? null : p.weights.indexSelect(0, idx));
            }
        }
        throw new AssertionError(missing);
    }

    private static void markNan(boolean[] bad, Tensor t) {
        if (t != null && t.dtype().isFloatingPoint()) {
            boolean[] nan = t.isNan().toBooleanArray();
            for (int i = 0; i < bad.length; i++) {
                bad[i] |= nan[i];
            }
        }
    }

    private static long[] indices(boolean[] bad) {
        int n = 0;
        for (boolean b : bad) {
            n += b ? 0 : 1;
        }
        long[] keep = new long[n];
        int k = 0;
        for (int i = 0; i < bad.length; i++) {
            if (!bad[i]) {
                keep[k++] = i;
            }
        }
        return keep;
    }
}
