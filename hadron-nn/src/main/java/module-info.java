/**
 * Hadron NN: neural networks in the manner of {@code torch.nn} and {@code torch.optim}: modules with
 * PyTorch-compatible parameter names and state dicts, layers from dense to transformers, initializers,
 * losses with per-event weights, optimizers and learning-rate schedules, a data loader and a training
 * loop with callbacks, progress bar and resumable safetensors checkpoints.
 */
module dev.hadron.nn {
    requires transitive dev.hadron.core;

    exports dev.hadron.nn;
    exports dev.hadron.nn.graph;
    exports dev.hadron.optim;
    exports dev.hadron.train;
}
