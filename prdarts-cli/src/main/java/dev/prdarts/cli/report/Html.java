package dev.prdarts.cli.report;

import java.util.Base64;
import java.util.Locale;

/** Small helpers for writing HTML text. */
final class Html {

    private Html() {}

    /** Returns the text with {@code & < > " '} escaped, safe in element content and attributes. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Returns a PNG as a {@code data:} URI. */
    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** Returns a fraction as a percentage with two decimals, or an em dash for null. */
    static String pct(Double fraction) {
        return fraction == null ? "\u2014" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    /** Returns a number with the given decimals, or an em dash for null. */
    static String num(Double value, int decimals) {
        return value == null ? "\u2014" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Returns a duration in seconds as {@code 1h 02m} or {@code 3m 20s}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }

    /** The style sheet shared by the run report and the comparison. */
    static final String STYLE =
            """
            body { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; margin: 24px 32px;
                   color: #222; max-width: 1400px; }
            h1 { font-size: 26px; margin-bottom: 4px; }
            h2 { font-size: 20px; border-bottom: 2px solid #ccd; padding-bottom: 4px; margin-top: 32px; }
            h3 { font-size: 17px; margin: 20px 0 6px; }
            h4 { font-size: 15px; margin: 14px 0 6px; }
            .status { font-size: 15px; color: #444; }
            .status.running { color: #a05a00; }
            .notes { background: #fff4e0; border-left: 4px solid #e0a030; padding: 8px 12px; }
            nav a { margin-right: 14px; }
            table { border-collapse: collapse; font-size: 13px; }
            th, td { border: 1px solid #ccd; padding: 3px 8px; vertical-align: top; text-align: left; }
            th { background: #eef0f6; }
            pre { background: #f6f7f9; border: 1px solid #dde; padding: 10px; font-size: 13px;
                  overflow-x: auto; }
            figure { margin: 12px 0 24px; }
            figure img { max-width: 100%; border: 1px solid #dde; }
            figcaption { font-size: 13px; color: #555; }
            .diagram svg { max-width: 100%; height: auto; border: 1px solid #dde; }
            .mono, .cand { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 12px; }
            .cand { display: flex; align-items: center; gap: 6px; padding: 1px 3px; white-space: nowrap; }
            .cand .w { width: 46px; text-align: right; color: #333; }
            .cand .bar { display: inline-block; height: 8px; background: #9fb4d9; }
            .cand.best { font-weight: bold; }
            .cand.new { background: #dff5df; }
            .cand.parent { outline: 1px dashed #2e8b3a; }
            .cand.dropped { color: #999; text-decoration: line-through; }
            .cand .from { color: #2e6b33; font-size: 11px; }
            .kind-conv { color: #1f5fa8; } .kind-pool { color: #d0700a; }
            .kind-skip { color: #2e8b3a; } .kind-zero { color: #808080; }
            .cand.dropped.kind-conv, .cand.dropped.kind-pool, .cand.dropped.kind-skip { color: #999; }
            .legend .cand { display: inline-flex; margin-right: 14px; }
            .cycle { margin-bottom: 28px; }
            .side { display: grid; gap: 16px; }
            """;
}
