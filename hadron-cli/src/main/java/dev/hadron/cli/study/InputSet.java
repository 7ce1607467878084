package dev.hadron.cli.study;

import dev.hadron.data.Dataset;

import java.util.List;

/**
 * One representation of the study's events that methods can train on ({@code inputs: features}).
 *
 * @param name the set's name in the config
 * @param kind dense, jagged or image
 * @param data the events: features (dense, jagged or images), labels or targets, weights
 * @param columns the source columns the set is read from (what {@code hadron predict} needs in a new file)
 * @param featureNames one name per feature (per particle feature for jagged sets)
 */
public record InputSet(String name, InputKind kind, Dataset data, List<String> columns, List<String> featureNames) {
    /** Copies the lists. */
    public InputSet {
        columns = List.copyOf(columns);
        featureNames = List.copyOf(featureNames);
    }

    /** The same set restricted to the events at {@code indices}. */
    public InputSet subset(long[] indices) {
        return new InputSet(name, kind, data.subset(indices), columns, featureNames);
    }
}
