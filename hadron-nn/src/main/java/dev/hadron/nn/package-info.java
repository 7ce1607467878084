/**
 * Neural-network modules in the manner of {@code torch.nn}.
 *
 * <p>{@link dev.hadron.nn.Module} is the base of every layer and model: parameters, buffers and
 * children registered by name, PyTorch's parameter names and order, train/eval modes, state dicts
 * that load into the equivalent PyTorch module through safetensors, and a summary table. Layers:
 * {@link dev.hadron.nn.Linear}, convolutions, pooling, {@link dev.hadron.nn.BatchNorm1d}/2d,
 * {@link dev.hadron.nn.LayerNorm}, {@link dev.hadron.nn.Embedding}, {@link dev.hadron.nn.Dropout},
 * activations, {@link dev.hadron.nn.Residual}, recurrent layers ({@link dev.hadron.nn.RNN},
 * {@link dev.hadron.nn.LSTM}, {@link dev.hadron.nn.GRU}), attention and transformers. Losses with
 * per-event weights are in {@link dev.hadron.nn.Losses} and the loss records; initializers in
 * {@link dev.hadron.nn.Init}; stateless functions in {@link dev.hadron.nn.Functional}; penalties and
 * gradient clipping in {@link dev.hadron.nn.Regularization}.
 *
 * <pre>{@code
 * Generator gen = new Generator(42);
 * Sequential model = new Sequential(
 *         new Linear(28, 64, gen), new ReLU(),
 *         new Linear(64, 2, gen));
 * Adam opt = new Adam(model.parameters(), 1e-3);
 * for (int step = 0; step < 100; step++) {
 *     opt.zeroGrad();
 *     Tensor loss = Losses.crossEntropy(model.forward(x), labels);
 *     loss.backward();
 *     opt.step();
 * }
 * System.out.println(model.summary(1, 28));
 * Safetensors.save(model.stateDict(), path);   // loads in PyTorch with load_state_dict
 * }</pre>
 */
package dev.hadron.nn;
