package dev.hadron.autodiff;

import dev.hadron.tensor.Conv;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Linalg;
import dev.hadron.tensor.Pool;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One table of every differentiable operation: a function of float64 inputs, the inputs (drawn from
 * a domain where the op is smooth), and whether second derivatives are checked. {@link OpTableTest}
 * runs finite-difference checks of every entry in reverse and forward mode.
 */
final class OpTable {
    private OpTable() {
    }

    /** One entry: {@code f} applied to {@code inputs}. */
    record Case(String name, Function<Tensor[], Tensor> f, Tensor[] inputs, boolean secondOrder) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Case> CASES = new ArrayList<>();
    private static Generator gen = new Generator(1234);

    /** Uniform in [lo, hi). */
    static Tensor u(double lo, double hi, int... shape) {
        return Tensor.uniform(gen, DType.FLOAT64, lo, hi, shape);
    }

    /** Uniform in [lo, hi) with random sign (bounded away from zero). */
    static Tensor away(double lo, double hi, int... shape) {
        Tensor m = u(lo, hi, shape);
        Tensor s = Tensor.bernoulli(gen, 0.5, shape).to(DType.FLOAT64).mul(2).sub(1);
        return m.mul(s);
    }

    /** Distinct values (a shuffled arithmetic progression plus noise), for max/sort/topk. */
    static Tensor distinct(int... shape) {
        int n = dev.hadron.tensor.Shape.numel(shape);
        Tensor base = Tensor.arange(DType.FLOAT64, 0, n, 1).mul(0.3).sub(n * 0.15);
        return base.indexSelect(0, Tensor.randperm(gen, n)).add(u(0, 0.05, n)).reshape(shape);
    }

    /** A well-conditioned symmetric positive definite matrix (n x n). */
    static Tensor spd(int n) {
        Tensor a = u(-1, 1, n, n);
        return a.matmul(a.mT()).add(Tensor.eye(DType.FLOAT64, n, n).mul(n));
    }

    static void add(String name, Function<Tensor[], Tensor> f, boolean second, Tensor... inputs) {
        CASES.add(new Case(name, f, inputs, second));
    }

    static void unary(String name, Function<Tensor, Tensor> f, boolean second, Tensor x) {
        add(name, xs -> f.apply(xs[0]), second, x);
    }

