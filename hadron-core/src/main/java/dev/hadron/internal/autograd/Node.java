package dev.hadron.internal.autograd;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;

/**
 * A recorded application of an {@link Op} in the reverse-mode graph, or the gradient-accumulating
 * node of a leaf tensor. Edges point from a node to the nodes that produced its inputs.
 */
public final class Node {
    final Op op;
    final Tensor leaf;
    final Node[] next;
    final int[] nextIndex;
    final int[][] outShapes;
    final DType[] outDtypes;
    /** Non-leaf outputs that asked to keep their gradient ({@code retainGrad()}); lazily allocated. */
    Tensor[] retained;

    Node(Op op, Node[] next, int[] nextIndex, Tensor[] outputs) {
        this.op = op;
        this.leaf = null;
        this.next = next;
        this.nextIndex = nextIndex;
        this.outShapes = new int[outputs.length][];
        this.outDtypes = new DType[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            outShapes[i] = outputs[i].shape();
            outDtypes[i] = outputs[i].dtype();
        }
    }

    /** The accumulating node of a leaf. */
    Node(Tensor leaf) {
        this.op = null;
        this.leaf = leaf;
        this.next = new Node[0];
        this.nextIndex = new int[0];
        this.outShapes = new int[][] {leaf.shape()};
        this.outDtypes = new DType[] {leaf.dtype()};
    }

    /** The op's name, or "leaf" for accumulating nodes (for error messages). */
    public String name() {
        return op == null ? "leaf" : op.name();
    }

    /** The op of this node (null for a leaf). */
    public Op op() {
        return op;
    }

    boolean isLeaf() {
        return op == null;
    }

    /** Keeps the gradient of output {@code outputIndex} in {@code t.grad()} after backward. */
    public void retain(int outputIndex, Tensor t) {
        if (retained == null) {
            retained = new Tensor[outShapes.length];
        }
        retained[outputIndex] = t;
    }
}
