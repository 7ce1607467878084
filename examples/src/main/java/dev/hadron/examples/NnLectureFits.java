package dev.hadron.examples;

import dev.hadron.nn.Linear;
import dev.hadron.nn.Losses;
import dev.hadron.optim.SGD;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.Locale;

/**
 * The first two examples of every "ML for physics" lecture, written the way the lectures write them in
 * PyTorch: an {@code nn.Linear} layer, a loss from {@code Losses} and an {@code SGD} optimizer with
 * {@code zeroGrad()/backward()/step()}. A straight-line fit y = a x + b by mean squared error, and a
 * logistic regression separating two Gaussian blobs by binary cross-entropy.
 */
public final class NnLectureFits {
    private NnLectureFits() {
    }

    public static void main(String[] args) {
        Generator gen = new Generator(2024);
        straightLine(gen);
        System.out.println();
        logisticRegression(gen);
    }

    /** Fits y = 2.5 x - 1 + noise; returns the fitted {a, b}. */
    static double[] straightLine(Generator gen) {
        System.out.println("== Straight-line fit with nn.Linear(1, 1) and SGD: true a = 2.5, b = -1.0, noise sigma 0.3 ==");
        int n = 200;
        Tensor x = Tensor.uniform(gen, DType.FLOAT32, -2, 2, n, 1);
        Tensor y = x.mul(2.5).sub(1.0).add(Tensor.normal(gen, DType.FLOAT32, 0, 0.3, n, 1));
        Linear model = new Linear(1, 1, gen);
        SGD opt = new SGD(model.parameters(), 0.03);
        for (int step = 0; step <= 200; step++) {
            opt.zeroGrad();
            Tensor loss = Losses.mse(model.forward(x), y);
            loss.backward();
            opt.step();
            if (step % 25 == 0) {
                System.out.printf(Locale.ROOT, "step %3d  loss %.5f  a %.4f  b %.4f%n", step, loss.item(),
                        model.weight().item(), model.bias().item());
            }
        }
        double a = model.weight().item();
        double b = model.bias().item();
        System.out.printf(Locale.ROOT, "fitted: a = %.4f, b = %.4f%n", a, b);
        return new double[] {a, b};
    }

    /** Separates blobs at (-1, -1) and (+1, +1); returns the training accuracy. */
    static double logisticRegression(Generator gen) {
        System.out.println("== Logistic regression with nn.Linear(2, 1), BCE with logits and SGD ==");
        int n = 400;
        Tensor labels = Tensor.cat(0, Tensor.zeros(n / 2), Tensor.ones(n / 2));
        Tensor x = labels.mul(2).sub(1).unsqueeze(1).expand(n, 2).add(Tensor.normal(gen, DType.FLOAT32, 0, 0.8, n, 2));
        Linear model = new Linear(2, 1, gen);
        SGD opt = new SGD(model.parameters(), 0.5);
        double accuracy = 0;
        for (int step = 0; step <= 200; step++) {
            opt.zeroGrad();
            Tensor logits = model.forward(x).squeeze(1);
            Tensor loss = Losses.bceWithLogits(logits, labels);
            loss.backward();
            opt.step();
            if (step % 25 == 0) {
                accuracy = logits.detach().gt(0).to(DType.FLOAT32).eq(labels).to(DType.FLOAT32).mean().item();
                System.out.printf(Locale.ROOT, "step %3d  loss %.5f  accuracy %.3f%n", step, loss.item(), accuracy);
            }
        }
        double[] w = model.weight().toDoubleArray();
        System.out.printf(Locale.ROOT, "decision boundary: %.3f x1 %+.3f x2 %+.3f = 0, accuracy %.3f%n", w[0], w[1],
                model.bias().item(), accuracy);
        return accuracy;
    }
}
