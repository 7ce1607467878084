package dev.hadron.optim;

import dev.hadron.nn.Golden;
import dev.hadron.tensor.DType;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Learning-rate sequences of 30 steps against PyTorch 1.13's schedulers (golden/schedulers.safetensors). */
class SchedulerParityTest {
    private static final Map<String, Tensor> G = Golden.load("schedulers");

    private static void run(String name, Function<SGD, Consumer<Integer>> make) {
        SGD opt = new SGD(List.of(Tensor.zeros(1).requiresGrad(true)), 0.1);
        Consumer<Integer> step = make.apply(opt);
        double[] lrs = new double[30];
        for (int i = 0; i < 30; i++) {
            lrs[i] = opt.lr();
            step.accept(i);
        }
        Golden.assertClose(name, G.get(name), Tensor.of(lrs, 30), 1e-12);
    }

    private static Function<SGD, Consumer<Integer>> plain(Function<SGD, LRScheduler> make) {
        return opt -> {
            LRScheduler s = make.apply(opt);
            return i -> s.step();
        };
    }

    @Test
    void schedules() {
        run("step", plain(o -> new StepLR(o, 7, 0.5)));
        run("multistep", plain(o -> new MultiStepLR(o, new int[] {5, 12, 20}, 0.3)));
        run("exponential", plain(o -> new ExponentialLR(o, 0.9)));
        run("cosine", plain(o -> new CosineAnnealingLR(o, 10, 0.001)));
        run("linear", plain(o -> new LinearLR(o, 0.2, 1.0, 8)));
        run("onecycle", plain(o -> new OneCycleLR(o, 1.0, 30)));
        run("sequential", plain(o -> new SequentialLR(o, List.of(new LinearLR(o, 0.1, 1.0, 5),
                new CosineAnnealingLR(o, 25, 0.0)), new int[] {5})));
        double[] metrics = G.get("plateau_metrics").toDoubleArray();
        run("plateau", o -> {
            ReduceLROnPlateau p = new ReduceLROnPlateau(o, ReduceLROnPlateau.Options.defaults().withFactor(0.5)
                    .withPatience(2).withCooldown(1));
            return i -> p.step(metrics[i]);
        });
    }

    @Test
    void stateRestoresTheRate() {
        SGD opt = new SGD(List.of(Tensor.zeros(1).requiresGrad(true)), 0.1);
        StepLR s = new StepLR(opt, 2, 0.5);
        for (int i = 0; i < 5; i++) {
            s.step();
        }
        Map<String, Tensor> state = s.stateDict();
        SGD opt2 = new SGD(List.of(Tensor.zeros(1).requiresGrad(true)), 0.1);
        StepLR s2 = new StepLR(opt2, 2, 0.5);
        s2.loadStateDict(state);
        assertEquals(opt.lr(), opt2.lr());
        assertEquals(DType.INT64, state.get("last_epoch").dtype());
        OneCycleLR one = new OneCycleLR(opt2, 1.0, 3);
        one.step();
        one.step();
        one.step();
        assertThrows(IllegalStateException.class, one::step);
    }
}
