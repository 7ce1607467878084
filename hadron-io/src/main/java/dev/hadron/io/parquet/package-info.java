/**
 * Parquet reading in pure Java: {@link dev.hadron.io.parquet.ParquetFile} reads flat columns into
 * tensors and list columns (NanoAOD collections, awkward-array and pyarrow {@code list<...>}) into
 * {@link dev.hadron.tensor.Jagged}, only the columns asked for.
 *
 * <p><b>Why Hadron's own reader.</b> The reference Java implementation (parquet-mr) needs Hadoop's
 * {@code Configuration} and file system classes, hundreds of megabytes of transitive dependencies;
 * Arrow Java needs native memory and JNI. Reading Parquet takes much less: a Thrift compact-protocol
 * decoder for the footer and page headers, the RLE/bit-packed hybrid for definition and repetition
 * levels, and the value encodings. This package does exactly that in about 1,700 lines: data pages
 * v1 and v2; PLAIN, PLAIN_DICTIONARY/RLE_DICTIONARY, RLE (booleans), DELTA_BINARY_PACKED,
 * DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT; UNCOMPRESSED, SNAPPY, GZIP, ZSTD
 * and LZ4_RAW (GZIP through the JDK; ZSTD, SNAPPY and LZ4 through Hadron's own decoders, which need no
 * {@code sun.misc.Unsafe}, unlike aircompressor, and so run on JDK 25 without warnings). It is
 * checked value by value against hyparquet, an independent reader, on files written by arrow-rs
 * and on CMS NanoAOD files. Lists of lists, lists of strings, DECIMAL and INT96 are reported as
 * unsupported, by column name.
 *
 * <pre>{@code
 * try (ParquetFile f = ParquetFile.open(Path.of("nano_dy.parquet"))) {
 *     System.out.println(f.summary().toText());
 *     Table muons = f.read(List.of("nMuon", "Muon_*"));
 *     Jagged pt = muons.jagged("Muon_pt");
 * }
 * }</pre>
 */
package dev.hadron.io.parquet;
