package dev.prdarts.ops.toml;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catches TOML mistakes that the TOML4J parser accepts silently.
 *
 * <p>TOML4J drops a key written without a value ({@code seed = }) instead of refusing the file, so
 * a config would quietly fall back to a default. Every TOML reader of the project calls {@link
 * #emptyValue(String)} before parsing.
 */
public final class TomlChecks {

    private static final Pattern EMPTY_VALUE =
            Pattern.compile("^\\s*([A-Za-z0-9_.\"'-]+)\\s*=\\s*(#.*)?$");

    private TomlChecks() {}

    /**
     * Returns a description of the first key that has no value, such as {@code line 3: key 'seed'
     * has no value}, or empty when there is none.
     */
    public static Optional<String> emptyValue(String text) {
        String[] lines = text.split("\r?\n", -1);
        boolean inMultiLineString = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (countTripleQuotes(line) % 2 == 1) {
                inMultiLineString = !inMultiLineString;
                continue;
            }
            if (inMultiLineString) {
                continue;
            }
            Matcher m = EMPTY_VALUE.matcher(line);
            if (m.matches()) {
                return Optional.of("line " + (i + 1) + ": key '" + m.group(1) + "' has no value");
            }
        }
        return Optional.empty();
    }

    private static int countTripleQuotes(String line) {
        int count = 0;
        for (String quote : new String[] {"\"\"\"", "'''"}) {
            int from = 0;
            while ((from = line.indexOf(quote, from)) >= 0) {
                count++;
                from += 3;
            }
        }
        return count;
    }
}
