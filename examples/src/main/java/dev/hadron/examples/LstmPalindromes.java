package dev.hadron.examples;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.data.Dataset;
import dev.hadron.nn.CrossEntropyLoss;
import dev.hadron.nn.Embedding;
import dev.hadron.nn.LSTM;
import dev.hadron.nn.Linear;
import dev.hadron.nn.Module;
import dev.hadron.nn.RecurrentOutput;
import dev.hadron.optim.Adam;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;
import dev.hadron.train.DataLoader;
import dev.hadron.train.Metrics;
import dev.hadron.train.Trainer;

import java.util.Locale;

/**
 * An LSTM learning palindromes: is a sequence of 1 to 10 digits the same read backwards? Half the
 * sequences are palindromes (a random first half mirrored), half are not; lengths vary, and the LSTM
 * runs over each sequence only up to its own length (the variable-length path, equivalent to PyTorch's
 * packed sequences), its final hidden state feeding a linear classifier.
 *
 * <p>Each event's features are its length followed by its digits, padded with zeros to 10.
 */
public final class LstmPalindromes {
    static final int MAX_LEN = 10;

    private LstmPalindromes() {
    }

    public static void main(String[] args) {
        run(10_000, 12);
    }

    /** Embedding(10 digits, 16) - LSTM(16, 32) - Linear(32, 2) on the last hidden state. */
    static final class PalindromeNet extends Module {
        private final Embedding embed;
        private final LSTM lstm;
        private final Linear head;

        PalindromeNet(Generator gen) {
            embed = registerModule("embed", new Embedding(10, 16, gen));
            lstm = registerModule("lstm", new LSTM(16, 32, 1, gen));
            head = registerModule("head", new Linear(32, 2, gen));
        }

        /** {@code x}: int64 (batch, 1 + 10): the length, then the padded digits. */
        @Override
        public Tensor forward(Tensor x) {
            long[] lengths = x.select(1, 0).toLongArray();
            Tensor digits = x.narrow(1, 1, MAX_LEN);
            RecurrentOutput r = lstm.forward(embed.forward(digits), lengths);
            return head.forward(r.hN().select(0, 0));
        }
    }

    /** One sequence: {length, digits...} padded, and whether it is a palindrome. */
    static long[] sequence(boolean palindrome, Generator g) {
        int len = 1 + g.nextInt(MAX_LEN);
        long[] row = new long[1 + MAX_LEN];
        row[0] = len;
        while (true) {
            for (int i = 0; i < len; i++) {
                row[1 + i] = palindrome && i >= (len + 1) / 2 ? row[len - i] : g.nextInt(10);
            }
            boolean isPal = true;
            for (int i = 0; i < len / 2; i++) {
                isPal &= row[1 + i] == row[len - i];
            }
            if (isPal == palindrome) {
                return row;
            }
            len = palindrome ? len : Math.max(2, len);   // length 1 is always a palindrome
            row[0] = len;
        }
    }

    static Dataset sequences(int n, Generator g) {
        long[] x = new long[n * (1 + MAX_LEN)];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            boolean pal = i % 2 == 0;
            System.arraycopy(sequence(pal, g), 0, x, i * (1 + MAX_LEN), 1 + MAX_LEN);
            y[i] = pal ? 1 : 0;
        }
        return Dataset.of(Tensor.of(x, n, 1 + MAX_LEN), Tensor.of(y, n));
    }

    /** Trains on {@code n} sequences; returns the test accuracy. */
    static double run(int n, int epochs) {
        Generator gen = new Generator(10);
        Dataset train = sequences(n, gen);
        Dataset valid = sequences(n / 10, gen);
        Dataset test = sequences(n / 10, gen);
        PalindromeNet model = new PalindromeNet(gen);
        System.out.println(model);
        System.out.printf(Locale.ROOT, "%,d parameters%n", model.parameterCount());
        Trainer trainer = new Trainer(model, new Adam(model.parameters(), 3e-3), new CrossEntropyLoss())
                .withMetric("val_accuracy", Metrics.accuracy());
        trainer.fit(new DataLoader(train, 64, gen), new DataLoader(valid, 1000), epochs);
        double acc = trainer.evaluate(new DataLoader(test, 1000)).get("val_accuracy");
        System.out.printf(Locale.ROOT, "%ntest accuracy %.3f%n", acc);
        model.eval();
        try (var s = Autodiff.noGrad()) {
            for (long[] seq : new long[][] {{5, 1, 2, 3, 2, 1}, {4, 7, 3, 3, 7}, {6, 1, 2, 3, 3, 2, 4}, {1, 8},
                    {10, 9, 0, 1, 2, 3, 3, 2, 1, 0, 9}, {10, 9, 0, 1, 2, 3, 3, 2, 1, 0, 8}}) {
                long[] row = java.util.Arrays.copyOf(seq, 1 + MAX_LEN);
                double p = model.forward(Tensor.of(row, 1, 1 + MAX_LEN)).softmax(1).select(1, 1).item();
                StringBuilder digits = new StringBuilder();
                for (int i = 1; i <= seq[0]; i++) {
                    digits.append(seq[i]);
                }
                System.out.printf(Locale.ROOT, "  %-10s  P(palindrome) = %.3f%n", digits, p);
            }
        }
        return acc;
    }
}
