package dev.hadron.cli.study;

import dev.hadron.cli.CliException;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Class indices from a label column's values. With {@code data.classes} the listed values are the
 * classes in that order (first = background); without it the distinct values, sorted (numerically
 * when they are all numbers), so {@code b, s} and {@code 0, 1} both put signal last.
 *
 * @param labels class index per event (int64)
 * @param classes the class values, by index
 */
public record LabelMapping(Tensor labels, List<String> classes) {

    /** Maps {@code raw} values; errors name {@code labelColumn} and the config file. */
    public static LabelMapping of(List<String> raw, List<String> declared, String file, String labelColumn) {
        List<String> classes = new ArrayList<>();
        if (!declared.isEmpty()) {
            for (String c : declared) {
                classes.add(normalize(c));
            }
            if (new LinkedHashSet<>(classes).size() != classes.size()) {
                throw CliException.config(file + ": data.classes: " + declared + " lists a value twice; list each class once");
            }
        } else {
            LinkedHashSet<String> distinct = new LinkedHashSet<>(raw);
            boolean numeric = distinct.stream().allMatch(LabelMapping::isNumber);
            if (numeric) {
                distinct.stream().sorted((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b))).forEach(classes::add);
            } else {
                classes.addAll(new TreeSet<>(distinct));
            }
        }
        if (classes.size() < 2) {
            throw CliException.config(file + ": data.label: column '" + labelColumn + "' has only one class " + classes
                    + "; a classification needs at least two — check data.label, or give signal: and background: files");
        }
        Map<String, Long> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), (long) i);
        }
        long[] y = new long[raw.size()];
        for (int i = 0; i < y.length; i++) {
            Long k = index.get(raw.get(i));
            if (k == null) {
                throw CliException.config(file + ": data.classes: label value '" + raw.get(i) + "' (event " + i + ") of column '"
                        + labelColumn + "' is not one of the classes " + classes + "; add it to data.classes");
            }
            y[i] = k;
        }
        return new LabelMapping(Tensor.of(y, y.length), List.copyOf(classes));
    }

    private static String normalize(String c) {
        return isNumber(c) ? StudyDataReader.labelText(Double.parseDouble(c)) : c;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
