/**
 * The data every trainer shares: {@link dev.hadron.data.Dataset} (features dense or jagged, labels,
 * event weights, seeded splits) and {@link dev.hadron.data.Standardizer} (fitted on training data only).
 *
 * <pre>{@code
 * Dataset data = Dataset.of(x, labels, weights);
 * Dataset.Split parts = data.splitStratified(new Generator(1), 0.7, 0.15);
 * Standardizer s = Standardizer.fit(parts.train().features());
 * Tensor xTrain = s.transform(parts.train().features());
 * }</pre>
 */
package dev.hadron.data;
