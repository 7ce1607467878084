import dev.hadron.io.Table;
import dev.hadron.io.csv.CsvOptions;
import dev.hadron.io.csv.CsvReader;
import dev.hadron.io.npy.Npy;
import dev.hadron.io.parquet.ParquetFile;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Reading speed of Hadron's I/O (CSV, NumPy, Parquet, ZSTD). Run through bench/io/run.sh, which also runs
 * the peers (numpy, hyparquet, the reference zstd) on the same files. Prints "name  median-ms  MB/s".
 * Arguments: the shared data folder and a scratch folder.
 */
public final class IoBench {
    static double median(Supplier<Object> work, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            work.get();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    static void report(String name, double ms, long bytes) {
        System.out.printf("%-28s %10.2f ms %10.1f MB/s%n", name, ms, bytes / 1e6 / (ms / 1e3));
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        Files.createDirectories(scratch);
        Path higgs = data.resolve("csv/higgs-uci/binary.train");
        report("csv higgs-uci (7000x29)", median(() -> CsvReader.read(higgs), 5, 15), Files.size(higgs));
        Path atlas = data.resolve("csv/atlas-higgsml/train_sml_sig.csv");
        CsvOptions o = CsvOptions.defaults().withMissingValues(-999);
        report("csv atlas-higgsml sig", median(() -> CsvReader.read(atlas, o), 5, 15), Files.size(atlas));
        Path npy = scratch.resolve("big.npy");
        Npy.write(npy, Tensor.randn(new Generator(1), 4_000_000, 4));
        report("npy read 64 MB float32", median(() -> Npy.read(npy), 3, 9), Files.size(npy));
        for (String f : new String[] {"nano_dy.parquet", "nano_dimuon.parquet"}) {
            Path p = data.resolve("parquet/" + f);
            report("parquet " + f + " (all)", median(() -> ParquetFile.read(p), 5, 15), Files.size(p));
        }
        Path zst = scratch.resolve("floats.bin.zst");
        if (Files.exists(zst)) {
            byte[] in = Files.readAllBytes(zst);
            int size = (int) Files.size(scratch.resolve("floats.bin"));
            double ms = median(() -> dev.hadron.io.internal.compress.Zstd.decompress(in, 0, in.length, size), 5, 15);
            report("zstd -3 decode (output)", ms, size);
        }
        Table t = CsvReader.read(higgs);
        System.out.println("(checks: " + t.numRows() + " HIGGS rows)");
    }
}
