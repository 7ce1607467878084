package dev.hadron.nn;

import dev.hadron.tensor.Generator;

/**
 * A counter-based source of random numbers for a module that needs fresh randomness on every call
 * (dropout): call {@link #next()} for a generator for this call. The state is two numbers (a seed
 * drawn once from the {@link Generator} the module was built with, and a call counter), so a training
 * checkpoint can save it and a resumed run draws exactly the same masks as an uninterrupted one.
 * Modules register streams with {@code Module.registerRandomStream}; see {@link Module#randomState()}.
 */
public final class RandomStream {
    private long seed;
    private long counter;

    RandomStream(Generator gen) {
        this.seed = gen.nextLong();
    }

    /** A generator for one call; the stream advances. */
    public Generator next() {
        long c = counter++;
        return new Generator(seed ^ (c * 0xd1b54a32d192ed03L + 0x632be59bd9b4e019L));
    }

    long seed() {
        return seed;
    }

    long counter() {
        return counter;
    }

    void restore(long newSeed, long newCounter) {
        this.seed = newSeed;
        this.counter = newCounter;
    }
}
