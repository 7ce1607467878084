package dev.hadron.cli.config;

import java.util.List;

/**
 * One entry of {@code methods:}.
 *
 * <pre>
 * - name: BDT                  # display name, unique (default: the type)
 *   type: gbt                  # see {@link MethodType}
 *   inputs: features           # which input set of the data (features, particles, images, constituents)
 *   params: {trees: 200, max_depth: 4}     # hyperparameters (estimators)
 *   layers: [linear 64, relu, linear 64, relu]   # networks (type: nn)
 *   training: {epochs: 20, batch_size: 256, learning_rate: 1e-3}
 * </pre>
 *
 * @param name the unique display name
 * @param type the method
 * @param inputs the input set
 * @param params hyperparameters (a mapping node), or null
 * @param layers the layer list of a network, or null
 * @param training the training settings of a network, or null
 * @param node the whole entry (for messages)
 */
public record MethodConfig(String name, MethodType type, String inputs, ConfigNode params, List<ConfigNode> layers,
                           ConfigNode training, ConfigNode node) {
}
