package dev.hadron.nn;

import dev.hadron.autodiff.Autodiff;
import dev.hadron.tensor.Shape;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the table of {@link Module#summary(int...)}. */
final class Summary {
    private Summary() {
    }

    private record Row(String name, String type, String shape, String params) {
    }

    static String of(Module model, int[] inputShape) {
        Map<Module, int[]> shapes = new IdentityHashMap<>();
        if (inputShape != null) {
            Map<Module, Boolean> modes = new IdentityHashMap<>();
            for (Module m : model.namedModules().values()) {
                modes.put(m, m.isTraining());
            }
            model.eval();
            try (var s = Autodiff.noGrad()) {
                trace(model, Tensor.zeros(model.dtype(), inputShape), shapes);
            } finally {
                modes.forEach(Module::setTrainingFlag);
            }
        }
        List<Row> rows = new ArrayList<>();
        String rootOwn = count(model.ownParameters());
        rows.add(new Row("(model)", model.getClass().getSimpleName(), shapeOf(shapes, model),
                model.namedChildren().isEmpty() || !rootOwn.equals("0") ? rootOwn : "--"));
        for (Map.Entry<String, Module> e : model.namedModules().entrySet()) {
            if (e.getKey().isEmpty()) {
                continue;
            }
            Module m = e.getValue();
            int depth = e.getKey().split("\\.").length - 1;
            String own = count(m.ownParameters());
            String params = m.namedChildren().isEmpty() || !own.equals("0") ? own : "--";
            rows.add(new Row("  ".repeat(depth) + e.getKey(), m.getClass().getSimpleName(), shapeOf(shapes, m), params));
        }
        int w1 = "Layer".length();
        int w2 = "Output shape".length();
        int w3 = "Param #".length();
        for (Row r : rows) {
            w1 = Math.max(w1, r.name.length() + r.type.length() + 3);
            w2 = Math.max(w2, r.shape.length());
            w3 = Math.max(w3, r.params.length());
        }
        String fmt = "%-" + w1 + "s  %-" + w2 + "s  %" + w3 + "s%n";
        int width = w1 + w2 + w3 + 4;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, fmt, "Layer (type)", "Output shape", "Param #"));
        sb.append("=".repeat(width)).append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, fmt, r.name + " (" + r.type + ")", r.shape, r.params));
        }
        sb.append("=".repeat(width)).append('\n');
        long total = model.parameterCount();
        long trainable = model.trainableParameterCount();
        sb.append(String.format(Locale.ROOT, "Total params: %,d%nTrainable params: %,d%nNon-trainable params: %,d%n",
                total, trainable, total - trainable));
        return sb.toString();
    }

    private static String count(Map<String, Parameter> params) {
        long n = 0;
        for (Parameter p : params.values()) {
            n += p.numel();
        }
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String shapeOf(Map<Module, int[]> shapes, Module m) {
        int[] s = shapes.get(m);
        return s == null ? "-" : Shape.toString(s);
    }

    /** Runs {@code m} on {@code x}, recording output shapes of m and of the layers of chains inside it. */
    private static Tensor trace(Module m, Tensor x, Map<Module, int[]> shapes) {
        Tensor y;
        if (m instanceof Sequential seq) {
            y = x;
            for (Module child : seq.modules()) {
                y = trace(child, y, shapes);
            }
        } else if (m instanceof Residual res) {
            trace(res.body(), x, shapes);
            y = m.forward(x);
        } else {
            y = m.forward(x);
        }
        shapes.put(m, y.shape());
        return y;
    }
}
