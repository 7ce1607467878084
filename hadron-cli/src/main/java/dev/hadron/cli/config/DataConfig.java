package dev.hadron.cli.config;

import dev.hadron.io.MissingValues;

import java.util.List;

/**
 * The {@code data:} section of a study: where events come from and how they become inputs. Exactly one
 * source: {@code signal:} + {@code background:} files (labels 1 and 0), {@code files:} with a
 * {@code label:} column (or a {@code target:} for regression), or the built-in {@code generator:}.
 *
 * @param files files holding all events (label or target column inside), or empty
 * @param signal signal files, or empty
 * @param background background files, or empty
 * @param generator the built-in jet generator, or null
 * @param features dense feature columns: names or globs ({@code DER_*})
 * @param exclude columns removed from the feature selection (names or globs)
 * @param particles jagged columns forming the per-particle input set {@code particles} (names or globs)
 * @param label the label column, or null
 * @param classes label values in class order (first = background), or empty for automatic
 * @param classNames display names of the classes, or empty for defaults
 * @param target the regression target column, or null
 * @param weight the event-weight column, or null
 * @param missingValues numbers that mean "missing" (e.g. −999), turned into NaN
 * @param missing what to do with missing values
 * @param fillValue the value replacing missing ones under {@code fill}
 * @param maxEvents at most this many events per source file (0 for all)
 * @param split the train/validation/test fractions
 * @param standardize standardize inputs with means and widths from the training part
 * @param selection an event selection such as {@code "pt1 > 20 && abs(eta1) < 2.4"} applied to every file
 *     after reading (see {@link dev.hadron.cli.study.Selection}), or null for all events
 * @param trainWeights {@code balanced} (each class's training weights rescaled to sum to half the
 *     events), {@code as_is}, or {@code none}; evaluation always uses the original weights
 */
public record DataConfig(List<FileSource> files, List<FileSource> signal, List<FileSource> background, GeneratorSource generator,
                         List<String> features, List<String> exclude, List<String> particles, String label, List<String> classes,
                         List<String> classNames, String target, String weight, List<Double> missingValues, MissingValues missing,
                         double fillValue, long maxEvents, String selection, SplitConfig split, boolean standardize,
                         String trainWeights) {
}
