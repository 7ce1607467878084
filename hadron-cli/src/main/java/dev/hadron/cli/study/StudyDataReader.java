package dev.hadron.cli.study;

import dev.hadron.cli.CliException;
import dev.hadron.cli.Console;
import dev.hadron.cli.config.DataConfig;
import dev.hadron.cli.config.FileSource;
import dev.hadron.cli.config.StudyConfig;
import dev.hadron.data.Dataset;
import dev.hadron.eval.report.Provenance;
import dev.hadron.io.Column;
import dev.hadron.io.DatasetSpec;
import dev.hadron.io.MissingValues;
import dev.hadron.io.Table;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a study's {@link StudyData} from its {@code data:} section: reads the files (or runs the
 * generator, {@link GeneratedData}), resolves feature names and globs, turns the missing-value markers
 * into NaN and applies the policy, and makes labels, targets and weights. Every problem with the data
 * is reported against the config key that asked for it.
 */
public final class StudyDataReader {
    private StudyDataReader() {
    }

    /** Reads the data of {@code cfg}. */
    public static StudyData read(StudyConfig cfg, Console console) {
        DataConfig d = cfg.data();
        if (d.generator() != null) {
            return GeneratedData.generate(d.generator(), cfg.seed(), cfg.classification(), console);
        }
        String file = cfg.file().getFileName().toString();
        List<Piece> pieces = new ArrayList<>();
        Map<String, String> checksums = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        Columns cols = null;
        if (!d.signal().isEmpty()) {
            for (FileSource s : d.signal()) {
                Piece p = readPiece(cfg, s, 1, "data.signal");
                cols = sameColumns(cols, p.columns, s, file);
                pieces.add(p);
            }
            for (FileSource s : d.background()) {
                Piece p = readPiece(cfg, s, 0, "data.background");
                cols = sameColumns(cols, p.columns, s, file);
                pieces.add(p);
            }
        } else {
            for (FileSource s : d.files()) {
                Piece p = readPiece(cfg, s, -1, "data.files");
                cols = sameColumns(cols, p.columns, s, file);
                pieces.add(p);
            }
        }
        for (Piece p : pieces) {
            checksums.put(p.source.path().getFileName().toString(), Provenance.sha256(p.source.path()));
            sources.add(p.source + (p.fixedClass == 1 ? " (signal)" : p.fixedClass == 0 ? " (background)" : "") + ": "
                    + p.rows + " events");
        }
        Assembled a = assemble(cfg, pieces, file);
        return finish(cfg, a, cols, sources, checksums, file, console);
    }

    /** The resolved column lists (the same in every file). */
    record Columns(List<String> features, List<String> featureNames, List<String> particles, List<String> particleNames) {
    }

    private record Piece(FileSource source, int fixedClass, int rows, Columns columns, Tensor x, Jagged particles, List<String> rawLabels,
                         Tensor target, Tensor weights) {
    }

    private static Columns sameColumns(Columns have, Columns next, FileSource s, String file) {
        if (have != null && !have.equals(next)) {
            throw CliException.config(file + ": data: " + s + " gives the feature columns " + next.features() + next.particles()
                    + " but the first file gives " + have.features() + have.particles() + "; every file must hold the same columns");
        }
        return next;
    }

