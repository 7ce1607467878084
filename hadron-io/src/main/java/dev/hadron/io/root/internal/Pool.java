package dev.hadron.io.root.internal;

import dev.hadron.io.root.RootFormatException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded thread pool shared by all open ROOT files for basket decompression: at most as many
 * daemon threads as there are processors (and no more than 8). Results are placed by basket index,
 * so they do not depend on the order in which threads finish.
 */
public final class Pool {
    private static final int THREADS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "hadron-root-" + Counter.N.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private static final class Counter {
        static final AtomicInteger N = new AtomicInteger();
    }

    private Pool() {
    }

    /** True on the pool's own threads, which must not wait for further pool tasks. */
    public static boolean isPoolThread() {
        return Thread.currentThread().getName().startsWith("hadron-root-");
    }

    public static <T> Future<T> submit(java.util.concurrent.Callable<T> task) {
        return POOL.submit(task);
    }

    /** Waits for a task; its exception is rethrown as is when unchecked. */
    public static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RootFormatException("interrupted while reading baskets", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new RootFormatException("basket reading failed: " + c, c);
        }
    }
}
