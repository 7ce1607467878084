package dev.hadron.cli.method;

import dev.hadron.cli.study.InputKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scoring batches stay small for jagged inputs, whose graph layers hold n² edges per fully connected
 * jet (scoring a whole test split at once took gigabytes), and large for dense ones.
 */
class EvaluationBatchTest {
    @Test
    void jaggedInputsAreScoredInTrainingSizedBatches() {
        assertEquals(256, NetworkMethod.evaluationBatch(InputKind.JAGGED, 0, 4096));
        assertEquals(256, NetworkMethod.evaluationBatch(InputKind.JAGGED, 128, 1024));
        assertEquals(512, NetworkMethod.evaluationBatch(InputKind.JAGGED, 512, 1024));
        assertEquals(4096, NetworkMethod.evaluationBatch(InputKind.DENSE, 0, 4096));
        assertEquals(1024, NetworkMethod.evaluationBatch(InputKind.IMAGE, 128, 1024));
        assertEquals(2048, NetworkMethod.evaluationBatch(InputKind.DENSE, 2048, 1024));
    }
}
