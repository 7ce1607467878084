/**
 * HDF5 through jHDF ({@code io.jhdf:jhdf}, JPMS module {@code io.jhdf}), the maintained pure-Java
 * HDF5 library, which reads every common layout and filter and writes (chunked and deflated since
 * version 0.13). {@link dev.hadron.io.hdf5.Hdf5File} reads datasets as tensors, groups and compound
 * datasets as tables, variable-length datasets as jagged columns, and attributes;
 * {@link dev.hadron.io.hdf5.Hdf5Writer} writes tensors and tables with attributes. jHDF's LZ4 filter
 * needs lz4-java, a library that ships native code, which Hadron leaves out; LZ4-filtered datasets
 * are decoded by Hadron's own pure-Java LZ4 instead (bitshuffle with LZ4 inside is refused with a
 * message saying so). jHDF logs through SLF4J; without an SLF4J provider on the
 * path SLF4J prints a one-time notice, which an application silences by adding one (e.g.
 * {@code slf4j-nop}).
 *
 * <pre>{@code
 * try (Hdf5File f = Hdf5File.open(Path.of("jets.h5"))) {
 *     Tensor images = f.tensor("/images");
 *     Table jets = f.table("/jets");
 * }
 * Hdf5Writer.write(Path.of("out.h5"), Map.of("scores", scores), Map.of("model", "bdt"), true);
 * }</pre>
 */
package dev.hadron.io.hdf5;
