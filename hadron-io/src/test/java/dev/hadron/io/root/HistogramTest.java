package dev.hadron.io.root;

import dev.hadron.io.root.internal.RObject;
import dev.hadron.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** TH1 contents, edges and errors against JSROOT; the TH2 layout on a histogram built in memory. */
class HistogramTest {

    @Test
    @SuppressWarnings("unchecked")
    void th1ContentsEdgesAndErrorsMatchJsroot() {
        Map<String, Object> g = (Map<String, Object>) RootTestData.golden("histograms.json").get("histograms");
        try (RootFile f = RootFile.open(RootTestData.file("uproot-histograms.root"))) {
            assertEquals(Map.of("one;1", "TH1F", "two;1", "TH1F", "three;1", "TH1F"), f.classNames());
            for (String name : List.of("one", "two", "three")) {
                Map<String, Object> e = (Map<String, Object>) g.get(name);
                Histogram h = f.histogram(name);
                assertEquals(name, h.name());
                assertEquals(e.get("title"), h.title());
                assertEquals("TH1F", h.className());
                assertEquals(1, h.dimension());
                assertEquals(((Number) e.get("entries")).doubleValue(), h.entries());
                List<Object> contents = (List<Object>) e.get("contents");
                RootTestData.assertValue(name + " with flow", contents, RootTestData.toList(h.valuesFlow()));
                RootTestData.assertValue(name, contents.subList(1, contents.size() - 1), RootTestData.toList(h.values()));
                int nbins = ((Number) e.get("nbins")).intValue();
                double lo = ((Number) e.get("xmin")).doubleValue();
                double hi = ((Number) e.get("xmax")).doubleValue();
                double[] edges = h.edges(0).toDoubleArray();
                assertEquals(nbins + 1, edges.length);
                for (int i = 0; i <= nbins; i++) {
                    assertEquals(lo + (hi - lo) * i / nbins, edges[i], 1e-12);
                }
                assertNull(h.sumw2Flow(), "filled without weights: no sumw2 stored");
                double[] err = h.errors().toDoubleArray();
                for (int i = 0; i < nbins; i++) {
                    assertEquals(Math.sqrt(((Number) contents.get(i + 1)).doubleValue()), err[i], 1e-12);
                }
            }
            assertEquals(10000.0, f.histogram("one").values().sum().item());
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> f.tree("one"));
            assertEquals(true, ex.getMessage().contains("TH1F"));
        }
    }

    @Test
    void th2UsesRootsBinLayoutAndStoredSumw2() {
        // a 3 x 2 TH2D: ROOT stores bin (x, y) at x + (nx + 2) * y, flow bins included
        int nx = 3;
        int ny = 2;
        double[] contents = new double[(nx + 2) * (ny + 2)];
        double[] sumw2 = new double[contents.length];
        for (int x = 0; x < nx + 2; x++) {
            for (int y = 0; y < ny + 2; y++) {
                contents[x + (nx + 2) * y] = 10 * x + y;
                sumw2[x + (nx + 2) * y] = 4 * (10 * x + y);
            }
        }
        RObject h = new RObject("TH2D");
        h.put("fName", "h2");
        h.put("fTitle", "two dims");
        h.put("fArray", contents);
        h.put("fSumw2", sumw2);
        h.put("fEntries", 42.0);
        h.put("fXaxis", axis(nx, 0, 3, null));
        h.put("fYaxis", axis(ny, 0, 1, new double[] {0, 0.25, 1}));
        Histogram hist = Histogram.from(h, "test");
        assertEquals(2, hist.dimension());
        Tensor v = hist.values();
        assertArrayEquals(new int[] {3, 2}, v.shape());
        for (int x = 1; x <= nx; x++) {
            for (int y = 1; y <= ny; y++) {
                assertEquals(10 * x + y, v.select(0, x - 1).select(0, y - 1).item());
                assertEquals(2 * Math.sqrt(10 * x + y), hist.errors().select(0, x - 1).select(0, y - 1).item(), 1e-12);
            }
        }
        assertArrayEquals(new double[] {0, 1, 2, 3}, hist.edges(0).toDoubleArray());
        assertArrayEquals(new double[] {0, 0.25, 1}, hist.edges(1).toDoubleArray());
        h.put("fArray", new double[5]);
        RootFormatException ex = assertThrows(RootFormatException.class, () -> Histogram.from(h, "file.root: h2"));
        assertEquals(true, ex.getMessage().contains("expected 20"), ex.getMessage());
    }

    private static RObject axis(int n, double lo, double hi, double[] bins) {
        RObject a = new RObject("TAxis");
        a.put("fNbins", n);
        a.put("fXmin", lo);
        a.put("fXmax", hi);
        a.put("fXbins", bins == null ? new double[0] : bins);
        return a;
    }
}
