package dev.prdarts.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    @Test
    void countsTopOneAndTopFiveHitsAndAveragesTheLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] logits = new float[2 * 7];
            // row 0: label 3 is the largest
            for (int c = 0; c < 7; c++) {
                logits[c] = c == 3 ? 9f : c;
            }
            // row 1: label 0 is the 5th largest (6, 5, 4, 3 beat it)
            for (int c = 0; c < 7; c++) {
                logits[7 + c] = c == 0 ? 2.5f : c;
            }
            Evaluator.Counter counter = new Evaluator.Counter(7);
            counter.add(m.create(logits, new Shape(2, 7)), m.create(new int[] {3, 0}), 1.0f);
            counter.add(m.create(logits, new Shape(2, 7)), m.create(new int[] {6, 1}), 3.0f);
            Evaluation e = counter.result();
            assertEquals(4, e.images());
            // row0/label3 top-1; row1/label0 and row0/label6 (beaten by 9 only) top-5 only;
            // row1/label1 is beaten by six logits: not in the top 5
            assertEquals(0.25, e.top1(), 1e-12);
            assertEquals(0.75, e.top5(), 1e-12);
            assertEquals(2.0, e.loss(), 1e-12);
            assertTrue(e.hasTop5());
        }
    }

    @Test
    void fiveClassesOrFewerHaveNoTopFive() {
        try (NDManager m = NDManager.newBaseManager()) {
            Evaluator.Counter counter = new Evaluator.Counter(4);
            counter.add(
                    m.create(new float[] {0, 1, 2, 3}, new Shape(1, 4)),
                    m.create(new int[] {3}),
                    0.5f);
            Evaluation e = counter.result();
            assertEquals(1.0, e.top1(), 0);
            assertFalse(e.hasTop5());
        }
    }
}
