package dev.hadron.nn;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Fused;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/**
 * Multi-head attention (Vaswani et al., 2017), as {@code torch.nn.MultiheadAttention}: queries, keys and
 * values are projected ({@code in_proj_weight} (3E, E) and {@code in_proj_bias} (3E), or
 * {@code q_proj_weight}/{@code k_proj_weight}/{@code v_proj_weight} when the key or value width differs
 * from E), split into heads, combined by scaled dot-product attention and projected back by
 * {@code out_proj} (a {@link Linear}). Initialization as PyTorch: Xavier-uniform input projections, zero
 * biases.
 *
 * <p>Batch-first by default (PyTorch's default is time-first): inputs (batch, length, E). Masks follow
 * PyTorch's conventions for this module: a boolean {@code keyPaddingMask} (batch, S) is {@code true} at
 * padding positions to ignore; a boolean {@code attnMask} (L, S) or (batch * heads, L, S) is {@code true}
 * where attention is not allowed; floating masks are added to the scores. A query that may attend to no
 * key gets zero weights (PyTorch gives NaN).
 *
 * <pre>{@code
 * MultiheadAttention mha = new MultiheadAttention(64, 4, gen);
 * Tensor y = mha.forward(particles);                          // self-attention, (B, N, 64)
 * Functional.AttentionResult r = mha.forward(q, k, v, padding, null, true);
 * }</pre>
 */
public final class MultiheadAttention extends Module {
    private final int embedDim;
    private final int numHeads;
    private final int kdim;
    private final int vdim;
    private final double dropout;
    private final boolean batchFirst;
    private final Parameter inProjWeight;
    private final Parameter qProjWeight;
    private final Parameter kProjWeight;
    private final Parameter vProjWeight;
    private final Parameter inProjBias;
    private final Linear outProj;
    private final RandomStream random;

    /** Self-attention with {@code numHeads} heads over width {@code embedDim}, with bias, no dropout, batch-first. */
    public MultiheadAttention(int embedDim, int numHeads, Generator gen) {
        this(embedDim, numHeads, gen, 0.0, true, embedDim, embedDim, true);
    }

    /**
     * Full control.
     *
     * @param dropout dropout on the attention weights in training mode, in [0, 1)
     * @param bias whether the projections have biases
     * @param kdim width of the keys
     * @param vdim width of the values
     * @param batchFirst (batch, length, E) rather than (length, batch, E)
     */
    public MultiheadAttention(int embedDim, int numHeads, Generator gen, double dropout, boolean bias, int kdim, int vdim,
                              boolean batchFirst) {
        if (embedDim <= 0 || numHeads <= 0 || embedDim % numHeads != 0) {
            throw new IllegalArgumentException("MultiheadAttention: embedDim (" + embedDim + ") must be a positive multiple"
                    + " of numHeads (" + numHeads + ")");
        }
        if (kdim <= 0 || vdim <= 0) {
            throw new IllegalArgumentException("MultiheadAttention: kdim and vdim must be positive, got " + kdim + ", "
                    + vdim);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("MultiheadAttention: dropout must be in [0, 1), got " + dropout);
        }
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.kdim = kdim;
        this.vdim = vdim;
        this.dropout = dropout;
        this.batchFirst = batchFirst;
        boolean same = kdim == embedDim && vdim == embedDim;
        if (same) {
            inProjWeight = registerParameter("in_proj_weight",
                    Init.xavierUniform(Tensor.zeros(3 * embedDim, embedDim), gen));
            qProjWeight = null;
            kProjWeight = null;
            vProjWeight = null;
        } else {
            inProjWeight = null;
            qProjWeight = registerParameter("q_proj_weight", Init.xavierUniform(Tensor.zeros(embedDim, embedDim), gen));
            kProjWeight = registerParameter("k_proj_weight", Init.xavierUniform(Tensor.zeros(embedDim, kdim), gen));
            vProjWeight = registerParameter("v_proj_weight", Init.xavierUniform(Tensor.zeros(embedDim, vdim), gen));
        }
        inProjBias = bias ? registerParameter("in_proj_bias", Tensor.zeros(3 * embedDim)) : null;
        outProj = registerModule("out_proj", new Linear(embedDim, embedDim, bias, gen));
        if (bias) {
            Init.zeros(outProj.bias());
        }
        random = dropout > 0 ? registerRandomStream("random", gen) : null;
    }

