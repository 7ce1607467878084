package dev.hadron.examples;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.Locale;

/**
 * The first two examples of every "ML for physics" lecture, written with tensors and automatic
 * differentiation only: a straight-line fit y = a x + b by gradient descent on the mean squared
 * error, and a logistic regression separating two Gaussian blobs by gradient descent on the binary
 * cross-entropy. Prints the loss falling and the fitted parameters.
 */
public final class LectureFits {
    private LectureFits() {
    }

    public static void main(String[] args) {
        Generator gen = new Generator(2024);
        straightLine(gen);
        System.out.println();
        logisticRegression(gen);
    }

    static double[] straightLine(Generator gen) {
        System.out.println("== Straight-line fit: y = a x + b, true a = 2.5, b = -1.0, Gaussian noise sigma 0.3 ==");
        int n = 200;
        Tensor x = Tensor.uniform(gen, DType.FLOAT64, -2, 2, n);
        Tensor y = x.mul(2.5).sub(1.0).add(Tensor.normal(gen, DType.FLOAT64, 0, 0.3, n));
        Tensor a = Tensor.zeros(DType.FLOAT64, 1).requiresGrad(true);
        Tensor b = Tensor.zeros(DType.FLOAT64, 1).requiresGrad(true);
        double lr = 0.02;
        for (int step = 0; step <= 300; step++) {
            Tensor loss = x.mul(a).add(b).sub(y).square().mean();
            loss.backward();
            if (step % 30 == 0) {
                System.out.printf(Locale.ROOT, "step %3d  loss %.5f  a %.4f  b %.4f%n", step, loss.item(), a.item(), b.item());
            }
            try (var s = Autodiff.noGrad()) {
                a.copyFrom(a.sub(a.grad().mul(lr)));
                b.copyFrom(b.sub(b.grad().mul(lr)));
            }
            a.setGrad(null);
            b.setGrad(null);
        }
        System.out.printf(Locale.ROOT, "fitted: a = %.4f, b = %.4f%n", a.item(), b.item());
        return new double[] {a.item(), b.item()};
    }

    static double logisticRegression(Generator gen) {
        System.out.println("== Logistic regression: two Gaussian blobs centred at (-1, -1) and (+1, +1) ==");
        int n = 400;
        Tensor labels = Tensor.cat(0, Tensor.zeros(DType.FLOAT64, n / 2), Tensor.ones(DType.FLOAT64, n / 2));
        Tensor centres = labels.mul(2).sub(1).unsqueeze(1).expand(n, 2);
        Tensor x = centres.add(Tensor.normal(gen, DType.FLOAT64, 0, 0.8, n, 2));
        Tensor w = Tensor.zeros(DType.FLOAT64, 2).requiresGrad(true);
        Tensor b = Tensor.zeros(DType.FLOAT64, 1).requiresGrad(true);
        double lr = 0.5;
        double accuracy = 0;
        for (int step = 0; step <= 200; step++) {
            Tensor logits = x.matmul(w).add(b);
            // binary cross-entropy from logits: softplus(z) - y z
            Tensor loss = logits.softplus().sub(labels.mul(logits)).mean();
            loss.backward();
            if (step % 25 == 0) {
                try (var s = Autodiff.noGrad()) {
                    accuracy = logits.gt(0).to(DType.FLOAT64).eq(labels).to(DType.FLOAT64).mean().item();
                }
                System.out.printf(Locale.ROOT, "step %3d  loss %.5f  accuracy %.3f%n", step, loss.item(), accuracy);
            }
            try (var s = Autodiff.noGrad()) {
                w.copyFrom(w.sub(w.grad().mul(lr)));
                b.copyFrom(b.sub(b.grad().mul(lr)));
            }
            w.setGrad(null);
            b.setGrad(null);
        }
        double[] wv = w.toDoubleArray();
        System.out.printf(Locale.ROOT, "fitted: w = (%.4f, %.4f), b = %.4f; decision boundary %.3f x1 + %.3f x2 + %.3f = 0%n",
                wv[0], wv[1], b.item(), wv[0], wv[1], b.item());
        return accuracy;
    }
}
