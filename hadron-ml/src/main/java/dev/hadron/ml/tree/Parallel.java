package dev.hadron.ml.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed set of worker threads for one fit. Work is always cut into tasks whose results land in
 * disjoint places (one feature's histogram, one chunk of rows), so results never depend on which
 * thread ran a task or on the number of threads: fits are bit-identical for any thread count.
 */
final class Parallel implements AutoCloseable {
    private static final AtomicInteger POOL_ID = new AtomicInteger();
    private final int threads;
    private final ExecutorService pool;

    Parallel(int threads) {
        this.threads = threads;
        if (threads > 1) {
            int id = POOL_ID.incrementAndGet();
            AtomicInteger worker = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "hadron-trees-" + id + "-" + worker.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        } else {
            this.pool = null;
        }
    }

    /** The number of threads (including the caller's). */
    int threads() {
        return threads;
    }

    /**
     * Runs {@code body.accept(t)} for every task {@code t} in {@code [0, tasks)}. The calling thread
     * takes part; tasks are handed out in blocks, one block per thread.
     */
    void forEach(int tasks, IntConsumer body) {
        if (tasks <= 0) {
            return;
        }
        int workers = Math.min(threads, tasks);
        if (workers == 1) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(workers - 1);
        for (int w = 1; w < workers; w++) {
            int from = (int) ((long) tasks * w / workers);
            int to = (int) ((long) tasks * (w + 1) / workers);
            futures.add(pool.submit(() -> {
                for (int t = from; t < to; t++) {
                    body.accept(t);
                }
            }));
        }
        RuntimeException first = null;
        try {
            int to = tasks / workers;
            for (int t = 0; t < to; t++) {
                body.accept(t);
            }
        } catch (RuntimeException e) {
            first = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("tree fit interrupted", e);
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException("worker failed: " + e.getCause(), e.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Runs every task of {@code [0, tasks)}, each thread taking the next unclaimed one (for tasks of
     * uneven size). Which thread runs a task must not matter to the caller: tasks write disjoint data.
     */
    void forEachDynamic(int tasks, IntConsumer body) {
        if (tasks <= 0) {
            return;
        }
        int workers = Math.min(threads, tasks);
        if (workers == 1) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        forEach(workers, w -> {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                body.accept(t);
            }
        });
    }

    /** Splits {@code [0, n)} into at most {@code threads} chunks of at least {@code grain} and runs each. */
    void forRange(int n, int grain, RangeBody body) {
        int chunks = Math.max(1, Math.min(threads, n / Math.max(1, grain)));
        forEach(chunks, c -> body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)));
    }

    /** A loop body over {@code [from, to)}. */
    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