    /** Self-attention: query = key = value = x; returns the output. */
    @Override
    public Tensor forward(Tensor x) {
        return attend(x, x, x, null, null);
    }

    /** Attention of {@code query} over {@code key}/{@code value}; returns the output. */
    public Tensor forward(Tensor query, Tensor key, Tensor value) {
        return attend(query, key, value, null, null);
    }

    /**
     * The full computation.
     *
     * @param query (batch, L, E) batch-first, or unbatched (L, E)
     * @param key (batch, S, kdim)
     * @param value (batch, S, vdim)
     * @param keyPaddingMask (batch, S): bool true = ignore that key, or float added; null for none
     * @param attnMask (L, S) or (batch * heads, L, S): bool true = not allowed, or float added; null for none
     * @param averageWeights average the returned weights over heads ((batch, L, S)) or not ((batch, heads, L, S))
     * @return the output (batch, L, E) and the attention weights
     */
    public Functional.AttentionResult forward(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask,
                                              Tensor attnMask, boolean averageWeights) {
        Prepared p = prepare(query, key, value, keyPaddingMask, attnMask);
        Tensor scores = p.qh.matmul(p.kh.mT()).mul(1.0 / Math.sqrt(p.qh.size(3)));   // (B, H, L, S)
        if (p.additive != null) {
            scores = scores.add(p.additive);
        }
        Tensor weights = Functional.maskedSoftmax(scores, p.allowed);
        Tensor attnWeights = weights;
        if (random != null && isTraining()) {
            weights = Functional.dropout(weights, dropout, true, random.next());
        }
        Tensor ctx = weights.matmul(p.vh).permute(0, 2, 1, 3).reshape(p.b, p.l, embedDim);
        Tensor out = outProj.forward(ctx);
        Tensor w = averageWeights ? attnWeights.mean(1) : attnWeights;
        if (p.unbatched) {
            out = out.squeeze(0);
            w = w.squeeze(0);
        } else if (!batchFirst) {
            out = out.transpose(0, 1);
        }
        return new Functional.AttentionResult(out, w);
    }

    /**
     * The attention output only, as {@link #forward(Tensor, Tensor, Tensor, Tensor, Tensor, boolean)}
     * gives it, without forming the attention weights as a tensor: outside training with dropout it
     * runs the fused kernel ({@link dev.hadron.tensor.Fused#attention}); transformer layers use it.
     */
    public Tensor attend(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask) {
        if (random != null && isTraining()) {
            return forward(query, key, value, keyPaddingMask, attnMask, true).output();
        }
        Prepared p = prepare(query, key, value, keyPaddingMask, attnMask);
        Tensor mask = p.additive;
        if (p.allowed != null) {
            Tensor blocked = Tensor.where(p.allowed, Tensor.zeros(p.qh.dtype(), 1), Double.NEGATIVE_INFINITY);
            mask = mask == null ? blocked : mask.add(blocked);
        }
        Tensor ctx = Fused.attention(p.qh, p.kh, p.vh, mask, 1.0 / Math.sqrt(p.qh.size(3)));
        Tensor out = outProj.forward(ctx.permute(0, 2, 1, 3).reshape(p.b, p.l, embedDim));
        if (p.unbatched) {
            return out.squeeze(0);
        }
        return batchFirst ? out : out.transpose(0, 1);
    }

    /** The projected, head-split query, key and value, and the masks: additive (float) and allowed (bool). */
    private record Prepared(Tensor qh, Tensor kh, Tensor vh, Tensor additive, Tensor allowed, int b, int l,
                            boolean unbatched) {
    }

