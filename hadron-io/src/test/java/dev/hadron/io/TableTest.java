package dev.hadron.io;

import dev.hadron.tensor.DType;
import dev.hadron.tensor.Jagged;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTest {
    static Table sample() {
        Map<String, Column> m = new LinkedHashMap<>();
        m.put("pt", Column.of(Tensor.of(new double[] {10, 20, 30, 40}, 4)));
        m.put("p4", Column.of(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2)));
        m.put("Muon_pt", Column.of(Jagged.fromCounts(Tensor.of(new float[] {1, 2, 3, 4, 5}, 5), 2, 0, 1, 2)));
        m.put("kind", Column.of(List.of("s", "b", "s", "b")));
        return Table.of(m);
    }

    @Test
    void selectTakeFilterConcat() {
        Table t = sample();
        assertEquals(4, t.numRows());
        assertEquals(List.of("Muon_pt", "pt"), t.select("Muon_pt", "pt").columnNames());
        assertEquals(List.of("pt", "p4"), t.drop("Muon_pt", "kind").columnNames());
        assertEquals(List.of("Muon_pt"), t.columnsMatching("Muon_*"));
        Table taken = t.take(new long[] {3, 0});
        assertArrayEquals(new double[] {40, 10}, taken.tensor("pt").toDoubleArray());
        assertArrayEquals(new long[] {2, 2}, taken.jagged("Muon_pt").counts().toLongArray());
        assertArrayEquals(new double[] {4, 5, 1, 2}, taken.jagged("Muon_pt").values().toDoubleArray());
        assertEquals(List.of("b", "s"), taken.strings("kind"));
        Table f = t.filter(t.tensor("pt").gt(15));
        assertEquals(3, f.numRows());
        assertArrayEquals(new int[] {3, 2}, f.tensor("p4").shape());
        Table c = Table.concat(List.of(t, t.head(2)));
        assertEquals(6, c.numRows());
        assertArrayEquals(new long[] {2, 0, 1, 2, 2, 0}, c.jagged("Muon_pt").counts().toLongArray());
        assertEquals("s", c.strings("kind").get(4));
        assertEquals(List.of("pT", "p4", "Muon_pt", "kind"), t.rename("pt", "pT").columnNames());
        assertEquals(2, t.slice(1, 3).numRows());
        assertTrue(t.toString().contains("Muon_pt: jagged float32"), t.toString());
    }

    @Test
    void clearErrors() {
        Table t = sample();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.column("PT"));
        assertTrue(e.getMessage().contains("'PT'") && e.getMessage().contains("did you mean 'pt'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.tensor("Muon_pt"));
        assertTrue(e.getMessage().contains("jagged"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.withColumn("short", Tensor.zeros(3)));
        assertTrue(e.getMessage().contains("3 rows") && e.getMessage().contains("4"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> t.take(new long[] {4}));
        assertThrows(IllegalArgumentException.class, () -> t.filter(Tensor.ones(DType.BOOL, 3)));
        e = assertThrows(IllegalArgumentException.class, () -> Table.concat(List.of(t, t.drop("kind"))));
        assertTrue(e.getMessage().contains("kind"), e.getMessage());
    }
}
