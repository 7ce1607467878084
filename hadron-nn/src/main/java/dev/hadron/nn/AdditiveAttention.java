package dev.hadron.nn;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Additive attention (Bahdanau, Cho and Bengio, 2015): scores {@code e_j = v^T tanh(W_q q + W_k k_j + b)},
 * weights {@code softmax_j(e_j)} and context {@code sum_j a_j value_j}. Children: {@code query_proj}
 * (no bias), {@code key_proj} (with the bias b) and {@code v} (hidden to 1, no bias).
 *
 * <p>Queries are (batch, Dq) for one query per sequence or (batch, L, Dq); keys (batch, S, Dk); values
 * (batch, S, Dv), or null to attend over the keys themselves. A boolean {@code keyPaddingMask}
 * (batch, S) marks padding positions with {@code true}, as in {@link MultiheadAttention}.
 *
 * <pre>{@code
 * AdditiveAttention att = new AdditiveAttention(32, 32, 16, gen);
 * Functional.AttentionResult r = att.forward(decoderState, encoderOutputs, null, padding);
 * r.output();    // (batch, 32) context vectors
 * r.weights();   // (batch, S) alignment
 * }</pre>
 */
public final class AdditiveAttention extends Module {
    private final int queryDim;
    private final int keyDim;
    private final int hiddenDim;
    private final Linear queryProj;
    private final Linear keyProj;
    private final Linear v;

    /** Attention of queries of width {@code queryDim} over keys of width {@code keyDim}, scoring in {@code hiddenDim}. */
    public AdditiveAttention(int queryDim, int keyDim, int hiddenDim, Generator gen) {
        this.queryDim = queryDim;
        this.keyDim = keyDim;
        this.hiddenDim = hiddenDim;
        this.queryProj = registerModule("query_proj", new Linear(queryDim, hiddenDim, false, gen));
        this.keyProj = registerModule("key_proj", new Linear(keyDim, hiddenDim, true, gen));
        this.v = registerModule("v", new Linear(hiddenDim, 1, false, gen));
    }

    /**
     * Context vectors and attention weights.
     *
     * @param query (batch, Dq) or (batch, L, Dq)
     * @param keys (batch, S, Dk)
     * @param values (batch, S, Dv), or null for the keys
     * @param keyPaddingMask (batch, S) bool, true = padding; or null
     * @return output (batch, Dv) or (batch, L, Dv), weights (batch, S) or (batch, L, S)
     */
    public Functional.AttentionResult forward(Tensor query, Tensor keys, Tensor values, Tensor keyPaddingMask) {
        boolean single = query.dim() == 2;
        Tensor q = single ? query.unsqueeze(1) : query;
        Tensor val = values == null ? keys : values;
        if (q.dim() != 3 || keys.dim() != 3 || val.dim() != 3 || keys.size(0) != q.size(0) || val.size(0) != q.size(0)
                || val.size(1) != keys.size(1)) {
            throw new IllegalArgumentException(this + ": expected query (B, Dq) or (B, L, Dq), keys (B, S, Dk) and values"
                    + " (B, S, Dv); got " + Shape.toString(query.shape()) + ", " + Shape.toString(keys.shape()) + ", "
                    + Shape.toString(val.shape()));
        }
        Tensor qp = queryProj.forward(q).unsqueeze(2);       // (B, L, 1, H)
        Tensor kp = keyProj.forward(keys).unsqueeze(1);      // (B, 1, S, H)
        Tensor scores = v.forward(qp.add(kp).tanh()).squeeze(-1);   // (B, L, S)
        Tensor allowed = null;
        if (keyPaddingMask != null) {
            if (keyPaddingMask.dtype() != DType.BOOL || keyPaddingMask.dim() != 2 || keyPaddingMask.size(0) != keys.size(0)
                    || keyPaddingMask.size(1) != keys.size(1)) {
                throw new IllegalArgumentException(this + ": keyPaddingMask must be bool of shape [" + keys.size(0) + ", "
                        + keys.size(1) + "], got " + keyPaddingMask.dtype() + " " + Shape.toString(keyPaddingMask.shape()));
            }
            allowed = keyPaddingMask.logicalNot().unsqueeze(1);
        }
        Tensor weights = Functional.maskedSoftmax(scores, allowed);
        Tensor ctx = weights.matmul(val);                    // (B, L, Dv)
        return single ? new Functional.AttentionResult(ctx.squeeze(1), weights.squeeze(1))
                : new Functional.AttentionResult(ctx, weights);
    }

    @Override
    protected String extraRepr() {
        return "query_dim=" + queryDim + ", key_dim=" + keyDim + ", hidden_dim=" + hiddenDim;
    }
}
