/**
 * CPU kernels — the boundary below the ops. Ops call only the static entry points here
 * ({@code Elementwise}, {@code Reduce}, {@code Gemm}, {@code Index}, {@code Spatial},
 * {@code LinalgKernels}); kernels see tensors as typed heap arrays plus offset, shape and strides
 * and return new contiguous tensors, never touching the autodiff tape.
 *
 * <p>That is what lets faster paths go underneath without changing ops or autodiff: Vector API loops
 * can replace the scalar row loops in {@code Elementwise}/{@code Reduce}; a packed, register-blocked
 * micro-kernel can replace {@code Gemm.gemm}; and because storage is plain Java arrays, a native BLAS
 * can be called on them without copying through FFM heap segments
 * ({@code MemorySegment.ofArray} with {@code Linker.Option.critical(true)}).
 */
package dev.hadron.internal.kernel;
