package dev.hadron.hep.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * A read timeout for HTTP bodies, which {@link java.net.http.HttpClient} lacks once the headers have arrived:
 * a virtual thread closes the stream when no {@link #progress()} was reported for {@code timeout}, which ends
 * the blocked read, and {@link #stalled()} then tells that apart from a regular end of the body.
 */
final class StallGuard implements AutoCloseable {
    private final Thread watchdog;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;

    StallGuard(Closeable stream, Duration timeout) {
        long limit = timeout.toNanos();
        long tick = Math.max(1, Math.min(1000, timeout.toMillis() / 4));
        watchdog = Thread.ofVirtual().name("hadron-download-watchdog").start(() -> {
            try {
                while (System.nanoTime() - lastProgress < limit) {
                    Thread.sleep(tick);
                }
                stalled = true;
                stream.close();
            } catch (InterruptedException e) {
                // the transfer ended; nothing to watch
            } catch (IOException e) {
                // closing a stalled stream may fail; the reader still sees stalled() and reports the stall
            }
        });
    }

    /** Reports that bytes arrived. */
    void progress() {
        lastProgress = System.nanoTime();
    }

    /** Whether the stream was closed because nothing arrived for the timeout. */
    boolean stalled() {
        return stalled;
    }

    @Override
    public void close() {
        watchdog.interrupt();
    }
}
