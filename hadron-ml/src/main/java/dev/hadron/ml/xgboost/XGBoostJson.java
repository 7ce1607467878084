package dev.hadron.ml.xgboost;

import dev.hadron.ml.Model;
import dev.hadron.ml.tree.GradientBoostedRegressor;
import dev.hadron.ml.tree.GradientBoostedTrees;
import dev.hadron.ml.tree.Objective;
import dev.hadron.ml.tree.Tree;
import dev.hadron.ml.tree.TreeEnsemble;
import dev.hadron.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes boosted tree models in XGBoost's JSON model format ({@code Booster.save_model("m.json")}),
 * so models move between Hadron, XGBoost, ROOT's RBDT ({@code ROOT.TMVA.Experimental.SaveXGBoost}'s
 * input), hls4ml's conifer and Python.
 *
 * <pre>{@code
 * XGBoostJson.save(bdt, Path.of("bdt.json"));                 // then in Python: xgb.Booster(model_file="bdt.json")
 * GradientBoostedTrees fromPython = XGBoostJson.loadClassifier(Path.of("model.json"));
 * }</pre>
 *
 * <p><b>Reading</b> accepts the JSON written by XGBoost 1.0 to 3.x for the {@code gbtree} and
 * {@code dart} boosters (dart tree weights are folded into the leaves) and the objectives
 * {@code binary:logistic}, {@code binary:logitraw}, {@code reg:logistic} (as binary classifiers),
 * {@code multi:softprob}, {@code multi:softmax} (classifiers), {@code reg:squarederror},
 * {@code reg:linear} and {@code reg:pseudohubererror} (regressors). Categorical splits, multi-target
 * trees and linear boosters are refused with an error naming them. Every index is checked before
 * use, so a malformed file ends in an {@code IllegalArgumentException} naming the problem.
 *
 * <p><b>Writing</b> produces the XGBoost 1.7 layout, which XGBoost 1.7 to 3.x load. Thresholds and
 * leaf values are float32, as XGBoost keeps them; a row goes left when {@code x < threshold}, like
 * Hadron's trees, so predictions agree to float32 rounding (XGBoost sums leaf values in float32).
 * The per-class starting scores of a multi-class Hadron model are folded into its first round of
 * trees (XGBoost 1.7 has one scalar {@code base_score}).
 */
public final class XGBoostJson {
    /** The root's parent in XGBoost's {@code parents} array. */
    private static final long NO_PARENT = 2147483647L;

    private XGBoostJson() {
    }

    /** Reads an XGBoost JSON model: a {@link GradientBoostedTrees} or a {@link GradientBoostedRegressor}. */
    public static Model load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read XGBoost model " + path + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(Json.parseObject(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("XGBoost model " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads an XGBoost JSON classifier ({@code binary:*}, {@code multi:*}). */
    public static GradientBoostedTrees loadClassifier(Path path) {
        Model m = load(path);
        if (!(m instanceof GradientBoostedTrees c)) {
            throw new IllegalArgumentException("XGBoost model " + path + " is a regressor (" + ((GradientBoostedRegressor) m)
                    .objective().xgboostName() + "), not a classifier");
        }
        return c;
    }

    /** Reads an XGBoost JSON regressor ({@code reg:*}). */
    public static GradientBoostedRegressor loadRegressor(Path path) {
        Model m = load(path);
        if (!(m instanceof GradientBoostedRegressor r)) {
            throw new IllegalArgumentException("XGBoost model " + path + " is a classifier, not a regressor");
        }
        return r;
    }

