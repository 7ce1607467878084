import dev.hadron.autodiff.Autodiff;
import dev.hadron.nn.Conv2d;
import dev.hadron.nn.Flatten;
import dev.hadron.nn.Linear;
import dev.hadron.nn.Losses;
import dev.hadron.nn.MaxPool2d;
import dev.hadron.nn.Module;
import dev.hadron.nn.ReLU;
import dev.hadron.nn.Sequential;
import dev.hadron.nn.TransformerEncoder;
import dev.hadron.optim.Adam;
import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hadron's side of BENCHMARKS.md W2, W3, W4, W5 and W7: the same models, shapes, batch sizes and
 * optimizer as bench/peers/nn_workloads_torch.py, on synthetic inputs with fixed seeds. Each
 * training workload runs one warm-up epoch and reports the best of three timed epochs; W5 reports
 * the best of three runs of 20,000 single-event inferences. With --one=NAME it runs one workload
 * and prints its peak resident memory (VmHWM), so run.sh starts one JVM per workload.
 *
 * <p>W7 trains on jagged events without padding: Φ runs on the flat particles of the batch and a
 * segment sum pools them per event.
 */
public final class NnWorkloads {
    private NnWorkloads() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0].replace("--one=", "") : "W2";
        String line = switch (name) {
            case "W2" -> w2();
            case "W3" -> w3();
            case "W4" -> w4();
            case "W5" -> w5();
            case "W7" -> w7();
            default -> throw new IllegalArgumentException("unknown workload " + name + "; expected W2, W3, W4, W5 or W7");
        };
        System.out.printf("%s; peak RSS %d MiB; threads %s%n", line, peakRssMiB(),
                System.getenv().getOrDefault("HADRON_THREADS", "all cores"));
    }

    private static Sequential w2Model(Generator g) {
        return new Sequential(new Linear(16, 64, g), new ReLU(), new Linear(64, 32, g), new ReLU(), new Linear(32, 32, g),
                new ReLU(), new Linear(32, 5, g));
    }

    private interface Epoch {
        void run();
    }

    private static double bestOf3(Epoch e) {
        e.run();
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 3; r++) {
            long t = System.nanoTime();
            e.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }

    static String w2() {
        Generator g = new Generator(0);
        Sequential model = w2Model(g);
        Adam opt = new Adam(model.parameters(), 1e-3);
        Tensor x = Tensor.randn(g, 102400, 16);
        Tensor y = Tensor.randint(g, 0, 5, 102400);
        double s = bestOf3(() -> {
            for (int i = 0; i < 102400; i += 1024) {
                opt.zeroGrad();
                Losses.crossEntropy(model.forward(x.narrow(0, i, 1024)), y.narrow(0, i, 1024)).backward();
                opt.step();
            }
        });
        return String.format("W2 hadron %,.0f events/s", 102400 / s);
    }

    static String w3() {
        Generator g = new Generator(0);
        Sequential model = new Sequential(new Conv2d(1, 5, 5, g), new ReLU(), new MaxPool2d(2), new Conv2d(5, 10, 5, g),
                new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(40, 30, g), new ReLU(), new Linear(30, 20, g),
                new ReLU(), new Linear(20, 10, g), new ReLU(), new Linear(10, 5, g));
        int count = model.parameters().stream().mapToInt(Tensor::numel).sum();
        if (count != 3505) {
            throw new IllegalStateException("W3 model has " + count + " parameters, expected 3505");
        }
        Adam opt = new Adam(model.parameters(), 1e-3);
        Tensor x = Tensor.uniform(g, dev.hadron.tensor.DType.FLOAT32, 0, 1, 10000, 1, 20, 20);
        Tensor y = Tensor.randint(g, 0, 5, 10000);
        double s = bestOf3(() -> {
            for (int i = 0; i < 10000; i += 1000) {
                opt.zeroGrad();
                Losses.crossEntropy(model.forward(x.narrow(0, i, 1000)), y.narrow(0, i, 1000)).backward();
                opt.step();
            }
        });
        return String.format("W3 hadron %,.0f images/s", 10000 / s);
    }

    static String w4() {
        Generator g = new Generator(0);
        Sequential model = new Sequential(new Linear(4, 64, g), new TransformerEncoder(64, 4, 128, 2, g));
        Linear head = new Linear(64, 2, g);
        List<Tensor> params = new ArrayList<>(model.parameters());
        params.addAll(head.parameters());
        Adam opt = new Adam(params, 1e-3);
        Tensor x = Tensor.randn(g, 2560, 30, 4);
        Tensor y = Tensor.randint(g, 0, 2, 2560);
        double s = bestOf3(() -> {
            for (int i = 0; i < 2560; i += 256) {
                opt.zeroGrad();
                Losses.crossEntropy(head.forward(model.forward(x.narrow(0, i, 256)).mean(1)), y.narrow(0, i, 256))
                        .backward();
                opt.step();
            }
        });
        return String.format("W4 hadron %,.0f sets/s", 2560 / s);
    }

    static String w5() {
        Module model = w2Model(new Generator(0)).eval();
        Tensor x = Tensor.randn(new Generator(1), 1, 16);
        int n = 20000;
        double best = Double.MAX_VALUE;
        try (var scope = Autodiff.noGrad()) {
            for (int i = 0; i < 20000; i++) {
                model.forward(x);
            }
            for (int r = 0; r < 3; r++) {
                long t = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    model.forward(x);
                }
                best = Math.min(best, (System.nanoTime() - t) / 1e9 / n);
            }
        }
        return String.format("W5 hadron %.2f us/event", best * 1e6);
    }

    static String w7() {
        Generator g = new Generator(0);
        int nEvents = 10240;
        Tensor counts = Tensor.randint(g, 5, 61, nEvents);
        long[] offsets = new long[nEvents + 1];
        for (int i = 0; i < nEvents; i++) {
            offsets[i + 1] = offsets[i] + (long) counts.get(i).item();
        }
        Tensor particles = Tensor.randn(g, (int) offsets[nEvents], 3);
        Tensor y = Tensor.randint(g, 0, 2, nEvents);
        Sequential phi = new Sequential(new Linear(3, 64, g), new ReLU(), new Linear(64, 64, g), new ReLU());
        Sequential f = new Sequential(new Linear(64, 64, g), new ReLU(), new Linear(64, 2, g));
        List<Tensor> params = new ArrayList<>(phi.parameters());
        params.addAll(f.parameters());
        Adam opt = new Adam(params, 1e-3);
        List<Jagged> batches = new ArrayList<>();
        for (int i = 0; i < nEvents; i += 256) {
            int end = Math.min(nEvents, i + 256);
            long[] off = new long[end - i + 1];
            for (int e = 0; e <= end - i; e++) {
                off[e] = offsets[i + e] - offsets[i];
            }
            batches.add(Jagged.of(particles.narrow(0, (int) offsets[i], (int) (offsets[end] - offsets[i])), off));
        }
        double s = bestOf3(() -> {
            for (int b = 0; b < batches.size(); b++) {
                Jagged ev = batches.get(b);
                opt.zeroGrad();
                Tensor pooled = ev.withValues(phi.forward(ev.values())).sum();
                Losses.crossEntropy(f.forward(pooled), y.narrow(0, b * 256, ev.numEvents())).backward();
                opt.step();
            }
        });
        return String.format("W7 hadron %,.0f events/s (jagged, no padding, mean %.1f particles)", nEvents / s,
                offsets[nEvents] / (double) nEvents);
    }

    private static long peakRssMiB() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
