/**
 * The autodiff engine: {@code Op} (forward, VJP, JVP of one primitive), {@code Dispatch} (runs an op,
 * records it, propagates tangents), {@code Engine} (reverse pass), {@code Mode} (per-thread recording,
 * forward levels, anomaly mode) and the tensor metadata they keep.
 */
package dev.hadron.internal.autograd;
