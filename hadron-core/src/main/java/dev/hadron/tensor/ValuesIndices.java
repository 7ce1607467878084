package dev.hadron.tensor;

/**
 * Values with the indices they came from, as returned by {@code max(dim)}, {@code min(dim)},
 * {@code sort} and {@code topk} (PyTorch's {@code torch.return_types}).
 *
 * @param values the values (differentiable)
 * @param indices int64 positions along the reduced or sorted dimension
 */
public record ValuesIndices(Tensor values, Tensor indices) {
}
