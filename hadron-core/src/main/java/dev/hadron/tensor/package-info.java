/**
 * Tensors: n-dimensional arrays with PyTorch's names and semantics, automatic differentiation, and
 * the structures HEP code needs.
 *
 * <ul>
 *   <li>{@link dev.hadron.tensor.Tensor} — strided views over typed storage, NumPy broadcasting, dtype
 *       promotion as documented in {@link dev.hadron.tensor.DType}; every op is differentiable in reverse
 *       and forward mode, to any order.</li>
 *   <li>{@link dev.hadron.tensor.Jagged} — events with variable numbers of entries (offsets + flat values)
 *       and differentiable per-event reductions.</li>
 *   <li>{@link dev.hadron.tensor.Linalg}, {@link dev.hadron.tensor.Conv}, {@link dev.hadron.tensor.Pool},
 *       {@link dev.hadron.tensor.Einsum} — {@code torch.linalg} and {@code torch.nn.functional} counterparts.</li>
 *   <li>{@link dev.hadron.tensor.Fused} — one-pass linear + activation, cross-entropy, layer norm and
 *       attention, each equal to its composite and differentiable to any order.</li>
 *   <li>{@link dev.hadron.tensor.Generator} — explicit, seeded, splittable randomness (there is no global
 *       random state).</li>
 *   <li>{@link dev.hadron.tensor.Safetensors} — named tensors in PyTorch's safetensors format.</li>
 * </ul>
 *
 * <pre>{@code
 * Generator gen = new Generator(42);
 * Tensor x = Tensor.randn(gen, 256, 16);                       // float32 (256, 16)
 * Tensor w = Tensor.randn(gen, 16, 3).mul(0.1).requiresGrad(true);
 * Tensor y = Tensor.randint(gen, 0, 3, 256);                   // int64 labels
 * Tensor loss = x.matmul(w).logSoftmax(1).gather(1, y.unsqueeze(1)).mean().neg();
 * loss.backward();
 * System.out.println(w.grad().shape()[0]);                     // 16
 * }</pre>
 *
 * <p>PyTorch to Hadron: {@code torch.tensor(data)} → {@code Tensor.of(data, shape)};
 * {@code x[i, j]} → {@code x.get(i, j)}; {@code x[:, 1:5:2]} → {@code x.slice(1, 1, 5, 2)};
 * {@code x.view(-1)} → {@code x.view(-1)}; {@code x @ y} → {@code x.matmul(y)};
 * {@code x.sum(dim=1, keepdim=True)} → {@code x.sum(new int[] {1}, true)};
 * {@code torch.where(c, a, b)} → {@code Tensor.where(c, a, b)}; {@code x.max(1)} →
 * {@code x.max(1)} (a {@link dev.hadron.tensor.ValuesIndices}); {@code x.detach()},
 * {@code x.requires_grad_()} → {@code x.requiresGrad(true)}; {@code x.grad} → {@code x.grad()}.
 */
package dev.hadron.tensor;
