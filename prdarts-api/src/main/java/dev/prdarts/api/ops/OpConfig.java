package dev.prdarts.api.ops;

/**
 * A candidate operation of a mixed edge (DESIGN section 2).
 *
 * <p>Implementations are immutable values; {@link #toString()} returns the canonical text form and
 * {@link #parse(String)} reads it back.
 */
public sealed interface OpConfig permits PoolOp, SkipOp, ZeroOp, ConvOp {

    /** Returns the canonical text form, for example {@code conv(k=3,d=1,x=[])}. */
    String text();

    /** Returns the family of this operation (conv, pool, skip or zero). */
    OpKind kind();

    /**
     * Parses the canonical text form.
     *
     * @param text an operation such as {@code max_pool(3)} or {@code conv(k=5,d=1,x=[1,2])}
     * @return the operation
     * @throws IllegalArgumentException naming the bad part when the text is not canonical
     */
    static OpConfig parse(String text) {
        return OpParser.parse(text);
    }
}
