package dev.hadron.train;

import dev.hadron.data.Dataset;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataLoaderTest {
    private static Dataset data(int n) {
        double[] x = new double[n * 2];
        long[] y = new long[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            y[i] = i % 3;
            w[i] = i % 2 == 0 ? 1.0 : -0.5;
        }
        return Dataset.of(Tensor.of(x, n, 2).to(DType.FLOAT32), Tensor.of(y, n), Tensor.of(w, n));
    }

    private static List<long[]> events(Iterable<Batch> batches) {
        List<long[]> out = new ArrayList<>();
        for (Batch b : batches) {
            out.add(b.events());
            // the batch's rows are the events it names
            double[] f = b.features().toDoubleArray();
            for (int i = 0; i < b.size(); i++) {
                assertEquals((double) b.events()[i], f[2 * i]);
                assertEquals(b.events()[i] % 3, (long) b.labels().toLongArray()[i]);
            }
            assertEquals(b.size(), b.weights().numel());
        }
        return out;
    }

    @Test
    void inOrderBatchesCoverEverythingOnce() {
        DataLoader dl = new DataLoader(data(10), 4);
        List<long[]> ev = events(dl);
        assertEquals(3, ev.size());
        assertArrayEquals(new long[] {8, 9}, ev.get(2));
        assertEquals(3, dl.numBatches());
        assertEquals(2, events(dl.withDropLast(true)).size());
    }

    @Test
    void shufflingIsSeededPerEpochAndPrefetchDoesNotChangeIt() {
        DataLoader a = new DataLoader(data(50), 8, new Generator(3));
        DataLoader b = new DataLoader(data(50), 8, new Generator(3)).withPrefetch(0);
        long[] e0 = flat(events(() -> a.epoch(0)));
        long[] e1 = flat(events(() -> a.epoch(1)));
        assertArrayEquals(e0, flat(events(() -> b.epoch(0))));
        assertArrayEquals(e1, flat(events(() -> b.epoch(1))));
        assertFalse(Arrays.equals(e0, e1), "a new order every epoch");
        long[] sorted = e0.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
        // iterator() walks epochs 0, 1, ...
        assertArrayEquals(e0, flat(events(a)));
        assertArrayEquals(e1, flat(events(a)));
        assertArrayEquals(e0, flat(events(() -> a.withSeed(a.seed()).epoch(0))));
    }

    private static long[] flat(List<long[]> parts) {
        return parts.stream().flatMapToLong(Arrays::stream).toArray();
    }

    @Test
    void stoppingEarlyReleasesTheBackgroundThread() throws Exception {
        DataLoader dl = new DataLoader(data(1000), 10, new Generator(1)).withPrefetch(2);
        try (DataLoader.Epoch e = dl.epoch(0)) {
            e.next();
        }
        DataLoader.Epoch abandoned = dl.epoch(1);
        abandoned.next();
        abandoned.close();
        assertFalse(abandoned.hasNext());
        Thread.sleep(200);
        long alive = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("hadron-dataloader"))
                .filter(Thread::isAlive).count();
        assertEquals(0, alive, "producer threads exit once their epoch is closed");
    }

    @Test
    void jaggedBatches() {
        Jagged j = Jagged.fromCounts(Tensor.arange(0, 6, 1).reshape(6, 1), 1, 2, 3);
        Dataset d = Dataset.ofJagged(j, Tensor.of(new long[] {0, 1, 0}, 3), null);
        List<Batch> bs = new ArrayList<>();
        new DataLoader(d, 2).forEach(bs::add);
        assertEquals(2, bs.size());
        assertEquals(2, bs.get(0).jaggedFeatures().numEvents());
        assertEquals(3, bs.get(0).jaggedFeatures().numValues());
        assertNull(bs.get(0).weights());
        assertThrows(IllegalStateException.class, () -> bs.get(0).features());
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> new DataLoader(data(5), 0));
        assertThrows(IllegalArgumentException.class, () -> new DataLoader(data(5), 8).withDropLast(true));
        assertTrue(new DataLoader(data(5), 2).toString().contains("batch_size=2"));
    }
}
