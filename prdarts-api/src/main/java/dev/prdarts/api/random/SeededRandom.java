package dev.prdarts.api.random;

import java.util.random.RandomGenerator;

/**
 * A small seeded random generator (SplitMix64) whose whole state is one {@code long}.
 *
 * <p>Every random choice of a search goes through an instance of this class so a run can be
 * repeated from its seed and resumed from a checkpoint by saving {@link #state()}. Not thread safe:
 * give each thread its own instance.
 */
public final class SeededRandom implements RandomGenerator {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    /** Creates a generator from a seed. */
    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** Returns a new generator seeded from this one's seed and a stream name. */
    public static SeededRandom derive(long seed, String stream) {
        long h = seed;
        for (int i = 0; i < stream.length(); i++) {
            h = mix(h ^ stream.charAt(i));
        }
        return new SeededRandom(h);
    }

    /** Returns the current state, enough to continue the same sequence later. */
    public long state() {
        return state;
    }

    /** Sets the state saved by {@link #state()}. */
    public void restore(long savedState) {
        this.state = savedState;
    }

    @Override
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
