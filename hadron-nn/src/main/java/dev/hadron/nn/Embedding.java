package dev.hadron.nn;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * A lookup table of learnable vectors, as {@code torch.nn.Embedding}: integer indices of any shape
 * give vectors of shape {@code indices.shape + [dim]}; {@code weight} (num, dim) starts N(0, 1). With a
 * padding index, that row starts at zero and receives no gradient (as in PyTorch). Indices out
 * of range are an error naming the position.
 */
public final class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private final long paddingIdx;
    private final Parameter weight;

    /** A table of {@code numEmbeddings} vectors of size {@code embeddingDim}, no padding index. */
    public Embedding(int numEmbeddings, int embeddingDim, Generator gen) {
        this(numEmbeddings, embeddingDim, -1, gen);
    }

    /** A table with a padding index in [0, numEmbeddings) (or -1 for none). */
    public Embedding(int numEmbeddings, int embeddingDim, long paddingIdx, Generator gen) {
        if (numEmbeddings <= 0 || embeddingDim <= 0) {
            throw new IllegalArgumentException("Embedding: sizes must be positive, got " + numEmbeddings + " x "
                    + embeddingDim);
        }
        if (paddingIdx < -1 || paddingIdx >= numEmbeddings) {
            throw new IllegalArgumentException("Embedding: padding index " + paddingIdx + " is out of range [0, "
                    + numEmbeddings + ")");
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx;
        Tensor w = Init.normal(Tensor.zeros(numEmbeddings, embeddingDim), 0, 1, gen);
        if (paddingIdx >= 0) {
            w.select(0, (int) paddingIdx).fill(0);
        }
        this.weight = registerParameter("weight", w);
    }

    @Override
    public Tensor forward(Tensor indices) {
        if (indices.dtype() != DType.INT64 && indices.dtype() != DType.INT32) {
            throw new IllegalArgumentException(this + ": indices must be int64 or int32, got " + indices.dtype());
        }
        long[] idx = indices.toLongArray();
        boolean anyPadding = false;
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= numEmbeddings) {
                throw new IllegalArgumentException(this + ": index " + idx[i] + " at position " + i
                        + " is out of range [0, " + numEmbeddings + ") (input shape " + Shape.toString(indices.shape()) + ")");
            }
            anyPadding |= idx[i] == paddingIdx;
        }
        int[] outShape = java.util.Arrays.copyOf(indices.shape(), indices.dim() + 1);
        outShape[indices.dim()] = embeddingDim;
        Tensor out = weight.value().indexSelect(0, Tensor.wrap(idx, idx.length));
        if (anyPadding) {
            boolean[] keep = new boolean[idx.length];
            for (int i = 0; i < idx.length; i++) {
                keep[i] = idx[i] != paddingIdx;
            }
            out = Tensor.where(Tensor.of(keep, idx.length, 1), out, out.detach());
        }
        return out.reshape(outShape);
    }

    /** The table (num, dim). */
    public Tensor weight() {
        return weight.value();
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx >= 0 ? ", padding_idx=" + paddingIdx : "");
    }
}
