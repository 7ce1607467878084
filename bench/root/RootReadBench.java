import dev.hadron.io.root.BranchInfo;
import dev.hadron.io.root.RootFile;
import dev.hadron.io.root.RootTree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * W8: MB/s reading every branch of a tree with Hadron's ROOT reader. Each iteration opens the file,
 * reads the tree's metadata and all its branches, and closes it. MB are the tree's uncompressed
 * branch bytes (the sum of ROOT's fTotBytes), so all compressions of one tree count the same data.
 * Prints one line per file: {@code name tree MB/s}.
 *
 * <pre>java -cp <hadron-core and hadron-io classes, xz jar> RootReadBench.java <data/root dir> [seconds]</pre>
 */
public final class RootReadBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        for (String[] ft : BenchFiles.LIST) {
            Path file = dir.resolve(ft[0]);
            if (!Files.exists(file)) {
                System.err.println("skipping missing " + file);
                continue;
            }
            long bytes = uncompressedBytes(file, ft[1]);
            readAll(file, ft[1]);
            long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
            while (System.nanoTime() < warmEnd) {
                readAll(file, ft[1]);
            }
            int n = 0;
            long t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            do {
                readAll(file, ft[1]);
                n++;
            } while (System.nanoTime() < end);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s %s %.1f%n", ft[0], ft[1], bytes * (double) n / s / 1e6);
        }
    }

    private static long uncompressedBytes(Path file, String tree) {
        try (RootFile f = RootFile.open(file)) {
            long total = 0;
            for (BranchInfo b : f.tree(tree).branches()) {
                total += b.uncompressedBytes();
            }
            return total;
        }
    }

    private static void readAll(Path file, String tree) {
        try (RootFile f = RootFile.open(file)) {
            RootTree t = f.tree(tree);
            List<String> names = new ArrayList<>();
            for (BranchInfo b : t.branches()) {
                if (b.readable()) {
                    names.add(b.path());
                }
            }
            if (t.arrays(0, t.numEntries(), names).size() != names.size()) {
                throw new IllegalStateException("missing branches");
            }
        }
    }

    /** The benchmarked files and trees (shared with jsroot_read.mjs through files.txt). */
    static final class BenchFiles {
        static final List<String[]> LIST = read();

        private static List<String[]> read() {
            try {
                List<String[]> out = new ArrayList<>();
                Path list = Path.of(System.getProperty("bench.files", "bench/root/files.txt"));
                for (String line : Files.readAllLines(list)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(line.trim().split("\\s+"));
                    }
                }
                return out;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