    private static Piece readPiece(StudyConfig cfg, FileSource s, int fixedClass, String key) {
        DataConfig d = cfg.data();
        String file = cfg.file().getFileName().toString();
        List<SourceTable.Request> req = new ArrayList<>();
        req.add(new SourceTable.Request("data.features", d.features()));
        req.add(new SourceTable.Request("data.particles", d.particles()));
        List<String> extra = new ArrayList<>();
        String[][] named = {{"data.label", d.label()}, {"data.weight", d.weight()}, {"data.target", d.target()}};
        for (String[] kv : named) {
            if (kv[1] != null) {
                req.add(new SourceTable.Request(kv[0], List.of(kv[1])));
                extra.add(kv[1]);
            }
        }
        Selection selection = d.selection() == null ? null : Selection.parse(d.selection(), file + ": data.selection");
        if (selection != null) {
            req.add(new SourceTable.Request("data.selection", selection.columns()));
        }
        SourceTable.Result r = SourceTable.read(s, req, d.maxEvents(), file);
        Table t = r.table();
        if (selection != null) {
            t = select(t, selection, s, key, file);
        }
        List<String> features = new ArrayList<>(r.resolved().get(0));
        if (!d.exclude().isEmpty()) {
            List<String> drop = new ArrayList<>();
            for (String e : d.exclude()) {
                drop.addAll(Table.isPattern(e) ? Table.matching(e, features) : List.of(e));
            }
            features.removeAll(drop);
        }
        features.removeAll(extra);
        if (!d.features().isEmpty() && features.isEmpty()) {
            throw CliException.config(file + ": data.features: the selection " + d.features() + (d.exclude().isEmpty() ? ""
                    : " minus data.exclude " + d.exclude()) + " leaves no columns of " + s + " (label, weight and target columns are"
                    + " never features); columns: " + SourceTable.preview(r.available()));
        }
        int rows = t.numRows();
        if (rows == 0) {
            throw CliException.input(file + ": " + key + ": " + s + " holds no events", null);
        }
        Tensor x = null;
        List<String> featureNames = List.of();
        if (!features.isEmpty()) {
            for (String f : features) {
                checkNumeric(t, f, "data.features", s, file, false);
            }
            Dataset ds = DatasetSpec.of(features).build(t.select(features));
            x = ds.features().to(DType.FLOAT32);
            featureNames = ds.featureNames();
        }
        Jagged particles = null;
        List<String> particleCols = r.resolved().get(1);
        List<String> particleNames = List.of();
        if (!particleCols.isEmpty()) {
            for (String f : particleCols) {
                checkNumeric(t, f, "data.particles", s, file, true);
            }
            Dataset ds = DatasetSpec.of(particleCols).build(t.select(particleCols));
            particles = ds.jaggedFeatures();
            particles = particles.withValues(particles.values().to(DType.FLOAT32));
            particleNames = particleCols;
        }
        List<String> raw = d.label() == null ? null : rawLabels(t, d.label(), s, file);
        Tensor target = d.target() == null ? null : numericColumn(t, d.target(), "data.target", s, file);
        Tensor w = d.weight() == null ? null : numericColumn(t, d.weight(), "data.weight", s, file);
        return new Piece(s, fixedClass, rows, new Columns(features, featureNames, particleCols, particleNames), x, particles, raw, target, w);
    }

