package dev.prdarts.hardware;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats memory sizes such as {@code 6GB}, {@code 512MB}, {@code 6G} or {@code 1.5GiB}.
 *
 * <p>Units are powers of 1024, as in JVM options: {@code K}, {@code KB} and {@code KiB} all mean
 * 1024 bytes; {@code M}/{@code MB}/{@code MiB}, {@code G}/{@code GB}/{@code GiB} and {@code
 * T}/{@code TB}/{@code TiB} likewise. Units are case-insensitive, a space may separate number and
 * unit, and a bare number or the unit {@code B} means bytes.
 */
public final class MemorySize {

    private static final Pattern FORM =
            Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*([a-z]*)", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Long> UNITS =
            Map.ofEntries(
                    Map.entry("", 1L),
                    Map.entry("b", 1L),
                    Map.entry("k", 1L << 10),
                    Map.entry("kb", 1L << 10),
                    Map.entry("kib", 1L << 10),
                    Map.entry("m", 1L << 20),
                    Map.entry("mb", 1L << 20),
                    Map.entry("mib", 1L << 20),
                    Map.entry("g", 1L << 30),
                    Map.entry("gb", 1L << 30),
                    Map.entry("gib", 1L << 30),
                    Map.entry("t", 1L << 40),
                    Map.entry("tb", 1L << 40),
                    Map.entry("tib", 1L << 40));

    private static final String[] SUFFIXES = {"B", "KiB", "MiB", "GiB", "TiB"};

    private MemorySize() {}

    /**
     * Returns the number of bytes {@code text} stands for, rounded down to whole bytes.
     *
     * @throws IllegalArgumentException if the text is not a positive size with a known unit
     */
    public static long parseBytes(String text) {
        if (text == null) {
            throw invalid(null);
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw invalid(text);
        }
        Long unit = UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw invalid(text);
        }
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        if (bytes.compareTo(BigDecimal.ONE) < 0
                || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw invalid(text);
        }
        return bytes.longValue();
    }

    /**
     * Returns {@code bytes} in the largest binary unit that keeps the number >= 1, e.g. 6.0 GiB.
     */
    public static String format(long bytes) {
        double value = bytes;
        int i = 0;
        while (Math.abs(value) >= 1024 && i < SUFFIXES.length - 1) {
            value /= 1024;
            i++;
        }
        if (i == 0) {
            return bytes + " B";
        }
        return String.format(Locale.ROOT, "%.1f %s", value, SUFFIXES[i]);
    }

    private static IllegalArgumentException invalid(String text) {
        String shown = text == null ? "nothing" : "'" + text + "'";
        return new IllegalArgumentException(
                "memory budget must be a positive size such as 6GB, 512MB, 6G or 1.5GiB"
                        + " (units B, K, M, G, T; powers of 1024), got "
                        + shown);
    }
}
