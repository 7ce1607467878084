package dev.hadron.train;

import dev.hadron.data.Dataset;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Mini-batches over a {@link Dataset}, as {@code torch.utils.data.DataLoader}: fixed-size batches (the
 * last one smaller unless {@code dropLast}), optionally shuffled, prepared ahead on a background thread.
 *
 * <p>Shuffling is seeded and depends only on the seed and the epoch number ({@link #epoch(int)}), so
 * every run with the same seed sees the same batches and a resumed training continues with exactly the
 * batches an uninterrupted run would have seen. Prefetching changes timing only, never the batches.
 *
 * <pre>{@code
 * DataLoader train = new DataLoader(split.train(), 256, new Generator(7));   // shuffled
 * DataLoader valid = new DataLoader(split.validation(), 1024);               // in order
 * for (Batch b : train) { ... }          // each for-loop is the next epoch
 * }</pre>
 */
public final class DataLoader implements Iterable<Batch> {
    private static final long GAMMA = 0x9e3779b97f4a7c15L;

    private final Dataset data;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final boolean dropLast;
    private final int prefetch;
    private int nextEpoch;

    /** Batches in dataset order, prefetching 2 batches. */
    public DataLoader(Dataset data, int batchSize) {
        this(data, batchSize, false, 0, false, 2);
    }

    /** Batches in an order shuffled every epoch, seeded from {@code gen} (one number is drawn from it). */
    public DataLoader(Dataset data, int batchSize, Generator gen) {
        this(data, batchSize, true, gen.nextLong(), false, 2);
    }

    private DataLoader(Dataset data, int batchSize, boolean shuffle, long seed, boolean dropLast, int prefetch) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("DataLoader: batch size must be >= 1, got " + batchSize);
        }
        if (prefetch < 0) {
            throw new IllegalArgumentException("DataLoader: prefetch must be >= 0, got " + prefetch);
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("DataLoader: the dataset is empty");
        }
        if (dropLast && data.size() < batchSize) {
            throw new IllegalArgumentException("DataLoader: dropLast with batch size " + batchSize + " leaves no batch of "
                    + data.size() + " events");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.dropLast = dropLast;
        this.prefetch = prefetch;
    }

    /** A copy that drops (or keeps) the last, incomplete batch. */
    public DataLoader withDropLast(boolean drop) {
        return new DataLoader(data, batchSize, shuffle, seed, drop, prefetch);
    }

    /** A copy that prepares {@code batches} batches ahead on a background thread (0: no background thread). */
    public DataLoader withPrefetch(int batches) {
        return new DataLoader(data, batchSize, shuffle, seed, dropLast, batches);
    }

    /** A copy with another shuffling seed (what resuming from a checkpoint uses). */
    public DataLoader withSeed(long newSeed) {
        return new DataLoader(data, batchSize, shuffle, newSeed, dropLast, prefetch);
    }

    /** The dataset. */
    public Dataset dataset() {
        return data;
    }

    /** The batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether batches are shuffled. */
    public boolean shuffled() {
        return shuffle;
    }

    /** The shuffling seed. */
    public long seed() {
        return seed;
    }

    /** The number of batches per epoch. */
    public int numBatches() {
        int n = data.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The number of events per epoch (excluding a dropped last batch). */
    public int numEvents() {
        return dropLast ? numBatches() * batchSize : data.size();
    }

    /** The event order of epoch {@code epoch}: the identity, or a permutation seeded by (seed, epoch). */
    public long[] order(int epoch) {
        int n = data.size();
        if (!shuffle) {
            long[] o = new long[n];
            for (int i = 0; i < n; i++) {
                o[i] = i;
            }
            return o;
        }
        return Tensor.randperm(new Generator(seed + GAMMA * (epoch + 1)), n).toLongArray();
    }

    /** The batches of epoch {@code epoch}; close the iterator if you stop early (try-with-resources). */
    public Epoch epoch(int epoch) {
        return new Epoch(order(epoch));
    }

    /** The batches of the next epoch (0, 1, 2, ... on successive calls). */
    @Override
    public Iterator<Batch> iterator() {
        return epoch(nextEpoch++);
    }

    private Batch make(long[] order, int b) {
        int start = b * batchSize;
        int end = Math.min(start + batchSize, order.length);
        long[] events = java.util.Arrays.copyOfRange(order, start, end);
        if (data.isJagged()) {
            Dataset sub = data.subset(events);
            return new Batch(b, events, null, sub.jaggedFeatures(), sub.labels(), data.hasWeights() ? sub.weights() : null);
        }
        Tensor f;
        Tensor y = data.labels();
        Tensor w = data.hasWeights() ? data.weights() : null;
        if (!shuffle) {
            f = data.features().narrow(0, start, end - start);
            y = y == null ? null : y.narrow(0, start, end - start);
            w = w == null ? null : w.narrow(0, start, end - start);
        } else {
            Tensor idx = Tensor.wrap(events, events.length);
            f = data.features().indexSelect(0, idx);
            y = y == null ? null : y.indexSelect(0, idx);
            w = w == null ? null : w.indexSelect(0, idx);
        }
        return new Batch(b, events, f, null, y, w);
    }

    /** The batches of one epoch, in order; prepared ahead on a background thread when prefetching. */
    public final class Epoch implements Iterator<Batch>, AutoCloseable {
        private final long[] order;
        private final int count;
        private int next;
        private final BlockingQueue<Object> queue;
        private volatile boolean closed;

        private Epoch(long[] order) {
            this.order = order;
            this.count = numBatches();
            if (prefetch > 0 && count > 1) {
                queue = new ArrayBlockingQueue<>(prefetch);
                WeakReference<Epoch> self = new WeakReference<>(this);
                Thread t = new Thread(() -> produce(self, queue, order, count), "hadron-dataloader");
                t.setDaemon(true);
                t.start();
            } else {
                queue = null;
            }
        }

        private static void produce(WeakReference<Epoch> self, BlockingQueue<Object> queue, long[] order, int count) {
            for (int b = 0; b < count; b++) {
                Epoch e = self.get();
                if (e == null || e.closed) {
                    return;
                }
                Object item;
                try {
                    item = e.loader().make(order, b);
                } catch (RuntimeException | Error ex) {
                    item = ex;
                }
                e = null;   // do not keep the epoch reachable while waiting
                try {
                    while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                        Epoch alive = self.get();
                        if (alive == null || alive.closed) {
                            return;
                        }
                    }
                } catch (InterruptedException ex) {
                    return;
                }
                if (item instanceof Throwable) {
                    return;
                }
            }
        }

        private DataLoader loader() {
            return DataLoader.this;
        }

        @Override
        public boolean hasNext() {
            return !closed && next < count;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("DataLoader: no more batches in this epoch");
            }
            int b = next++;
            if (queue == null) {
                return make(order, b);
            }
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("DataLoader: interrupted while waiting for batch " + b, ex);
            }
            if (item instanceof RuntimeException re) {
                closed = true;
                throw re;
            }
            if (item instanceof Error er) {
                closed = true;
                throw er;
            }
            return (Batch) item;
        }

        /** Stops the background thread. */
        @Override
        public void close() {
            closed = true;
            if (queue != null) {
                queue.clear();
            }
        }
    }

    @Override
    public String toString() {
        return "DataLoader(events=" + data.size() + ", batch_size=" + batchSize + ", shuffle=" + shuffle + ", drop_last="
                + dropLast + ", prefetch=" + prefetch + ")";
    }
}
