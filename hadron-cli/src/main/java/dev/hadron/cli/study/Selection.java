package dev.hadron.cli.study;

import dev.hadron.cli.CliException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An event selection (a cut, in TMVA's words) from the config's {@code data.selection}: an expression
 * over the per-event numeric columns, such as {@code "pt1 > 20 && abs(eta1) < 2.4 && (M > 60 and M < 120)"}.
 *
 * <p>It knows numbers, column names (letters, digits, {@code _} and {@code .}; any other name in back
 * quotes: {@code `Jet.pt`}), {@code + - * /}, comparisons {@code < <= > >= == !=}, {@code &&}/{@code and},
 * {@code ||}/{@code or}, {@code !}/{@code not}, parentheses and the functions {@code abs sqrt log exp}
 * (one argument) and {@code min max} (two). A comparison with a missing value (NaN) is false, as in
 * NumPy. Errors name the key, the expression, the position and what was expected.
 */
public final class Selection {
    private final String text;
    private final String key;
    private final Node root;
    private final List<String> columns;

    private Selection(String text, String key, Node root, List<String> columns) {
        this.text = text;
        this.key = key;
        this.root = root;
        this.columns = columns;
    }

    /** Parses {@code text}; {@code key} (e.g. {@code "higgs.yaml: data.selection"}) prefixes every error. */
    public static Selection parse(String text, String key) {
        Parser p = new Parser(text, key);
        Node n = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        if (!n.bool) {
            throw CliException.config(key + ": '" + text + "' is a number, not a condition; compare it, e.g. " + text + " > 0");
        }
        return new Selection(text, key, n, List.copyOf(new LinkedHashSet<>(p.names)));
    }

    /** The column names the expression reads, in order of appearance. */
    public List<String> columns() {
        return columns;
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    /** Which of {@code rows} events pass, given each column the expression reads ({@link #columns()}) as one value per event. */
    public boolean[] evaluate(Map<String, double[]> values, int rows) {
        for (String c : columns) {
            double[] v = values.get(c);
            if (v == null || v.length != rows) {
                throw new IllegalArgumentException(key + ": column '" + c + "' has " + (v == null ? "no values" : v.length + " values")
                        + "; expected " + rows);
            }
        }
        double[] r = root.eval(values, rows);
        boolean[] out = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = r[i] != 0 && !Double.isNaN(r[i]);
        }
        return out;
    }

    /** A parsed sub-expression; {@code bool} marks conditions (comparisons and logic). */
    private abstract static sealed class Node permits Num, Col, Unary, Binary {
        final boolean bool;

        Node(boolean bool) {
            this.bool = bool;
        }

        abstract double[] eval(Map<String, double[]> values, int rows);
    }

    private static final class Num extends Node {
        final double v;

        Num(double v) {
            super(false);
            this.v = v;
        }

        @Override
        double[] eval(Map<String, double[]> values, int rows) {
            double[] out = new double[rows];
            java.util.Arrays.fill(out, v);
            return out;
        }
    }

    private static final class Col extends Node {
        final String name;

        Col(String name) {
            super(false);
            this.name = name;
        }

        @Override
        double[] eval(Map<String, double[]> values, int rows) {
            return values.get(name);
        }
    }

    private static final class Unary extends Node {
        final DoubleUnaryOperator op;
        final Node a;

        Unary(boolean bool, DoubleUnaryOperator op, Node a) {
            super(bool);
            this.op = op;
            this.a = a;
        }

        @Override
        double[] eval(Map<String, double[]> values, int rows) {
            double[] x = a.eval(values, rows);
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = op.applyAsDouble(x[i]);
            }
            return out;
        }
    }

    private static final class Binary extends Node {
        final DoubleBinaryOperator op;
        final Node a;
        final Node b;

        Binary(boolean bool, DoubleBinaryOperator op, Node a, Node b) {
            super(bool);
            this.op = op;
            this.a = a;
            this.b = b;
        }

        @Override
        double[] eval(Map<String, double[]> values, int rows) {
            double[] x = a.eval(values, rows);
            double[] y = b.eval(values, rows);
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = op.applyAsDouble(x[i], y[i]);
            }
            return out;
        }
    }

    private static double truth(boolean b) {
        return b ? 1 : 0;
    }

    private static boolean isTrue(double v) {
        return v != 0 && !Double.isNaN(v);
    }

    /** Recursive descent over the grammar or → and → not → comparison → sum → product → unary → atom. */
    private static final class Parser {
        final String s;
        final String key;
        final List<String> names = new ArrayList<>();
        int pos;

        Parser(String s, String key) {
            this.s = s;
            this.key = key;
        }

        CliException error(String what) {
            return CliException.config(key + ": " + what + " at position " + (pos + 1) + " of '" + s
                    + "'; expected e.g. \"pt > 20 && abs(eta) < 2.4\"");
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String token) {
            skipSpace();
            if (!s.startsWith(token, pos)) {
                return false;
            }
            boolean word = Character.isLetter(token.charAt(0));
            int end = pos + token.length();
            if (word && end < s.length() && isNameChar(s.charAt(end))) {
                return false;
            }
            pos = end;
            return true;
        }

        Node or() {
            Node n = and();
            while (eat("||") || eat("or")) {
                n = logic(n, and(), "||", (x, y) -> truth(isTrue(x) || isTrue(y)));
            }
            return n;
        }

        Node and() {
            Node n = not();
            while (eat("&&") || eat("and")) {
                n = logic(n, not(), "&&", (x, y) -> truth(isTrue(x) && isTrue(y)));
            }
            return n;
        }

        Node logic(Node a, Node b, String op, DoubleBinaryOperator f) {
            if (!a.bool || !b.bool) {
                throw error("'" + op + "' joins conditions, but one side is a number");
            }
            return new Binary(true, f, a, b);
        }

        Node not() {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '!' && !s.startsWith("!=", pos)) {
                pos++;
                return negate(not());
            }
            if (eat("not")) {
                return negate(not());
            }
            return comparison();
        }

        Node negate(Node a) {
            if (!a.bool) {
                throw error("'not' needs a condition");
            }
            return new Unary(true, x -> truth(!isTrue(x)), a);
        }

        Node comparison() {
            Node a = sum();
            String[] ops = {"<=", ">=", "==", "!=", "<", ">"};
            for (String op : ops) {
                if (eat(op)) {
                    Node b = sum();
                    if (a.bool || b.bool) {
                        throw error("'" + op + "' compares numbers, but one side is a condition (add parentheses?)");
                    }
                    DoubleBinaryOperator f = switch (op) {
                        case "<=" -> (x, y) -> truth(x <= y);
                        case ">=" -> (x, y) -> truth(x >= y);
                        case "==" -> (x, y) -> truth(x == y);
                        case "!=" -> (x, y) -> truth(x != y && !Double.isNaN(x) && !Double.isNaN(y));
                        case "<" -> (x, y) -> truth(x < y);
                        default -> (x, y) -> truth(x > y);
                    };
                    return new Binary(true, f, a, b);
                }
            }
            return a;
        }

        Node sum() {
            Node n = product();
            while (true) {
                if (eat("+")) {
                    n = arithmetic(n, product(), "+", Double::sum);
                } else if (eat("-")) {
                    n = arithmetic(n, product(), "-", (x, y) -> x - y);
                } else {
                    return n;
                }
            }
        }

        Node product() {
            Node n = unary();
            while (true) {
                if (eat("*")) {
                    n = arithmetic(n, unary(), "*", (x, y) -> x * y);
                } else if (eat("/")) {
                    n = arithmetic(n, unary(), "/", (x, y) -> x / y);
                } else {
                    return n;
                }
            }
        }

        Node arithmetic(Node a, Node b, String op, DoubleBinaryOperator f) {
            if (a.bool || b.bool) {
                throw error("'" + op + "' needs numbers, but one side is a condition");
            }
            return new Binary(false, f, a, b);
        }

        Node unary() {
            if (eat("-")) {
                Node a = unary();
                if (a.bool) {
                    throw error("'-' needs a number");
                }
                return new Unary(false, x -> -x, a);
            }
            return atom();
        }

        Node atom() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("the expression ends too early");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node n = or();
                if (!eat(")")) {
                    throw error("missing ')'");
                }
                return n;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    int save = pos++;
                    if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                        pos++;
                    }
                    if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                            pos++;
                        }
                    } else {
                        pos = save;
                    }
                }
                try {
                    return new Num(Double.parseDouble(s.substring(start, pos)));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("bad number '" + s.substring(start, Math.min(s.length(), start + 12)) + "'");
                }
            }
            if (c == '`') {
                int end = s.indexOf('`', pos + 1);
                if (end < 0) {
                    throw error("missing closing back quote");
                }
                String name = s.substring(pos + 1, end);
                pos = end + 1;
                names.add(name);
                return new Col(name);
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && isNameChar(s.charAt(pos))) {
                    pos++;
                }
                String name = s.substring(start, pos);
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == '(') {
                    return function(name, start);
                }
                names.add(name);
                return new Col(name);
            }
            throw error("unexpected '" + c + "'");
        }

        Node function(String name, int start) {
            pos++;  // '('
            Node a = or();
            Node b = null;
            if (eat(",")) {
                b = or();
            }
            if (!eat(")")) {
                throw error("missing ')' after the arguments of " + name);
            }
            if (a.bool || (b != null && b.bool)) {
                throw error(name + "() takes numbers, not conditions");
            }
            String f = name.toLowerCase(Locale.ROOT);
            boolean two = f.equals("min") || f.equals("max");
            if (List.of("abs", "sqrt", "log", "exp", "min", "max").contains(f) && two != (b == null)) {
                return switch (f) {
                    case "abs" -> new Unary(false, Math::abs, a);
                    case "sqrt" -> new Unary(false, Math::sqrt, a);
                    case "log" -> new Unary(false, Math::log, a);
                    case "exp" -> new Unary(false, Math::exp, a);
                    case "min" -> new Binary(false, Math::min, a, b);
                    default -> new Binary(false, Math::max, a, b);
                };
            }
            pos = start;
            throw error("unknown function " + name + "() with " + (b == null ? 1 : 2) + " argument" + (b == null ? "" : "s")
                    + "; functions: abs(x), sqrt(x), log(x), exp(x), min(x, y), max(x, y)");
        }

        static boolean isNameChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '.';
        }
    }
}
