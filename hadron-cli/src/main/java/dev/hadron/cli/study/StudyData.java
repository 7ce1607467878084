package dev.hadron.cli.study;

import dev.hadron.tensor.Generator;
import dev.hadron.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All events of a study in every input representation, with one label (or target) and weight per
 * event, plus where they came from.
 *
 * @param classification true for class labels, false for a regression target
 * @param classNames class names by label (classification), first = background
 * @param targetName the regression target's name, or ""
 * @param labels class labels (int64) or targets (float64), one per event
 * @param weights event weights (float64), or null for unit weights
 * @param inputs the input sets by name (all hold the same events in the same order)
 * @param sources one line per source for the report
 * @param checksums file name → SHA-256
 */
public record StudyData(boolean classification, List<String> classNames, String targetName, Tensor labels, Tensor weights,
                        Map<String, InputSet> inputs, List<String> sources, Map<String, String> checksums) {

    /** Freezes the collections. */
    public StudyData {
        classNames = List.copyOf(classNames);
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        sources = List.copyOf(sources);
        checksums = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checksums));
    }

    /** The number of events. */
    public int size() {
        return labels.size(0);
    }

    /** Events in the train, validation and test parts. */
    public record Parts(long[] train, long[] validation, long[] test) {
    }

    /**
     * A seeded random split; for classification each class is split with the same fractions
     * (stratified), so every part keeps the class balance. Events beyond train + validation + test
     * (when the fractions sum to less than one) are left out.
     */
    public Parts split(long seed, dev.hadron.cli.config.SplitConfig fractions) {
        double train = fractions.train();
        double validation = fractions.validation();
        long[] perm = Tensor.randperm(new Generator(seed), size()).toLongArray();
        List<Long> tr = new ArrayList<>();
        List<Long> va = new ArrayList<>();
        List<Long> te = new ArrayList<>();
        int groups = classification ? classNames.size() : 1;
        long[] y = classification ? labels.toLongArray() : null;
        for (int c = 0; c < groups; c++) {
            List<Long> members = new ArrayList<>();
            for (long i : perm) {
                if (y == null || y[(int) i] == c) {
                    members.add(i);
                }
            }
            int n = members.size();
            int nTrain = (int) Math.round(n * train);
            int nValid = Math.min((int) Math.round(n * validation), n - nTrain);
            tr.addAll(members.subList(0, nTrain));
            va.addAll(members.subList(nTrain, nTrain + nValid));
            int nTest = Math.min((int) Math.round(n * fractions.test()), n - nTrain - nValid);
            te.addAll(members.subList(nTrain + nValid, nTrain + nValid + nTest));
        }
        int[] rank = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            rank[(int) perm[i]] = i;
        }
        return new Parts(inOrder(tr, rank), inOrder(va, rank), inOrder(te, rank));
    }

    private static long[] inOrder(List<Long> idx, int[] rank) {
        return idx.stream().sorted((a, b) -> Integer.compare(rank[(int) (long) a], rank[(int) (long) b])).mapToLong(Long::longValue)
                .toArray();
    }
}
