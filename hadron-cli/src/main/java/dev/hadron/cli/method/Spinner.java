package dev.hadron.cli.method;

import dev.hadron.cli.Console;

/**
 * A one-line progress display for methods without per-step callbacks (trees, classic methods): on a
 * terminal it redraws {@code training BDT ... 12 s} once a second; otherwise it prints nothing until
 * the caller reports the result.
 */
final class Spinner implements AutoCloseable {
    private final Thread thread;
    private volatile boolean done;

    Spinner(Console console, String label) {
        java.io.Console c = System.console();
        boolean tty = console.verbose() && c != null && c.isTerminal() && console.err() == System.err;
        long t0 = System.nanoTime();
        thread = Thread.ofVirtual().unstarted(() -> {
            String[] frames = {"|", "/", "-", "\\"};
            int i = 0;
            while (!done) {
                console.err().printf("\r%s %s %.0f s ", frames[i++ % 4], label, (System.nanoTime() - t0) / 1e9);
                console.err().flush();
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
            console.err().print("\r\033[K");
            console.err().flush();
        });
        if (tty) {
            thread.start();
        }
    }

    @Override
    public void close() {
        done = true;
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
