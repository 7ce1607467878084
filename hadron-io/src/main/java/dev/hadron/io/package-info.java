/**
 * The shape all of Hadron's readers share: a {@link dev.hadron.io.Table} of named columns, each a
 * {@link dev.hadron.tensor.Tensor} (one value or one fixed-size block per row), a
 * {@link dev.hadron.tensor.Jagged} (a variable-length list per row: muons, jets, constituents) or
 * text; a {@link dev.hadron.io.DatasetSpec} that picks feature, label and weight columns into the
 * {@link dev.hadron.data.Dataset} the training code uses, with a {@link dev.hadron.io.MissingValues}
 * policy; and a {@link dev.hadron.io.FileSummary} describing a file for {@code hadron inspect}.
 * {@link dev.hadron.io.DataFiles} detects a file's format and reads or summarises it.
 *
 * <p>A ROOT tree maps onto a table the same way ({@link dev.hadron.io.root.RootTree#table}): flat
 * branches become tensor columns, counter-leaf and {@code std::vector} branches become jagged columns,
 * each leaf of a leaf list a column {@code branch/leaf}, and the tree's branches become the items of its
 * summary. {@code DataFiles.read(path, "events", List.of("NMuon", "Muon_*"))} names the tree.
 *
 * <pre>{@code
 * Table sig = CsvReader.read(Path.of("train_sml_sig.csv"), CsvOptions.defaults().withMissingValues(-999));
 * Table bkg = CsvReader.read(Path.of("train_sml_bg.csv"), CsvOptions.defaults().withMissingValues(-999));
 * Dataset data = DatasetSpec.of("DER_*", "PRI_*").withWeight("Weight")
 *         .withMissing(MissingValues.DROP).build(sig, bkg);
 * Dataset.Split split = data.splitStratified(new Generator(42), 0.6, 0.2);
 *
 * System.out.println(DataFiles.summary(Path.of("nano_dy.parquet")).toText());
 * }</pre>
 *
 * <p>Errors in a file's content are {@link dev.hadron.io.FileFormatException}s naming the file and
 * the place; I/O failures are {@link java.io.UncheckedIOException}s; wrong arguments (an unknown
 * column) are {@link IllegalArgumentException}s listing what exists.
 */
package dev.hadron.io;
