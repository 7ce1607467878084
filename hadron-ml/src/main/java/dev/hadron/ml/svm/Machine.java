package dev.hadron.ml.svm;

import dev.hadron.ml.internal.support.JsonFields;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One binary machine of an {@link SVC}: class {@code a} (+1) against class {@code b} (-1), decision
 * {@code sum_t coef[t] K(sv[svIndex[t]], x) - rho}, and Platt's (A, B) for P(a | a or b).
 */
record Machine(int a, int b, int[] svIndex, double[] coef, double rho, double probA, double probB, int iterations) {

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", (long) a);
        m.put("b", (long) b);
        m.put("sv", JsonFields.list(svIndex));
        m.put("coef", JsonFields.list(coef));
        m.put("rho", rho);
        m.put("prob_a", probA);
        m.put("prob_b", probB);
        m.put("iterations", (long) iterations);
        return m;
    }

    static Machine fromJson(Map<String, Object> m, int classes, int supportVectors) {
        int a = JsonFields.integer(m, "a");
        int b = JsonFields.integer(m, "b");
        if (a < 0 || b <= a || b >= classes) {
            throw new IllegalArgumentException("model JSON: machine for classes " + a + " and " + b + " is not a pair a < b < "
                    + classes);
        }
        int[] sv = JsonFields.ints(m, "sv", -1);
        for (int s : sv) {
            if (s < 0 || s >= supportVectors) {
                throw new IllegalArgumentException("model JSON: support-vector index " + s + " outside 0.." + (supportVectors - 1));
            }
        }
        return new Machine(a, b, sv, JsonFields.doubles(m, "coef", sv.length), JsonFields.number(m, "rho"),
                JsonFields.number(m, "prob_a"), JsonFields.number(m, "prob_b"), JsonFields.integer(m, "iterations"));
    }
}
