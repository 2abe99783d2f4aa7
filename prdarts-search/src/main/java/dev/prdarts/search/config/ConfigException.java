package dev.prdarts.search.config;

/**
 * Reports a search configuration that cannot be used: a malformed file, an unknown key, a value of
 * the wrong type or out of range, or an inconsistent schedule.
 *
 * <p>The message names the source (file, preset or command line), the key and the rule.
 */
public class ConfigException extends Exception {

    /** Creates the exception with a message naming source, key and rule. */
    public ConfigException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the parser's own exception. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
