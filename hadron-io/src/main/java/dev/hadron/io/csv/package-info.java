/**
 * Delimited text: {@link dev.hadron.io.csv.CsvReader} reads CSV, TSV and whitespace-separated files
 * into a {@link dev.hadron.io.Table} with one typed column per field (int64, float64, bool or
 * string, inferred from every value), detecting the delimiter and the header, selecting columns,
 * and turning missing-value markers (pandas' {@code NA}, {@code NaN}, empty fields, and numbers you
 * name such as the ATLAS Higgs ML {@code -999}) into NaN. {@link dev.hadron.io.csv.CsvWriter}
 * writes a table back.
 *
 * <p>The parser is Hadron's own rather than FastCSV: it needs runs of whitespace as a delimiter
 * (common in HEP text dumps and {@code np.savetxt} output), error messages with the file's line
 * and column name for every bad value, and a first pass that sizes primitive arrays exactly. These
 * take about 400 lines on top of RFC 4180 quoting, so a dependency would save little.
 *
 * <pre>{@code
 * Table higgs = CsvReader.read(Path.of("binary.train"));        // tab-separated, no header: col0..col28
 * Table atlas = CsvReader.read(Path.of("train_sml_sig.csv"),
 *         CsvOptions.defaults().withMissingValues(-999).withColumns("DER_mass_MMC", "Weight", "Label"));
 * CsvWriter.write(Path.of("selected.csv"), atlas);
 * }</pre>
 */
package dev.hadron.io.csv;
