package dev.hadron.internal.kernel;

/** Reductions over one or more dimensions. */
public enum ReduceFn {
    SUM, PROD, MAX, MIN, ARGMAX, ARGMIN, ANY, ALL
}
