package dev.hadron.internal.autograd;

import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse-mode execution: a topological sort of the recorded graph from the roots, then one pass
 * in reverse that calls each node's VJP and sums the cotangents flowing into each tensor
 * (micrograd's {@code backward()}, with multi-output nodes and pruning).
 */
public final class Engine {
    private static final TensorAccess ACCESS = TensorAccess.Holder.get();

    private Engine() {
    }

    /**
     * Runs backward from {@code roots} seeded with {@code rootGrads}.
     *
     * @param targets tensors whose gradients are returned; null to accumulate into leaves' {@code grad()} instead
     * @param retainGraph keep saved values so the graph can be differentiated again
     * @param createGraph record the backward computation itself (for higher-order derivatives)
     * @return gradients of the targets (null entries where no gradient flowed), or null when accumulating
     */
    public static Tensor[] run(Tensor[] roots, Tensor[] rootGrads, Tensor[] targets, boolean retainGraph,
                               boolean createGraph) {
        Node[] rootNodes = new Node[roots.length];
        int[] rootIndex = new int[roots.length];
        for (int i = 0; i < roots.length; i++) {
            AutogradMeta meta = ACCESS.meta(roots[i]);
            if (meta == null || !meta.requiresGrad) {
                throw new IllegalArgumentException("backward: the output does not require grad; no input of the computation "
                        + "had requiresGrad(true), or it ran inside noGrad()");
            }
            if (meta.gradFn != null) {
                rootNodes[i] = meta.gradFn;
                rootIndex[i] = meta.outputIndex;
            } else {
                if (meta.leafNode == null) {
                    meta.leafNode = new Node(roots[i]);
                }
                rootNodes[i] = meta.leafNode;
            }
        }
        Map<Node, List<int[]>> targetSlots = null;
        Tensor[] results = null;
        if (targets != null) {
            results = new Tensor[targets.length];
            targetSlots = new IdentityHashMap<>();
            for (int i = 0; i < targets.length; i++) {
                AutogradMeta meta = ACCESS.meta(targets[i]);
                if (meta == null || !meta.requiresGrad) {
                    continue;
                }
                Node node = meta.gradFn != null ? meta.gradFn : meta.leafNode;
                if (node == null) {
                    continue;
                }
                targetSlots.computeIfAbsent(node, k -> new ArrayList<>())
                        .add(new int[] {i, meta.gradFn != null ? meta.outputIndex : 0});
            }
        }
        List<Node> order = topologicalOrder(rootNodes);
        Map<Node, Boolean> useful = targetSlots == null ? null : usefulNodes(order, targetSlots);

        Map<Node, Tensor[]> buffers = new IdentityHashMap<>();
        for (int i = 0; i < roots.length; i++) {
            accumulate(buffers, rootNodes[i], rootIndex[i], rootGrads[i]);
        }
        try (Mode.Scope s = Mode.setGradEnabled(createGraph)) {
            for (Node node : order) {
                Tensor[] grads = buffers.remove(node);
                if (grads == null) {
                    continue;
                }
                if (targetSlots != null) {
                    List<int[]> slots = targetSlots.get(node);
                    if (slots != null) {
                        for (int[] slot : slots) {
                            results[slot[0]] = grads[slot[1]];
                        }
                    }
                }
                if (node.isLeaf()) {
                    if (targetSlots == null) {
                        accumulateLeaf(node.leaf, grads[0]);
                    }
                    continue;
                }
                if (targetSlots == null && node.retained != null) {
                    for (int j = 0; j < grads.length; j++) {
                        if (node.retained[j] != null && grads[j] != null) {
                            accumulateLeaf(node.retained[j], grads[j]);
                        }
                    }
                }
                if (useful != null && !hasUsefulChild(node, useful)) {
                    continue;
                }
                runNode(node, grads, buffers, useful);
                releaseIfDone(node, retainGraph);
            }
        }
        return results;
    }

    private static void runNode(Node node, Tensor[] grads, Map<Node, Tensor[]> buffers, Map<Node, Boolean> useful) {
        Op op = node.op;
        if (op.isReleased()) {
            throw new IllegalStateException("backward through the graph a second time: op '" + op.name()
                    + "' was already differentiated and its saved values freed. Call backward(gradient, true, false)"
                    + " (retainGraph) the first time if you need to differentiate through the graph again.");
        }
        for (int j = 0; j < grads.length; j++) {
            if (grads[j] == null) {
                grads[j] = Tensor.zeros(node.outDtypes[j], node.outShapes[j]);
            }
        }
        boolean[] needs = new boolean[node.next.length];
        for (int i = 0; i < needs.length; i++) {
            needs[i] = node.next[i] != null && (useful == null || useful.getOrDefault(node.next[i], false));
        }
        op.setNeedsInputGrad(needs);
        Mode mode = Mode.current();
        String outer = mode.backwardOf;
        mode.backwardOf = op.name();
        Tensor[] inGrads;
        try {
            inGrads = op.vjp(grads);
        } finally {
            mode.backwardOf = outer;
        }
        if (Mode.isAnomalyEnabled()) {
            Dispatch.checkFinite(op, inGrads, "backward");
        }
        for (int i = 0; i < node.next.length; i++) {
            if (!needs[i] || inGrads[i] == null) {
                continue;
            }
            Node child = node.next[i];
            int idx = node.nextIndex[i];
            Tensor g = inGrads[i];
            int[] expected = child.outShapes[idx];
            if (!Arrays.equals(g.shape(), expected)) {
                throw new IllegalStateException("internal error: VJP of op '" + op.name() + "' returned a gradient of shape "
                        + Shape.toString(g.shape()) + " for input " + i + " of shape " + Shape.toString(expected));
            }
            if (g.dtype() != child.outDtypes[idx]) {
                g = g.to(child.outDtypes[idx]);
            }
            accumulate(buffers, child, idx, g);
        }
    }

    private static void accumulate(Map<Node, Tensor[]> buffers, Node node, int index, Tensor g) {
        Tensor[] slot = buffers.computeIfAbsent(node, k -> new Tensor[k.outShapes.length]);
        slot[index] = slot[index] == null ? g : slot[index].add(g);
    }

    private static void accumulateLeaf(Tensor leaf, Tensor g) {
        AutogradMeta meta = ACCESS.metaOrCreate(leaf);
        if (g.dtype() != leaf.dtype()) {
            g = g.to(leaf.dtype());
        }
        meta.grad = meta.grad == null ? (g.isContiguous() ? g : g.contiguous()) : meta.grad.add(g);
    }

    /** Frees the saved values of a node that has run, unless the graph is to be reused. */
    private static void releaseIfDone(Node node, boolean retainGraph) {
        if (!retainGraph) {
            node.op.release();
        }
    }

    private static boolean hasUsefulChild(Node node, Map<Node, Boolean> useful) {
        for (Node child : node.next) {
            if (child != null && useful.getOrDefault(child, false)) {
                return true;
            }
        }
        return false;
    }

    /** Nodes ordered so that every node comes before the nodes that produced its inputs. */
    private static List<Node> topologicalOrder(Node[] roots) {
        Map<Node, Boolean> visited = new IdentityHashMap<>();
        List<Node> postOrder = new ArrayList<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        for (Node root : roots) {
            if (visited.containsKey(root)) {
                continue;
            }
            visited.put(root, true);
            stack.push(new Object[] {root, 0});
            while (!stack.isEmpty()) {
                Object[] frame = stack.peek();
                Node node = (Node) frame[0];
                int i = (Integer) frame[1];
                if (i < node.next.length) {
                    frame[1] = i + 1;
                    Node child = node.next[i];
                    if (child != null && !visited.containsKey(child)) {
                        visited.put(child, true);
                        stack.push(new Object[] {child, 0});
                    }
                } else {
                    stack.pop();
                    postOrder.add(node);
                }
            }
        }
        List<Node> order = new ArrayList<>(postOrder.size());
        for (int i = postOrder.size() - 1; i >= 0; i--) {
            order.add(postOrder.get(i));
        }
        return order;
    }

    /** Nodes from which a target can be reached (the only ones worth differentiating). */
    private static Map<Node, Boolean> usefulNodes(List<Node> order, Map<Node, List<int[]>> targets) {
        Map<Node, Boolean> useful = new IdentityHashMap<>();
        for (int k = order.size() - 1; k >= 0; k--) {
            Node node = order.get(k);
            boolean u = targets.containsKey(node);
            if (!u) {
                for (Node child : node.next) {
                    if (child != null && useful.getOrDefault(child, false)) {
                        u = true;
                        break;
                    }
                }
            }
            useful.put(node, u);
        }
        return useful;
    }
}