    static List<Case> cases() {
        if (!CASES.isEmpty()) {
            return CASES;
        }
        gen = new Generator(1234);
        // ---- elementwise, one argument
        unary("neg", Tensor::neg, true, u(-2, 2, 2, 3));
        unary("abs", Tensor::abs, true, away(0.1, 2, 2, 3));
        unary("exp", Tensor::exp, true, u(-2, 2, 2, 3));
        unary("log", Tensor::log, true, u(0.2, 3, 2, 3));
        unary("log1p", Tensor::log1p, true, u(-0.5, 2, 2, 3));
        unary("expm1", Tensor::expm1, true, u(-2, 2, 2, 3));
        unary("sqrt", Tensor::sqrt, true, u(0.2, 3, 2, 3));
        unary("rsqrt", Tensor::rsqrt, true, u(0.2, 3, 2, 3));
        unary("reciprocal", Tensor::reciprocal, true, away(0.3, 2, 2, 3));
        unary("square", Tensor::square, true, u(-2, 2, 2, 3));
        unary("sin", Tensor::sin, true, u(-3, 3, 2, 3));
        unary("cos", Tensor::cos, true, u(-3, 3, 2, 3));
        unary("tan", Tensor::tan, true, u(-1.2, 1.2, 2, 3));
        unary("asin", Tensor::asin, true, u(-0.9, 0.9, 2, 3));
        unary("acos", Tensor::acos, true, u(-0.9, 0.9, 2, 3));
        unary("atan", Tensor::atan, true, u(-3, 3, 2, 3));
        unary("sinh", Tensor::sinh, true, u(-2, 2, 2, 3));
        unary("cosh", Tensor::cosh, true, u(-2, 2, 2, 3));
        unary("tanh", Tensor::tanh, true, u(-2, 2, 2, 3));
        unary("sigmoid", Tensor::sigmoid, true, u(-4, 4, 2, 3));
        unary("logSigmoid", Tensor::logSigmoid, true, u(-4, 4, 2, 3));
        unary("relu", Tensor::relu, false, away(0.1, 2, 2, 3));
        unary("leakyRelu", x -> x.leakyRelu(0.1), false, away(0.1, 2, 2, 3));
        unary("elu", x -> x.elu(1.3), false, away(0.1, 2, 2, 3));
        unary("gelu", Tensor::gelu, true, u(-3, 3, 2, 3));
        unary("gelu(tanh)", x -> x.gelu("tanh"), true, u(-3, 3, 2, 3));
        unary("silu", Tensor::silu, true, u(-3, 3, 2, 3));
        unary("softplus", Tensor::softplus, true, u(-3, 3, 2, 3));
        unary("softplus(beta 2, threshold 3)", x -> x.softplus(2, 3), false, u(-3, 1.2, 2, 3));
        unary("erf", Tensor::erf, true, u(-2, 2, 2, 3));
        unary("clamp", x -> x.clamp(-0.5, 0.7), false, Tensor.of(new double[] {-1.2, -0.3, 0.1, 0.5, 0.9, 2.0}, 2, 3));
        unary("clampMin", x -> x.clampMin(0.2), false, Tensor.of(new double[] {-1, 0.1, 0.3, 0.5, 0.9, 2}, 6));
        unary("pow(scalar)", x -> x.pow(2.5), true, u(0.3, 2, 2, 3));
        unary("pow(3)", x -> x.pow(3), true, u(-2, 2, 2, 3));
        unary("rpow", x -> x.rpow(1.7), true, u(-2, 2, 2, 3));
        unary("mul(scalar)", x -> x.mul(-1.5).add(2).sub(0.5).div(3), true, u(-2, 2, 2, 3));
        // ---- elementwise, two arguments with broadcasting
        add("add(broadcast)", xs -> xs[0].add(xs[1]), true, u(-1, 1, 3, 1, 4), u(-1, 1, 2, 4));
        add("sub(broadcast)", xs -> xs[0].sub(xs[1]), true, u(-1, 1, 3, 1, 4), u(-1, 1, 4));
        add("mul(broadcast)", xs -> xs[0].mul(xs[1]), true, u(-1, 1, 2, 3), u(-1, 1, 2, 1));
        add("div(broadcast)", xs -> xs[0].div(xs[1]), true, u(-1, 1, 2, 3), away(0.5, 2, 3));
        add("pow(tensor)", xs -> xs[0].pow(xs[1]), true, u(0.3, 2, 2, 3), u(-1.5, 1.5, 1, 3));
        add("atan2", xs -> xs[0].atan2(xs[1]), true, u(-1, 1, 2, 3), away(0.3, 1, 2, 3));
        add("maximum", xs -> xs[0].maximum(xs[1]), false, distinct(2, 3), distinct(2, 3).add(0.01));
        add("minimum(broadcast)", xs -> xs[0].minimum(xs[1]), false, distinct(2, 3), distinct(3).add(0.013));
        add("remainder", xs -> xs[0].remainder(xs[1]), false, Tensor.of(new double[] {0.7, 2.3, -1.3, 4.6}, 4),
                Tensor.of(new double[] {1.5, 1.0, 1.1, 2.0}, 4));
        Tensor cond = Tensor.of(new boolean[] {true, false, true, false, false, true}, 2, 3);
        add("where(broadcast)", xs -> Tensor.where(cond, xs[0], xs[1]), true, u(-1, 1, 2, 3), u(-1, 1, 3));
        add("maskedFill", xs -> xs[0].maskedFill(cond, 2.5), true, u(-1, 1, 2, 3));
        // ---- reductions
        unary("sum", Tensor::sum, true, u(-1, 1, 2, 3, 2));
        unary("sum(dims, keepdim)", x -> x.sum(new int[] {0, 2}, true), true, u(-1, 1, 2, 3, 2));
        unary("sum(-1)", x -> x.sum(-1), true, u(-1, 1, 2, 3));
        unary("mean(1)", x -> x.mean(1), true, u(-1, 1, 2, 3));
        unary("var", x -> x.var(new int[] {1}, 1, false), true, u(-1, 1, 2, 4));
        unary("std", x -> x.std(new int[] {0}, 0, true), true, u(-1, 1, 3, 2));
        unary("prod", x -> x.prod(new int[] {1}, false), true, away(0.5, 1.5, 2, 3));
        unary("prod(with a zero)", x -> x.prod(new int[] {1}, false), false,
                Tensor.of(new double[] {0.0, 1.3, 0.7, 1.1, -0.4, 0.9}, 2, 3));
        unary("amax(1)", x -> x.amax(1), false, distinct(3, 4));
        unary("amin(all)", x -> x.amin(), false, distinct(3, 4));
        unary("max(dim).values", x -> x.max(0).values(), false, distinct(3, 4));
        unary("min(dim, keepdim).values", x -> x.min(1, true).values(), false, distinct(3, 4));
        unary("logsumexp", x -> x.logsumexp(1, false), true, u(-2, 2, 3, 4));
        unary("cumsum", x -> x.cumsum(1), true, u(-1, 1, 2, 4));
        unary("norm", Tensor::norm, true, u(-1, 1, 2, 3));
        unary("norm(2, dim)", x -> x.norm(2, new int[] {1}, false), true, u(-1, 1, 2, 3));
        unary("norm(1)", x -> x.norm(1), false, away(0.1, 1, 2, 3));
        unary("norm(3)", x -> x.norm(3, new int[] {0}, false), true, away(0.2, 1, 2, 3));
        unary("norm(inf)", x -> x.norm(Double.POSITIVE_INFINITY), false, distinct(2, 3));
        unary("softmax", x -> x.softmax(1), true, u(-2, 2, 2, 4));
        unary("softmax(0)", x -> x.softmax(0), true, u(-2, 2, 3, 2));
        unary("logSoftmax", x -> x.logSoftmax(-1), true, u(-2, 2, 2, 4));
        // ---- views
        unary("reshape", x -> x.reshape(3, -1).mul(x.reshape(3, 2)), true, u(-1, 1, 2, 3));
        unary("permute", x -> x.permute(2, 0, 1).square(), true, u(-1, 1, 2, 3, 2));
        unary("transpose+contiguous", x -> x.transpose(0, 1).contiguous().reshape(-1).square(), true, u(-1, 1, 2, 3));
        unary("expand", x -> x.expand(4, 2, 3).square(), true, u(-1, 1, 2, 1));
        unary("slice(step)", x -> x.slice(1, 1, 6, 2).square(), true, u(-1, 1, 2, 7));
        unary("slice(negative)", x -> x.slice(0, -3, -1, 1).exp(), true, u(-1, 1, 5, 2));
        unary("narrow", x -> x.narrow(1, 1, 2).square(), true, u(-1, 1, 3, 4));
        unary("squeeze/unsqueeze", x -> x.unsqueeze(1).squeeze().mul(x), true, u(-1, 1, 3, 1));
        unary("flatten", x -> x.flatten(1, 2).square(), true, u(-1, 1, 2, 2, 3));
        unary("get", x -> x.get(1).mul(x.get(-1, 2)), true, u(-1, 1, 3, 4));
        unary("select", x -> x.select(1, 2).exp(), true, u(-1, 1, 3, 4));
        unary("mT", x -> x.mT().matmul(x), true, u(-1, 1, 2, 3, 2));
        unary("diagonal", x -> x.diagonal().square(), true, u(-1, 1, 2, 3, 3));
        unary("diagEmbed", x -> x.diagEmbed().square(), true, u(-1, 1, 2, 3));
        unary("tril", x -> x.tril(0).square(), true, u(-1, 1, 3, 3));
        unary("triu(1)", x -> x.triu(1).square(), true, u(-1, 1, 3, 4));
        unary("to(float64)", x -> x.to(DType.FLOAT64).mul(x), true, u(-1, 1, 3));
        // ---- indexing
        Tensor gidx = Tensor.of(new long[] {2, 0, 1, 1, 0, 2}, 2, 3);
        unary("gather", x -> x.gather(1, gidx).square(), true, u(-1, 1, 2, 4));
        add("scatterAdd", xs -> xs[0].scatterAdd(1, gidx, xs[1]).square(), true, u(-1, 1, 2, 4), u(-1, 1, 2, 3));
        Tensor sel = Tensor.of(new long[] {3, 0, 3, 1}, 4);
        unary("indexSelect", x -> x.indexSelect(1, sel).square(), true, u(-1, 1, 2, 5));
        add("indexAdd", xs -> xs[0].indexAdd(0, sel, xs[1]).square(), true, u(-1, 1, 5, 2), u(-1, 1, 4, 2));
        Tensor mask = Tensor.of(new boolean[] {true, false, true, true, false, true}, 2, 3);
        unary("maskedSelect", x -> x.maskedSelect(mask).square(), true, u(-1, 1, 2, 3));
        unary("takeAlongDim", x -> x.takeAlongDim(Tensor.of(new long[] {1, 0, 2}, 1, 3), 0).square(), true, u(-1, 1, 3, 3));
        add("cat", xs -> Tensor.cat(1, xs[0], xs[1]).square(), true, u(-1, 1, 2, 2), u(-1, 1, 2, 3));
        add("stack", xs -> Tensor.stack(0, xs[0], xs[1]).exp(), true, u(-1, 1, 2, 3), u(-1, 1, 2, 3));
        unary("split+chunk", x -> x.split(new int[] {1, 3}, 1).get(1).mul(x.chunk(2, 1).get(0).sum()), true,
                u(-1, 1, 2, 4));
        unary("pad(constant)", x -> x.pad(new int[] {1, 2, 0, 1}, 0.5).square(), true, u(-1, 1, 2, 3));
        unary("pad(reflect)", x -> x.pad(new int[] {2, 1}, "reflect").square(), true, u(-1, 1, 2, 4));
        unary("pad(replicate)", x -> x.pad(new int[] {1, 2}, "replicate").square(), true, u(-1, 1, 2, 3));
        unary("pad(circular)", x -> x.pad(new int[] {1, 1}, "circular").square(), true, u(-1, 1, 2, 3));
        unary("flip", x -> x.flip(0, 1).mul(x), true, u(-1, 1, 2, 3));
        unary("roll", x -> x.roll(2, 1).mul(x), true, u(-1, 1, 2, 5));
        unary("sort.values", x -> x.sort(1, true).values().mul(Tensor.of(1.0, 2.0, 3.0)), false, distinct(2, 3));
        unary("topk.values", x -> x.topk(2, 1, true).values().square(), false, distinct(3, 4));
        // ---- linear algebra
        add("matmul", xs -> xs[0].matmul(xs[1]), true, u(-1, 1, 2, 3), u(-1, 1, 3, 4));
        add("matmul(batched broadcast)", xs -> xs[0].matmul(xs[1]), true, u(-1, 1, 2, 1, 2, 3), u(-1, 1, 3, 3, 2));
        add("matmul(matrix @ vector)", xs -> xs[0].matmul(xs[1]), true, u(-1, 1, 2, 3), u(-1, 1, 3));
        add("matmul(vector @ batch)", xs -> xs[0].matmul(xs[1]), true, u(-1, 1, 3), u(-1, 1, 2, 3, 2));
        add("dot", xs -> xs[0].dot(xs[1]), true, u(-1, 1, 4), u(-1, 1, 4));
        add("outer", xs -> xs[0].outer(xs[1]), true, u(-1, 1, 3), u(-1, 1, 2));
        add("einsum(ij,jk->ik)", xs -> Tensor.einsum("ij,jk->ik", xs[0], xs[1]), true, u(-1, 1, 2, 3), u(-1, 1, 3, 2));
        add("einsum(bij,bjk->bik)", xs -> Tensor.einsum("bij,bjk->bik", xs[0], xs[1]), true, u(-1, 1, 2, 2, 3),
                u(-1, 1, 2, 3, 2));
        unary("einsum(ii->)", x -> Tensor.einsum("ii->", x), true, u(-1, 1, 3, 3));
        add("einsum(i,j->ij)", xs -> Tensor.einsum("i,j", xs[0], xs[1]), true, u(-1, 1, 3), u(-1, 1, 2));
        unary("einsum(...ij->...ji)", x -> Tensor.einsum("...ij->...ji", x).square(), true, u(-1, 1, 2, 2, 3));
        unary("cholesky", a -> Linalg.cholesky(a.matmul(a.mT()).add(Tensor.eye(DType.FLOAT64, 3, 3))), true,
                u(-1, 1, 3, 3));
        unary("cholesky(batched)", a -> Linalg.cholesky(a.matmul(a.mT()).add(Tensor.eye(DType.FLOAT64, 2, 2))), true,
                u(-1, 1, 2, 2, 2));
        Tensor lower = u(-1, 1, 3, 3).tril(0).add(Tensor.eye(DType.FLOAT64, 3, 3).mul(2));
        add("solveTriangular(lower)", xs -> Linalg.solveTriangular(xs[0].tril(0), xs[1], false), true, lower, u(-1, 1, 3, 2));
        add("solveTriangular(upper, right)", xs -> Linalg.solveTriangular(xs[0].triu(0), xs[1], true, false, false), true,
                lower.mT().contiguous(), u(-1, 1, 2, 3));
        add("solveTriangular(unit)", xs -> Linalg.solveTriangular(xs[0], xs[1], false, true, true), true, lower, u(-1, 1, 3, 2));
        add("solve", xs -> Linalg.solve(xs[0], xs[1]), true, spd(3).add(u(-0.5, 0.5, 3, 3)), u(-1, 1, 3, 2));
        add("solve(vector, batch)", xs -> Linalg.solve(xs[0], xs[1]), true, spd(2).add(u(-0.3, 0.3, 2, 2, 2)), u(-1, 1, 2));
        unary("inv", Linalg::inv, true, spd(3).add(u(-0.5, 0.5, 3, 3)));
        unary("det", Linalg::det, true, spd(3).add(u(-0.5, 0.5, 3, 3)));
        unary("det(batched)", Linalg::det, true, u(-1, 1, 2, 3, 3).add(Tensor.eye(DType.FLOAT64, 3, 3).mul(2)));
        unary("slogdet", a -> Linalg.slogdet(a).logabsdet(), true, u(-1, 1, 3, 3).add(Tensor.eye(DType.FLOAT64, 3, 3).mul(-2)));
        unary("logdet", Linalg::logdet, true, spd(3));
        unary("eigh.values", a -> Linalg.eigh(a.add(a.mT())).eigenvalues(), true, spd(3));
        unary("eigh.vectors", a -> {
            Linalg.Eigh e = Linalg.eigh(a.add(a.mT()));
            return e.eigenvectors().abs();
        }, false, Tensor.of(new double[] {3, 0.2, 0.1, 0.2, 1, 0.3, 0.1, 0.3, -2}, 3, 3));
        // ---- convolution and pooling
        add("conv1d(stride, padding, dilation)", xs -> Conv.conv1d(xs[0], xs[1], xs[2], 2, 1, 2, 1), true,
                u(-1, 1, 2, 2, 7), u(-1, 1, 3, 2, 2), u(-1, 1, 3));
        add("conv2d", xs -> Conv.conv2d(xs[0], xs[1], xs[2]), true, u(-1, 1, 1, 2, 4, 4), u(-1, 1, 3, 2, 2, 2),
                u(-1, 1, 3));
        add("conv2d(groups, padding)", xs -> Conv.conv2d(xs[0], xs[1], null, 1, 1, 1, 2), true, u(-1, 1, 1, 4, 3, 3),
                u(-1, 1, 2, 2, 2, 2));
        add("conv3d", xs -> Conv.conv3d(xs[0], xs[1], null, 1, 0, 1, 1), true, u(-1, 1, 1, 1, 3, 3, 3),
                u(-1, 1, 2, 1, 2, 2, 2));
        add("convTranspose1d", xs -> Conv.convTranspose1d(xs[0], xs[1], xs[2], 2, 1, 1, 1, 1), true, u(-1, 1, 1, 2, 4),
                u(-1, 1, 2, 3, 3), u(-1, 1, 3));
        add("convTranspose2d", xs -> Conv.convTranspose2d(xs[0], xs[1], null, 2, 0, 0, 1, 1), true, u(-1, 1, 1, 2, 2, 3),
                u(-1, 1, 2, 2, 2, 2));
        unary("maxPool2d", x -> Pool.maxPool2d(x, 2), false, distinct(1, 2, 4, 4));
        unary("maxPool1d(stride 1, padding)", x -> Pool.maxPool(x, 1, 3, 1, 1, 1, false).values(), false, distinct(2, 1, 6));
        unary("avgPool2d", x -> Pool.avgPool2d(x, 2), true, u(-1, 1, 1, 2, 4, 4));
        unary("avgPool1d(padding, ceil, exclude pad)", x -> Pool.avgPool(x, 1, 3, 2, 1, true, false), true, u(-1, 1, 1, 2, 6));
        unary("adaptiveAvgPool2d", x -> Pool.adaptiveAvgPool2d(x, 2, 3), true, u(-1, 1, 1, 2, 5, 4));
        unary("unfold", x -> Conv.unfold(x, new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 0}, new int[] {1, 2}).square(),
                true, u(-1, 1, 1, 2, 3, 4));
        unary("fold", x -> Conv.fold(x, new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, new int[] {0, 0},
                new int[] {1, 1}).square(), true, u(-1, 1, 1, 8, 4));
        // ---- jagged events
        long[] counts = {2, 0, 3, 1};
        unary("Jagged.sum", v -> Jagged.fromCounts(v, counts).sum(), true, u(-1, 1, 6, 2));
        unary("Jagged.mean", v -> Jagged.fromCounts(v, counts).mean(), true, u(-1, 1, 6, 2));
        unary("Jagged.max", v -> Jagged.fromCounts(v, counts).max(), false, distinct(6, 2));
        unary("Jagged.min", v -> Jagged.fromCounts(v, counts).min(), false, distinct(6));
        unary("Jagged.softmax", v -> Jagged.fromCounts(v, counts).softmax().values(), true, u(-2, 2, 6, 2));
        add("Jagged.broadcast", xs -> Jagged.fromCounts(xs[0], counts).broadcast(xs[1]).values().mul(xs[0]), true,
                u(-1, 1, 6, 2), u(-1, 1, 4, 2));
        unary("Jagged.toDense", v -> Jagged.fromCounts(v, counts).toDense(-1.0).values(), true, u(-1, 1, 6, 2));
        unary("Jagged.toDense(truncate)", v -> Jagged.fromCounts(v, counts).toDense(2, 0.0).values(), true, u(-1, 1, 6));
        Tensor dmask = Tensor.of(new boolean[] {true, true, false, false, false, false, true, false, true}, 3, 3);
        unary("Jagged.fromDense", d -> Jagged.fromDense(d, dmask).values().square(), true, u(-1, 1, 3, 3, 2));
        // ---- user-defined rules
        CustomFunction cube = new CustomFunction() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                ctx.save(in[0]);
                return in[0].pow(3);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {g.mul(ctx.saved(0).square()).mul(3)};
            }
        };
        unary("customFunction(derived jvp)", x -> cube.apply(x).sin(), true, u(-1, 1, 2, 3));
        unary("customVjp", x -> Autodiff.customVjp(Tensor::exp, (in, g) -> g.mul(in.exp())).apply(x), true, u(-1, 1, 3));
        unary("checkpoint", x -> Autodiff.checkpoint(v -> v.sin().mul(v), x).square(), false, u(-1, 1, 4));
        return CASES;
    }
}
