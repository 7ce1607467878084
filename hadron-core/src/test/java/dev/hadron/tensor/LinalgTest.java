package dev.hadron.tensor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decompositions reconstruct their input; solves leave small residuals; batches broadcast. */
class LinalgTest {
    private static final Generator G = new Generator(11);

    private static Tensor spd(int... shape) {
        int n = shape[shape.length - 1];
        Tensor a = Tensor.normal(G, DType.FLOAT64, 0, 1, shape);
        return a.matmul(a.mT()).add(Tensor.eye(DType.FLOAT64, n, n).mul(n));
    }

    @Test
    void choleskyReconstructs() {
        Tensor a = spd(3, 5, 5);
        Tensor l = Linalg.cholesky(a);
        assertTrue(l.matmul(l.mT()).allClose(a, 1e-12, 1e-12));
        assertEquals(0.0, l.triu(1).abs().max().item(), 0);
    }

    @Test
    void solvesLeaveTinyResiduals() {
        Tensor a = spd(4, 4).add(Tensor.normal(G, DType.FLOAT64, 0, 0.3, 4, 4));
        Tensor b = Tensor.normal(G, DType.FLOAT64, 0, 1, 2, 4, 3);
        Tensor x = Linalg.solve(a, b);
        assertArrayEquals(new int[] {2, 4, 3}, x.shape());
        assertTrue(a.matmul(x).allClose(b, 1e-10, 1e-10));
        Tensor l = Linalg.cholesky(spd(4, 4));
        Tensor y = Linalg.solveTriangular(l, b, false);
        assertTrue(l.matmul(y).allClose(b, 1e-10, 1e-10));
        Tensor z = Linalg.solveTriangular(l.mT(), b.mT(), true, false, false);
        assertTrue(z.matmul(l.mT()).allClose(b.mT(), 1e-10, 1e-10));
        assertTrue(a.matmul(Linalg.inv(a)).allClose(Tensor.eye(DType.FLOAT64, 4, 4), 1e-10, 1e-10));
    }

    @Test
    void determinantsAgreeWithEigenvalues() {
        Tensor a = spd(2, 4, 4);
        Linalg.Eigh e = Linalg.eigh(a);
        assertTrue(e.eigenvalues().prod(new int[] {-1}, false).allClose(Linalg.det(a), 1e-10, 1e-10));
        assertTrue(e.eigenvalues().log().sum(-1).allClose(Linalg.logdet(a), 1e-10, 1e-10));
        Tensor v = e.eigenvectors();
        assertTrue(v.matmul(e.eigenvalues().diagEmbed()).matmul(v.mT()).allClose(a, 1e-10, 1e-10));
        assertTrue(v.mT().matmul(v).allClose(Tensor.eye(DType.FLOAT64, 4, 4).expand(2, 4, 4), 1e-12, 1e-12));
        double[] w = e.eigenvalues().get(0).toDoubleArray();
        for (int i = 1; i < w.length; i++) {
            assertTrue(w[i] >= w[i - 1], "eigenvalues ascending");
        }
        Tensor neg = Tensor.of(new double[] {0, 1, 1, 0}, 2, 2);
        assertEquals(-1.0, Linalg.slogdet(neg).sign().item());
        assertTrue(Double.isNaN(Linalg.logdet(neg).item()));
        assertEquals(Double.NEGATIVE_INFINITY, Linalg.slogdet(Tensor.zeros(DType.FLOAT64, 2, 2)).logabsdet().item());
    }

    @Test
    void einsumCommonCases() {
        Tensor a = Tensor.normal(G, DType.FLOAT64, 0, 1, 3, 4);
        Tensor b = Tensor.normal(G, DType.FLOAT64, 0, 1, 4, 5);
        assertTrue(Tensor.einsum("ij,jk->ik", a, b).allClose(a.matmul(b), 1e-12, 1e-12));
        assertTrue(Tensor.einsum("ij,jk", a, b).allClose(a.matmul(b), 1e-12, 1e-12));
        assertTrue(Tensor.einsum("ij->ji", a).equal(a.t()));
        assertTrue(Tensor.einsum("ij->", a).allClose(a.sum(), 1e-12, 1e-12));
        assertTrue(Tensor.einsum("ij,ij->i", a, a).allClose(a.square().sum(1), 1e-12, 1e-12));
        Tensor s = Tensor.normal(G, DType.FLOAT64, 0, 1, 4, 4);
        assertEquals(s.diagonal().sum().item(), Tensor.einsum("ii", s).item(), 1e-12);
        assertTrue(Tensor.einsum("ii->i", s).allClose(s.diagonal(), 1e-12, 1e-12));
        Tensor x = Tensor.normal(G, DType.FLOAT64, 0, 1, 2, 3, 4);
        Tensor y = Tensor.normal(G, DType.FLOAT64, 0, 1, 2, 4, 6);
        Tensor w = Tensor.normal(G, DType.FLOAT64, 0, 1, 6);
        assertTrue(Tensor.einsum("bij,bjk,k->bi", x, y, w).allClose(x.matmul(y).matmul(w), 1e-12, 1e-12));
        assertTrue(Tensor.einsum("...ij->...ji", x).equal(x.mT()));
    }

    @Test
    void convolutionMatchesItsDefinition() {
        Tensor x = Tensor.normal(G, DType.FLOAT32, 0, 1, 2, 4, 5, 6);
        Tensor w = Tensor.normal(G, DType.FLOAT32, 0, 1, 6, 2, 3, 2);
        Tensor b = Tensor.normal(G, DType.FLOAT32, 0, 1, 6);
        int stride = 2;
        int pad = 1;
        int dil = 1;
        int groups = 2;
        Tensor y = Conv.conv(x, w, b, new int[] {stride, 1}, new int[] {pad, 0}, new int[] {dil, 2}, groups);
        float[] xv = x.toFloatArray();
        float[] wv = w.toFloatArray();
        float[] bv = b.toFloatArray();
        int oh = (5 + 2 * pad - (3 - 1) - 1) / stride + 1;
        int ow = (6 - 2 * (2 - 1) - 1) + 1;
        assertArrayEquals(new int[] {2, 6, oh, ow}, y.shape());
        float[] yv = y.toFloatArray();
        for (int n = 0; n < 2; n++) {
            for (int co = 0; co < 6; co++) {
                int g = co / 3;
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double s = bv[co];
                        for (int ci = 0; ci < 2; ci++) {
                            for (int ki = 0; ki < 3; ki++) {
                                for (int kj = 0; kj < 2; kj++) {
                                    int r = i * stride - pad + ki;
                                    int c = j + kj * 2;
                                    if (r >= 0 && r < 5 && c >= 0 && c < 6) {
                                        s += xv[((n * 4 + g * 2 + ci) * 5 + r) * 6 + c] * wv[((co * 2 + ci) * 3 + ki) * 2 + kj];
                                    }
                                }
                            }
                        }
                        assertEquals(s, yv[((n * 6 + co) * oh + i) * ow + j], 1e-4);
                    }
                }
            }
        }
    }
}
