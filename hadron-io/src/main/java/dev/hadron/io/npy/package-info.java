/**
 * NumPy arrays without Python: {@link dev.hadron.io.npy.Npy} reads and writes {@code .npy} files,
 * {@link dev.hadron.io.npy.Npz} reads and writes {@code .npz} archives (stored or deflated). Every
 * integer and float width numpy has is read (converted to Hadron's dtypes), in either byte order and
 * in C or Fortran order; files written here are byte-for-byte what {@code numpy.save} writes. Object
 * arrays are refused because unpickling them can run code.
 *
 * <pre>{@code
 * Tensor images = Npy.read(Path.of("jet_images.npy"));          // e.g. (n, 40, 40) float32
 * Map<String, Tensor> arrays = Npz.read(Path.of("events.npz"));
 * Npz.write(Path.of("scores.npz"), Map.of("score", score, "label", label), true);
 * }</pre>
 */
package dev.hadron.io.npy;
