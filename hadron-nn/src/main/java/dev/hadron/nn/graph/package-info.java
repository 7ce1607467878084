/**
 * Set and graph layers on jagged events, without padding: the particles of all events of a batch sit
 * back to back in one flat tensor (a {@link dev.hadron.tensor.Jagged} batch), and every per-event or
 * per-node reduction is a segment reduction over flat arrays.
 *
 * <ul>
 *   <li>Sets: {@link dev.hadron.nn.graph.DeepSets} (Particle Flow Network) and
 *       {@link dev.hadron.nn.graph.EnergyFlowNetwork}, pooling by {@link dev.hadron.nn.graph.Aggregation}.</li>
 *   <li>Graphs: {@link dev.hadron.nn.graph.Graph} (PyG-style batched edge index, edges sorted by target)
 *       built by {@link dev.hadron.nn.graph.Graphs}: fully connected, k nearest neighbours, radius.</li>
 *   <li>Message passing: {@link dev.hadron.nn.graph.GCNConv}, {@link dev.hadron.nn.graph.SAGEConv},
 *       {@link dev.hadron.nn.graph.EdgeConv} and {@link dev.hadron.nn.graph.DynamicEdgeConv} (ParticleNet),
 *       {@link dev.hadron.nn.graph.GravNetConv}, {@link dev.hadron.nn.graph.NNConv} and
 *       {@link dev.hadron.nn.graph.MPNN} (edge network + GRU), and the Particle Transformer's
 *       {@link dev.hadron.nn.graph.ParticleAttentionBlock} with {@link dev.hadron.nn.graph.PairFeatures}.</li>
 * </ul>
 * Parameter names follow PyTorch Geometric ({@code lin.weight}, {@code lin_l.weight}, {@code nn.0.weight},
 * ...), so state dicts read like PyG's.
 *
 * <pre>{@code
 * Generator gen = new Generator(1);
 * Jagged particles = Jagged.fromCounts(features, counts);          // (total, 4): pt, eta, phi, E
 * Graph g = Graphs.knn(particles.map(v -> v.narrow(1, 1, 2)), 8, false);
 * GCNConv conv = new GCNConv(4, 32, gen);
 * Tensor h = conv.forward(particles.values(), g).relu();           // (total, 32)
 * Tensor perEvent = Aggregation.MEAN.apply(g.nodes(h));            // (events, 32)
 * }</pre>
 */
package dev.hadron.nn.graph;
