/**
 * Every primitive op, each defined once with its forward kernel call, VJP and JVP: elementwise
 * ({@code UnaryMath}, {@code BinaryMath}, {@code Where}, {@code Cast}), views ({@code Views}),
 * reductions, indexing, matrix product, linear algebra and sliding-window ops.
 */
package dev.hadron.internal.ops;
