package dev.prdarts.search.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * One named array of a checkpoint: its data type, shape and values as little-endian bytes.
 *
 * <p>Values are copied off the engine when the tensor is made, so a stored tensor stays valid after
 * the array it came from is closed or changed. Instances are immutable.
 */
public final class StoredTensor {

    private final String name;
    private final DataType dataType;
    private final Shape shape;
    private final ByteBuffer data;

    private StoredTensor(String name, DataType dataType, Shape shape, ByteBuffer data) {
        this.name = name;
        this.dataType = dataType;
        this.shape = shape;
        this.data = data;
    }

    /**
     * Returns a tensor holding a copy of the values of {@code array}.
     *
     * @throws IllegalArgumentException if the name is empty or the data type has no fixed width
     */
    public static StoredTensor of(String name, NDArray array) {
        Objects.requireNonNull(array, "array");
        DataType type = array.getDataType();
        checkType(name, type);
        ByteBuffer le;
        if (type == DataType.FLOAT32) {
            float[] values = array.toFloatArray();
            le = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            le.asFloatBuffer().put(values);
        } else {
            ByteBuffer raw = array.toByteBuffer().order(ByteOrder.nativeOrder());
            le = toLittleEndian(raw, type.getNumOfBytes());
        }
        return bytes(name, type, array.getShape(), le);
    }

    /**
     * Returns a float32 tensor of {@code shape} holding a copy of {@code values}.
     *
     * @throws IllegalArgumentException if the number of values does not match the shape
     */
    public static StoredTensor floats(String name, Shape shape, float[] values) {
        ByteBuffer le = ByteBuffer.allocate(values.length * Float.BYTES);
        le.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
        return bytes(name, DataType.FLOAT32, shape, le);
    }

    /**
     * Returns a tensor over little-endian bytes; the bytes are copied.
     *
     * @param name the name, unique within a checkpoint
     * @param dataType a fixed-width data type
     * @param shape the shape
     * @param littleEndian the values from its position to its limit
     * @throws IllegalArgumentException if the name is empty, the type has no fixed width, or the
     *     number of bytes does not match shape and type
     */
    public static StoredTensor bytes(
            String name, DataType dataType, Shape shape, ByteBuffer littleEndian) {
        checkType(name, dataType);
        Objects.requireNonNull(shape, "shape");
        long expected = shape.size() * dataType.getNumOfBytes();
        if (littleEndian.remaining() != expected) {
            throw new IllegalArgumentException(
                    "tensor "
                            + name
                            + ": "
                            + dataType
                            + " "
                            + shape
                            + " needs "
                            + expected
                            + " bytes, got "
                            + littleEndian.remaining());
        }
        ByteBuffer copy = ByteBuffer.allocate(littleEndian.remaining());
        copy.put(littleEndian.duplicate());
        copy.flip();
        return new StoredTensor(name, dataType, shape, copy.asReadOnlyBuffer());
    }

    /** Returns a tensor over a read-only little-endian slice, without copying (file reader). */
    static StoredTensor wrap(String name, DataType dataType, Shape shape, ByteBuffer slice) {
        return new StoredTensor(name, dataType, shape, slice.slice().asReadOnlyBuffer());
    }

    private static void checkType(String name, DataType type) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("tensor name must not be empty");
        }
        if (type == null
                || type.getNumOfBytes() <= 0
                || type == DataType.STRING
                || type == DataType.UNKNOWN) {
            throw new IllegalArgumentException(
                    "tensor " + name + ": data type must have a fixed width, got " + type);
        }
    }

    /** Returns the name. */
    public String name() {
        return name;
    }

    /** Returns the data type. */
    public DataType dataType() {
        return dataType;
    }

    /** Returns the shape. */
    public Shape shape() {
        return shape;
    }

    /** Returns a read-only little-endian view of the values. */
    public ByteBuffer data() {
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Returns the number of value bytes. */
    public long byteSize() {
        return data.capacity();
    }

    /**
     * Returns the values of a float32 tensor.
     *
     * @throws IllegalStateException if the tensor is not float32
     */
    public float[] toFloatArray() {
        if (dataType != DataType.FLOAT32) {
            throw new IllegalStateException("tensor " + name + " is " + dataType + ", not float32");
        }
        float[] values = new float[Math.toIntExact(shape.size())];
        data().asFloatBuffer().get(values);
        return values;
    }

    /** Returns a new array with these values, owned by {@code manager}. */
    public NDArray toArray(NDManager manager) {
        if (dataType == DataType.FLOAT32) {
            return manager.create(toFloatArray(), shape);
        }
        ByteBuffer nativeOrder = ByteBuffer.allocateDirect(data.capacity());
        nativeOrder.order(ByteOrder.nativeOrder());
        ByteBuffer le = data();
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            nativeOrder.put(le);
        } else {
            nativeOrder.put(swap(le, dataType.getNumOfBytes()));
        }
        nativeOrder.flip();
        return manager.create(nativeOrder, shape, dataType);
    }

    private static ByteBuffer toLittleEndian(ByteBuffer nativeBytes, int width) {
        ByteBuffer src = nativeBytes.duplicate();
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            src = swap(src, width);
        }
        ByteBuffer copy = ByteBuffer.allocate(src.remaining());
        copy.put(src);
        copy.flip();
        return copy;
    }

    /** Returns the bytes with every element of {@code width} bytes reversed. */
    private static ByteBuffer swap(ByteBuffer in, int width) {
        ByteBuffer src = in.duplicate();
        ByteBuffer out = ByteBuffer.allocate(src.remaining());
        byte[] element = new byte[width];
        while (src.remaining() >= width) {
            src.get(element);
            for (int i = width - 1; i >= 0; i--) {
                out.put(element[i]);
            }
        }
        out.flip();
        return out;
    }

    /** Returns whether {@code o} is a tensor with the same name, type, shape and bytes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StoredTensor t
                && name.equals(t.name)
                && dataType == t.dataType
                && shape.equals(t.shape)
                && data().equals(t.data());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dataType, shape, data());
    }

    @Override
    public String toString() {
        return name + " " + dataType + " " + shape;
    }
}
