package dev.hadron.internal.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Hadron's one thread pool, sized to the cores ({@code HADRON_THREADS} or the system property
 * {@code hadron.threads} override). Work is split into a fixed number of tasks with fixed
 * boundaries, so results are bit-identical for a given thread count; callers combine partial
 * results in task order. Calls made from a pool worker, or with one task, run inline: nested
 * parallel regions never oversubscribe the cores, and user code calling from several threads shares
 * the same bounded pool.
 */
public final class Parallel {
    private static final int THREADS = configuredThreads();
    private static final ForkJoinPool POOL = THREADS > 1 ? new ForkJoinPool(THREADS - 1, pool -> {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setName("hadron-worker-" + t.getPoolIndex());
        t.setDaemon(true);
        return t;
    }, null, false) : null;

    private Parallel() {
    }

    private static int configuredThreads() {
        String v = System.getProperty("hadron.threads", System.getenv("HADRON_THREADS"));
        if (v != null && !v.isBlank()) {
            try {
                int n = Integer.parseInt(v.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
            throw new IllegalArgumentException("HADRON_THREADS must be a positive integer, got '" + v + "'");
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** The number of threads kernels use (the caller plus the pool's workers). */
    public static int threads() {
        return THREADS;
    }

    /** True when called from one of Hadron's worker threads. */
    static boolean insideWorker() {
        return POOL != null && Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == POOL;
    }

    /** Runs {@code body.accept(t)} for t in [0, tasks), in parallel when worthwhile; returns when all are done. */
    public static void run(int tasks, IntConsumer body) {
        if (tasks <= 0) {
            return;
        }
        if (tasks == 1 || POOL == null || insideWorker()) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        RecursiveAction[] others = new RecursiveAction[tasks - 1];
        for (int t = 1; t < tasks; t++) {
            int task = t;
            others[t - 1] = new RecursiveAction() {
                @Override
                protected void compute() {
                    body.accept(task);
                }
            };
            POOL.execute(others[t - 1]);
        }
        RuntimeException failure = null;
        try {
            body.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (RecursiveAction a : others) {
            try {
                a.join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Splits [0, n) into at most {@link #threads()} contiguous chunks of at least {@code grain} items
     * and runs {@code body.range(from, to)} for each; runs inline when n is below {@code 2 * grain}.
     */
    public static void forRange(int n, int grain, Range body) {
        int tasks = Math.min(THREADS, Math.max(1, n / Math.max(1, grain)));
        if (tasks <= 1) {
            body.range(0, n);
            return;
        }
        run(tasks, t -> body.range((int) ((long) n * t / tasks), (int) ((long) n * (t + 1) / tasks)));
    }

    /** A half-open range of work. */
    @FunctionalInterface
    public interface Range {
        void range(int from, int to);
    }
}
