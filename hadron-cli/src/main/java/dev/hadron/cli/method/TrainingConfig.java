package dev.hadron.cli.method;

import dev.hadron.cli.config.ConfigNode;

import java.util.List;

/**
 * A network's {@code training:} settings.
 *
 * <pre>
 * training: {epochs: 20, batch_size: 256, learning_rate: 1e-3, optimizer: adam, weight_decay: 0, patience: 5}
 * </pre>
 *
 * @param epochs maximum number of passes over the training data
 * @param batchSize events per step
 * @param learningRate the optimizer's learning rate
 * @param optimizer adam, adamw or sgd (momentum 0.9)
 * @param weightDecay L2 weight decay (decoupled for adamw)
 * @param patience stop after this many epochs without a better validation loss and keep the best
 *     weights (0 disables; needs a validation part)
 * @param schedule constant or cosine (annealed to 0 over the epochs)
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, String optimizer, double weightDecay, int patience,
                             String schedule) {

    /** Reads the node (null for defaults). */
    public static TrainingConfig from(ConfigNode n) {
        if (n == null) {
            return new TrainingConfig(20, 256, 1e-3, "adam", 0, 0, "constant");
        }
        n.checkKeys(List.of("epochs", "batch_size", "learning_rate", "optimizer", "weight_decay", "patience", "schedule"));
        return new TrainingConfig((int) n.integer("epochs", 20, 1, 100_000), (int) n.integer("batch_size", 256, 1, 1 << 24),
                n.number("learning_rate", 1e-3, 1e-12, 10), n.choice("optimizer", "adam", List.of("adam", "adamw", "sgd")),
                n.number("weight_decay", 0, 0, 10), (int) n.integer("patience", 0, 0, 100_000),
                n.choice("schedule", "constant", List.of("constant", "cosine")));
    }
}
