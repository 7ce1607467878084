package dev.hadron.nn;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.Arrays;

/**
 * A residual (skip) connection {@code y = act(body(x) + shortcut(x))} (He et al., 2016): the shortcut is
 * the identity unless given (a projection when the body changes the shape), the activation is optional.
 * Children are named {@code body}, {@code shortcut} and {@code activation}.
 *
 * <pre>{@code
 * Residual block = new Residual(new Sequential(new Linear(64, 64, gen), new ReLU(), new Linear(64, 64, gen)));
 * Residual resnet = Residual.basicBlock2d(16, 32, 2, gen);   // ResNet's basic block with a 1x1 projection
 * }</pre>
 */
public final class Residual extends Module {
    private final Module body;
    private final Module shortcut;
    private final Module activation;

    /** {@code x + body(x)}. */
    public Residual(Module body) {
        this(body, null, null);
    }

    /**
     * {@code activation(body(x) + shortcut(x))}; a null shortcut is the identity, a null activation none.
     */
    public Residual(Module body, Module shortcut, Module activation) {
        this.body = registerModule("body", body);
        this.shortcut = shortcut == null ? null : registerModule("shortcut", shortcut);
        this.activation = activation == null ? null : registerModule("activation", activation);
    }

    /**
     * ResNet's basic block for images (N, C, H, W): conv3x3(stride) - BN - ReLU - conv3x3 - BN, added to the
     * input (through conv1x1(stride) - BN when channels or stride change), then ReLU.
     */
    public static Residual basicBlock2d(int inChannels, int outChannels, int stride, Generator gen) {
        ConvOptions c3 = ConvOptions.defaults().withStride(stride).withPadding(1).withBias(false);
        Sequential body = new Sequential(
                new Conv2d(inChannels, outChannels, 3, gen, c3), new BatchNorm2d(outChannels), new ReLU(),
                new Conv2d(outChannels, outChannels, 3, gen, c3.withStride(1)), new BatchNorm2d(outChannels));
        Module shortcut = null;
        if (stride != 1 || inChannels != outChannels) {
            shortcut = new Sequential(new Conv2d(inChannels, outChannels, 1, gen,
                    ConvOptions.defaults().withStride(stride).withBias(false)), new BatchNorm2d(outChannels));
        }
        return new Residual(body, shortcut, new ReLU());
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = body.forward(x);
        Tensor skip = shortcut == null ? x : shortcut.forward(x);
        if (!Arrays.equals(y.shape(), skip.shape())) {
            throw new IllegalArgumentException("Residual: the body's output " + Shape.toString(y.shape())
                    + " and the shortcut's " + Shape.toString(skip.shape()) + " differ; give a shortcut projection");
        }
        Tensor out = y.add(skip);
        return activation == null ? out : activation.forward(out);
    }

    /** The residual branch. */
    public Module body() {
        return body;
    }
}
