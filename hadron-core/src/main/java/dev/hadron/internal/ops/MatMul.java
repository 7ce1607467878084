package dev.hadron.internal.ops;

import dev.hadron.internal.autograd.BinaryOp;
import dev.hadron.internal.autograd.Dispatch;
import dev.hadron.internal.kernel.Gemm;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

/** Batched matrix product of tensors of rank >= 2 with broadcast batch dimensions. */
public final class MatMul extends BinaryOp {
    private int[] shapeA;
    private int[] shapeB;

    /** {@code a @ b}; both of rank >= 2 and the same dtype. */
    public static Tensor apply(Tensor a, Tensor b) {
        return Dispatch.apply1(new MatMul(), a, b);
    }

    @Override
    public String name() {
        return "matmul";
    }

    @Override
    protected Tensor forward(Tensor a, Tensor b) {
        shapeA = a.shape();
        shapeB = b.shape();
        save(a, b);
        return Gemm.matmul(a, b);
    }

    @Override
    protected Tensor[] vjp(Tensor g) {
        Tensor a = saved(0);
        Tensor b = saved(1);
        return new Tensor[] {
            needsInputGrad(0) ? product(g, b.mT(), shapeA) : null,
            needsInputGrad(1) ? product(a.mT(), g, shapeB) : null};
    }

    /**
     * {@code (x @ y)} summed down to {@code shape}. When the operand was one matrix shared by a batch (its
     * batch dimensions all 1) and only values are needed, the per-item products accumulate into one
     * matrix instead of being materialized and then summed.
     */
    private static Tensor product(Tensor x, Tensor y, int[] shape) {
        boolean batched = Math.max(x.dim(), y.dim()) > 2;
        boolean shared = Shape.numel(java.util.Arrays.copyOf(shape, shape.length - 2)) == 1;
        if (batched && shared && FusedOps.valuesOnly()) {
            return Gemm.matmulBatchSum(x, y).reshape(shape);
        }
        return x.matmul(y).sumToShape(shape);
    }

    @Override
    protected Tensor jvp(Tensor ta, Tensor tb) {
        Tensor a = saved(0);
        Tensor b = saved(1);
        return sum(ta == null ? null : ta.matmul(b), tb == null ? null : a.matmul(tb));
    }
}