    /** The events of {@code t} passing the selection; an error naming the key when none (or a non-numeric column) is left. */
    private static Table select(Table t, Selection sel, FileSource s, String key, String file) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String c : sel.columns()) {
            if (!(t.column(c) instanceof Column.TensorColumn tc) || tc.values().dim() != 1) {
                throw CliException.config(file + ": data.selection: column '" + c + "' of " + s + " is " + t.column(c).typeName()
                        + "; a selection reads numbers, one per event");
            }
            values.put(c, tc.values().to(DType.FLOAT64).toDoubleArray());
        }
        boolean[] pass = sel.evaluate(values, t.numRows());
        Table out = t.filter(Tensor.of(pass, pass.length));
        if (out.numRows() == 0) {
            throw CliException.config(file + ": data.selection: '" + sel.text() + "' keeps none of the " + t.numRows() + " events of "
                    + s + " (" + key + "); loosen the selection or check its columns' values with hadron inspect");
        }
        return out;
    }

    private static void checkNumeric(Table t, String c, String key, FileSource s, String file, boolean jagged) {
        Column col = t.column(c);
        switch (col) {
            case Column.StringColumn sc -> throw CliException.config(file + ": " + key + ": column '" + c + "' of " + s
                    + " holds text, not numbers; remove it from " + key + " (or add it to data.exclude)");
            case Column.JaggedColumn jc -> {
                if (!jagged) {
                    throw CliException.config(file + ": " + key + ": column '" + c + "' of " + s + " is jagged (" + jc.typeName()
                            + ", a variable-length list per event); list it under data.particles and train a network with a pool layer"
                            + " on inputs: particles");
                }
            }
            case Column.TensorColumn tc -> {
                if (jagged) {
                    throw CliException.config(file + ": " + key + ": column '" + c + "' of " + s + " is " + tc.typeName()
                            + ", one value per event; data.particles takes jagged (per-particle) columns — move it to data.features");
                }
            }
        }
    }

    private static Tensor numericColumn(Table t, String c, String key, FileSource s, String file) {
        if (!(t.column(c) instanceof Column.TensorColumn tc) || tc.values().dim() != 1 || tc.values().dtype() == DType.BOOL) {
            throw CliException.config(file + ": " + key + ": column '" + c + "' of " + s + " is " + t.column(c).typeName()
                    + "; expected numbers, one per event");
        }
        Tensor v = tc.values().to(DType.FLOAT64);
        if (v.isNan().any().item() != 0) {
            throw CliException.input(file + ": " + key + ": column '" + c + "' of " + s + " has missing (NaN) values; "
                    + key.substring(5) + " values must all be present", null);
        }
        return v;
    }

    private static List<String> rawLabels(Table t, String c, FileSource s, String file) {
        Column col = t.column(c);
        List<String> out = new ArrayList<>();
        switch (col) {
            case Column.StringColumn sc -> out.addAll(sc.values());
            case Column.TensorColumn tc when tc.values().dim() == 1 -> {
                for (double v : tc.values().toDoubleArray()) {
                    out.add(labelText(v));
                }
            }
            default -> throw CliException.config(file + ": data.label: column '" + c + "' of " + s + " is " + col.typeName()
                    + "; expected one class value (text or number) per event");
        }
        return out;
    }

    /** How a numeric label reads: "1" for 1.0, else the number. */
    static String labelText(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private record Assembled(Tensor x, Jagged particles, Tensor labels, Tensor weights, List<String> classNames) {
    }

    private static Assembled assemble(StudyConfig cfg, List<Piece> pieces, String file) {
        DataConfig d = cfg.data();
        Tensor x = pieces.get(0).x == null ? null : Tensor.cat(pieces.stream().map(Piece::x).toList(), 0);
        Jagged particles = null;
        if (pieces.get(0).particles != null) {
            List<Tensor> vals = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (Piece p : pieces) {
                vals.add(p.particles.values());
                for (long c : p.particles.counts().toLongArray()) {
                    counts.add(c);
                }
            }
            particles = Jagged.fromCounts(Tensor.cat(vals, 0), counts.stream().mapToLong(Long::longValue).toArray());
        }
        Tensor w = d.weight() == null ? null : Tensor.cat(pieces.stream().map(Piece::weights).toList(), 0);
        Tensor labels;
        List<String> classNames;
        if (!cfg.classification()) {
            labels = Tensor.cat(pieces.stream().map(Piece::target).toList(), 0);
            classNames = List.of();
        } else if (d.label() == null) {
            int n = pieces.stream().mapToInt(Piece::rows).sum();
            long[] y = new long[n];
            int k = 0;
            for (Piece p : pieces) {
                for (int i = 0; i < p.rows; i++) {
                    y[k++] = p.fixedClass;
                }
            }
            labels = Tensor.of(y, n);
            classNames = d.classNames().isEmpty() ? List.of("background", "signal") : d.classNames();
        } else {
            List<String> raw = new ArrayList<>();
            pieces.forEach(p -> raw.addAll(p.rawLabels));
            LabelMapping m = LabelMapping.of(raw, d.classes(), file, d.label());
            labels = m.labels();
            classNames = d.classNames().isEmpty() ? m.classes() : d.classNames();
        }
        if (cfg.classification()) {
            int k = (int) labels.max().item() + 1;
            if (classNames.size() != k) {
                throw CliException.config(file + ": data.class_names: " + classNames.size() + " names " + classNames + " for " + k
                        + " classes; give one name per class");
            }
        }
        return new Assembled(x, particles, labels, w, classNames);
    }

    private static StudyData finish(StudyConfig cfg, Assembled a, Columns cols, List<String> sources, Map<String, String> checksums,
                                    String file, Console console) {
        DataConfig d = cfg.data();
        Tensor x = a.x;
        Jagged particles = a.particles;
        for (double m : d.missingValues()) {
            if (x != null) {
                x = x.maskedFill(x.eq(m), Double.NaN);
            }
            if (particles != null) {
                Tensor v = particles.values();
                particles = particles.withValues(v.maskedFill(v.eq(m), Double.NaN));
            }
        }
        int n = a.labels.size(0);
        long[] keep = null;
        if (d.missing() == MissingValues.DROP) {
            boolean[] bad = new boolean[n];
            if (x != null) {
                boolean[] b = x.isNan().any(1, false).toBooleanArray();
                for (int i = 0; i < n; i++) {
                    bad[i] |= b[i];
                }
            }
            if (particles != null) {
                boolean[] b = particles.values().isNan().any(1, false).toBooleanArray();
                long[] off = particles.offsetsArray();
                for (int e = 0; e < n; e++) {
                    for (long k = off[e]; k < off[e + 1] && !bad[e]; k++) {
                        bad[e] = b[(int) k];
                    }
                }
            }
            keep = java.util.stream.IntStream.range(0, n).filter(i -> !bad[i]).mapToLong(i -> i).toArray();
            if (keep.length == 0) {
                throw CliException.config(file + ": data.missing.policy: drop removes every event (each has a missing value); use"
                        + " policy: keep (trees handle missing values, other methods get them imputed) or policy: fill");
            }
            console.info("data: dropped " + (n - keep.length) + " of " + n + " events with missing values");
        } else if (d.missing() == MissingValues.FILL) {
            if (x != null) {
                x = x.maskedFill(x.isNan(), d.fillValue());
            }
            if (particles != null) {
                particles = particles.withValues(particles.values().maskedFill(particles.values().isNan(), d.fillValue()));
            }
        }
        Map<String, InputSet> inputs = new LinkedHashMap<>();
        if (x != null) {
            inputs.put("features", new InputSet("features", InputKind.DENSE, Dataset.of(x, a.labels, a.weights)
                    .withFeatureNames(cols.featureNames()), cols.features(), cols.featureNames()));
        }
        if (particles != null) {
            inputs.put("particles", new InputSet("particles", InputKind.JAGGED, Dataset.ofJagged(particles, a.labels, a.weights),
                    cols.particles(), cols.particleNames()));
        }
        StudyData data = new StudyData(cfg.classification(), a.classNames, cfg.classification() ? "" : d.target(), a.labels, a.weights,
                inputs, sources, checksums);
        if (keep != null) {
            data = subset(data, keep);
        }
        if (cfg.classification()) {
            checkClasses(data, d, file);
        }
        return data;
    }

    private static void checkClasses(StudyData data, DataConfig d, String file) {
        long[] counts = new long[data.classNames().size()];
        for (long y : data.labels().toLongArray()) {
            counts[(int) y]++;
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw CliException.config(file + ": " + (d.label() != null ? "data.label" : "data")
                        + ": no events of class '" + data.classNames().get(c) + "' are left; a classification needs events of every"
                        + " class — check the label column, data.classes and data.missing");
            }
        }
    }

    /** The data restricted to the events at {@code idx}. */
    static StudyData subset(StudyData d, long[] idx) {
        Tensor i = Tensor.of(idx, idx.length);
        Map<String, InputSet> in = new LinkedHashMap<>();
        d.inputs().forEach((k, v) -> in.put(k, v.subset(idx)));
        return new StudyData(d.classification(), d.classNames(), d.targetName(), d.labels().indexSelect(0, i),
                d.weights() == null ? null : d.weights().indexSelect(0, i), in, d.sources(), d.checksums());
    }
}
