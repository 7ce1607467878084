package dev.hadron.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Einstein summation over any number of operands: {@code "ij,jk->ik"} (matrix product),
 * {@code "bij,bjk->bik"} (batched), {@code "ii->"} (trace), {@code "ii->i"} (diagonal),
 * {@code "i,j->ij"} (outer), {@code "...ij->...ji"} (ellipsis for leading dimensions). Without
 * {@code ->} the output holds the letters that appear once, in alphabetical order, as in NumPy.
 *
 * <p>Operands are contracted left to right; each pair is reduced to one batched matrix product, so
 * the result is differentiable through the same primitives as {@code matmul}.
 */
public final class Einsum {
    private Einsum() {
    }

    /** Evaluates the equation. */
    public static Tensor apply(String equation, Tensor... operands) {
        String eq = equation.replace(" ", "");
        String lhs;
        String rhs;
        int arrow = eq.indexOf("->");
        if (arrow >= 0) {
            lhs = eq.substring(0, arrow);
            rhs = eq.substring(arrow + 2);
        } else {
            lhs = eq;
            rhs = null;
        }
        String[] terms = lhs.split(",", -1);
        if (terms.length != operands.length) {
            throw new IllegalArgumentException("einsum: equation \"" + equation + "\" has " + terms.length
                    + " operand terms but " + operands.length + " tensors were given");
        }
        int maxEllipsis = 0;
        for (int i = 0; i < terms.length; i++) {
            if (terms[i].contains("...")) {
                int named = terms[i].replace("...", "").length();
                maxEllipsis = Math.max(maxEllipsis, operands[i].dim() - named);
            }
        }
        String ell = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".substring(0, maxEllipsis);
        List<String> labels = new ArrayList<>();
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            String t = terms[i];
            Tensor x = operands[i];
            if (t.contains("...")) {
                int named = t.replace("...", "").length();
                int k = x.dim() - named;
                if (k < 0) {
                    throw new IllegalArgumentException("einsum: operand " + i + " of shape " + Shape.toString(x.shape())
                            + " has fewer dimensions than term \"" + t + "\"");
                }
                t = t.replace("...", ell.substring(maxEllipsis - k));
            }
            for (char c : t.toCharArray()) {
                if (!Character.isLetter(c)) {
                    throw new IllegalArgumentException("einsum: invalid subscript '" + c + "' in \"" + equation + "\"");
                }
            }
            if (t.length() != x.dim()) {
                throw new IllegalArgumentException("einsum: term \"" + terms[i] + "\" names " + t.length()
                        + " dimensions but operand " + i + " has shape " + Shape.toString(x.shape()));
            }
            Object[] d = takeDiagonals(t, x);
            labels.add((String) d[0]);
            tensors.add((Tensor) d[1]);
        }
        String out;
        if (rhs == null) {
            Map<Character, Integer> counts = new LinkedHashMap<>();
            for (String t : terms) {
                for (char c : t.replace("...", "").toCharArray()) {
                    counts.merge(c, 1, Integer::sum);
                }
            }
            StringBuilder sb = new StringBuilder(ell);
            counts.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey).sorted()
                    .forEach(sb::append);
            out = sb.toString();
        } else {
            out = rhs.replace("...", ell);
        }
        Map<Character, Integer> sizes = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String l = labels.get(i);
            int[] s = tensors.get(i).shape();
            for (int k = 0; k < l.length(); k++) {
                char c = l.charAt(k);
                Integer prev = sizes.get(c);
                if (prev == null || prev == 1) {
                    sizes.put(c, s[k]);
                } else if (s[k] != prev && s[k] != 1) {
                    throw new IllegalArgumentException("einsum: subscript '" + c + "' has size " + prev + " in one operand and "
                            + s[k] + " in another (\"" + equation + "\")");
                }
            }
        }
        for (char c : out.toCharArray()) {
            if (!sizes.containsKey(c)) {
                throw new IllegalArgumentException("einsum: output subscript '" + c + "' does not appear in the inputs of \""
                        + equation + "\"");
            }
        }
        String accL = labels.get(0);
        Tensor acc = tensors.get(0);
        for (int i = 1; i < tensors.size(); i++) {
            StringBuilder later = new StringBuilder(out);
            for (int j = i + 1; j < labels.size(); j++) {
                later.append(labels.get(j));
            }
            Object[] r = contract(accL, acc, labels.get(i), tensors.get(i), later.toString(), sizes);
            accL = (String) r[0];
            acc = (Tensor) r[1];
        }
        // sum out what the output does not keep, then order
        List<Integer> drop = new ArrayList<>();
        for (int k = 0; k < accL.length(); k++) {
            if (out.indexOf(accL.charAt(k)) < 0) {
                drop.add(k);
            }
        }
        if (!drop.isEmpty()) {
            acc = acc.sum(drop.stream().mapToInt(Integer::intValue).toArray(), false);
            StringBuilder kept = new StringBuilder();
            for (int k = 0; k < accL.length(); k++) {
                if (!drop.contains(k)) {
                    kept.append(accL.charAt(k));
                }
            }
            accL = kept.toString();
        }
        int[] order = new int[out.length()];
        for (int k = 0; k < out.length(); k++) {
            order[k] = accL.indexOf(out.charAt(k));
        }
        return order.length == 0 ? acc.reshape() : acc.permute(order);
    }

    /** Repeated letters within one term ({@code "ii"}) become a diagonal. */
    private static Object[] takeDiagonals(String t, Tensor x) {
        for (int p = 0; p < t.length(); p++) {
            int q = t.indexOf(t.charAt(p), p + 1);
            if (q < 0) {
                continue;
            }
            int n = x.shape()[p];
            if (x.shape()[q] != n) {
                throw new IllegalArgumentException("einsum: repeated subscript '" + t.charAt(p) + "' covers dimensions of"
                        + " sizes " + n + " and " + x.shape()[q]);
            }
            int[] maskShape = new int[t.length()];
            Arrays.fill(maskShape, 1);
            maskShape[p] = n;
            maskShape[q] = n;
            Tensor mask = Tensor.eye(x.dtype(), n, n).reshape(maskShape);
            Tensor y = x.mul(mask).sum(q);
            String rest = t.substring(0, q) + t.substring(q + 1);
            return takeDiagonals(rest, y);
        }
        return new Object[] {t, x};
    }

    private static Object[] contract(String la, Tensor a, String lb, Tensor b, String keepAfter, Map<Character, Integer> sizes) {
        List<Character> batch = new ArrayList<>();
        List<Character> aOnly = new ArrayList<>();
        List<Character> bOnly = new ArrayList<>();
        List<Character> summed = new ArrayList<>();
        for (char c : la.toCharArray()) {
            if (lb.indexOf(c) >= 0) {
                (keepAfter.indexOf(c) >= 0 ? batch : summed).add(c);
            } else {
                aOnly.add(c);
            }
        }
        for (char c : lb.toCharArray()) {
            if (la.indexOf(c) < 0) {
                bOnly.add(c);
            }
        }
        a = expandTo(la, a, sizes);
        b = expandTo(lb, b, sizes);
        Tensor pa = a.permute(order(la, batch, aOnly, summed));
        Tensor pb = b.permute(order(lb, batch, summed, bOnly));
        int nb = product(batch, sizes);
        int na = product(aOnly, sizes);
        int ns = product(summed, sizes);
        int nbo = product(bOnly, sizes);
        Tensor r = pa.reshape(nb, na, ns).matmul(pb.reshape(nb, ns, nbo));
        int[] shape = new int[batch.size() + aOnly.size() + bOnly.size()];
        StringBuilder labels = new StringBuilder();
        int k = 0;
        for (List<Character> group : List.of(batch, aOnly, bOnly)) {
            for (char c : group) {
                shape[k++] = sizes.get(c);
                labels.append(c);
            }
        }
        return new Object[] {labels.toString(), r.reshape(shape)};
    }

    private static Tensor expandTo(String labels, Tensor x, Map<Character, Integer> sizes) {
        int[] target = new int[labels.length()];
        for (int k = 0; k < labels.length(); k++) {
            target[k] = sizes.get(labels.charAt(k));
        }
        return Arrays.equals(target, x.shape()) ? x : x.expand(target);
    }

    private static int[] order(String labels, List<Character> g1, List<Character> g2, List<Character> g3) {
        int[] o = new int[labels.length()];
        int k = 0;
        for (List<Character> g : List.of(g1, g2, g3)) {
            for (char c : g) {
                o[k++] = labels.indexOf(c);
            }
        }
        return o;
    }

    private static int product(List<Character> letters, Map<Character, Integer> sizes) {
        int p = 1;
        for (char c : letters) {
            p *= sizes.get(c);
        }
        return p;
    }
}