    /** Writes a boosted model ({@link GradientBoostedTrees} or {@link GradientBoostedRegressor}) as XGBoost JSON. */
    public static void save(Model model, Path path) {
        String text = Json.write(toJson(model));
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write XGBoost model " + path + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ reading

    /** Rebuilds a model from parsed XGBoost JSON. */
    public static Model fromJson(Map<String, Object> root) {
        Map<String, Object> learner = object(root, "learner");
        Map<String, Object> mp = object(learner, "learner_model_param");
        int numFeatures = intString(mp, "num_feature");
        int numClass = mp.containsKey("num_class") ? intString(mp, "num_class") : 0;
        if (mp.containsKey("num_target") && intString(mp, "num_target") != 1) {
            throw new IllegalArgumentException("multi-target models (num_target " + mp.get("num_target")
                    + ") are not supported; Hadron reads single-target and multi-class models");
        }
        if (numFeatures < 1) {
            throw new IllegalArgumentException("num_feature is " + numFeatures + "; expected at least 1");
        }
        String objName = string(object(learner, "objective"), "name");
        Objective objective = switch (objName) {
            case "binary:logitraw", "reg:logistic" -> Objective.BINARY_LOGISTIC;
            case "reg:linear" -> Objective.SQUARED_ERROR;
            default -> Objective.fromXGBoostName(objName);
        };
        int groups = objective == Objective.MULTICLASS_SOFTMAX ? numClass : 1;
        if (objective == Objective.MULTICLASS_SOFTMAX && numClass < 2) {
            throw new IllegalArgumentException("objective " + objName + " with num_class " + numClass
                    + "; expected at least 2 classes");
        }
        double[] base = baseMargins(string(mp, "base_score"), objective, groups);

        Map<String, Object> booster = object(learner, "gradient_booster");
        String boosterName = string(booster, "name");
        double[] treeWeights = null;
        Map<String, Object> model;
        switch (boosterName) {
            case "gbtree" -> model = object(booster, "model");
            case "dart" -> {
                model = object(object(booster, "gbtree"), "model");
                treeWeights = numbers(booster, "weight_drop");
            }
            case "gblinear" -> throw new IllegalArgumentException("the model is a linear booster (gblinear), not trees;"
                    + " fit Hadron's linear models instead");
            default -> throw new IllegalArgumentException("unknown gradient booster '" + boosterName
                    + "'; expected gbtree or dart");
        }
        List<?> trees = list(model, "trees");
        List<?> info = list(model, "tree_info");
        if (info.size() != trees.size()) {
            throw new IllegalArgumentException("tree_info has " + info.size() + " entries for " + trees.size() + " trees");
        }
        if (treeWeights != null && treeWeights.length != trees.size()) {
            throw new IllegalArgumentException("dart weight_drop has " + treeWeights.length + " entries for "
                    + trees.size() + " trees");
        }
        List<Tree> out = new ArrayList<>();
        int[] group = new int[trees.size()];
        for (int i = 0; i < trees.size(); i++) {
            if (!(info.get(i) instanceof Long g) || g < 0 || g >= groups) {
                throw new IllegalArgumentException("tree_info[" + i + "] is " + info.get(i) + "; expected a group 0 .. "
                        + (groups - 1));
            }
            group[i] = (int) (long) g;
            if (!(trees.get(i) instanceof Map<?, ?> tm)) {
                throw new IllegalArgumentException("tree " + i + " is not a JSON object");
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) tm;
                out.add(readTree(t, numFeatures, treeWeights == null ? 1 : treeWeights[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tree " + i + ": " + e.getMessage(), e);
            }
        }
        TreeEnsemble ensemble = TreeEnsemble.of(out, group, base, numFeatures);
        if (objective.isClassification()) {
            return GradientBoostedTrees.fromEnsemble(ensemble, objective,
                    objective == Objective.BINARY_LOGISTIC ? 2 : numClass);
        }
        return GradientBoostedRegressor.fromEnsemble(ensemble, objective);
    }

    /** XGBoost's {@code base_score} (a number, or "[...]" since 3.1) as raw scores per group. */
    private static double[] baseMargins(String text, Objective objective, int groups) {
        String s = text.trim();
        double[] v;
        try {
            if (s.startsWith("[")) {
                String inner = s.substring(1, s.length() - (s.endsWith("]") ? 1 : 0)).trim();
                String[] parts = inner.isEmpty() ? new String[0] : inner.split(",");
                v = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    v[i] = (float) Double.parseDouble(parts[i].trim());
                }
            } else {
                v = new double[] {(float) Double.parseDouble(s)};
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("base_score '" + text + "' is not a number or list of numbers", e);
        }
        if (v.length != 1 && v.length != groups) {
            throw new IllegalArgumentException("base_score has " + v.length + " values for " + groups + " outputs");
        }
        double[] m = new double[groups];
        for (int k = 0; k < groups; k++) {
            double b = v.length == 1 ? v[0] : v[k];
            if (!Double.isFinite(b)) {
                throw new IllegalArgumentException("base_score " + b + " is not finite");
            }
            switch (objective) {
                case BINARY_LOGISTIC -> {
                    if (!(b > 0 && b < 1)) {
                        throw new IllegalArgumentException("base_score " + b + " of a logistic model must be in (0, 1)");
                    }
                    m[k] = Math.log(b / (1 - b));
                }
                case MULTICLASS_SOFTMAX -> {
                    // a scalar is added to every class's raw score (XGBoost up to 3.0); per-class values
                    // (XGBoost 3.1+) are class probabilities. A common shift cancels in the softmax.
                    if (v.length == 1) {
                        m[k] = b;
                    } else if (!(b > 0)) {
                        throw new IllegalArgumentException("per-class base_score " + b + " must be positive");
                    } else {
                        m[k] = Math.log(b);
                    }
                }
                default -> m[k] = b;
            }
        }
        return m;
    }

    private static Tree readTree(Map<String, Object> t, int numFeatures, double weight) {
        Map<String, Object> tp = object(t, "tree_param");
        int n = intString(tp, "num_nodes");
        if (tp.containsKey("size_leaf_vector")) {
            int s = intString(tp, "size_leaf_vector");
            if (s > 1) {
                throw new IllegalArgumentException("multi-output trees (size_leaf_vector " + s + ") are not supported");
            }
        }
        int[] left = ints(t, "left_children", n);
        int[] right = ints(t, "right_children", n);
        int[] feature = ints(t, "split_indices", n);
        double[] cond = numbers(t, "split_conditions");
        checkLength("split_conditions", cond.length, n);
        List<?> dl = list(t, "default_left");
        checkLength("default_left", dl.size(), n);
        if (t.get("split_type") instanceof List<?> st) {
            checkLength("split_type", st.size(), n);
            for (int i = 0; i < n; i++) {
                if (left[i] != -1 && !(st.get(i) instanceof Long l && l == 0)) {
                    throw new IllegalArgumentException("node " + i + " is a categorical split; Hadron reads numerical"
                            + " splits only");
                }
            }
        }
        double[] gain = t.containsKey("loss_changes") ? numbers(t, "loss_changes") : new double[n];
        double[] cover = t.containsKey("sum_hessian") ? numbers(t, "sum_hessian") : new double[n];
        double[] baseWeights = t.containsKey("base_weights") ? numbers(t, "base_weights") : null;
        checkLength("loss_changes", gain.length, n);
        checkLength("sum_hessian", cover.length, n);
        if (baseWeights != null) {
            checkLength("base_weights", baseWeights.length, n);
        }
        float[] threshold = new float[n];
        boolean[] defaultLeft = new boolean[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            Object d = dl.get(i);
            defaultLeft[i] = d instanceof Boolean b ? b : d instanceof Long l && l != 0;
            if (left[i] == -1) {
                value[i] = weight * (float) cond[i];
                right[i] = -1;
            } else {
                threshold[i] = (float) cond[i];
                value[i] = baseWeights == null ? 0 : weight * (float) baseWeights[i];
            }
        }
        return Tree.of(numFeatures, left, right, feature, threshold, defaultLeft, value, 1, gain, cover);
    }

    // ------------------------------------------------------------------ writing

    /** The model as XGBoost JSON values (maps and lists). */
    public static Map<String, Object> toJson(Model model) {
        TreeEnsemble e;
        Objective objective;
        int numClasses;
        if (model instanceof GradientBoostedTrees c) {
            e = c.ensemble();
            objective = c.objective();
            numClasses = c.numClasses();
        } else if (model instanceof GradientBoostedRegressor r) {
            e = r.ensemble();
            objective = r.objective();
            numClasses = 0;
        } else {
            throw new IllegalArgumentException("XGBoostJson: only boosted trees can be written in XGBoost's format, got "
                    + model.getClass().getSimpleName());
        }
        int groups = e.groups();
        double baseScore;
        double[] shift = new double[groups];
        switch (objective) {
            case BINARY_LOGISTIC -> baseScore = 1 / (1 + Math.exp(-e.baseMargin(0)));
            case MULTICLASS_SOFTMAX -> {
                baseScore = 0.5;
                for (int k = 0; k < groups; k++) {
                    shift[k] = e.baseMargin(k) - 0.5;
                }
            }
            default -> baseScore = e.baseMargin(0);
        }
        boolean[] shifted = new boolean[groups];
        List<Object> trees = new ArrayList<>();
        List<Object> info = new ArrayList<>();
        for (int i = 0; i < e.numTrees(); i++) {
            int g = e.group(i);
            double s = 0;
            if (!shifted[g] && shift[g] != 0) {
                s = shift[g];
            }
            shifted[g] = true;
            trees.add(writeTree(e.tree(i), i, e.numFeatures(), s));
            info.add((long) g);
        }
        if (objective == Objective.MULTICLASS_SOFTMAX) {
            for (int k = 0; k < groups; k++) {
                if (!shifted[k] && shift[k] != 0) {
                    trees.add(constantTree(trees.size(), e.numFeatures(), shift[k]));
                    info.add((long) k);
                }
            }
        }
        Map<String, Object> treeModel = new LinkedHashMap<>();
        treeModel.put("gbtree_model_param", Map.of("num_parallel_tree", "1", "num_trees",
                String.valueOf(trees.size()), "size_leaf_vector", "0"));
        treeModel.put("tree_info", info);
        treeModel.put("trees", trees);
        Map<String, Object> booster = new LinkedHashMap<>();
        booster.put("model", treeModel);
        booster.put("name", "gbtree");
        Map<String, Object> mp = new LinkedHashMap<>();
        mp.put("base_score", floatString(baseScore));
        mp.put("boost_from_average", "1");
        mp.put("num_class", String.valueOf(objective == Objective.MULTICLASS_SOFTMAX ? numClasses : 0));
        mp.put("num_feature", String.valueOf(e.numFeatures()));
        mp.put("num_target", "1");
        Map<String, Object> obj = new LinkedHashMap<>();
        obj.put("name", objective.xgboostName());
        switch (objective) {
            case MULTICLASS_SOFTMAX -> obj.put("softmax_multiclass_param", Map.of("num_class", String.valueOf(numClasses)));
            case PSEUDO_HUBER -> {
                double slope = model instanceof GradientBoostedRegressor r ? r.params().huberSlope() : 1;
                obj.put("pseudo_huber_param", Map.of("huber_slope", floatString(slope)));
            }
            default -> obj.put("reg_loss_param", Map.of("scale_pos_weight", "1"));
        }
        Map<String, Object> learner = new LinkedHashMap<>();
        learner.put("attributes", new LinkedHashMap<>());
        learner.put("feature_names", new ArrayList<>());
        learner.put("feature_types", new ArrayList<>());
        learner.put("gradient_booster", booster);
        learner.put("learner_model_param", mp);
        learner.put("objective", obj);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("learner", learner);
        root.put("version", List.of(1L, 7L, 4L));
        return root;
    }

    private static Map<String, Object> writeTree(Tree t, int id, int numFeatures, double shift) {
        int n = t.numNodes();
        List<Object> baseWeights = new ArrayList<>();
        List<Object> defaultLeft = new ArrayList<>();
        List<Object> left = new ArrayList<>();
        List<Object> right = new ArrayList<>();
        List<Object> loss = new ArrayList<>();
        List<Object> parents = new ArrayList<>();
        List<Object> cond = new ArrayList<>();
        List<Object> index = new ArrayList<>();
        List<Object> type = new ArrayList<>();
        List<Object> hess = new ArrayList<>();
        long[] parent = new long[n];
        parent[0] = NO_PARENT;
        for (int i = 0; i < n; i++) {
            if (!t.isLeaf(i)) {
                parent[t.left(i)] = i;
                parent[t.right(i)] = i;
            }
        }
        for (int i = 0; i < n; i++) {
            boolean leaf = t.isLeaf(i);
            double v = (float) (t.value(i, 0) + shift);
            baseWeights.add(v);
            defaultLeft.add(leaf ? 0L : t.defaultLeft(i) ? 1L : 0L);
            left.add((long) t.left(i));
            right.add((long) t.right(i));
            loss.add((double) (float) t.gain(i));
            parents.add(parent[i]);
            cond.add(leaf ? v : (double) t.threshold(i));
            index.add(leaf ? 0L : (long) t.feature(i));
            type.add(0L);
            hess.add((double) (float) t.cover(i));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base_weights", baseWeights);
        m.put("categories", new ArrayList<>());
        m.put("categories_nodes", new ArrayList<>());
        m.put("categories_segments", new ArrayList<>());
        m.put("categories_sizes", new ArrayList<>());
        m.put("default_left", defaultLeft);
        m.put("id", (long) id);
        m.put("left_children", left);
        m.put("loss_changes", loss);
        m.put("parents", parents);
        m.put("right_children", right);
        m.put("split_conditions", cond);
        m.put("split_indices", index);
        m.put("split_type", type);
        m.put("sum_hessian", hess);
        Map<String, Object> tp = new LinkedHashMap<>();
        tp.put("num_deleted", "0");
        tp.put("num_feature", String.valueOf(numFeatures));
        tp.put("num_nodes", String.valueOf(n));
        tp.put("size_leaf_vector", "0");
        m.put("tree_param", tp);
        return m;
    }

    private static Map<String, Object> constantTree(int id, int numFeatures, double value) {
        Tree leaf = Tree.of(numFeatures, new int[] {-1}, new int[] {-1}, new int[1], new float[1], new boolean[1],
                new double[] {0}, 1, null, null);
        return writeTree(leaf, id, numFeatures, value);
    }

    /** A float32 value as XGBoost prints its parameters (shortest round-trip form). */
    private static String floatString(double v) {
        return Float.toString((float) v);
    }

    // ------------------------------------------------------------------ checked access

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Map<?, ?> o)) {
            throw new IllegalArgumentException(m.containsKey(key) ? "'" + key + "' should be an object"
                    : "missing '" + key + "'");
        }
        return (Map<String, Object>) o;
    }

    private static List<?> list(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof List<?> l)) {
            throw new IllegalArgumentException(m.containsKey(key) ? "'" + key + "' should be an array"
                    : "missing '" + key + "'");
        }
        return l;
    }

    private static String string(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof String s)) {
            throw new IllegalArgumentException(m.containsKey(key) ? "'" + key + "' should be a string"
                    : "missing '" + key + "'");
        }
        return s;
    }

    /** XGBoost writes integer parameters as strings ("28"); plain integers are accepted too. */
    private static int intString(Map<String, Object> m, String key) {
        Object v = m.get(key);
        try {
            long l = v instanceof Long x ? x : Long.parseLong(string(m, key).trim());
            return Math.toIntExact(l);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + key + "' is '" + v + "'; expected an integer", e);
        }
    }

    private static double[] numbers(Map<String, Object> m, String key) {
        List<?> l = list(m, key);
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            if (!(l.get(i) instanceof Number num)) {
                throw new IllegalArgumentException("entry " + i + " of '" + key + "' is not a number");
            }
            a[i] = num.doubleValue();
        }
        return a;
    }

    private static int[] ints(Map<String, Object> m, String key, int n) {
        List<?> l = list(m, key);
        checkLength(key, l.size(), n);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            if (!(l.get(i) instanceof Long v) || v != (int) (long) v) {
                throw new IllegalArgumentException("entry " + i + " of '" + key + "' is not a 32-bit integer");
            }
            a[i] = (int) (long) v;
        }
        return a;
    }

    private static void checkLength(String key, int got, int n) {
        if (got != n) {
            throw new IllegalArgumentException("'" + key + "' has " + got + " entries; num_nodes is " + n);
        }
    }
}
