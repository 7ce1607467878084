package dev.hadron.ml.gp;

import dev.hadron.ml.internal.support.JsonFields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kernels as JSON: {@code {"type": "RBF", "length_scale": 1.0, "bounds": [1e-5, 1e5]}}, "fixed" bounds as a string. */
final class KernelJson {
    private static final int MAX_DEPTH = 64;

    private KernelJson() {
    }

    static Map<String, Object> toJson(Kernel k) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (k) {
            case Kernel.Constant c -> {
                m.put("type", "Constant");
                m.put("constant_value", c.value());
                m.put("bounds", bounds(c.bounds()));
            }
            case Kernel.White w -> {
                m.put("type", "White");
                m.put("noise_level", w.noiseLevel());
                m.put("bounds", bounds(w.bounds()));
            }
            case Kernel.RBF r -> {
                m.put("type", "RBF");
                m.put("length_scale", r.lengthScale());
                m.put("bounds", bounds(r.bounds()));
            }
            case Kernel.Matern ma -> {
                m.put("type", "Matern");
                m.put("length_scale", ma.lengthScale());
                m.put("nu", ma.nu());
                m.put("bounds", bounds(ma.bounds()));
            }
            case Kernel.RationalQuadratic q -> {
                m.put("type", "RationalQuadratic");
                m.put("length_scale", q.lengthScale());
                m.put("alpha", q.alpha());
                m.put("length_scale_bounds", bounds(q.lengthScaleBounds()));
                m.put("alpha_bounds", bounds(q.alphaBounds()));
            }
            case Kernel.DotProduct d -> {
                m.put("type", "DotProduct");
                m.put("sigma_0", d.sigma0());
                m.put("bounds", bounds(d.bounds()));
            }
            case Kernel.Sum s -> {
                m.put("type", "Sum");
                m.put("k1", toJson(s.k1()));
                m.put("k2", toJson(s.k2()));
            }
            case Kernel.Product p -> {
                m.put("type", "Product");
                m.put("k1", toJson(p.k1()));
                m.put("k2", toJson(p.k2()));
            }
            case Kernel.Power p -> {
                m.put("type", "Power");
                m.put("kernel", toJson(p.kernel()));
                m.put("exponent", p.exponent());
            }
        }
        return m;
    }

    private static Object bounds(Kernel.Bounds b) {
        return b.isFixed() ? "fixed" : List.of(b.lower(), b.upper());
    }

    static Kernel fromJson(Map<String, Object> m) {
        return fromJson(m, 0);
    }

    private static Kernel fromJson(Map<String, Object> m, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("model JSON: kernel nested deeper than " + MAX_DEPTH + " levels");
        }
        String type = JsonFields.string(m, "type");
        return switch (type) {
            case "Constant" -> new Kernel.Constant(JsonFields.number(m, "constant_value"), bounds(m, "bounds"));
            case "White" -> new Kernel.White(JsonFields.number(m, "noise_level"), bounds(m, "bounds"));
            case "RBF" -> new Kernel.RBF(JsonFields.number(m, "length_scale"), bounds(m, "bounds"));
            case "Matern" -> new Kernel.Matern(JsonFields.number(m, "length_scale"), JsonFields.number(m, "nu"),
                    bounds(m, "bounds"));
            case "RationalQuadratic" -> new Kernel.RationalQuadratic(JsonFields.number(m, "length_scale"),
                    JsonFields.number(m, "alpha"), bounds(m, "length_scale_bounds"), bounds(m, "alpha_bounds"));
            case "DotProduct" -> new Kernel.DotProduct(JsonFields.number(m, "sigma_0"), bounds(m, "bounds"));
            case "Sum" -> new Kernel.Sum(fromJson(JsonFields.object(m, "k1"), depth + 1),
                    fromJson(JsonFields.object(m, "k2"), depth + 1));
            case "Product" -> new Kernel.Product(fromJson(JsonFields.object(m, "k1"), depth + 1),
                    fromJson(JsonFields.object(m, "k2"), depth + 1));
            case "Power" -> new Kernel.Power(fromJson(JsonFields.object(m, "kernel"), depth + 1),
                    JsonFields.number(m, "exponent"));
            default -> throw new IllegalArgumentException("model JSON: unknown kernel type '" + type + "' (expected Constant,"
                    + " White, RBF, Matern, RationalQuadratic, DotProduct, Sum, Product or Power)");
        };
    }

    private static Kernel.Bounds bounds(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if ("fixed".equals(v)) {
            return Kernel.Bounds.fixed();
        }
        double[] b = JsonFields.doubles(m, key, 2);
        return Kernel.Bounds.of(b[0], b[1]);
    }
}
