package dev.hadron.io;

import dev.hadron.data.Dataset;
import dev.hadron.io.csv.CsvOptions;
import dev.hadron.io.csv.CsvReader;
import dev.hadron.io.parquet.ParquetFile;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetSpecTest {
    static Table small() {
        Map<String, Column> m = new LinkedHashMap<>();
        m.put("a", Column.of(Tensor.of(new double[] {1, Double.NaN, 3, 4}, 4)));
        m.put("b", Column.of(Tensor.of(new long[] {5, 6, 7, 8}, 4)));
        m.put("v", Column.of(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2)));
        m.put("w", Column.of(Tensor.of(new double[] {0.5, 1, -1, 2}, 4)));
        m.put("y", Column.of(List.of("s", "b", "b", "s")));
        return Table.of(m);
    }

    @Test
    void featuresLabelWeightAndMissing() {
        Table t = small();
        Dataset keep = DatasetSpec.of("a", "b", "v").withLabel("y").withWeight("w").build(t);
        assertEquals(List.of("a", "b", "v[0]", "v[1]"), keep.featureNames());
        assertArrayEquals(new int[] {4, 4}, keep.features().shape());
        assertEquals(DType.FLOAT32, keep.features().dtype());
        assertTrue(Double.isNaN(keep.features().get(1, 0).item()));
        assertArrayEquals(new long[] {1, 0, 0, 1}, keep.labels().toLongArray(), "b=0, s=1 by sorted class names");
        assertArrayEquals(new double[] {0.5, 1, -1, 2}, keep.weights().toDoubleArray());
        Dataset drop = DatasetSpec.of("a", "b").withLabel("y").withMissing(MissingValues.DROP).build(t);
        assertEquals(3, drop.size());
        assertArrayEquals(new long[] {1, 0, 1}, drop.labels().toLongArray());
        Dataset fill = DatasetSpec.of("a").withMissing(MissingValues.FILL).withFillValue(-1).withDtype(DType.FLOAT64).build(t);
        assertArrayEquals(new double[] {1, -1, 3, 4}, fill.features().reshape(4).toDoubleArray());
        Dataset classes = DatasetSpec.of("b").withLabel("y").withClasses(List.of("s", "b")).build(t);
        assertArrayEquals(new long[] {0, 1, 1, 0}, classes.labels().toLongArray());
        assertEquals(List.of("a", "b"), DatasetSpec.of("*").withLabel("y").withWeight("w").build(t.drop("v"))
                .featureNames(), "globs skip the label and weight columns");
    }

    @Test
    void clearErrors() {
        Table t = small();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetSpec.of("a", "y").build(t));
        assertTrue(e.getMessage().contains("'y'") && e.getMessage().contains("string"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DatasetSpec.of("a").withLabel("y")
                .withClasses(List.of("s")).build(t));
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DatasetSpec.of("z*").build(t));
        assertTrue(e.getMessage().contains("z*"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatasetSpec.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> DatasetSpec.of("a").withDtype(DType.INT64));
        e = assertThrows(IllegalArgumentException.class, () -> DatasetSpec.of("a").withLabel("y").build(t, t));
        assertTrue(e.getMessage().contains("withLabel(null)"), e.getMessage());
    }

    @Test
    void atlasHiggsMlSignalAndBackground() {
        Path sigPath = SharedData.require("csv/atlas-higgsml/train_sml_sig.csv");
        Path bkgPath = SharedData.require("csv/atlas-higgsml/train_sml_bg.csv");
        CsvOptions o = CsvOptions.defaults().withMissingValues(-999);
        Table sig = CsvReader.read(sigPath, o);
        Table bkg = CsvReader.read(bkgPath, o);
        DatasetSpec spec = DatasetSpec.of("DER_*", "PRI_*").withWeight("Weight");
        Dataset d = spec.build(sig, bkg);
        assertEquals(9998, d.size());
        assertEquals(30, d.numFeatures());
        assertEquals(4999, (long) d.labels().sum().item());
        assertTrue(d.features().isNan().any().item() != 0, "missing values kept as NaN");
        Dataset dropped = spec.withMissing(MissingValues.DROP).build(sig, bkg);
        assertTrue(dropped.size() > 1000 && dropped.size() < 5000, "rows with all jets: " + dropped.size());
        assertFalse(dropped.features().isNan().any().item() != 0);
        // the label column of the merged file gives the same labels through text classes
        Dataset viaLabel = DatasetSpec.of("DER_*", "PRI_*").withLabel("Label").build(Table.concat(List.of(sig, bkg)));
        assertArrayEquals(d.labels().toLongArray(), viaLabel.labels().toLongArray());
    }

    @Test
    void higgsUciWithWeightsFile() {
        Path p = SharedData.require("csv/higgs-uci/binary.train");
        Table t = CsvReader.read(p);
        Table w = CsvReader.read(SharedData.require("csv/higgs-uci/binary.train.weight"),
                CsvOptions.defaults().withColumnNames(List.of("weight")));
        Dataset d = DatasetSpec.of("col?", "col??").withLabel("col0").withWeight("weight")
                .build(t.withColumn("weight", w.column("weight")));
        assertEquals(7000, d.size());
        assertEquals(28, d.numFeatures());
        assertEquals(1.2, d.weights().toDoubleArray()[0], 1e-12);
        assertEquals(2, d.numClasses());
    }

    @Test
    void jaggedFeaturesFromParquet() {
        Table t = ParquetFile.read(SharedData.require("parquet/nano_dy.parquet"), List.of("Jet_pt", "Jet_eta", "Jet_phi",
                "MET_pt"));
        Dataset d = DatasetSpec.of("Jet_pt", "Jet_eta", "Jet_phi").build(t);
        assertTrue(d.isJagged());
        Jagged j = d.jaggedFeatures();
        assertEquals(40, j.numEvents());
        assertEquals(3, j.values().size(1));
        assertTrue(t.jagged("Jet_pt").counts().equal(j.counts()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetSpec.of("Jet_pt", "MET_pt").build(t));
        assertTrue(e.getMessage().contains("cannot be mixed"), e.getMessage());
    }
}
