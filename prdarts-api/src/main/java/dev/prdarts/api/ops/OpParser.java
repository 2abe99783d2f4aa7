package dev.prdarts.api.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the canonical text form of an operation; rejects anything else. */
final class OpParser {

    private static final Pattern POOL = Pattern.compile("(max_pool|avg_pool)\\((.*)\\)");
    private static final Pattern CONV = Pattern.compile("conv\\((.*)\\)");
    private static final Pattern CONV_ARGS = Pattern.compile("k=([^,]*),d=([^,]*),x=\\[(.*)\\]");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

    private OpParser() {}

    static OpConfig parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("operation text must not be null");
        }
        switch (text) {
            case "skip":
                return SkipOp.INSTANCE;
            case "zero":
                return ZeroOp.INSTANCE;
            default:
                break;
        }

        Matcher pool = POOL.matcher(text);
        if (pool.matches()) {
            PoolType type = pool.group(1).equals("max_pool") ? PoolType.MAX : PoolType.AVG;
            int k = number(text, "pool kernel", pool.group(2));
            return construct(text, () -> new PoolOp(type, k));
        }

        Matcher conv = CONV.matcher(text);
        if (conv.matches()) {
            Matcher args = CONV_ARGS.matcher(conv.group(1));
            if (!args.matches()) {
                throw bad(
                        text,
                        "conv arguments '"
                                + conv.group(1)
                                + "' must read k=<kernel>,d=<dilation>,x=[<factors>]");
            }
            int k = number(text, "kernel k", args.group(1));
            int d = number(text, "dilation d", args.group(2));
            List<Integer> x = new ArrayList<>();
            String list = args.group(3);
            if (!list.isEmpty()) {
                for (String part : list.split(",", -1)) {
                    x.add(number(text, "expansion factor", part));
                }
            }
            return construct(text, () -> new ConvOp(k, d, x));
        }

        throw bad(
                text,
                "unknown operation; expected max_pool(k), avg_pool(k), skip, zero or"
                        + " conv(k=..,d=..,x=[..])");
    }

    private static int number(String text, String what, String value) {
        if (!NUMBER.matcher(value).matches()) {
            throw bad(text, what + " '" + value + "' is not a positive integer");
        }
        return Integer.parseInt(value);
    }

    private static OpConfig construct(String text, java.util.function.Supplier<OpConfig> maker) {
        try {
            return maker.get();
        } catch (IllegalArgumentException e) {
            throw bad(text, e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad operation '" + text + "': " + why);
    }
}
