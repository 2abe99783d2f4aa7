package dev.prdarts.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Turns exceptions into the one line the user sees. */
final class Errors {

    /** Picocli's ending of a value that is not of a numeric option's Java type. */
    private static final Pattern NOT_A_NUMBER =
            Pattern.compile("'([^']*)' is not an? (int|long|short|byte|float|double)$");

    private Errors() {}

    /**
     * Returns one line describing a command-line mistake found while parsing (unknown option, bad
     * value, missing parameter), with the help command of the subcommand it happened in.
     */
    static String usage(ParameterException ex) {
        String msg = ex.getMessage() == null ? "bad command line" : ex.getMessage();
        msg = msg.replace('\n', ' ').strip();
        if (msg.endsWith(".")) {
            msg = msg.substring(0, msg.length() - 1);
        }
        if (msg.length() > 1
                && Character.isUpperCase(msg.charAt(0))
                && Character.isLowerCase(msg.charAt(1))) {
            msg = msg.substring(0, 1).toLowerCase(Locale.ROOT) + msg.substring(1);
        }
        Matcher m = NOT_A_NUMBER.matcher(msg);
        if (m.find()) {
            boolean whole = !m.group(2).equals("float") && !m.group(2).equals("double");
            String value = m.group(1);
            String problem;
            if (whole && value.strip().matches("[-+]?[0-9]+")) {
                problem = "'" + value + "' is out of range";
            } else {
                problem = "'" + value + "' is not a " + (whole ? "whole number" : "number");
            }
            msg = msg.substring(0, m.start()) + problem;
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                msg += " (did you mean " + String.join(" or ", suggestions) + "?)";
            }
        }
        String command =
                ex.getCommandLine() == null
                        ? "prdarts"
                        : ex.getCommandLine().getCommandSpec().qualifiedName(" ");
        return msg + "; see ./" + command + " --help";
    }

    /**
     * Returns the error of a command group run without one of its subcommands; it names them all
     * and goes through the parameter exception handler, so the user sees one line and exit code 2.
     *
     * @param spec the command group
     */
    static ParameterException subcommandRequired(CommandSpec spec) {
        String names = String.join(", ", spec.subcommands().keySet());
        return new ParameterException(
                spec.commandLine(), "missing subcommand: one of " + names + " is required");
    }

    /** Returns one line describing the failure, without a stack trace. */
    static String oneLine(Throwable ex) {
        Throwable t = ex;
        if (t instanceof UncheckedIOException && t.getCause() != null) {
            t = t.getCause();
        }
        String msg;
        if (t instanceof NoSuchFileException missing && missing.getReason() != null) {
            // the reason already says what was expected at that path
            msg = t.getMessage();
        } else if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
            msg = "file not found: " + t.getMessage();
        } else if (t instanceof FileAlreadyExistsException exists
                && exists.getReason() == null
                && exists.getFile() != null) {
            msg = "cannot create " + exists.getFile() + ": something of that name already exists";
        } else if (t instanceof AccessDeniedException) {
            msg = "permission denied: " + t.getMessage();
        } else if (t.getMessage() == null || t.getMessage().isBlank()) {
            msg = t.getClass().getSimpleName();
        } else if (t instanceof JsonProcessingException json) {
            // Jackson's own message ends in a description of its input source: leave that out
            msg = "not valid JSON: " + json.getOriginalMessage();
        } else {
            msg = t.getMessage();
        }
        return printable(msg.replace('\n', ' ').strip());
    }

    /** Returns {@code text} with control characters (a binary file's bytes) shown as {@code ?}. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return b.toString();
    }
}
