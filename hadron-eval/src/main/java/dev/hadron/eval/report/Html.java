package dev.hadron.eval.report;

import java.util.List;

/** Small helpers to write well-formed, escaped HTML without a template engine. */
final class Html {
    /** The report's style sheet, inlined into the page's head. */
    static final String CSS = """
            :root { --ink: #1d232b; --muted: #5b6673; --rule: #d8dde3; --accent: #3f90da; --bg-alt: #f5f7f9; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--ink); background: #ffffff;
                   font: 15px/1.5 'DejaVu Sans', Verdana, 'Segoe UI', Arial, Helvetica, sans-serif; }
            header { padding: 28px 40px 18px; border-bottom: 3px solid var(--accent); background: var(--bg-alt); }
            header h1 { margin: 0 0 4px; font-size: 26px; }
            header p { margin: 0; color: var(--muted); }
            nav { padding: 10px 40px; border-bottom: 1px solid var(--rule); font-size: 14px; }
            nav a { color: var(--accent); text-decoration: none; margin-right: 18px; }
            main { max-width: 1180px; padding: 8px 40px 40px; }
            section { margin-top: 28px; }
            h2 { font-size: 20px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
            h3 { font-size: 16px; margin: 18px 0 6px; }
            table { border-collapse: collapse; margin: 8px 0 14px; font-size: 14px; }
            th, td { padding: 5px 12px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
            th { background: var(--bg-alt); font-weight: bold; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.best td { font-weight: bold; }
            figure { margin: 14px 0 22px; display: inline-block; vertical-align: top; max-width: 100%; }
            figure svg { max-width: 100%; height: auto; border: 1px solid var(--rule); }
            figcaption { color: var(--muted); font-size: 13px; max-width: 760px; margin-top: 4px; }
            pre { background: var(--bg-alt); border: 1px solid var(--rule); padding: 12px 16px; overflow-x: auto; font-size: 13px;
                  font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; }
            p.note { color: var(--muted); font-size: 13px; max-width: 900px; }
            code { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 13px; }
            footer { color: var(--muted); font-size: 12px; padding: 16px 40px; border-top: 1px solid var(--rule); }
            """;

    private final StringBuilder sb = new StringBuilder();

    Html raw(String s) {
        sb.append(s);
        return this;
    }

    Html text(String s) {
        sb.append(escape(s));
        return this;
    }

    Html open(String tag, String attrs) {
        sb.append('<').append(tag);
        if (attrs != null && !attrs.isEmpty()) {
            sb.append(' ').append(attrs);
        }
        sb.append('>');
        return this;
    }

    Html close(String tag) {
        sb.append("</").append(tag).append(">\n");
        return this;
    }

    Html element(String tag, String attrs, String text) {
        return open(tag, attrs).text(text).close(tag);
    }

    /** Text whose {@code _{sub}} and {@code ^{sup}} markup (as in plot labels) becomes sub- and superscripts. */
    Html rich(String s) {
        sb.append(richText(s));
        return this;
    }

    static String richText(String s) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if ((c == '_' || c == '^') && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int close = s.indexOf('}', i + 2);
                if (close > 0) {
                    String tag = c == '_' ? "sub" : "sup";
                    b.append('<').append(tag).append('>').append(escape(s.substring(i + 2, close))).append("</").append(tag).append('>');
                    i = close + 1;
                    continue;
                }
            }
            b.append(escape(String.valueOf(c)));
            i++;
        }
        return b.toString();
    }

    /** A two-column key/value table. */
    Html keyValues(String cssClass, List<String[]> rows) {
        open("table", "class=\"" + cssClass + "\"").raw("\n");
        for (String[] r : rows) {
            raw("<tr><th>").rich(r[0]).raw("</th><td>").rich(r[1]).raw("</td></tr>\n");
        }
        return close("table");
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A slug usable as an HTML id. */
    static String id(String s) {
        String v = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return v.isEmpty() ? "x" : v;
    }
}
