package dev.hadron.eval.report;

import dev.hadron.eval.metrics.RegressionMetrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test-sample metrics of one regressor, from {@link Evaluation#regressor}.
 *
 * @param name the method name
 * @param metrics MAE, MSE, RMSE and R²
 * @param trainSeconds training time
 */
public record RegressorSummary(String name, RegressionMetrics metrics, double trainSeconds) {
    /** A JSON-ready map: {@code name, r2, mae, mse, rmse, train_seconds}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("r2", metrics.r2());
        m.put("mae", metrics.mae());
        m.put("mse", metrics.mse());
        m.put("rmse", metrics.rmse());
        m.put("train_seconds", trainSeconds);
        return m;
    }
}