    private Prepared prepare(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask) {
        boolean unbatched = query.dim() == 2;
        if (query.dim() != 3 && !unbatched) {
            throw new IllegalArgumentException(this + ": expected query of shape (batch, L, " + embedDim
                    + ") or (L, " + embedDim + "), got " + Shape.toString(query.shape()));
        }
        Tensor q = unbatched ? query.unsqueeze(0) : batchFirst ? query : query.transpose(0, 1);
        Tensor k = unbatched ? key.unsqueeze(0) : batchFirst ? key : key.transpose(0, 1);
        Tensor v = unbatched ? value.unsqueeze(0) : batchFirst ? value : value.transpose(0, 1);
        if (k.dim() != 3 || v.dim() != 3 || q.size(2) != embedDim || k.size(2) != kdim || v.size(2) != vdim
                || k.size(0) != q.size(0) || v.size(0) != q.size(0) || k.size(1) != v.size(1)) {
            throw new IllegalArgumentException(this + ": expected query (B, L, " + embedDim + "), key (B, S, " + kdim
                    + ") and value (B, S, " + vdim + "); got " + Shape.toString(query.shape()) + ", "
                    + Shape.toString(key.shape()) + ", " + Shape.toString(value.shape()));
        }
        int b = q.size(0);
        int l = q.size(1);
        int s = k.size(1);
        int dh = embedDim / numHeads;
        Tensor wq;
        Tensor wk;
        Tensor wv;
        if (inProjWeight != null) {
            Tensor w = inProjWeight.value();
            wq = w.narrow(0, 0, embedDim);
            wk = w.narrow(0, embedDim, embedDim);
            wv = w.narrow(0, 2 * embedDim, embedDim);
        } else {
            wq = qProjWeight.value();
            wk = kProjWeight.value();
            wv = vProjWeight.value();
        }
        Tensor bq = null;
        Tensor bk = null;
        Tensor bv = null;
        if (inProjBias != null) {
            Tensor bias = inProjBias.value();
            bq = bias.narrow(0, 0, embedDim);
            bk = bias.narrow(0, embedDim, embedDim);
            bv = bias.narrow(0, 2 * embedDim, embedDim);
        }
        Functional.checkDtype(this, "attention", q, wq);
        Tensor qh = Functional.linear(q, wq, bq).reshape(b, l, numHeads, dh).permute(0, 2, 1, 3);
        Tensor kh = Functional.linear(k, wk, bk).reshape(b, s, numHeads, dh).permute(0, 2, 1, 3);
        Tensor vh = Functional.linear(v, wv, bv).reshape(b, s, numHeads, dh).permute(0, 2, 1, 3);
        Tensor additive = null;
        Tensor allowed = null;
        if (attnMask != null) {
            Tensor m = attnMask;
            if (m.dim() == 3) {
                if (m.size(0) != b * numHeads || m.size(1) != l || m.size(2) != s) {
                    throw new IllegalArgumentException(this + ": a 3-D attnMask must have shape [" + b * numHeads + ", " + l
                            + ", " + s + "] (batch * heads, L, S), got " + Shape.toString(m.shape()));
                }
                m = m.reshape(b, numHeads, l, s);
            } else if (m.dim() != 2 || m.size(0) != l || m.size(1) != s) {
                throw new IllegalArgumentException(this + ": attnMask must have shape [" + l + ", " + s + "] (L, S), got "
                        + Shape.toString(m.shape()));
            }
            if (m.dtype() == DType.BOOL) {
                allowed = m.logicalNot();
            } else {
                additive = m.to(qh.dtype());
            }
        }
        if (keyPaddingMask != null) {
            Tensor kpm = unbatched && keyPaddingMask.dim() == 1 ? keyPaddingMask.unsqueeze(0) : keyPaddingMask;
            if (kpm.dim() != 2 || kpm.size(0) != b || kpm.size(1) != s) {
                throw new IllegalArgumentException(this + ": keyPaddingMask must have shape [" + b + ", " + s
                        + "] (batch, S), got " + Shape.toString(keyPaddingMask.shape()));
            }
            Tensor m = kpm.reshape(b, 1, 1, s);
            if (m.dtype() == DType.BOOL) {
                Tensor ok = m.logicalNot();
                allowed = allowed == null ? ok : allowed.logicalAnd(ok);
            } else {
                Tensor f = m.to(qh.dtype());
                additive = additive == null ? f : additive.add(f);
            }
        }
        return new Prepared(qh, kh, vh, additive, allowed, b, l, unbatched);
    }

    /** The embedding width E. */
    public int embedDim() {
        return embedDim;
    }

    /** The number of heads. */
    public int numHeads() {
        return numHeads;
    }

    @Override
    protected String extraRepr() {
        return "embed_dim=" + embedDim + ", num_heads=" + numHeads + (dropout > 0 ? ", dropout=" + dropout : "")
                + ", batch_first=" + batchFirst;
    }
}
